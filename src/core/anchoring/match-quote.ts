import { QUOTE_CONTEXT_LENGTH, type TextRange } from '../claims/claim.ts';
import {
  isWhitespaceCode,
  normalizeText,
  toNormalizedOffset,
  toOriginalRange,
  type NormalizedText,
} from '../text/normalize-text.ts';
import { textHash } from '../text/text-hash.ts';
import { acceptableErrors, fuzzyMatch } from './fuzzy-search.ts';
import { MATCH_TUNING, ORPHAN_REASONS } from './match-tuning.ts';
import {
  contextFrom,
  hasPerfectContext,
  score,
  type Candidate,
  type Context,
} from './quote-candidates.ts';

/** A text made ready for many quote look-ups: normalised once, hashed once. */
export interface PreparedText {
  readonly text: string;
  readonly normalized: NormalizedText;
  /** textHash(text). */
  readonly hash: string;
}

/** Normalises and hashes a text once, so that every quote matched against it reuses the work. */
export function prepareText(text: string): PreparedText {
  return { text, normalized: normalizeText(text), hash: textHash(text) };
}

/** What is known about where a quote was: its context and its old offsets (all optional). */
export interface QuoteHints {
  /** Text just before the quote, up to QUOTE_CONTEXT_LENGTH characters. */
  readonly prefix?: string;
  /** Text just after the quote, up to QUOTE_CONTEXT_LENGTH characters. */
  readonly suffix?: string;
  /** Original offsets of the quote in the text it was made on. */
  readonly position?: TextRange;
}

/** How an anchor was found: at its old offsets, as an exact quote elsewhere, or approximately. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Where a quote is now (offsets into the original, un-normalised text), or why it is lost. */
export type AnchorResult =
  | {
      readonly kind: 'anchored';
      readonly start: number;
      readonly end: number;
      readonly method: AnchorMethod;
      /** Confidence in [0, 1]: the weighted match score (see MATCH_TUNING). */
      readonly score: number;
    }
  | { readonly kind: 'orphaned'; readonly reason: string };

/**
 * Finds `exact` in a prepared text, using the hints to choose between occurrences and to accept
 * an edited quote, and never settling on a look-alike passage when the evidence is thin.
 *
 * In order: (a) the old position, if the text there still reads the same; (b) the best exact
 * occurrence by context and nearness; (c) the best approximate match, first within
 * MATCH_TUNING.fuzzyWindow of the old position, then (for distinctive quotes) anywhere;
 * (d) orphaned. All comparison is in matching form (see normalizeText); offsets returned are
 * the original text's.
 */
export function matchQuote(
  prepared: PreparedText,
  exact: string,
  hints: QuoteHints = {},
): AnchorResult {
  const probe = prepareQuote(prepared, exact, hints);
  if (!probe) return { kind: 'orphaned', reason: ORPHAN_REASONS.empty };
  // Alone, a claim has no neighbours to ask, so the one full-context place is taken even when
  // its parts recur (certainAnchor's stricter test is for re-anchoring many claims together).
  const [only, another] = fullContextOccurrences(probe, 0, probe.text.length, 2);
  return (
    anchorAtHint(probe) ??
    (only && !another ? anchored(probe, only, methodFor(probe, only)) : undefined) ??
    matchAnywhere(probe)
  );
}

/** An anchored AnchorResult. */
export type Anchored = Extract<AnchorResult, { kind: 'anchored' }>;

/** A quote and its hints made ready to be looked for, many times, in one prepared text. */
export interface QuoteProbe {
  readonly normalized: NormalizedText;
  /** The text's matching form. */
  readonly text: string;
  /** The quote as given, and in matching form. */
  readonly exact: string;
  readonly quote: string;
  readonly context: Context;
  /** Normalised offset of the old start, if known. */
  readonly hint: number | undefined;
  /** Lengths of the saved prefix and suffix before normalising, if given. */
  readonly rawPrefixLength: number | undefined;
  readonly rawSuffixLength: number | undefined;
}

