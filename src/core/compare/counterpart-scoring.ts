/**
 * How well one passage of another report tells what a source passage tells, 0..1, and why.
 *
 * 1. Shared meaning over the two passages' content terms. Each term weighs w = ln(1 + N / df)
 *    over the sentences of both reports, so a word in every other sentence ("Russia") counts
 *    little and a rare one much; names and titles count at NAME_SHARE, verbs of saying at
 *    SPEECH_SHARE, and an everyday word (WordNet's SemCor counts) loses up to EVERYDAY_DISCOUNT.
 *    A source term meets the other passage's term of the same stem in full, a WordNet synonym
 *    (related-words.ts) at SYNONYM_CREDIT and a near word at NEAR_CREDIT: dot = Σ credit ·
 *    w(s) · w(o). Names and numbers only meet themselves, and a word said of the opposite ("no
 *    evidence" against "abundant evidence") meets nothing. The base is how much of each
 *    passage the other covers, weighted towards the source: (dot / Σ w(s)²)^SOURCE_COVERAGE ·
 *    (dot / Σ w(o)²)^(1 − SOURCE_COVERAGE).
 * 2. Structure scales the base: the same speaker (SAME_SPEAKER_FACTOR), the lead of both
 *    reports (LEAD_FACTOR) or the place the neighbours' counterparts leave for it
 *    (IN_PLACE_FACTOR, see sentence-alignment.ts); another named speaker
 *    (OTHER_SPEAKER_FACTOR) or numbers on both sides of which none agree (OTHER_NUMBER_FACTOR).
 * 3. Independent evidence raises the score as score = 1 − (1 − base) · Π(1 − e): a direct quote
 *    both passages quote (QUOTE_EVIDENCE), wording both share beyond names (WORDING_EVIDENCE
 *    per word after the first), the same numbers (NUMBER_EVIDENCE).
 * Shared names alone never make a counterpart: with nothing else shared the score is null, and
 * names (with titles, see passage-features.ts) add at most NAME_CAP times the dot of the rest.
 * The constants were set on the tuning half of the answer key (test-data/counterpart-pairs.ts).
 */
import type { Token } from '../text/text-tokens.ts';
import { SPEECH_WORD, type Features, type QuoteSequence, type Term } from './passage-features.ts';
import type { RelatedWords } from './related-words.ts';

/** What a reason for a counterpart's score is about. */
export type CounterpartReasonKind =
  | 'quote'
  | 'wording'
  | 'words'
  | 'related'
  | 'numbers'
  | 'names'
  | 'speaker'
  | 'position'
  | 'mutual';

/** One reason a passage was judged a counterpart, in plain words. */
export interface CounterpartReason {
  readonly kind: CounterpartReasonKind;
  /** The shared quote or terms, as the source passage writes them, in its order. */
  readonly terms: readonly string[];
  /** The part of the score this reason accounts for; a counterpart's weights sum to its score. */
  readonly weight: number;
  /**
   * The reason for a reader, e.g. `Same quote: “abundant evidence”`, `Shared words: visit,
   * years`, `Related words: clash ≈ spat`, `Same speaker: Sergei Lavrov`, `Shared numbers: five`.
   */
  readonly explain: string;
}

/** The tuned constants (see the top of this file). */
export const SCORING = {
  SYNONYM_CREDIT: 0.8,
  NEAR_CREDIT: 0.3,
  NAME_SHARE: 0.5,
  NAME_CAP: 1,
  SPEECH_SHARE: 0.5,
  SOURCE_COVERAGE: 0.65,
  EVERYDAY_DISCOUNT: 0.5,
  LEAD_FACTOR: 2,
  QUOTE_EVIDENCE: 0.4,
  WORDING_EVIDENCE: 0.15,
  NUMBER_EVIDENCE: 0.1,
  SAME_SPEAKER_FACTOR: 1.25,
  IN_PLACE_FACTOR: 1.2,
  OTHER_SPEAKER_FACTOR: 0.6,
  OTHER_NUMBER_FACTOR: 0.7,
};

/** Inverse document frequencies over the sentences of both reports. */
export class StemWeights {
  private readonly documentFrequency = new Map<string, number>();
  private sentenceCount = 0;
  private cached = new WeakMap<Term, number>();
  private readonly norms = new WeakMap<Features, number>();

