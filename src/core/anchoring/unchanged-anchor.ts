import type { ClaimTarget, TextRange } from '../claims/claim.ts';
import type { AnchorResult } from './match-quote.ts';

/** A text with its hash (see text-hash.ts): enough to tell whether a claim was made on it. */
export interface HashedText {
  readonly text: string;
  readonly hash: string;
}

/**
 * The claim's own offsets, when the text is the one it was made on and they read the quote: the
 * everyday case, kept apart from the matcher so that reading needs none of its code.
 */
export function unchangedAnchor(
  current: HashedText,
  target: ClaimTarget,
): AnchorResult | undefined {
  const { quote, position } = target;
  if (
    target.textHash !== current.hash ||
    position.start >= position.end ||
    current.text.slice(position.start, position.end) !== quote.exact
  ) {
    return undefined;
  }
  return anchoredAtOldOffsets(position);
}

/** The anchor of a quote that still reads at the offsets it was saved with. */
export function anchoredAtOldOffsets(range: TextRange): AnchorResult {
  return { kind: 'anchored', start: range.start, end: range.end, method: 'position', score: 1 };
}
