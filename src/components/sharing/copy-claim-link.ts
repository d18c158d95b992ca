import type { Article } from '../../core/articles/article-schema.ts';
import { isOwnArticleId } from '../../core/articles/own-article-id.ts';
import type { Claim } from '../../core/claims/claim.ts';
import { encodeClaimPermalink } from '../../core/sharing/permalink-codec.ts';
import { appBaseUrl, shareOrCopyLink, type ShareOutcome } from '../../dom/sharing/share-link.ts';

/** The message for the polite live region after sharing a link. */
export function shareMessage(outcome: ShareOutcome, what: string): string | null {
  switch (outcome) {
    case 'copied':
      return `${what} copied`;
    case 'shared':
      return `${what} shared`;
    case 'cancelled':
      return null;
    case 'failed':
      return `${what} could not be copied: this browser blocked the clipboard. It is now in the address bar.`;
  }
}

/** Passes on `url`; if the clipboard is blocked, puts it in the address bar to copy from there. */
export async function passOnLink(url: string, what: string, title: string): Promise<string | null> {
  const outcome = await shareOrCopyLink(url, title);
  // Without navigation or a hashchange event, so the page does not react to its own link.
  if (outcome === 'failed') window.history.replaceState(null, '', url);
  return shareMessage(outcome, what);
}

/**
 * Copies (or shares) a permalink to one claim and returns the message to announce. A claim on
 * an added article carries the article's title and source, to be named where it isn't stored.
 */
export function copyClaimLink(claim: Claim, article?: Article): Promise<string | null> {
  const info =
    article && isOwnArticleId(article.id)
      ? { title: article.headline, ...(article.url === undefined ? {} : { url: article.url }) }
      : undefined;
  const url = appBaseUrl() + encodeClaimPermalink(claim, info);
  return passOnLink(url, 'Link', `“${claim.target.quote.exact.slice(0, 80)}”`);
}