/** Normalises a quote and its hints against a prepared text; undefined for a blank quote. */
export function prepareQuote(
  prepared: PreparedText,
  exact: string,
  hints: QuoteHints = {},
): QuoteProbe | undefined {
  const quote = normalizeText(exact).text;
  if (quote.trim() === '') return undefined;
  const { normalized } = prepared;
  return {
    normalized,
    text: normalized.text,
    exact,
    quote,
    context: contextFrom(quote, hints),
    hint: hints.position ? toNormalizedOffset(normalized, hints.position.start) : undefined,
    rawPrefixLength: hints.prefix?.length,
    rawSuffixLength: hints.suffix?.length,
  };
}

/**
 * The quote's place when nothing else could be it: still at its old offsets (with its full
 * context, or long enough to be its own evidence), or the one place where quote, prefix and
 * suffix all read as saved while none of the three occurs anywhere else in the text, so that it
 * cannot be a surviving copy of a passage that was deleted.
 */
export function certainAnchor(probe: QuoteProbe): Anchored | undefined {
  const atHint = anchorAtHint(probe);
  if (atHint) return atHint;
  const [only, another] = fullContextOccurrences(probe, 0, probe.text.length, 2);
  return only && !another && isUnrepeated(probe)
    ? anchored(probe, only, methodFor(probe, only))
    : undefined;
}

/** The quote still at its old offsets, with its full context or long enough to stand alone. */
function anchorAtHint(probe: QuoteProbe): Anchored | undefined {
  const { hint, quote } = probe;
  if (hint === undefined || !probe.text.startsWith(quote, hint)) return undefined;
  const candidate = score(probe, hint, hint + quote.length, 0);
  return quote.length >= MATCH_TUNING.distinctiveQuoteLength || hasPerfectContext(candidate)
    ? anchored(probe, candidate, 'position')
    : undefined;
}

/** Up to `limit` places where the quote reads exactly with its full saved context, in order. */
export function fullContextMatches(probe: QuoteProbe, limit: number): Anchored[] {
  return fullContextOccurrences(probe, 0, probe.text.length, limit).map((candidate) =>
    anchored(probe, candidate, methodFor(probe, candidate)),
  );
}

/** The quote with its full saved context at exactly this (original) offset, if it reads so. */
export function fullContextMatchAt(probe: QuoteProbe, start: number): Anchored | undefined {
  const at = toNormalizedOffset(probe.normalized, start);
  if (!probe.text.startsWith(probe.quote, at)) return undefined;
  const candidate = score(probe, at, at + probe.quote.length, 0);
  return hasPerfectContext(candidate)
    ? anchored(probe, candidate, methodFor(probe, candidate))
    : undefined;
}

function methodFor(probe: QuoteProbe, candidate: Candidate): AnchorMethod {
  return candidate.start === probe.hint ? 'position' : 'quote';
}

/**
 * Matches a quote only where the claims around it put it: exactly at one of `exactStarts`, or
 * edited in place, between its intact saved prefix and suffix, at one of `editedStarts`.
 * Orphaned otherwise, even if it reads well elsewhere.
 */