  /** `titles`: stems either report writes as a title before a name; they weigh as names. */
  constructor(readonly titles: ReadonlySet<string> = new Set()) {}

  /** Whether a term counts as a name: written as one, or a title. */
  isName(term: Term): boolean {
    return term.kind === 'name' || (term.kind === 'word' && this.titles.has(term.stem));
  }

  add(features: Features): void {
    this.sentenceCount++;
    this.cached = new WeakMap();
    for (const stem of features.terms.keys()) {
      this.documentFrequency.set(stem, (this.documentFrequency.get(stem) ?? 0) + 1);
    }
  }

  /** A term's weight, ln(1 + N / df), names at NAME_SHARE. */
  weight(term: Term): number {
    let w = this.cached.get(term);
    if (w === undefined) {
      const df = Math.max(1, this.documentFrequency.get(term.stem) ?? 0);
      w = Math.log(1 + Math.max(1, this.sentenceCount) / df);
      if (this.isName(term)) w *= SCORING.NAME_SHARE;
      // A verb of saying is how a fact is told; reports of one event repeat them like names.
      else if (term.kind === 'word' && SPEECH_WORD.test(term.display)) w *= SCORING.SPEECH_SHARE;
      // An everyday word says less about which fact is told than a specific one.
      if (term.kind === 'word') w *= 1 - SCORING.EVERYDAY_DISCOUNT * term.commonness;
      this.cached.set(term, w);
    }
    return w;
  }

  /** The sum of a passage's squared term weights. */
  norm(features: Features): number {
    let norm = this.norms.get(features);
    if (norm === undefined) {
      norm = 0;
      for (const term of features.terms.values()) norm += this.weight(term) ** 2;
      this.norms.set(features, norm);
    }
    return norm;
  }
}

