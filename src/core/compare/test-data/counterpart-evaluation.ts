// Test and bench only: scores a counterpart ranking against the hand-made answer key
// (counterpart-pairs.ts), one half at a time.
import type { TextRange } from '../../claims/claim.ts';
import { FRESH_LONE_PASSAGES, FRESH_PAIRS } from './counterpart-fresh-held-out.ts';
import {
  COUNTERPART_PAIRS as FIRST_PAIRS,
  LONE_PASSAGES as FIRST_LONE_PASSAGES,
  type Half,
  type Report,
} from './counterpart-pairs.ts';

/** Every labelled pair, of all three parts of the key. */
export const COUNTERPART_PAIRS = [...FIRST_PAIRS, ...FRESH_PAIRS];
/** Every labelled lone passage, of all three parts of the key. */
export const LONE_PASSAGES = [...FIRST_LONE_PASSAGES, ...FRESH_LONE_PASSAGES];

/** The canonical texts of the two reports. */
export type ReportTexts = Readonly<Record<Report, string>>;

/** A ranking under test: the counterparts in the other report of `range` of `from`, best first. */
export type Ranking = (from: Report, range: TextRange) => readonly TextRange[];

/** One passage asked about, and the passages of the other report that are right answers. */
export interface EvaluationQuery {
  readonly from: Report;
  readonly passage: string;
  /** Empty for a lone passage: the right answer is no counterpart. */
  readonly expected: readonly string[];
}

/** How a ranking did on one half of the answer key. */
export interface Evaluation {
  readonly half: Half;
  /** Labelled pairs in this half. */
  readonly pairs: number;
  /** Distinct passages asked about that have a counterpart (each pair's two sides, merged). */
  readonly pairQueries: number;
  /** Of those, how many got a right first match: precision@1 over pair queries. */
  readonly firstRight: number;
  /** How many had a right match anywhere in the list shown (recall). */
  readonly anyRight: number;
  readonly loneQueries: number;
  /** Lone passages reported as not in the other report. */
  readonly omissionsRight: number;
  /** Every first match shown (pairs and lone passages) and how many were right. */
  readonly shown: number;
  /** A line per wrong answer, for reading. */
  readonly mistakes: readonly string[];
}

/** The other report. */
export const otherReport = (report: Report): Report =>
  report === 'newstalk' ? 'businessInsider' : 'newstalk';

/** The range of `passage` in `text`, which must hold it exactly once. */
export function passageRange(text: string, passage: string): TextRange {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`passage not in the report: ${passage}`);
  if (text.indexOf(passage, start + 1) >= 0) throw new Error(`passage twice: ${passage}`);
  return { start, end: start + passage.length };
}

// Each part of the key, and the parts written before it.
const EARLIER: Readonly<Record<Half, readonly Half[]>> = {
  tuning: [],
  heldOut: ['tuning'],
  fresh: ['tuning', 'heldOut'],
};

/**
 * The distinct passages of one half asked about, each with every right answer. A passage that
 * an earlier half asks about is not asked again in a later one (a story thread may reach into
 * both: "descended into an extraordinary diplomatic spat" answers a headline and a body sentence
 * alike), so nothing held out was tuned on.
 */
export function evaluationQueries(half: Half): EvaluationQuery[] {
  const key = (q: EvaluationQuery) => `${q.from}\n${q.passage}`;
  const asked = new Set(EARLIER[half].flatMap((h) => halfQueries(h).map(key)));
  return halfQueries(half).filter((q) => !asked.has(key(q)));
}

function halfQueries(half: Half): EvaluationQuery[] {
  const byPassage = new Map<string, { from: Report; passage: string; expected: Set<string> }>();
  const ask = (from: Report, passage: string, expected: readonly string[]) => {
    const key = `${from}\n${passage}`;
    const query = byPassage.get(key) ?? { from, passage, expected: new Set<string>() };
    for (const e of expected) query.expected.add(e);
    byPassage.set(key, query);
  };
  for (const pair of COUNTERPART_PAIRS) {
    if (pair.half !== half) continue;
    ask('newstalk', pair.newstalk, [pair.businessInsider, ...(pair.alsoBusinessInsider ?? [])]);
    ask('businessInsider', pair.businessInsider, [pair.newstalk, ...(pair.alsoNewstalk ?? [])]);
  }
  const lone = LONE_PASSAGES.filter((p) => p.half === half).map((p) => ({
    from: p.report,
    passage: p.passage,
    expected: [],
  }));
  return [...[...byPassage.values()].map((q) => ({ ...q, expected: [...q.expected] })), ...lone];
}

const overlaps = (a: TextRange, b: TextRange) => a.start < b.end && b.start < a.end;

/** Runs `ranking` on every query of `half` and counts what it got right. */
export function evaluateRanking(texts: ReportTexts, ranking: Ranking, half: Half): Evaluation {
  let pairQueries = 0;
  let firstRight = 0;
  let anyRight = 0;
  let loneQueries = 0;
  let omissionsRight = 0;
  let shown = 0;
  const mistakes: string[] = [];
  for (const query of evaluationQueries(half)) {
    const other = otherReport(query.from);
    const found = ranking(query.from, passageRange(texts[query.from], query.passage));
    const [first] = found;
    if (first !== undefined) shown++;
    const firstText = first ? texts[other].slice(first.start, first.end) : '(none)';
    if (query.expected.length === 0) {
      loneQueries++;
      if (first === undefined) omissionsRight++;
      else mistakes.push(`LONE  ${query.passage}\n   -> ${firstText}`);
      continue;
    }
    pairQueries++;
    const expected = query.expected.map((p) => passageRange(texts[other], p));
    const right = (c: TextRange) => expected.some((e) => overlaps(c, e));
    if (first !== undefined && right(first)) firstRight++;
    else mistakes.push(`PAIR  ${query.passage}\n   -> ${firstText}`);
    if (found.some(right)) anyRight++;
  }
  return {
    half,
    pairs: COUNTERPART_PAIRS.filter((p) => p.half === half).length,
    pairQueries,
    firstRight,
    anyRight,
    loneQueries,
    omissionsRight,
    shown,
    mistakes,
  };
}

const percent = (n: number, of: number) => `${Math.round((100 * n) / Math.max(1, of))}%`;

/** One line of figures, e.g. for `npm run bench`. */
export function evaluationLine(name: string, e: Evaluation): string {
  return (
    `${name} (${e.half}, ${e.pairs} pairs → ${e.pairQueries} passages with a counterpart, ` +
    `${e.loneQueries} without): precision@1 ${percent(e.firstRight, e.pairQueries)} ` +
    `(${e.firstRight}/${e.pairQueries}), recall ${percent(e.anyRight, e.pairQueries)} ` +
    `(${e.anyRight}/${e.pairQueries} with a right match listed), omissions ` +
    `${percent(e.omissionsRight, e.loneQueries)} (${e.omissionsRight}/${e.loneQueries})`
  );
}
