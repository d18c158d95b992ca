import type { Claim } from '../claims/claim.ts';
import { parseClaim } from '../claims/claim-schema.ts';
import { REVIEW_HASH_PREFIX } from './shared-link-hash.ts';
import { TEXT_HASH_PREFIX, textHash } from '../text/text-hash.ts';

export { REVIEW_HASH_PREFIX };

/** Longest review link offered: longer ones are cut or refused by mail and chat apps. */
export const MAX_REVIEW_LINK_LENGTH = 8000;

/** Most bytes a review may expand to when opened (a guard against decompression bombs). */
export const MAX_REVIEW_JSON_BYTES = 2_000_000;

/** Longest review link hash opened; far above what the app makes (MAX_REVIEW_LINK_LENGTH). */
export const MAX_REVIEW_HASH_LENGTH = 100_000;

/** Said when a review link is bigger than this app opens: it is not damaged, just too large. */
export const REVIEW_TOO_LARGE =
  'This review link holds more than this app opens at once, so it was not opened. Ask whoever sent it for the review as an exported file instead.';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bytes as unpadded base64url (only A–Z a–z 0–9 - _, which no mail or chat app alters). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64URL[(triple >> 18) & 63];
    out += BASE64URL[(triple >> 12) & 63];
    if (b !== undefined) out += BASE64URL[(triple >> 6) & 63];
    if (c !== undefined) out += BASE64URL[triple & 63];
  }
  return out;
}

/** Unpadded base64url to bytes, or null when it is not valid base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let n = 0;
  for (let i = 0; i < text.length; i += 4) {
    const values = [0, 1, 2, 3].map((j) => BASE64URL.indexOf(text[i + j] ?? 'A'));
    const [a = 0, b = 0, c = 0, d = 0] = values;
    const triple = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[n++] = (triple >> 16) & 255;
    if (i + 2 < text.length) bytes[n++] = (triple >> 8) & 255;
    if (i + 3 < text.length) bytes[n++] = triple & 255;
  }
  return bytes;
}

function checksum(data: string): string {
  return textHash(data).slice(TEXT_HASH_PREFIX.length, TEXT_HASH_PREFIX.length + 8);
}

/** The JSON a review link carries: the claims as saved, with only the fields a review needs. */
export function reviewPayload(claims: readonly Claim[]): string {
  return JSON.stringify({
    app: 'fact-check-reader',
    v: 1,
    claims: claims.map((c) => ({
      id: c.id,
      target: c.target,
      status: c.status,
      note: c.note,
      evidence: c.evidence,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    })),
  });
}

/** The hash of a review link for compressed payload bytes, with a checksum against damage. */
export function encodeReviewHash(compressed: Uint8Array): string {
  const data = toBase64Url(compressed);
  return `${REVIEW_HASH_PREFIX}v=1&d=${data}&k=${checksum(data)}`;
}

const DAMAGED =
  'This review link is incomplete or was changed after it was made — it may have been cut off when it was copied.';

/** The compressed bytes a review link's hash carries, or why it cannot be read. */
export function decodeReviewHash(
  hash: string,
): { ok: true; compressed: Uint8Array<ArrayBuffer> } | { ok: false; error: string } {
  if (!hash.startsWith(REVIEW_HASH_PREFIX)) return { ok: false, error: DAMAGED };
  if (hash.length > MAX_REVIEW_HASH_LENGTH) return { ok: false, error: REVIEW_TOO_LARGE };
  const params = new Map<string, string>();
  for (const part of hash.slice(REVIEW_HASH_PREFIX.length).split('&')) {
    const at = part.indexOf('=');
    if (at > 0) params.set(part.slice(0, at), part.slice(at + 1));
  }
  const version = params.get('v');
  if (version !== undefined && version !== '1' && /^\d+$/.test(version)) {
    return { ok: false, error: 'This review link was made by a newer version of the app.' };
  }
  const data = params.get('d');
  const sum = params.get('k');
  if (version !== '1' || data === undefined || sum === undefined || checksum(data) !== sum) {
    return { ok: false, error: DAMAGED };
  }
  const compressed = fromBase64Url(data);
  return compressed ? { ok: true, compressed } : { ok: false, error: DAMAGED };
}

/** The claims in a review payload; claims that fail validation are counted, not returned. */
export function parseReviewPayload(
  json: string,
): { ok: true; claims: Claim[]; invalid: number } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: DAMAGED };
  }
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'claims')) {
    return { ok: false, error: DAMAGED };
  }
  const list: unknown = (value as { claims: unknown }).claims;
  if (!Array.isArray(list)) return { ok: false, error: DAMAGED };
  const claims: Claim[] = [];
  let invalid = 0;
  const seen = new Set<string>();
  for (const item of list) {
    const parsed = parseClaim(item);
    if (parsed.ok && !seen.has(parsed.claim.id)) {
      seen.add(parsed.claim.id);
      claims.push(parsed.claim);
    } else invalid++;
  }
  return { ok: true, claims, invalid };
}
