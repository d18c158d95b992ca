// Test and bench only: the lexical counterpart ranking, frozen as it was before issue 18, so
// that `npm run bench` can print the new ranking's figures next to it in the same run.
/**
 * Counterparts: the passages of another report that tell the same thing as a passage of this one.
 *
 * A candidate counterpart is a window of one or two adjacent sentences of the other article. It is
 * scored from what it shares with the source passage, after tokenising both (see text-tokens.ts):
 *   - content stems (stop words left out), each weighted by its inverse document frequency over
 *     the sentences of both articles, w = ln(1 + N / df), so that a word in every other sentence
 *     ("Russia", "Johnson") counts little and a rare one ("referendum") much. The base score is
 *     the cosine between the two passages' stem sets under these weights (0..1);
 *   - direct quotes: a run of two or more consecutive content stems that is inside quotation marks
 *     in both passages (stop words in between are skipped);
 *   - shared wording: every other such run found in both, quoted or not, holding more than names
 *     ("UK-Russia relations", "foreign secretary"; not "Boris Johnson").
 * Each quote or wording raises the score as an independent piece of evidence of strength e:
 * score = 1 − (1 − cosine) × Π(1 − e), with e = QUOTE_EVIDENCE for a quote and
 * 1 − (1 − WORDING_EVIDENCE)^(words − 1) for wording, so the score stays within 0..1.
 * Shared names alone never make a counterpart (two reports of one event name the same people in
 * most sentences), and neither does a passage scoring below the threshold: no counterpart is a
 * better answer than a wrong one.
 *
 * For speed the other article's sentences are indexed by stem; only sentences that share a
 * reasonably rare stem with the source are scored, with their neighbours for two-sentence windows.
 */
import { splitSentences, type Sentence } from '../src/core/articles/article-sentences.ts';
import type { TextRange } from '../src/core/claims/claim.ts';
import {
  quotedRanges,
  tokenize,
  type Token,
  type TokenKind,
} from '../src/core/text/text-tokens.ts';
import { firstIndexAbove } from '../src/core/text/sorted-search.ts';

/** What a reason for a counterpart's score is about. */
export type CounterpartReasonKind = 'quote' | 'wording' | 'words' | 'numbers' | 'names';

/** The reasons that are shared single terms. */
type TermReasonKind = 'words' | 'numbers' | 'names';

/** One reason a passage was judged a counterpart, in plain words. */
export interface CounterpartReason {
  readonly kind: CounterpartReasonKind;
  /** The shared quote or terms, as the source passage writes them, in its order. */
  readonly terms: readonly string[];
  /** The part of the score this reason accounts for; a counterpart's weights sum to its score. */
  readonly weight: number;
  /**
   * The reason for a reader, e.g. `Same quote: “abundant evidence”`, `Same wording: “foreign
   * secretary”`, `Shared words: visit, years`, `Shared numbers: five`, `Shared names: Moscow`.
   */
  readonly explain: string;
}

/** A passage of the other article that reports the same thing, and why it was chosen. */
export interface Counterpart {
  /** Offset of the passage in the other article's text. */
  readonly start: number;
  readonly end: number;
  /** 0..1; at least the threshold. */
  readonly score: number;
  /** Strongest first. */
  readonly reasons: readonly CounterpartReason[];
}

/** Tuning for findCounterparts. */
export interface CounterpartOptions {
  /** Lowest score reported; defaults to COUNTERPART_THRESHOLD. */
  readonly threshold?: number;
  /** Most counterparts returned, non-overlapping, best first; defaults to 3. */
  readonly limit?: number;
}

/** An article as counterpart search sees it: its canonical text and its sentences. */
export interface SentencedText {
  readonly text: string;
  readonly sentences: readonly Sentence[];
}

/** One sentence of an article and its best counterpart in the other, or null if it has none. */
export interface SentenceCounterpart {
  readonly sentence: Sentence;
  readonly counterpart: Counterpart | null;
}

/**
 * Lowest score that counts as a counterpart. Set from the hand-made answer key for the two shipped
 * reports (counterparts-quality.test.ts): right answers mostly score 0.2 to 0.6, passages with no
 * counterpart mostly under 0.15; the misses either side are wording-alike, fact-apart cases.
 */
export const COUNTERPART_THRESHOLD = 0.2;

/** How much one shared direct quote counts, as evidence independent of the shared words. */
const QUOTE_EVIDENCE = 0.4;

/** How much each word of shared wording after the first counts, as independent evidence. */
const WORDING_EVIDENCE = 0.15;

