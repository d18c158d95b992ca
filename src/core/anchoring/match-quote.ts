import search from 'approx-string-match';
import { QUOTE_CONTEXT_LENGTH, type TextRange } from '../claims/claim.ts';
import {
  isWhitespaceCode,
  normalizeText,
  toNormalizedOffset,
  toOriginalRange,
  type NormalizedText,
} from '../text/normalize-text.ts';
import { textHash } from '../text/text-hash.ts';

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

interface Context {
  /** Normalised prefix, or undefined when none was given. */
  readonly prefix: string | undefined;
  readonly suffix: string | undefined;
  /** How many normalised characters before/after a candidate to compare with them. */
  readonly prefixWindow: number;
  readonly suffixWindow: number;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Edit distance between the quote and this passage (0 for exact occurrences). */
  readonly errors: number;
  readonly quoteSimilarity: number;
  readonly prefixSimilarity: number | undefined;
  readonly suffixSimilarity: number | undefined;
  readonly score: number;
}

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

function contextFrom(quote: string, hints: QuoteHints): Context {
  let prefix = hints.prefix === undefined ? undefined : normalizeText(hints.prefix).text;
  let suffix = hints.suffix === undefined ? undefined : normalizeText(hints.suffix).text;
  // A whitespace run split between context and quote is one space in matching form, and it
  // belongs to the quote.
  if (prefix?.endsWith(' ') && quote.startsWith(' ')) prefix = prefix.slice(0, -1);
  if (suffix?.startsWith(' ') && quote.endsWith(' ')) suffix = suffix.slice(1);
  // Context shorter than the saved length means the quote touched the start or end of the text,
  // so a candidate elsewhere is compared with everything it has there, not a matching sliver.
  const windowFor = (raw: string | undefined, normalizedContext: string | undefined): number =>
    raw !== undefined && normalizedContext !== undefined && raw.length < QUOTE_CONTEXT_LENGTH
      ? Math.max(normalizedContext.length, QUOTE_CONTEXT_LENGTH)
      : (normalizedContext?.length ?? 0);
  return {
    prefix,
    suffix,
    prefixWindow: windowFor(hints.prefix, prefix),
    suffixWindow: windowFor(hints.suffix, suffix),
  };
}

function score(probe: QuoteProbe, start: number, end: number, errors: number): Candidate {
  const { text, context, hint, quote } = probe;
  const quoteSimilarity = 1 - errors / quote.length;
  const { weights } = MATCH_TUNING;
  const prefixSimilarity =
    context.prefix === undefined
      ? undefined
      : similarity(context.prefix, text.slice(Math.max(0, start - context.prefixWindow), start));
  const suffixSimilarity =
    context.suffix === undefined
      ? undefined
      : similarity(context.suffix, text.slice(end, end + context.suffixWindow));
  let total = weights.quote * quoteSimilarity;
  let weight = weights.quote;
  if (prefixSimilarity !== undefined) {
    total += weights.prefix * prefixSimilarity;
    weight += weights.prefix;
  }
  if (suffixSimilarity !== undefined) {
    total += weights.suffix * suffixSimilarity;
    weight += weights.suffix;
  }
  if (hint !== undefined) {
    total +=
      weights.position * (1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length)));
    weight += weights.position;
  }
  return {
    start,
    end,
    errors,
    quoteSimilarity,
    prefixSimilarity,
    suffixSimilarity,
    score: total / weight,
  };
}

function hasPerfectContext(candidate: Candidate): boolean {
  return (candidate.prefixSimilarity ?? 1) === 1 && (candidate.suffixSimilarity ?? 1) === 1;
}

/** Mean similarity of the given contexts, or undefined when there were none. */
function contextSimilarity(candidate: Candidate): number | undefined {
  const known = [candidate.prefixSimilarity, candidate.suffixSimilarity].filter(
    (value) => value !== undefined,
  );
  return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0) / known.length;
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

type FuzzyOutcome =
  | { readonly kind: 'anchored'; readonly candidate: Candidate }
  | { readonly kind: 'orphaned'; readonly reason: string };

/**
 * Approximate matches of the quote within [from, to) of the matching form, scored: the lowest
 * error count in each searched stretch. Undefined when there are more than
 * MATCH_TUNING.maxFuzzyCandidates (the quote is too unspecific to place, and scoring them all
 * would be slow).
 *
 * A range longer than MATCH_TUNING.filterAbove is first narrowed with candidateRegions to where
 * an acceptable match (MATCH_TUNING.minQuoteSimilarity) could be, which makes a whole-text
 * search several times faster; runners-up below that similarity are then only seen near the
 * old position.
 */
function searchRegion(
  probe: QuoteProbe,
  from: number,
  to: number,
  maxErrors: number,
): Candidate[] | undefined {
  const { quote, text } = probe;
  const regions =
    to - from > MATCH_TUNING.filterAbove
      ? candidateRegions(text, from, to, quote, acceptableErrors(quote.length))
      : [[from, to] as const];
  const candidates: Candidate[] = [];
  for (const [regionFrom, regionTo] of regions) {
    for (const match of search(text.slice(regionFrom, regionTo), quote, maxErrors)) {
      if (candidates.length >= MATCH_TUNING.maxFuzzyCandidates) return undefined;
      const start = regionFrom + match.start;
      const end = regionFrom + match.end;
      candidates.push(score(probe, start, end, match.errors));
    }
  }
  return candidates;
}

/** The most errors a quote of `length` may have and still reach minQuoteSimilarity. */
function acceptableErrors(length: number): number {
  // The epsilon keeps 100 * (1 - 0.8) = 19.999… from rounding down to 19.
  return Math.floor(length * (1 - MATCH_TUNING.minQuoteSimilarity) + 1e-9);
}

