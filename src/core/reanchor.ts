import type { ClaimTarget } from './claim.ts';
import { matchQuote, prepareText, type AnchorResult, type PreparedText } from './match-quote.ts';

/** Re-exported so that callers of the re-anchoring API need only this module. */
export type { AnchorResult } from './match-quote.ts';

/**
 * Finds where a claim's quote is in the current text. When the text is the one the claim was
 * made on (same hash) and the old offsets still slice out the quote, that is the answer;
 * otherwise the quote is matched with its context and old position as hints (see matchQuote).
 */
export function reanchorClaim(prepared: PreparedText, target: ClaimTarget): AnchorResult {
  const { quote, position } = target;
  if (
    target.textHash === prepared.hash &&
    position.start < position.end &&
    prepared.text.slice(position.start, position.end) === quote.exact
  ) {
    return {
      kind: 'anchored',
      start: position.start,
      end: position.end,
      method: 'position',
      score: 1,
    };
  }
  return matchQuote(prepared, quote.exact, {
    prefix: quote.prefix,
    suffix: quote.suffix,
    position: { start: position.start, end: position.end },
  });
}

/** Re-anchors every target against one text, normalising and hashing the text only once. */
export function reanchorAll(text: string, targets: readonly ClaimTarget[]): AnchorResult[] {
  const prepared = prepareText(text);
  return targets.map((target) => reanchorClaim(prepared, target));
}
