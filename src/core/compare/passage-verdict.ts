import type { TextRange } from '../claims/claim.ts';

/** Share of the union two ranges have in common (0 when apart, 1 when the same). */
function overlapShare(a: TextRange, b: TextRange): number {
  const common = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (common <= 0) return 0;
  return common / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/**
 * Of the claims anchored in an article, the one that is about `passage`: the one sharing the
 * largest part of their joint extent with it, and at least half. A claim that only touches the
 * passage (a neighbouring sentence, a word in common) is not its verdict; of claims overlapping
 * each other, the one nearest the passage's own extent wins.
 */
export function claimAboutPassage<T extends TextRange>(
  passage: TextRange,
  claims: readonly T[],
): T | undefined {
  let best: T | undefined;
  let bestShare = 0.5;
  for (const claim of claims) {
    const share = overlapShare(passage, claim);
    if (share > bestShare || (share === bestShare && best === undefined)) {
      best = claim;
      bestShare = share;
    }
  }
  return best;
}
