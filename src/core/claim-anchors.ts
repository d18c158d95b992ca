import type { Claim, ClaimTarget } from './claim.ts';
import { prepareText, type PreparedText } from './match-quote.ts';
import { reanchorAll, unchangedAnchor, type AnchorResult } from './reanchor.ts';

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
}

// Anchoring depends only on a claim's target and the text, not on its status or note, so a
// status change reuses every result (targets keep their identity through edits).
const results = new WeakMap<ClaimTarget, { text: string; result: AnchorResult }>();
let lastPrepared: { text: string; prepared: PreparedText } | undefined;
const prepared2 = new Map<string, PreparedText>();

function prepared(text: string): PreparedText {
  if (lastPrepared?.text === text) return lastPrepared.prepared;
  let entry = prepared2.get(text);
  if (!entry) {
    entry = prepareText(text);
    // The reader shows a couple of articles; keep a few prepared texts, not every version ever.
    if (prepared2.size >= 4) prepared2.clear();
    prepared2.set(text, entry);
  }
  lastPrepared = { text, prepared: entry };
  return entry;
}

/**
 * Anchors each claim in the article's canonical text; unfound claims are returned, not dropped.
 * Claims made on this very text keep their offsets; when any other is new to this text, all are
 * re-anchored together, since neighbouring claims are the evidence for each other's places.
 */
export function anchorArticleClaims(text: string, claims: readonly Claim[]): ArticleAnchors {
  const missing = claims.filter((claim) => results.get(claim.target)?.text !== text);
  if (missing.length > 0) {
    const ready = prepared(text);
    const stillMissing = missing.filter((claim) => {
      const result = unchangedAnchor(ready, claim.target);
      if (result) results.set(claim.target, { text, result });
      return !result;
    });
    if (stillMissing.length > 0) {
      const all = reanchorAll(
        ready,
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
  for (const claim of claims) {
    const result = results.get(claim.target)?.result;
    if (result?.kind === 'anchored') {
      const { start, end, method } = result;
      anchored.push({ claim, start, end, edited: method === 'fuzzy' });
    } else {
      orphaned.push(claim);
    }
  }
  return { anchored, orphaned };
}