export function matchQuoteAt(
  probe: QuoteProbe,
  exactStarts: readonly number[],
  editedStarts: readonly number[] = exactStarts,
): AnchorResult {
  const { normalized, text, quote } = probe;
  const normalizedStarts = (list: readonly number[]) => [
    ...new Set(list.map((s) => toNormalizedOffset(normalized, s))),
  ];
  for (const start of normalizedStarts(exactStarts)) {
    if (!text.startsWith(quote, start)) continue;
    const candidate = score(probe, start, start + quote.length, 0);
    if (quote.length >= MATCH_TUNING.shortQuoteLength || candidate.score >= MATCH_TUNING.minScore) {
      return anchored(probe, candidate, methodFor(probe, candidate));
    }
  }
  // An edited quote is accepted only in place: starting exactly where expected (an edit inside
  // the quote does not move its start) and still between its saved prefix and suffix, so that a
  // copy or a look-alike passage nearby (the two reports retell the same sentences) is not
  // taken for it. The search reaches a quote's length either side so that no match is cut short.
  const maxErrors = acceptableErrors(quote.length);
  if (maxErrors > 0) {
    for (const start of normalizedStarts(editedStarts)) {
      const from = Math.max(0, start - quote.length - maxErrors);
      const to = Math.min(text.length, start + 2 * quote.length + maxErrors);
      const outcome = fuzzyMatch(probe, from, to, maxErrors);
      if (
        outcome.kind === 'anchored' &&
        outcome.candidate.start === start &&
        hasPerfectContext(outcome.candidate)
      ) {
        return anchored(probe, outcome.candidate, 'fuzzy');
      }
    }
  }
  return {
    kind: 'orphaned',
    reason: text.includes(quote) ? ORPHAN_REASONS.displaced : ORPHAN_REASONS.changedInPlace,
  };
}

/**
 * Up to `limit` places in [from, to) of the matching form where the quote reads exactly and so
 * do its prefix and suffix (as much of them as was saved), in text order.
 */
function fullContextOccurrences(
  probe: QuoteProbe,
  from: number,
  to: number,
  limit: number,
): Candidate[] {
  const { text, quote, context } = probe;
  const prefix = context.prefix ?? '';
  const whole = prefix + quote + (context.suffix ?? '');
  const found: Candidate[] = [];
  for (
    let at = text.indexOf(whole, Math.max(0, from - prefix.length));
    at !== -1;
    at = text.indexOf(whole, at + 1)
  ) {
    const start = at + prefix.length;
    if (start + quote.length > to) break;
    const candidate = score(probe, start, start + quote.length, 0);
    if (!hasPerfectContext(candidate)) continue;
    found.push(candidate);
    if (found.length >= limit) break;
  }
  return found;
}

/**
 * Whether the prefix, the quote and the suffix each occur only once in the text, so that a full
 * match there cannot be a copy of a passage that was deleted. A context cut short by the start or
 * end of the text counts as unrepeated: the full match already put the candidate at that edge.
 */
function isUnrepeated(probe: QuoteProbe): boolean {
  const { text, quote, context } = probe;
  const once = (part: string): boolean => {
    const first = text.indexOf(part);
    return first !== -1 && text.indexOf(part, first + 1) === -1;
  };
  const atEdge = (raw: number | undefined) => raw !== undefined && raw < QUOTE_CONTEXT_LENGTH;
  return (
    once(quote) &&
    (context.prefix === undefined ||
      atEdge(probe.rawPrefixLength) ||
      (context.prefix !== '' && once(context.prefix))) &&
    (context.suffix === undefined ||
      atEdge(probe.rawSuffixLength) ||
      (context.suffix !== '' && once(context.suffix)))
  );
}

/** The single-quote search past the old position: best exact occurrence, then fuzzy. */
function matchAnywhere(probe: QuoteProbe): AnchorResult {
  const { quote, hint } = probe;
  const exactMatch = bestExactOccurrence(probe);
  if (
    exactMatch &&
    (quote.length >= MATCH_TUNING.distinctiveQuoteLength ||
      exactMatch.score >= MATCH_TUNING.minScore)
  ) {
    return anchored(probe, exactMatch, exactMatch.start === hint ? 'position' : 'quote');
  }

  const maxErrors = Math.min(
    Math.floor(quote.length * MATCH_TUNING.maxErrorsRatio),
    MATCH_TUNING.maxErrors,
  );
  if (maxErrors === 0) {
    return { kind: 'orphaned', reason: exactMatch ? ORPHAN_REASONS.weak : ORPHAN_REASONS.notFound };
  }
  const length = probe.text.length;
  let from = 0;
  let to = length;
  if (hint !== undefined) {
    from = Math.max(0, hint - MATCH_TUNING.fuzzyWindow);
    to = Math.min(length, hint + quote.length + MATCH_TUNING.fuzzyWindow);
  }
  let outcome = fuzzyMatch(probe, from, to, maxErrors);
  const wholeTextSearched = from === 0 && to === length;
  if (
    outcome.kind !== 'anchored' &&
    outcome.reason !== ORPHAN_REASONS.ambiguous &&
    !wholeTextSearched &&
    quote.length >= MATCH_TUNING.distinctiveQuoteLength
  ) {
    outcome = fuzzyMatch(probe, 0, length, maxErrors);
  }
  if (outcome.kind === 'anchored') return anchored(probe, outcome.candidate, 'fuzzy');
  if (exactMatch && outcome.reason === ORPHAN_REASONS.notFound) {
    return { kind: 'orphaned', reason: ORPHAN_REASONS.weak };
  }
  return { kind: 'orphaned', reason: outcome.reason };
}

