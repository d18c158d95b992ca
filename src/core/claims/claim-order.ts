import type { Claim } from './claim.ts';
import type { AnchoredClaim } from '../anchoring/claim-anchors.ts';

/** Anchored claims of all articles in reading order: article order, then position in the text. */
export function claimsInReadingOrder(
  articleIds: readonly string[],
  anchoredByArticle: ReadonlyMap<string, { readonly anchored: readonly AnchoredClaim[] }>,
): AnchoredClaim[] {
  return articleIds.flatMap((id) =>
    [...(anchoredByArticle.get(id)?.anchored ?? [])].sort(
      (a, b) => a.start - b.start || b.end - a.end || a.claim.id.localeCompare(b.claim.id),
    ),
  );
}

/** The claim after (step 1) or before (step -1) `currentId` in `ordered`, wrapping around. */
export function stepClaim(
  ordered: readonly { readonly claim: Claim }[],
  currentId: string | null,
  step: 1 | -1,
): Claim | undefined {
  if (ordered.length === 0) return undefined;
  const index = ordered.findIndex((entry) => entry.claim.id === currentId);
  const next = index === -1 ? (step === 1 ? 0 : ordered.length - 1) : index + step;
  return ordered[(next + ordered.length) % ordered.length]?.claim;
}
