import type { TextRange } from '../claims/claim.ts';

/**
 * A text in matching form, with the way back to the original's offsets.
 *
 * Matching form: curly single quotes and primes ‘ ’ ‚ ‛ ′ become ', curly double quotes and
 * double primes “ ” „ ‟ ″ become ", dashes and the minus sign ‐ ‑ ‒ – — ― − become -, the
 * ellipsis … becomes ..., and every run of whitespace (anything JavaScript's `\s` matches,
 * NBSP and line breaks included) becomes one space. Nothing else changes.
 *
 * Case is deliberately kept. Lower-casing can change a string's length ('İ' becomes two code
 * units), which would break the offset map; and in news text case carries meaning ("US" the
 * country, "us" the pronoun; "May" the prime minister, "may" the verb), so a case-blind anchor
 * could settle on a different statement. A quote whose case was edited still matches through
 * the fuzzy matcher, at the cost of one error per changed letter.
 */
export interface NormalizedText {
  /** The original text. */
  readonly original: string;
  /** The text in matching form. */
  readonly text: string;
  /**
   * `starts[i]` is the original offset of the character that produced `text[i]`; the three
   * dots of an ellipsis share one, and a collapsed whitespace run's space has the run's start.
   * `starts[text.length]` is `original.length`. Non-decreasing.
   */
  readonly starts: Uint32Array;
}

/** Whether a UTF-16 code unit is whitespace, exactly as JavaScript's `\s` defines it. */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function replacementFor(code: number): string | undefined {
  switch (code) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201a: // ‚
    case 0x201b: // ‛
    case 0x2032: // ′
      return "'";
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x201f: // ‟
    case 0x2033: // ″
      return '"';
    case 0x2010: // ‐
    case 0x2011: // ‑
    case 0x2012: // ‒
    case 0x2013: // –
    case 0x2014: // —
    case 0x2015: // ―
    case 0x2212: // −
      return '-';
    case 0x2026: // …
      return '...';
    default:
      return undefined;
  }
}

/** Puts a text in matching form (see NormalizedText) and records where each character came from. */
export function normalizeText(original: string): NormalizedText {
  const length = original.length;
  let ellipses = 0;
  for (let i = original.indexOf('…'); i !== -1; i = original.indexOf('…', i + 1)) ellipses++;
  const starts = new Uint32Array(length + 2 * ellipses + 1);
  const parts: string[] = [];
  let n = 0;
  // Unchanged stretches are copied with one slice each, which is much faster than per character.
  let copyFrom = 0;
  let i = 0;
  while (i < length) {
    const code = original.charCodeAt(i);
    if (isWhitespaceCode(code)) {
      let j = i + 1;
      while (j < length && isWhitespaceCode(original.charCodeAt(j))) j++;
      starts[n++] = i;
      if (code !== 0x20 || j !== i + 1) {
        parts.push(original.slice(copyFrom, i), ' ');
        copyFrom = j;
      }
      i = j;
      continue;
    }
    const replacement = replacementFor(code);
    if (replacement !== undefined) {
      parts.push(original.slice(copyFrom, i), replacement);
      for (let k = 0; k < replacement.length; k++) starts[n++] = i;
      copyFrom = i + 1;
    } else {
      starts[n++] = i;
    }
    i++;
  }
  parts.push(original.slice(copyFrom));
  starts[n] = length;
  return { original, text: parts.join(''), starts: starts.subarray(0, n + 1) };
}

/** Original offset just past the character that produced `normalized.text[end - 1]`. */
function originalEnd(normalized: NormalizedText, end: number): number {
  const { starts } = normalized;
  if (end <= 0) return starts[0] ?? 0;
  const last = starts[end - 1] ?? 0;
  // An ellipsis's dots share one start: step past all of them to the next original character.
  let j = end;
  while (j < starts.length - 1 && starts[j] === last) j++;
  return starts[j] ?? normalized.original.length;
}

/**
 * Maps a range of the matching form back to the original text.
 *
 * A range that covers part of an expanded ellipsis covers the whole "…"; one that starts or ends
 * on a collapsed whitespace run covers the whole run (see matchQuote for trimming that).
 */
export function toOriginalRange(normalized: NormalizedText, start: number, end: number): TextRange {
  const from = normalized.starts[start] ?? normalized.original.length;
  return { start: from, end: Math.max(from, originalEnd(normalized, end)) };
}

/**
 * Maps an original offset into the matching form: the index of the character whose original
 * span contains it (the first dot of an ellipsis, the space of a whitespace run).
 */
export function toNormalizedOffset(normalized: NormalizedText, offset: number): number {
  const { starts } = normalized;
  const last = starts.length - 1;
  if (offset <= 0) return 0;
  if (offset >= (starts[last] ?? 0)) return last;
  // Binary search for the first index whose start is past the offset.
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) > offset) hi = mid;
    else lo = mid + 1;
  }
  let index = lo - 1;
  while (index > 0 && starts[index - 1] === starts[index]) index--;
  return Math.max(0, index);
}