/** Sentences scored in full per query, with their neighbours; the rest cannot win. */
const CANDIDATE_SENTENCES = 6;

/** A stem in more than this share of the other article's sentences does not nominate candidates. */
const COMMON_STEM_SHARE = 0.25;

/** A content term of a passage: its stem, kind and how the passage first writes it. */
interface Term {
  readonly stem: string;
  readonly kind: TokenKind;
  readonly display: string;
  /** Offset of the first occurrence, for ordering. */
  readonly start: number;
  /** Whether the first occurrence is negated ("no evidence", "not successfully"). */
  readonly negated: boolean;
}

// Words that turn what follows into its opposite: "no evidence" does not report "evidence".
const NEGATORS: ReadonlySet<string> = new Set([
  'no',
  'not',
  'never',
  'without',
  'unable',
  'nor',
  'cannot',
  "n't",
  'neither',
]);

/** Whether one of the two tokens before `index` negates it. */
function isNegated(tokens: readonly Token[], index: number): boolean {
  for (let i = Math.max(0, index - 2); i < index; i++) {
    const text = tokens[i]?.text.toLowerCase().replace('’', "'") ?? '';
    if (NEGATORS.has(text) || text.endsWith("n't")) return true;
  }
  return false;
}

/** The content stems inside one quotation, in order, with their tokens. */
interface QuoteSequence {
  readonly quoteId: number;
  readonly tokens: readonly Token[];
}

/** What scoring needs to know about a passage. */
interface Features {
  readonly terms: ReadonlyMap<string, Term>;
  /** The passage's content tokens (stop words left out), in order. */
  readonly sequence: readonly Token[];
  readonly quotes: readonly QuoteSequence[];
}

const NO_FEATURES: Features = { terms: new Map(), sequence: [], quotes: [] };

/** A text tokenised once, with the quotation each token is in (-1 when none). */
interface PreparedText {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly quoteIds: Int32Array;
}

function prepareText(text: string): PreparedText {
  const tokens = tokenize(text);
  const quotes = quotedRanges(text);
  const quoteIds = new Int32Array(tokens.length).fill(-1);
  let q = 0;
  tokens.forEach((token, i) => {
    while (q < quotes.length && (quotes[q]?.end ?? 0) <= token.start) q++;
    const quote = quotes[q];
    if (quote !== undefined && quote.start <= token.start && token.end <= quote.end) {
      quoteIds[i] = q;
    }
  });
  return { text, tokens, quoteIds };
}

/** Index of the first token ending after `offset`. */
function firstTokenAfter(tokens: readonly Token[], offset: number): number {
  return firstIndexAbove(tokens, offset, (token) => token.end);
}

/** The features of the tokens of `prepared` that lie wholly within `range`. */
function featuresOf(prepared: PreparedText, range: TextRange): Features {
  const terms = new Map<string, Term>();
  const sequence: Token[] = [];
  const quotes: QuoteSequence[] = [];
  const { tokens, quoteIds } = prepared;
  for (let i = firstTokenAfter(tokens, range.start); i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || token.end > range.end) break;
    if (token.start < range.start || token.stop) continue;
    sequence.push(token);
    const known = terms.get(token.stem);
    if (known === undefined) {
      terms.set(token.stem, {
        stem: token.stem,
        kind: token.kind,
        display: token.text,
        start: token.start,
        negated: isNegated(tokens, i),
      });
    } else if (known.kind === 'word' && token.kind === 'name') {
      // Written once with a capital mid-sentence is enough to show the word is a name.
      terms.set(token.stem, { ...known, kind: 'name' });
    }
    const quoteId = quoteIds[i] ?? -1;
    if (quoteId < 0) continue;
    const last = quotes[quotes.length - 1];
    if (last !== undefined && last.quoteId === quoteId) {
      quotes[quotes.length - 1] = { quoteId, tokens: [...last.tokens, token] };
    } else {
      quotes.push({ quoteId, tokens: [token] });
    }
  }
  return { terms, sequence, quotes };
}

/** Inverse document frequencies over a set of sentences. */
class StemWeights {
  private readonly documentFrequency = new Map<string, number>();
  private sentenceCount = 0;
  // Squared weights and passage norms are asked for again and again while scoring windows.
  private readonly squaredWeights = new Map<string, number>();
  private readonly norms = new WeakMap<Features, number>();

  add(features: Features): void {
    this.sentenceCount++;
    this.squaredWeights.clear();
    for (const stem of features.terms.keys()) {
      this.documentFrequency.set(stem, (this.documentFrequency.get(stem) ?? 0) + 1);
    }
  }

