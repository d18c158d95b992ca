// Recognising a link in the address is all the first page load needs; decoding one (the
// permalink and review-link codecs, with their schemas) loads only when a link is there.

/** What a whole-review link's hash starts with. */
export const REVIEW_HASH_PREFIX = '#review?';

/** Whether a URL hash is meant to be a claim link (it may still be broken: see decode). */
export function isClaimPermalinkHash(hash: string): boolean {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body === 'claim' || body.startsWith('claim?');
}

/** Whether a URL hash is meant to carry a shared claim or review (it may still be broken). */
export function isSharedLinkHash(hash: string): boolean {
  return isClaimPermalinkHash(hash) || hash.startsWith(REVIEW_HASH_PREFIX);
}
