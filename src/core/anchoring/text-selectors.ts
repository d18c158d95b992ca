import {
  QUOTE_CONTEXT_LENGTH,
  type ClaimTarget,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextRange,
} from '../claims/claim.ts';
import { textHash } from '../text/text-hash.ts';

/** Both selectors for one range of a canonical text. */
export interface RangeSelectors {
  readonly quote: TextQuoteSelector;
  readonly position: TextPositionSelector;
}

/** Whether `offset` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * Builds the quote (with QUOTE_CONTEXT_LENGTH characters of prefix and suffix) and position
 * selectors for `range` of `text`.
 *
 * Throws a RangeError when the range is not integral, is out of bounds, is empty or only
 * whitespace, or cuts an astral character (a surrogate pair) in half.
 */
export function describeRange(text: string, range: TextRange): RangeSelectors {
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`Range offsets must be integers, got [${start}, ${end}).`);
  }
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(
      `Range [${start}, ${end}) is empty or outside the text (0–${text.length}).`,
    );
  }
  const exact = text.slice(start, end);
  if (exact.trim() === '') throw new RangeError('A quote cannot be only whitespace.');
  if (splitsPair(text, start) || splitsPair(text, end)) {
    throw new RangeError(`Range [${start}, ${end}) splits a character in two.`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** The full claim target for `range` of an article's canonical `text` (see describeRange). */
export function targetFor(articleId: string, text: string, range: TextRange): ClaimTarget {
  return { articleId, textHash: textHash(text), ...describeRange(text, range) };
}
