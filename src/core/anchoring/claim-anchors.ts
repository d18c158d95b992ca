import type { Claim, ClaimTarget } from '../claims/claim.ts';
import type { AnchorResult } from './match-quote.ts';
import { textHash } from '../text/text-hash.ts';
import { unchangedAnchor, type HashedText } from './unchanged-anchor.ts';

/** A claim and the range of the current text it is anchored to. */
export interface AnchoredClaim {
  readonly claim: Claim;
  readonly start: number;
  readonly end: number;
  /** The article now words the quote differently: found edited in place, not verbatim. */
  readonly edited: boolean;
}

/** The claims of one article: those found in its text and those that need re-anchoring. */
export interface ArticleAnchors {
  readonly anchored: readonly AnchoredClaim[];
  readonly orphaned: readonly Claim[];
  /** Claims made on another version of the text, waiting for the re-anchoring code to load. */
  readonly pending: readonly Claim[];
}

/** Re-anchors all of an article's claims on a changed text (reanchorAll, loaded when needed). */
export type Reanchor = (text: string, targets: readonly ClaimTarget[]) => AnchorResult[];

// Anchoring depends only on a claim's target and the text, not on its status or note, so a
// status change reuses every result (targets keep their identity through edits).
const results = new WeakMap<ClaimTarget, { text: string; result: AnchorResult }>();
const hashed = new Map<string, HashedText>();

function hashedText(text: string): HashedText {
  let entry = hashed.get(text);
  if (!entry) {
    // The reader shows a couple of articles; keep a few hashes, not every version ever.
    if (hashed.size >= 4) hashed.clear();
    entry = { text, hash: textHash(text) };
    hashed.set(text, entry);
  }
  return entry;
}

/**
 * Anchors each claim in the article's canonical text; unfound claims are returned, not dropped.
 * Claims made on this very text keep their offsets; when any other is new to this text, all are
 * re-anchored together with `reanchor`, since neighbouring claims are the evidence for each
 * other's places. Without `reanchor` (its code not loaded yet) those claims are `pending`.
 */
export function anchorArticleClaims(
  text: string,
  claims: readonly Claim[],
  reanchor?: Reanchor,
): ArticleAnchors {
  const missing = claims.filter((claim) => results.get(claim.target)?.text !== text);
  if (missing.length > 0) {
    const current = hashedText(text);
    const stillMissing = missing.filter((claim) => {
      const result = unchangedAnchor(current, claim.target);
      if (result) results.set(claim.target, { text, result });
      return !result;
    });
    if (stillMissing.length > 0 && reanchor) {
      const all = reanchor(
        text,
        claims.map((claim) => claim.target),
      );
      claims.forEach((claim, i) => {
        const result = all[i];
        if (result) results.set(claim.target, { text, result });
      });
    }
  }
  const anchored: AnchoredClaim[] = [];
  const orphaned: Claim[] = [];
  const pending: Claim[] = [];
  for (const claim of claims) {
    const cached = results.get(claim.target);
    const result = cached?.text === text ? cached.result : undefined;
    if (!result) {
      pending.push(claim);
    } else if (result.kind === 'anchored') {
      const { start, end, method } = result;
      anchored.push({ claim, start, end, edited: method === 'fuzzy' });
    } else {
      orphaned.push(claim);
    }
  }
  return { anchored, orphaned, pending };
}

/**
 * The same anchors with `changed` claims (edited outside their target, so anchored where they
 * were) swapped in for their older versions: a status or note change costs a copy of the lists,
 * not anchoring every claim again. Claims not found are ignored.
 */
export function withClaimsReplaced(
  anchors: ArticleAnchors,
  changed: readonly Claim[],
): ArticleAnchors {
  const byId = new Map(changed.map((claim) => [claim.id, claim]));
  const swap = <T>(
    list: readonly T[],
    claimOf: (item: T) => Claim,
    replace: (item: T, claim: Claim) => T,
  ) => {
    if (!list.some((item) => byId.has(claimOf(item).id))) return list;
    return list.map((item) => {
      const claim = byId.get(claimOf(item).id);
      return claim ? replace(item, claim) : item;
    });
  };
  const same = (claim: Claim) => claim;
  const anchored = swap(
    anchors.anchored,
    (a) => a.claim,
    (a, claim) => ({ ...a, claim }),
  );
  const orphaned = swap(anchors.orphaned, same, (_, claim) => claim);
  const pending = swap(anchors.pending, same, (_, claim) => claim);
  // An article none of whose claims changed keeps its object, so what it draws is not redone.
  if (
    anchored === anchors.anchored &&
    orphaned === anchors.orphaned &&
    pending === anchors.pending
  ) {
    return anchors;
  }
  return { anchored, orphaned, pending };
}
