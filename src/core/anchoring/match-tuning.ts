// The thresholds and weights of quote matching, and the reasons a quote can be lost, apart from
// the search code so that every step of the matcher reads the same numbers.
import { QUOTE_CONTEXT_LENGTH } from '../claims/claim.ts';

/** The reasons an orphaned result can give. */
export const ORPHAN_REASONS = {
  empty: 'The quote is empty once whitespace is ignored.',
  notFound: 'The quote no longer appears in the text, even approximately.',
  weak: 'Only a weak match remains: the wording or its surroundings changed too much.',
  ambiguous: 'Several passages match about equally well, so none is chosen.',
  displaced:
    'The quote appears elsewhere, but not where the claims around it say it should be, so none is chosen.',
  changedInPlace:
    'The quote no longer appears as saved, and no edited version of it was found where the claims around it say it should be.',
} as const;

/** Thresholds and weights of the probe, with the reasons for each value. */
export const MATCH_TUNING = {
  /**
   * Score weights, as in hypothesis/client: the quote itself dominates, the two contexts
   * together nearly match it, and position only breaks ties (it is scaled by text length).
   * A hint that was not given is left out and the other weights renormalised.
   */
  weights: { quote: 50, prefix: 20, suffix: 20, position: 2 },
  /**
   * An approximate match must keep 80% of the quote (1 error per 5 characters): one or two
   * changed words in a sentence, not a different sentence.
   */
  minQuoteSimilarity: 0.8,
  /**
   * Minimum weighted score for an approximate match, and for an exact match of a short quote
   * away from its old position. With the quote intact, 0.75 needs the contexts to be about 43%
   * similar, which unrelated English text of 32 characters usually is not; with the quote at
   * the 80% minimum it needs about 68%, so a weak quote must be backed by its surroundings.
   */
  minScore: 0.75,
  /**
   * Fuzzy search allows floor(quote length / 4) errors, a little more than the 80% floor so that
   * close runners-up are seen, capped at 256 so that very long quotes stay fast.
   */
  maxErrorsRatio: 0.25,
  maxErrors: 256,
  /**
   * Quotes shorter than this many normalised characters have look-alikes everywhere: they are
   * only matched approximately when the contexts average at least `shortQuoteMinContext`.
   */
  shortQuoteLength: 12,
  shortQuoteMinContext: 0.8,
  /**
   * An exact quote at least this long (the context length) is accepted wherever it is, even if
   * its surroundings changed: so long a verbatim string is its own evidence.
   */
  distinctiveQuoteLength: QUOTE_CONTEXT_LENGTH,
  /**
   * Two approximate candidates closer than this in score, where the better one's quote is not
   * also this much more similar, are ambiguous: the claim is orphaned rather than moved.
   */
  ambiguityScoreMargin: 0.05,
  ambiguityQuoteMargin: 0.05,
  /** Fuzzy search looks this many normalised characters either side of the old position first. */
  fuzzyWindow: 2000,
  /** At most this many exact occurrences, nearest to the old position first, are scored. */
  maxExactCandidates: 1000,
  /** More equally close approximate matches than this in one search make the quote ambiguous. */
  maxFuzzyCandidates: 1000,
  /** Fuzzy searches over more characters than this are narrowed by a trigram filter first. */
  filterAbove: 8000,
} as const;
