// Approximate search for an edited quote: approx-string-match over regions a trigram filter
// leaves, and the choice of a best match only when it is clearly better than the runner-up.
import search from 'approx-string-match';
import type { QuoteProbe } from './match-quote.ts';
import { MATCH_TUNING, ORPHAN_REASONS } from './match-tuning.ts';
import { contextSimilarity, distinct, score, type Candidate } from './quote-candidates.ts';

/** The approximate match chosen for a quote, or why none was. */
export type FuzzyOutcome =
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
export function acceptableErrors(length: number): number {
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
export function fuzzyMatch(
  probe: QuoteProbe,
  from: number,
  to: number,
  maxErrors: number,
): FuzzyOutcome {
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