const GRAM = 3;
// A 2^16-entry bitmap of the quote's trigram hashes, cleared after each use.
const gramBitmap = new Uint8Array(1 << 16);

function gramHash(text: string, at: number): number {
  return (
    (Math.imul(text.charCodeAt(at), 0x9e3779b1) ^
      Math.imul(text.charCodeAt(at + 1), 0x85ebca6b) ^
      Math.imul(text.charCodeAt(at + 2), 0xc2b2ae35)) >>>
    16
  );
}

/**
 * The parts of [from, to) where `pattern` could match with at most `maxErrors` errors, as
 * disjoint [start, end) regions (the q-gram lemma): each error destroys at most three of the
 * pattern's trigrams, so any such match, at most m + k characters long, contains at least
 * m - 2 - 3k of them, and every window of that length with fewer hits can be skipped. Hash
 * collisions only add hits, so nothing that could match is ever skipped. Where the bound is
 * not positive (short patterns, many errors) the whole range is returned.
 */
export function candidateRegions(
  text: string,
  from: number,
  to: number,
  pattern: string,
  maxErrors: number,
): [number, number][] {
  const needed = pattern.length - GRAM + 1 - maxErrors * GRAM;
  const span = Math.min(to - from, pattern.length + maxErrors);
  if (to - from <= 0) return [];
  if (needed <= 0 || span < GRAM) return [[from, to]];
  for (let i = 0; i + GRAM <= pattern.length; i++) gramBitmap[gramHash(pattern, i)] = 1;
  const perWindow = span - GRAM + 1;
  const hits = new Uint8Array(perWindow);
  const regions: [number, number][] = [];
  let count = 0;
  for (let i = from; i + GRAM <= to; i++) {
    const slot = (i - from) % perWindow;
    count -= hits[slot] ?? 0;
    const hit = gramBitmap[gramHash(text, i)] ?? 0;
    hits[slot] = hit;
    count += hit;
    const windowStart = i - perWindow + 1;
    if (windowStart < from || count < needed) continue;
    const windowEnd = windowStart + span;
    const last = regions[regions.length - 1];
    // Stretches less than a pattern apart are searched as one, to save per-search set-up.
    if (last && last[1] + pattern.length >= windowStart) last[1] = windowEnd;
    else regions.push([windowStart, windowEnd]);
  }
  for (let i = 0; i + GRAM <= pattern.length; i++) gramBitmap[gramHash(pattern, i)] = 0;
  return regions;
}

/**
 * The best approximate match within [from, to), if it is good enough and clearly better than
 * the runner-up. approx-string-match only reports the lowest error count, so the regions either
 * side of those matches are searched again to find the next-best distinct passage.
 */
function fuzzyMatch(probe: QuoteProbe, from: number, to: number, maxErrors: number): FuzzyOutcome {
  const first = searchRegion(probe, from, to, maxErrors);
  if (first === undefined) return { kind: 'orphaned', reason: ORPHAN_REASONS.ambiguous };
  if (first.length === 0) return { kind: 'orphaned', reason: ORPHAN_REASONS.notFound };
  let firstStart = to;
  let lastEnd = from;
  for (const candidate of first) {
    firstStart = Math.min(firstStart, candidate.start);
    lastEnd = Math.max(lastEnd, candidate.end);
  }
  const before = searchRegion(probe, from, firstStart, maxErrors);
  const after = searchRegion(probe, lastEnd, to, maxErrors);
  if (before === undefined || after === undefined) {
    return { kind: 'orphaned', reason: ORPHAN_REASONS.ambiguous };
  }
  const candidates = distinct([...first, ...before, ...after]);
  const [best, second] = candidates;
  if (!best) return { kind: 'orphaned', reason: ORPHAN_REASONS.notFound };
  const context = contextSimilarity(best);
  const shortQuoteUnsupported =
    probe.quote.length < MATCH_TUNING.shortQuoteLength &&
    (context === undefined || context < MATCH_TUNING.shortQuoteMinContext);
  if (
    best.errors > acceptableErrors(probe.quote.length) ||
    best.score < MATCH_TUNING.minScore ||
    shortQuoteUnsupported
  ) {
    return { kind: 'orphaned', reason: ORPHAN_REASONS.weak };
  }
  if (
    second &&
    best.score - second.score < MATCH_TUNING.ambiguityScoreMargin &&
    best.quoteSimilarity - second.quoteSimilarity < MATCH_TUNING.ambiguityQuoteMargin
  ) {
    return { kind: 'orphaned', reason: ORPHAN_REASONS.ambiguous };
  }
  return { kind: 'anchored', candidate: best };
}

/** Candidates best first, dropping any that overlaps a better one (the same passage). */
function distinct(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.start - b.start);
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    if (kept.every((k) => candidate.end <= k.start || candidate.start >= k.end)) {
      kept.push(candidate);
    }
  }
  return kept;
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

/** 1 minus the edit distance over the longer length; two empty strings are identical. */
function similarity(expected: string, actual: string): number {
  if (expected === actual) return 1;
  return 1 - editDistance(expected, actual) / Math.max(expected.length, actual.length);
}

// Reused between calls: contexts are short, and this runs once or twice per candidate.
let row = new Uint32Array(128);

/** Levenshtein distance, for context strings (tens of characters). */
function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  if (row.length < n + 1) row = new Uint32Array(n + 1);
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= m; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const above = row[j] ?? 0;
      const substitution = diagonal + (code === b.charCodeAt(j - 1) ? 0 : 1);
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, substitution);
      diagonal = above;
    }
  }
  return row[n] ?? 0;
}
