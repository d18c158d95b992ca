import { normalizeText } from '../text/normalize-text.ts';

/** One part of a word diff: text both sides share, or text only one side has. */
export interface DiffPart {
  readonly kind: 'same' | 'added' | 'removed';
  /** As written: `same` and `removed` parts in `a`'s spelling, `added` parts in `b`'s. */
  readonly text: string;
}

/** A word or punctuation mark with the whitespace after it, and its comparison key. */
interface DiffPiece {
  readonly text: string;
  readonly key: string;
}

const DIFF_PIECE = /[\p{L}\p{M}\p{N}]+(?:['’‘ʼ\-‐‑–][\p{L}\p{M}\p{N}]+)*|\S/gu;

/** `text` cut into words and punctuation marks, each keeping the whitespace that follows it. */
function diffPieces(text: string): DiffPiece[] {
  const matches = [...text.matchAll(DIFF_PIECE)];
  if (matches.length === 0) return text === '' ? [] : [{ text, key: '' }];
  return matches.map((m, i) => {
    const from = i === 0 ? 0 : m.index;
    const to = matches[i + 1]?.index ?? text.length;
    return { text: text.slice(from, to), key: normalizeText(m[0]).text.toLowerCase() };
  });
}

/**
 * A word-level diff of `a` into `b`, by longest common subsequence of words and punctuation
 * marks. Words compare case-blind with quotes and dashes folded (see normalize-text.ts), but
 * otherwise as written: "five" and "5" differ, because the diff shows what each outlet wrote.
 * The `same` and `removed` parts joined give back `a`; the `added` parts are `b`'s own text.
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const left = diffPieces(a);
  const right = diffPieces(b);
  let prefix = 0;
  while (
    prefix < left.length &&
    prefix < right.length &&
    left[prefix]?.key === right[prefix]?.key
  ) {
    prefix++;
  }
  let suffix = 0;
  while (
    suffix < left.length - prefix &&
    suffix < right.length - prefix &&
    left[left.length - 1 - suffix]?.key === right[right.length - 1 - suffix]?.key
  ) {
    suffix++;
  }
  const n = left.length - prefix - suffix;
  const m = right.length - prefix - suffix;
  // lcs[i * (m + 1) + j]: common subsequence length of the middles from i and j onwards.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        left[prefix + i]?.key === right[prefix + j]?.key
          ? (lcs[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j] ?? 0, lcs[i * (m + 1) + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last !== undefined && last.kind === kind)
      parts[parts.length - 1] = { kind, text: last.text + text };
    else if (text !== '') parts.push({ kind, text });
  };
  for (let k = 0; k < prefix; k++) push('same', left[k]?.text ?? '');
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const l = left[prefix + i];
    const r = right[prefix + j];
    if (i < n && j < m && l?.key === r?.key) {
      push('same', l?.text ?? '');
      i++;
      j++;
    } else if (
      i < n &&
      (j >= m || (lcs[(i + 1) * (m + 1) + j] ?? 0) >= (lcs[i * (m + 1) + j + 1] ?? 0))
    ) {
      // On a tie the removed words come first, as readers expect "old → new".
      push('removed', l?.text ?? '');
      i++;
    } else {
      push('added', r?.text ?? '');
      j++;
    }
  }
  for (let k = left.length - suffix; k < left.length; k++) push('same', left[k]?.text ?? '');
  return parts;
}
