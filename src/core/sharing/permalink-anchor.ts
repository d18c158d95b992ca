import { QUOTE_CONTEXT_LENGTH } from '../claims/claim.ts';
import {
  matchQuote,
  prepareText,
  type AnchorMethod,
  type AnchorResult,
  type PreparedText,
} from '../anchoring/match-quote.ts';
import { normalizeText } from '../text/normalize-text.ts';
import type { SharedClaimLink } from './permalink-codec.ts';
import { anchoredAtOldOffsets } from '../anchoring/unchanged-anchor.ts';

/** Why a shared long quote (sent as its two ends) could not be placed. */
export const SPAN_ORPHAN_REASONS = {
  start: 'The opening words of the shared quote no longer appear in the text.',
  end: 'The closing words of the shared quote no longer appear close enough after its opening words.',
} as const;

/** How far past its start a shared long quote may now end, as a multiple of its old length. */
export const SPAN_MAX_GROWTH = 2;

/**
 * Finds where a shared claim's quote is in the current text.
 *
 * A whole quote is matched with its context and old position as hints (see matchQuote). A long
 * quote, sent as its opening and closing words, is taken at its old offsets if the text there
 * still opens and closes with them (in matching form); otherwise the opening words are matched
 * near the old start, then the closing words after them, near the old length from the new start
 * and no more than SPAN_MAX_GROWTH times the old length past it. Both must be found.
 */
export function anchorSharedClaim(prepared: PreparedText, link: SharedClaimLink): AnchorResult {
  const { quote, prefix, suffix, position } = link;
  if (quote.kind === 'exact') {
    return matchQuote(prepared, quote.exact, { prefix, suffix, position });
  }
  const { startWords, endWords } = quote;
  const { text } = prepared;
  if (spanStillAt(text, startWords, endWords, position.start, position.end)) {
    return anchoredAtOldOffsets(position);
  }

  const opening = matchQuote(prepared, startWords, {
    prefix,
    position: { start: position.start, end: position.start + startWords.length },
  });
  if (opening.kind !== 'anchored') return { kind: 'orphaned', reason: SPAN_ORPHAN_REASONS.start };

  const oldLength = Math.max(position.end - position.start, startWords.length + endWords.length);
  const from = opening.end;
  const limit = Math.min(text.length, opening.start + SPAN_MAX_GROWTH * oldLength);
  if (limit <= from) return { kind: 'orphaned', reason: SPAN_ORPHAN_REASONS.end };
  // The search reaches a context's length past the limit so that a closing match right at the
  // limit is still compared with its whole suffix; a match ending past the limit is refused below.
  const window = prepareText(text.slice(from, Math.min(text.length, limit + QUOTE_CONTEXT_LENGTH)));
  const expectedStart = Math.max(0, opening.start + oldLength - endWords.length - from);
  const closing = matchQuote(window, endWords, {
    suffix,
    position: { start: expectedStart, end: expectedStart + endWords.length },
  });
  if (closing.kind !== 'anchored' || from + closing.end > limit) {
    return { kind: 'orphaned', reason: SPAN_ORPHAN_REASONS.end };
  }
  return {
    kind: 'anchored',
    start: opening.start,
    end: from + closing.end,
    method: weakerMethod(opening.method, closing.method),
    score: Math.min(opening.score, closing.score),
  };
}

/** Whether text[start, end) opens with `startWords` and closes with `endWords`, in matching form. */
function spanStillAt(
  text: string,
  startWords: string,
  endWords: string,
  start: number,
  end: number,
): boolean {
  if (start >= end || end > text.length) return false;
  const passage = normalizeText(text.slice(start, end)).text;
  const opening = normalizeText(startWords).text;
  const closing = normalizeText(endWords).text;
  return (
    passage.length >= opening.length + closing.length &&
    passage.startsWith(opening) &&
    passage.endsWith(closing)
  );
}

const METHOD_STRENGTH: Record<AnchorMethod, number> = { position: 2, quote: 1, fuzzy: 0 };

function weakerMethod(a: AnchorMethod, b: AnchorMethod): AnchorMethod {
  return METHOD_STRENGTH[a] <= METHOD_STRENGTH[b] ? a : b;
}
