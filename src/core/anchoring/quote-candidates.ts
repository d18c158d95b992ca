// Scoring a candidate passage for a quote: how well its surroundings read as the saved context
// and how near it is to the old position.
import { QUOTE_CONTEXT_LENGTH } from '../claims/claim.ts';
import { normalizeText } from '../text/normalize-text.ts';
import type { QuoteHints, QuoteProbe } from './match-quote.ts';
import { MATCH_TUNING } from './match-tuning.ts';

/** A quote's saved context in matching form, and how much text around a candidate to compare. */
export interface Context {
  /** Normalised prefix, or undefined when none was given. */
  readonly prefix: string | undefined;
  readonly suffix: string | undefined;
  /** How many normalised characters before/after a candidate to compare with them. */
  readonly prefixWindow: number;
  readonly suffixWindow: number;
}

/** One place a quote may be, scored against its saved context and old position. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Edit distance between the quote and this passage (0 for exact occurrences). */
  readonly errors: number;
  readonly quoteSimilarity: number;
  readonly prefixSimilarity: number | undefined;
  readonly suffixSimilarity: number | undefined;
  readonly score: number;
}

/** The saved context of a quote in matching form, with the window to compare it over. */
export function contextFrom(quote: string, hints: QuoteHints): Context {
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

/** Scores the passage [start, end) of the matching form as a place for the probe's quote. */
export function score(probe: QuoteProbe, start: number, end: number, errors: number): Candidate {
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

/** Whether both saved contexts (where given) read exactly around the candidate. */
export function hasPerfectContext(candidate: Candidate): boolean {
  return (candidate.prefixSimilarity ?? 1) === 1 && (candidate.suffixSimilarity ?? 1) === 1;
}

/** Mean similarity of the given contexts, or undefined when there were none. */
export function contextSimilarity(candidate: Candidate): number | undefined {
  const known = [candidate.prefixSimilarity, candidate.suffixSimilarity].filter(
    (value) => value !== undefined,
  );
  return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0) / known.length;
}

/** Candidates best first, dropping any that overlaps a better one (the same passage). */
export function distinct(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.start - b.start);
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    if (kept.every((k) => candidate.end <= k.start || candidate.start >= k.end)) {
      kept.push(candidate);
    }
  }
  return kept;
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