  /** The stem's weight squared, ln(1 + N / df)². */
  squared(stem: string): number {
    let w2 = this.squaredWeights.get(stem);
    if (w2 === undefined) {
      const df = Math.max(1, this.documentFrequency.get(stem) ?? 0);
      w2 = Math.log(1 + Math.max(1, this.sentenceCount) / df) ** 2;
      this.squaredWeights.set(stem, w2);
    }
    return w2;
  }

  /** The sum of a passage's squared stem weights. */
  norm(features: Features): number {
    let norm = this.norms.get(features);
    if (norm === undefined) {
      norm = 0;
      for (const stem of features.terms.keys()) norm += this.squared(stem);
      this.norms.set(features, norm);
    }
    return norm;
  }
}

/** The other article's sentences, their features and a stem → sentences index. */
interface SentenceIndex {
  readonly sentences: readonly Sentence[];
  readonly features: readonly Features[];
  readonly postings: ReadonlyMap<string, readonly number[]>;
  /** Scratch space for a query's per-sentence sums; all zero between queries. */
  readonly dots: Float64Array;
}

function buildIndex(prepared: PreparedText, sentences: readonly Sentence[]): SentenceIndex {
  const ordered = [...sentences].sort((a, b) => a.start - b.start || a.end - b.end);
  const features = ordered.map((sentence) => featuresOf(prepared, sentence));
  const postings = new Map<string, number[]>();
  features.forEach((f, i) => {
    for (const stem of f.terms.keys()) {
      const list = postings.get(stem);
      if (list === undefined) postings.set(stem, [i]);
      else list.push(i);
    }
  });
  return { sentences: ordered, features, postings, dots: new Float64Array(ordered.length) };
}

/** The features of sentences `from`..`to` (inclusive) read as one passage. */
function windowFeatures(index: SentenceIndex, from: number, to: number): Features {
  if (from === to) return index.features[from] ?? NO_FEATURES;
  const terms = new Map<string, Term>();
  const sequence: Token[] = [];
  const quotes: QuoteSequence[] = [];
  for (let i = from; i <= to; i++) {
    const f = index.features[i];
    if (f === undefined) continue;
    sequence.push(...f.sequence);
    for (const [stem, term] of f.terms) {
      const known = terms.get(stem);
      if (known === undefined) terms.set(stem, term);
      else if (known.kind === 'word' && term.kind === 'name')
        terms.set(stem, { ...known, kind: 'name' });
    }
    for (const quoted of f.quotes) {
      const last = quotes[quotes.length - 1];
      if (last !== undefined && last.quoteId === quoted.quoteId) {
        quotes[quotes.length - 1] = {
          quoteId: last.quoteId,
          tokens: [...last.tokens, ...quoted.tokens],
        };
      } else {
        quotes.push(quoted);
      }
    }
  }
  return { terms, sequence, quotes };
}

/** A run of consecutive content tokens of the source that the other passage has too. */
interface SharedRun {
  readonly tokens: readonly Token[];
}

/** The maximal runs of two or more stems that `a` and `b` share in the same order, `a`'s tokens. */
function commonRuns(a: readonly Token[], b: readonly Token[]): SharedRun[] {
  const positions = new Map<string, number[]>();
  b.forEach((token, j) => {
    const list = positions.get(token.stem);
    if (list === undefined) positions.set(token.stem, [j]);
    else list.push(j);
  });
  const runs: SharedRun[] = [];
  a.forEach((token, i) => {
    for (const j of positions.get(token.stem) ?? []) {
      // Start only where the run cannot extend backwards, so each run is found once.
      const before = a[i - 1];
      if (before !== undefined && before.stem === b[j - 1]?.stem) continue;
      let length = 1;
      while (a[i + length] !== undefined && a[i + length]?.stem === b[j + length]?.stem) length++;
      if (length >= 2) runs.push({ tokens: a.slice(i, i + length) });
    }
  });
  return runs;
}