/** A run of consecutive content tokens of the source that the other passage has too. */
type SharedRun = readonly Token[];

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
      if (i > 0 && a[i - 1]?.stem === b[j - 1]?.stem) continue;
      let length = 1;
      while (a[i + length] !== undefined && a[i + length]?.stem === b[j + length]?.stem) length++;
      if (length >= 2) runs.push(a.slice(i, i + length));
    }
  });
  const seen = new Set<string>();
  return runs
    .sort((x, y) => (x[0]?.start ?? 0) - (y[0]?.start ?? 0))
    .filter((run) => {
      const key = run.map((t) => t.start).join(',');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function quoteRuns(a: readonly QuoteSequence[], b: readonly QuoteSequence[]): SharedRun[] {
  return a.flatMap((x) => b.flatMap((y) => commonRuns(x.tokens, y.tokens)));
}

/** The source text of a run, from its first to its last shared word. */
function runDisplay(sourceText: string, run: SharedRun): string {
  const first = run[0];
  const last = run[run.length - 1];
  return first === undefined || last === undefined ? '' : sourceText.slice(first.start, last.end);
}

/** One source term met in the other passage. */
interface Meeting {
  readonly kind: 'words' | 'related' | 'numbers' | 'names';
  readonly source: Term;
  readonly other: Term;
  readonly dot: number;
}

/** How the source's terms meet the other passage's (see 1. at the top of this file). */
function meetings(
  source: Features,
  other: Features,
  weights: StemWeights,
  words: RelatedWords | null,
): Meeting[] {
  const met: Meeting[] = [];
  for (const [stem, term] of source.terms) {
    const same = other.terms.get(stem);
    if (same !== undefined) {
      if (same.negated !== term.negated) continue;
      const kind =
        term.kind === 'number'
          ? 'numbers'
          : (term.kind === 'name' && same.kind === 'name') || weights.titles.has(stem)
            ? 'names'
            : 'words';
      const w = weights.weight(kind === 'names' || term.kind !== 'name' ? term : same);
      met.push({ kind, source: term, other: same, dot: w * w });
      continue;
    }
    if (words === null || term.kind !== 'word' || term.groups.length === 0) continue;
    let best: Meeting | null = null;
    for (const candidate of other.terms.values()) {
      if (candidate.kind !== 'word' || candidate.negated !== term.negated) continue;
      if (!candidate.groups.some((g) => term.groups.includes(g))) continue;
      const relation = words.relation(term.lemmas, candidate.lemmas);
      if (relation === null) continue;
      const credit = relation === 'synonym' ? SCORING.SYNONYM_CREDIT : SCORING.NEAR_CREDIT;
      const dot = credit * weights.weight(term) * weights.weight(candidate);
      if (best === null || dot > best.dot)
        best = { kind: 'related', source: term, other: candidate, dot };
    }
    if (best !== null) met.push(best);
  }
  return met;
}

/**
 * Where a candidate sits in its story relative to the source: between the counterparts of the
 * source's neighbours (`order`), in the lead as the source is (`lead`), or neither.
 */
export type StoryPlace = 'order' | 'lead' | null;

/** A scored passage; its reasons are only spelled out if it is chosen. */
export interface ScoredPassage {
  readonly score: number;
  readonly reasons: () => CounterpartReason[];
}

const TERM_LABELS = {
  words: 'Shared words',
  related: 'Related words',
  numbers: 'Shared numbers',
  names: 'Shared names',
} as const;

/** Scores `other` as a counterpart of `source`; null when it shares nothing but names. */
export function scorePassage(
  sourceText: string,
  source: Features,
  other: Features,
  weights: StemWeights,
  words: RelatedWords | null,
  place: StoryPlace,
): ScoredPassage | null {
  const met = meetings(source, other, weights, words);
  if (met.every((m) => m.kind === 'names')) return null;
  // Names (and titles) say who, not what: they may corroborate the shared meaning, at most
  // NAME_CAP times what the rest shares, but not carry it.
  const nameDot = met.reduce((sum, m) => sum + (m.kind === 'names' ? m.dot : 0), 0);
  const restDot = met.reduce((sum, m) => sum + (m.kind === 'names' ? 0 : m.dot), 0);
  const keptNames = Math.min(nameDot, SCORING.NAME_CAP * restDot);
  const dot = restDot + keptNames;
  // How much of the source the other tells, and of the other the source: weighted towards the
  // source, since the other passage may well tell more besides (SOURCE_COVERAGE 0.5: cosine).
  const alpha = SCORING.SOURCE_COVERAGE;
  const cosine = Math.min(
    1,
    (dot / Math.max(1e-9, weights.norm(source))) ** alpha *
      (dot / Math.max(1e-9, weights.norm(other))) ** (1 - alpha),
  );

  // The source's own voice is the one it opens with; the other passage may hold several.
  const voice = source.voices[0];
  const speakerS = voice?.person ?? null;
  const heard = other.voices.find((v) => v.person === speakerS);
  const sameSpeaker = speakerS !== null && heard !== undefined;
  const otherSpeaker =
    speakerS !== null && !sameSpeaker && other.voices.every((v) => v.person !== null);
  const numbersS = [...source.terms.values()].filter((t) => t.kind === 'number');
  const numbersO = [...other.terms.values()].filter((t) => t.kind === 'number');
  const sharedNumbers = met.filter((m) => m.kind === 'numbers');
  const otherNumbers = numbersS.length > 0 && numbersO.length > 0 && sharedNumbers.length === 0;
  const factor =
    (otherSpeaker ? SCORING.OTHER_SPEAKER_FACTOR : 1) *
    (otherNumbers ? SCORING.OTHER_NUMBER_FACTOR : 1);
  const placeFactor =
    place === 'order' ? SCORING.IN_PLACE_FACTOR : place === 'lead' ? SCORING.LEAD_FACTOR : 1;
  const boost = (sameSpeaker ? SCORING.SAME_SPEAKER_FACTOR : 1) * placeFactor;
  const plain = cosine * factor;
  const base = Math.min(1, plain * boost);

  const sharedStems = met.filter((m) => m.kind !== 'related').length;
  const quotes = sharedStems >= 2 ? quoteRuns(source.quotes, other.quotes) : [];
  const quoted = new Set(quotes.flatMap((run) => run.map((t) => t.start)));
  const wording =
    sharedStems >= 2
      ? commonRuns(source.sequence, other.sequence).filter(
          (run) =>
            run.some((t) => !quoted.has(t.start)) &&
            // Names and titles ("foreign minister") are who, not what: they make no wording.
            run.filter(
              (t) =>
                t.kind !== 'name' &&
                other.terms.get(t.stem)?.kind !== 'name' &&
                !weights.titles.has(t.stem),
            ).length >= 2,
        )
      : [];
  interface Evidence {
    readonly kind: CounterpartReasonKind;
    readonly strength: number;
    readonly terms: readonly string[];
    readonly explain: string;
  }
  const evidence: Evidence[] = [
    ...quotes.map((run) => {
      const display = runDisplay(sourceText, run);
      return {
        kind: 'quote' as const,
        strength: SCORING.QUOTE_EVIDENCE,
        terms: [display],
        explain: `Same quote: “${display}”`,
      };
    }),
    ...wording.map((run) => {
      const display = runDisplay(sourceText, run);
      return {
        kind: 'wording' as const,
        strength: 1 - (1 - SCORING.WORDING_EVIDENCE) ** (run.length - 1),
        terms: [display],
        explain: `Same wording: “${display}”`,
      };
    }),
  ];
  // Speaker and place scale the shared meaning; the part they add is theirs in the reasons.
  const boosts: { kind: CounterpartReasonKind; share: number; terms: string[]; explain: string }[] =
    [];
  if (sameSpeaker) {
    const label = voice?.label ?? speakerS;
    const how = heard?.mode === voice?.mode ? '' : ` (${heard?.mode ?? ''} there)`;
    boosts.push({
      kind: 'speaker',
      share: Math.log(SCORING.SAME_SPEAKER_FACTOR),
      terms: [label],
      explain: `Same speaker: ${label}${how}`,
    });
  }
  if (place !== null) {
    boosts.push({
      kind: 'position',
      share: Math.log(placeFactor),
      terms: [],
      explain:
        place === 'lead'
          ? 'Both in the lead: headline, standfirst or first paragraph'
          : 'Same place in the story as the passages around it',
    });
  }
  if (sharedNumbers.length > 0) {
    const terms = sharedNumbers.map((m) => m.source.display);
    evidence.push({
      kind: 'numbers',
      strength: SCORING.NUMBER_EVIDENCE,
      terms,
      explain: `Same numbers: ${terms.join(', ')}`,
    });
  }
  const score = 1 - evidence.reduce((doubt, e) => doubt * (1 - e.strength), 1 - base);

  const reasons = (): CounterpartReason[] => {
    const totalStrength = evidence.reduce((sum, e) => sum + e.strength, 0);
    const list: CounterpartReason[] = evidence.map((e) => ({
      kind: e.kind,
      terms: e.terms,
      weight: totalStrength > 0 ? ((score - base) * e.strength) / totalStrength : 0,
      explain: e.explain,
    }));
    const boosted = base - plain;
    const totalShare = boosts.reduce((sum, b) => sum + b.share, 0);
    for (const b of boosts) {
      list.push({
        kind: b.kind,
        terms: b.terms,
        weight: totalShare > 0 ? (boosted * b.share) / totalShare : 0,
        explain: b.explain,
      });
    }
    for (const kind of ['words', 'related', 'numbers', 'names'] as const) {
      // Shared numbers are one reason: their part of the shared meaning joins the evidence's.
      const numbers = kind === 'numbers' ? list.find((r) => r.kind === 'numbers') : undefined;
      const group = met
        .filter((m) => m.kind === kind)
        .sort((a, b) => a.source.start - b.source.start);
      if (group.length === 0) continue;
      // Names count only as far as NAME_CAP lets them (see the shared meaning above).
      const groupDot = kind === 'names' ? keptNames : group.reduce((sum, m) => sum + m.dot, 0);
      const terms = group.map((m) =>
        kind === 'related' ? `${m.source.display} ≈ ${m.other.display}` : m.source.display,
      );
      const weight = dot > 0 ? (plain * groupDot) / dot : 0;
      if (numbers !== undefined) {
        list[list.indexOf(numbers)] = { ...numbers, weight: numbers.weight + weight };
        continue;
      }
      list.push({ kind, terms, weight, explain: `${TERM_LABELS[kind]}: ${terms.join(', ')}` });
    }
    return list.sort((a, b) => b.weight - a.weight);
  };
  return { score, reasons };
}