/**
 * The best-scoring exact occurrence, visiting occurrences nearest to the hint first so that a
 * perfect context ends the search (nothing farther can beat it) and ties go to the nearest.
 *
 * Occurrences are found in regions around the hint that grow eightfold each round, so that a
 * quote that merely shifted costs a scan of a few hundred characters, not of the whole text.
 */
function bestExactOccurrence(probe: QuoteProbe): Candidate | undefined {
  const { text, quote } = probe;
  const hint = probe.hint ?? 0;
  const length = text.length;
  let best: Candidate | undefined;
  let visited = 0;
  let seenFrom = hint;
  let seenTo = hint;
  for (let radius = 256; ; radius *= 8) {
    const from = Math.max(0, hint - radius);
    const to = Math.min(length, hint + radius + quote.length);
    const region = text.slice(from, to);
    const found: number[] = [];
    for (let at = region.indexOf(quote); at !== -1; at = region.indexOf(quote, at + 1)) {
      const start = from + at;
      if (start < seenFrom || start + quote.length > seenTo) found.push(start);
    }
    found.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint) || a - b);
    for (const start of found) {
      const candidate = score(probe, start, start + quote.length, 0);
      if (!best || candidate.score > best.score) best = candidate;
      visited++;
      if (hasPerfectContext(candidate) || visited >= MATCH_TUNING.maxExactCandidates) return best;
    }
    if (from === 0 && to === length) return best;
    seenFrom = from;
    seenTo = to;
  }
}

function anchored(probe: QuoteProbe, candidate: Candidate, method: AnchorMethod): Anchored {
  const range = fitWhitespace(probe, candidate.start, candidate.end);
  return { kind: 'anchored', ...range, method, score: candidate.score };
}

/**
 * Maps a match back to original offsets. Where the match starts or ends on a collapsed
 * whitespace run, it keeps only as much of the run as the quote itself had, so that a quote
 * starting in the middle of "\n\n" comes back exactly as it was made.
 */
function fitWhitespace(probe: QuoteProbe, start: number, end: number): TextRange {
  const { normalized, text, exact } = probe;
  const { starts } = normalized;
  const range = toOriginalRange(normalized, start, end);
  let from = range.start;
  let to = range.end;
  if (text.charCodeAt(start) === 0x20 && isWhitespaceCode(exact.charCodeAt(0))) {
    let leading = 0;
    while (leading < exact.length && isWhitespaceCode(exact.charCodeAt(leading))) leading++;
    from = Math.max(from, (starts[start + 1] ?? from) - leading);
  }
  if (
    end > start &&
    text.charCodeAt(end - 1) === 0x20 &&
    isWhitespaceCode(exact.charCodeAt(exact.length - 1))
  ) {
    let trailing = 0;
    while (
      trailing < exact.length &&
      isWhitespaceCode(exact.charCodeAt(exact.length - 1 - trailing))
    ) {
      trailing++;
    }
    to = Math.min(to, (starts[end - 1] ?? to) + trailing);
  }
  return from < to ? { start: from, end: to } : range;
}