/** Source-order runs without repeats: the same words found twice in the other are one finding. */
function distinctRuns(runs: readonly SharedRun[]): SharedRun[] {
  const seen = new Set<string>();
  return [...runs]
    .sort((x, y) => (x.tokens[0]?.start ?? 0) - (y.tokens[0]?.start ?? 0))
    .filter((run) => {
      const key = run.tokens.map((t) => t.start).join(',');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The runs of two or more stems quoted in both passages (see the top of this file). */
function sharedQuotes(source: Features, other: Features): SharedRun[] {
  return distinctRuns(
    source.quotes.flatMap((a) => other.quotes.flatMap((b) => commonRuns(a.tokens, b.tokens))),
  );
}

/**
 * The runs of two or more stems both passages word alike, quoted or not, that are not already a
 * shared quote and hold more than names ("Boris Johnson" is the man, not a way of telling a fact).
 */
function sharedWording(
  source: Features,
  other: Features,
  quotes: readonly SharedRun[],
): SharedRun[] {
  const quoted = new Set(quotes.flatMap((run) => run.tokens.map((t) => t.start)));
  return distinctRuns(commonRuns(source.sequence, other.sequence)).filter(
    (run) =>
      run.tokens.some((t) => !quoted.has(t.start)) &&
      run.tokens.some((t) => t.kind !== 'name' && other.terms.get(t.stem)?.kind !== 'name'),
  );
}

/** The source text of a run, from its first to its last shared word. */
function runDisplay(sourceText: string, run: SharedRun): string {
  const first = run.tokens[0];
  const last = run.tokens[run.tokens.length - 1];
  if (first === undefined || last === undefined) return '';
  return sourceText.slice(first.start, last.end);
}

const REASON_LABELS: Record<TermReasonKind, string> = {
  words: 'Shared words',
  numbers: 'Shared numbers',
  names: 'Shared names',
};

/** The kind of reason a shared stem gives: a name only if both passages write it as one. */
function reasonKindOf(sourceTerm: Term, otherTerm: Term): TermReasonKind {
  if (sourceTerm.kind === 'number') return 'numbers';
  if (sourceTerm.kind === 'name' && otherTerm.kind === 'name') return 'names';
  return 'words';
}

/** A scored window; its reasons are only spelled out if it is chosen. */
interface ScoredWindow {
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly reasons: () => CounterpartReason[];
}

/** Scores `other` as a counterpart of `source`; null when it shares nothing but names. */
function scorePassage(
  sourceText: string,
  source: Features,
  other: Features,
  weights: StemWeights,
  range: TextRange,
): ScoredWindow | null {
  let dot = 0;
  let shared = 0;
  let onlyNames = true;
  for (const [stem, term] of source.terms) {
    const otherTerm = other.terms.get(stem);
    // Said of the opposite ("abundant evidence" against "no evidence"): not the same report.
    if (otherTerm === undefined || otherTerm.negated !== term.negated) continue;
    dot += weights.squared(stem);
    shared++;
    if (reasonKindOf(term, otherTerm) !== 'names') onlyNames = false;
  }
  // A quote or wording run needs two shared stems, so with fewer there is nothing more to find.
  const quotes = shared >= 2 ? sharedQuotes(source, other) : [];
  if (quotes.length === 0 && onlyNames) return null;
  const wording = shared >= 2 ? sharedWording(source, other, quotes) : [];
  const evidence = [
    ...quotes.map((run) => ({ kind: 'quote' as const, run, strength: QUOTE_EVIDENCE })),
    ...wording.map((run) => ({
      kind: 'wording' as const,
      run,
      strength: 1 - (1 - WORDING_EVIDENCE) ** (run.tokens.length - 1),
    })),
  ];
  const cosine = dot > 0 ? dot / Math.sqrt(weights.norm(source) * weights.norm(other)) : 0;
  const score = 1 - evidence.reduce((doubt, e) => doubt * (1 - e.strength), 1 - cosine);
  const reasons = (): CounterpartReason[] => {
    const totalStrength = evidence.reduce((sum, e) => sum + e.strength, 0);
    const list: CounterpartReason[] = evidence.map(({ kind, run, strength }) => {
      const display = runDisplay(sourceText, run);
      return {
        kind,
        terms: [display],
        weight: ((score - cosine) * strength) / totalStrength,
        explain: `${kind === 'quote' ? 'Same quote' : 'Same wording'}: “${display}”`,
      };
    });
    const groups = new Map<TermReasonKind, { terms: Term[]; dot: number }>();
    for (const [stem, term] of source.terms) {
      const otherTerm = other.terms.get(stem);
      if (otherTerm === undefined) continue;
      const kind = reasonKindOf(term, otherTerm);
      const group = groups.get(kind) ?? { terms: [], dot: 0 };
      group.terms.push(term);
      group.dot += weights.squared(stem);
      groups.set(kind, group);
    }
    for (const [kind, group] of groups) {
      const terms = group.terms.sort((a, b) => a.start - b.start).map((t) => t.display);
      list.push({
        kind,
        terms,
        weight: (cosine * group.dot) / dot,
        explain: `${REASON_LABELS[kind]}: ${terms.join(', ')}`,
      });
    }
    return list.sort((a, b) => b.weight - a.weight);
  };
  return { start: range.start, end: range.end, score, reasons };
}

/** Ranked counterparts of `source` among the windows of `index` (see the top of this file). */
function searchIndex(
  sourceText: string,
  source: Features,
  index: SentenceIndex,
  weights: StemWeights,
  threshold: number,
  limit: number,
): Counterpart[] {
  const count = index.sentences.length;
  const { dots } = index;
  const touched: number[] = [];
  const nominate = (stem: string, postings: readonly number[]) => {
    const w2 = weights.squared(stem);
    for (const i of postings) {
      if (dots[i] === 0) touched.push(i);
      dots[i] = (dots[i] ?? 0) + w2;
    }
  };
  const common: [string, readonly number[]][] = [];
  for (const stem of source.terms.keys()) {
    const postings = index.postings.get(stem);
    if (postings === undefined) continue;
    if (postings.length > Math.max(8, count * COMMON_STEM_SHARE)) common.push([stem, postings]);
    else nominate(stem, postings);
  }
  // A source made only of common words still deserves its best candidates.
  if (touched.length === 0) for (const [stem, postings] of common) nominate(stem, postings);
  // Rank single sentences by their cosine over the nominating stems, keeping the best few.
  const candidates: { sentence: number; rank: number }[] = [];
  for (const i of touched) {
    const rank = (dots[i] ?? 0) / Math.sqrt(weights.norm(index.features[i] ?? NO_FEATURES));
    dots[i] = 0;
    if (candidates.length === CANDIDATE_SENTENCES && rank <= (candidates.at(-1)?.rank ?? 0)) {
      continue;
    }
    let at = candidates.length;
    while (at > 0) {
      const before = candidates[at - 1];
      if (
        before === undefined ||
        before.rank > rank ||
        (before.rank === rank && before.sentence < i)
      ) {
        break;
      }
      at--;
    }
    candidates.splice(at, 0, { sentence: i, rank });
    if (candidates.length > CANDIDATE_SENTENCES) candidates.pop();
  }
  const windows = new Map<string, [number, number]>();
  for (const { sentence: i } of candidates) {
    for (const [from, to] of [
      [i, i],
      [i - 1, i],
      [i, i + 1],
    ] as const) {
      if (from >= 0 && to < count) windows.set(`${from}:${to}`, [from, to]);
    }
  }
  const scored: ScoredWindow[] = [];
  for (const [from, to] of windows.values()) {
    const first = index.sentences[from];
    const last = index.sentences[to];
    if (first === undefined || last === undefined) continue;
    const range = { start: first.start, end: last.end };
    const result = scorePassage(
      sourceText,
      source,
      windowFeatures(index, from, to),
      weights,
      range,
    );
    if (result !== null && result.score >= threshold) scored.push(result);
  }
  scored.sort(
    (a, b) => b.score - a.score || a.start - b.start || a.end - a.start - (b.end - b.start),
  );
  const chosen: ScoredWindow[] = [];
  for (const candidate of scored) {
    if (chosen.length >= limit) break;
    if (chosen.some((c) => c.start < candidate.end && candidate.start < c.end)) continue;
    chosen.push(candidate);
  }
  return chosen.map(({ start, end, score, reasons }) => ({
    start,
    end,
    score,
    reasons: reasons(),
  }));
}

/**
 * The passages of `other` (windows of one or two adjacent sentences) that report what
 * `source.range` of `source.text` reports, best first; [] when none scores above the threshold.
 */
export function findCounterparts(
  source: { readonly text: string; readonly range: TextRange },
  other: { readonly sentences: readonly Sentence[]; readonly text: string },
  options: CounterpartOptions = {},
): Counterpart[] {
  const preparedSource = prepareText(source.text);
  const preparedOther = prepareText(other.text);
  const index = buildIndex(preparedOther, other.sentences);
  const weights = new StemWeights();
  for (const range of splitSentences(source.text)) weights.add(featuresOf(preparedSource, range));
  for (const f of index.features) weights.add(f);
  return searchIndex(
    source.text,
    featuresOf(preparedSource, source.range),
    index,
    weights,
    options.threshold ?? COUNTERPART_THRESHOLD,
    options.limit ?? 3,
  );
}
