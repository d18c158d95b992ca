/**
 * The story order both reports share: a global monotone alignment of their sentences.
 *
 * Two reports of one event tend to tell it in the same order, though not strictly (a lead sums
 * up what the body tells later). From each sentence's best-scoring counterparts (at least
 * ANCHOR_SCORE, up to ANCHORS_PER_SENTENCE of them) the alignment keeps the chain of pairs that
 * rises in both reports with the greatest total score: a weighted longest increasing
 * subsequence, found with a Fenwick tree of running maxima in O(P log M) for P pairs. Those pairs
 * are anchors. A candidate counterpart is "in place" when it lies between the counterparts of
 * the nearest anchors before and after the passage, and those are at most MAX_GAP sentences
 * apart: the neighbours then say where the passage's counterpart should be.
 */
import type { TextRange } from '../claims/claim.ts';

/** One sentence of each report that the alignment pairs. */
export interface Anchor {
  /** Sentence index in the source report. */
  readonly a: number;
  /** Sentence index in the other report. */
  readonly b: number;
  readonly score: number;
}

/** Lowest single-sentence score that can anchor the alignment. */
export const ANCHOR_SCORE = 0.3;
/** Counterparts per sentence that may anchor it. */
export const ANCHORS_PER_SENTENCE = 2;
/** Widest span, in the other report's sentences, between two anchors that still places a passage. */
export const MAX_GAP = 4;

/** The heaviest chain of `pairs` rising in both a and b (see the top of this file). */
export function monotoneChain(pairs: readonly Anchor[], bCount: number): Anchor[] {
  const sorted = [...pairs].sort((x, y) => x.a - y.a || y.b - x.b);
  // tree[k]: best chain total and its last pair over a prefix of b, Fenwick-indexed from 1.
  const best = new Float64Array(bCount + 1);
  const last = new Int32Array(bCount + 1).fill(-1);
  const previous = new Int32Array(sorted.length).fill(-1);
  const total = new Float64Array(sorted.length);
  const query = (b: number): [number, number] => {
    let value = 0;
    let at = -1;
    for (let k = b; k > 0; k -= k & -k) {
      if ((best[k] ?? 0) > value) {
        value = best[k] ?? 0;
        at = last[k] ?? -1;
      }
    }
    return [value, at];
  };
  const update = (b: number, value: number, at: number) => {
    for (let k = b; k <= bCount; k += k & -k) {
      if ((best[k] ?? 0) < value) {
        best[k] = value;
        last[k] = at;
      }
    }
  };
  // Pairs of one source sentence must not chain to each other: query all, then update.
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j < sorted.length && sorted[j]?.a === sorted[i]?.a) j++;
    for (let k = i; k < j; k++) {
      const pair = sorted[k];
      if (pair === undefined) continue;
      const [value, at] = query(pair.b); // chains ending strictly before b (1-based b + 1)
      total[k] = value + pair.score;
      previous[k] = at;
    }
    for (let k = i; k < j; k++) update((sorted[k]?.b ?? 0) + 1, total[k] ?? 0, k);
    i = j;
  }
  let end = -1;
  for (let k = 0; k < sorted.length; k++)
    if (end < 0 || (total[k] ?? 0) > (total[end] ?? 0)) end = k;
  const chain: Anchor[] = [];
  for (let k = end; k >= 0; k = previous[k] ?? -1) {
    const pair = sorted[k];
    if (pair !== undefined) chain.push(pair);
  }
  return chain.reverse();
}

/**
 * The span of the other report's sentences where a passage over source sentences
 * `first`..`last` belongs by its neighbours, or null when the anchors do not narrow it enough.
 */
export function expectedSpan(
  chain: readonly Anchor[],
  first: number,
  last: number,
  bCount: number,
): TextRange | null {
  let before: Anchor | undefined;
  let after: Anchor | undefined;
  for (const anchor of chain) {
    if (anchor.a < first) before = anchor;
    else if (anchor.a > last && after === undefined) after = anchor;
  }
  // The neighbours' own counterparts are in place too: a report may tell two things in one.
  const start = before === undefined ? 0 : before.b;
  const end = after === undefined ? bCount : after.b + 1;
  if (before === undefined && after === undefined) return null;
  if (end - start > MAX_GAP || end <= start) return null;
  return { start, end };
}
