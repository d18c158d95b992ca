/** Prefix naming the algorithm, so a stored hash from a different algorithm never compares equal. */
export const TEXT_HASH_PREFIX = 'fnv1a64:';

// UTF-8 bytes are encoded into this buffer and hashed a chunk at a time; 4 bytes of headroom
// let one character be written past the flush mark.
const CHUNK = 1 << 15;
const bytes = new Uint8Array(CHUNK + 4);

// The last text hashed: targetFor is called once per claim on the same article text.
let lastText: string | undefined;
let lastHash = '';

/**
 * FNV-1a 64-bit hash of the text's UTF-8 bytes, as `fnv1a64:` and 16 lowercase hex digits.
 *
 * Not cryptographic: it only tells "same canonical text" from "edited text". UTF-8 bytes (lone
 * surrogates as U+FFFD, as TextEncoder does) make it equal to FNV-1a of the stored file, so any
 * other implementation can reproduce it.
 */
export function textHash(text: string): string {
  if (text === lastText) return lastHash;
  // The 64-bit state is four 16-bit limbs, low first, so every product stays a small integer:
  // Number loses bits past 2^53 and BigInt is far too slow for megabyte texts.
  const state = [0x2325, 0x8422, 0x9ce4, 0xcbf2];
  let n = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes[n++] = code;
    } else if (code < 0x800) {
      bytes[n++] = 0xc0 | (code >> 6);
      bytes[n++] = 0x80 | (code & 0x3f);
    } else {
      if (code >= 0xd800 && code <= 0xdfff) {
        const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
        if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          i++;
        } else {
          code = 0xfffd;
        }
      }
      if (code >= 0x10000) {
        bytes[n++] = 0xf0 | (code >> 18);
        bytes[n++] = 0x80 | ((code >> 12) & 0x3f);
      } else {
        bytes[n++] = 0xe0 | (code >> 12);
      }
      bytes[n++] = 0x80 | ((code >> 6) & 0x3f);
      bytes[n++] = 0x80 | (code & 0x3f);
    }
    if (n >= CHUNK) {
      hashBytes(state, n);
      n = 0;
    }
  }
  hashBytes(state, n);
  const hex = state.map((limb) => limb.toString(16).padStart(4, '0')).reverse();
  lastText = text;
  lastHash = TEXT_HASH_PREFIX + hex.join('');
  return lastHash;
}

/** Runs FNV-1a over the first `count` bytes of the buffer, updating the four-limb state. */
function hashBytes(state: number[], count: number): void {
  let h0 = state[0] ?? 0;
  let h1 = state[1] ?? 0;
  let h2 = state[2] ?? 0;
  let h3 = state[3] ?? 0;
  for (let i = 0; i < count; i++) {
    h0 ^= bytes[i] ?? 0;
    // The FNV prime is 2^40 + 0x1b3, so h * prime = h * 0x1b3 + (h << 40), modulo 2^64.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  state[0] = h0;
  state[1] = h1;
  state[2] = h2;
  state[3] = h3;
}
