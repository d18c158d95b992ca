import { isClaimPermalinkHash } from './shared-link-hash.ts';

// The claim link's wire format: percent-encoding, the checksum, and reading a hash back into its
// checked parameters. It has no schema and no dependency, so that the page's boot script (see
// src/app/boot/) and the app read links with this one implementation; permalink-codec.ts
// validates the parameters it returns.

/** What a claim link's hash starts with. */
export const PERMALINK_HASH_PREFIX = '#claim?';

/** The format version this app writes and reads. */
export const PERMALINK_VERSION = 1;

/** Longer hashes are refused unread: no link this app makes comes near it. */
export const PERMALINK_HASH_MAX = 100_000;

/** Why a hash could not be read as a claim link (see PERMALINK_ERRORS for what is said). */
export type PermalinkWireError =
  'notClaimLink' | 'tooLong' | 'incomplete' | 'tampered' | 'newer' | 'damaged';

/** A claim link's parameters, in link order, with the checksum verified. */
export type PermalinkWireResult =
  | { readonly ok: true; readonly params: readonly (readonly [string, string])[] }
  | { readonly ok: false; readonly error: PermalinkWireError };

// Checked one by one rather than with /[…]+$/, which takes quadratic time on a long run of them.
const TRAILING_PROSE = ' \t\r\n.,;:!?)]}>\'"';

/**
 * Writes parameters as a claim link: each key and value percent-encoded (see
 * encodePermalinkComponent), joined with `&`, and the checksum appended as `k`.
 * encodeClaimPermalink is the way to link a claim; this is the format itself.
 */
export function formatPermalink(params: readonly (readonly [string, string])[]): string {
  const canonical = canonicalForm(params);
  return `#${canonical}&k=${fnv1a32(canonical)}`;
}

/** Percent-encodes text so that only `A-Za-z0-9-._~` and `%XX` escapes remain. */
export function encodePermalinkComponent(text: string): string {
  return encodeURIComponent(toWellFormed(text)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Reads a claim link (a URL hash, with or without `#`) into its parameters, checking its
 * version and checksum but not what the parameters say; never throws.
 */
export function readPermalinkParams(hash: string): PermalinkWireResult {
  if (hash.length > PERMALINK_HASH_MAX) return failure('tooLong');
  if (!isClaimPermalinkHash(hash)) return failure('notClaimLink');
  // Trailing spaces and sentence punctuation are what copying a link out of prose adds; the
  // link itself always ends in a letter or digit, so nothing of it is lost.
  let length = hash.length;
  while (length > 0 && TRAILING_PROSE.includes(hash.charAt(length - 1))) length--;
  const body = hash.slice(hash.startsWith('#') ? 1 : 0, length).slice('claim?'.length);
  if (body === '') return failure('incomplete');
  const pieces = body.split('&');

  // A newer app may sign differently, so its version is read before the checksum.
  const version = pieces.find((piece) => piece.startsWith('v='))?.slice(2);
  if (version !== undefined && /^[0-9]{1,9}$/.test(version)) {
    if (Number(version) > PERMALINK_VERSION) return failure('newer');
  }

  const last = pieces[pieces.length - 1] ?? '';
  if (!last.startsWith('k=')) {
    // The checksum comes last, so a link without it at the end was cut short, unless a
    // checksum sits somewhere in the middle.
    const misplaced = pieces.some((piece) => piece.startsWith('k='));
    return failure(misplaced ? 'tampered' : 'incomplete');
  }
  const check = last.slice(2).toLowerCase();
  if (!/^[0-9a-f]{8}$/.test(check)) {
    return failure(/^[0-9a-f]{0,7}$/.test(check) ? 'incomplete' : 'tampered');
  }

  const params: [string, string][] = [];
  for (const piece of pieces.slice(0, -1)) {
    const equals = piece.indexOf('=');
    const key = decodeComponent(equals === -1 ? piece : piece.slice(0, equals));
    const value = decodeComponent(equals === -1 ? '' : piece.slice(equals + 1));
    if (key === undefined || value === undefined) return failure('damaged');
    params.push([key, value]);
  }
  if (fnv1a32(canonicalForm(params)) !== check) return failure('tampered');
  return { ok: true, params };
}

function failure(error: PermalinkWireError): PermalinkWireResult {
  return { ok: false, error };
}

/** The checksummed text: `claim?` and the parameters, each re-encoded the one canonical way. */
function canonicalForm(params: readonly (readonly [string, string])[]): string {
  const pairs = params.map(
    ([key, value]) => `${encodePermalinkComponent(key)}=${encodePermalinkComponent(value)}`,
  );
  return `${PERMALINK_HASH_PREFIX.slice(1)}${pairs.join('&')}`;
}

/** Decodes one key or value as URLSearchParams would (`+` is a space); undefined if malformed. */
function decodeComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** FNV-1a 32 of an ASCII string (the canonical form is ASCII, so its bytes are its code units). */
function fnv1a32(ascii: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < ascii.length; i++) {
    hash ^= ascii.charCodeAt(i) & 0xff;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

// encodeURIComponent throws on a lone surrogate, which a sliced prefix or suffix can end in.
function toWellFormed(text: string): string {
  return text.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}
