import { beforeAll, describe, expect, it } from 'vitest';
import { sentencesOf } from '../articles/article-sentences.ts';
import { articleText } from '../articles/article-text.ts';
import { findCounterparts } from './counterparts.ts';
import { matchStrength, type MatchStrength } from './match-strength.ts';
import { loadRelatedWords, type RelatedWords } from './related-words.ts';
import {
  COUNTERPART_PAIRS,
  LONE_PASSAGES,
  evaluateRanking,
  evaluationLine,
  evaluationQueries,
  otherReport,
  passageRange,
  type Evaluation,
  type Ranking,
} from './test-data/counterpart-evaluation.ts';
import { findCounterparts as baselineCounterparts } from '../../../bench/lexical-baseline.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';

const articles = { newstalk: articleText(newstalk), businessInsider: articleText(businessInsider) };
const texts = { newstalk: articles.newstalk.text, businessInsider: articles.businessInsider.text };

let words: RelatedWords;
beforeAll(async () => {
  words = await loadRelatedWords();
});

const shipped: Ranking = (from, range) =>
  findCounterparts({ article: articles[from], range }, articles[otherReport(from)], words);

const baseline: Ranking = (from, range) => {
  const other = articles[otherReport(from)];
  return baselineCounterparts(
    { text: texts[from], range },
    { text: other.text, sentences: sentencesOf(other) },
  );
};

const rate = (n: number, of: number) => n / Math.max(1, of);

/**
 * Floors a margin under what was measured (the bench prints the figures): when the answer key
 * was written, on the tuning half precision@1 0.71 and omissions 0.90, on the held-out half 0.47
 * and 0.90, against 0.35 and 0.90 for the lexical baseline; with role words as titles and names
 * capped (issue 18, second pass), tuning 0.71 and 1.00, held-out 0.47 and 0.90. A real
 * regression fails; one borderline passage does not. The held-out half is measured here, never
 * tuned on.
 */
const FLOORS = {
  tuning: { precision: 0.6, omissions: 0.9 },
  heldOut: { precision: 0.4, omissions: 0.8 },
} as const;

describe('the hand-made answer key', () => {
  it('has at least 30 pairs and 15 lone passages, split in two halves', () => {
    expect(COUNTERPART_PAIRS.length).toBeGreaterThanOrEqual(30);
    expect(LONE_PASSAGES.length).toBeGreaterThanOrEqual(15);
    for (const half of ['tuning', 'heldOut'] as const) {
      expect(COUNTERPART_PAIRS.filter((p) => p.half === half).length).toBeGreaterThanOrEqual(15);
      expect(LONE_PASSAGES.filter((p) => p.half === half).length).toBeGreaterThanOrEqual(7);
    }
  });

  it('uses passages that are in the reports, once each', () => {
    for (const pair of COUNTERPART_PAIRS) {
      passageRange(texts.newstalk, pair.newstalk);
      passageRange(texts.businessInsider, pair.businessInsider);
      for (const p of pair.alsoNewstalk ?? []) passageRange(texts.newstalk, p);
      for (const p of pair.alsoBusinessInsider ?? []) passageRange(texts.businessInsider, p);
    }
    for (const lone of LONE_PASSAGES) passageRange(texts[lone.report], lone.passage);
  });

  it('never asks the same passage in two parts of the key', () => {
    const key = (q: { from: string; passage: string }) => `${q.from}\n${q.passage}`;
    const seen = new Set<string>();
    for (const half of ['tuning', 'heldOut', 'fresh'] as const) {
      for (const query of evaluationQueries(half)) {
        expect(seen.has(key(query))).toBe(false);
        seen.add(key(query));
      }
    }
  });

  it('asks every fresh held-out label (none repeats an earlier query)', () => {
    const fresh = evaluationQueries('fresh');
    expect(fresh.filter((q) => q.expected.length > 0).length).toBe(
      COUNTERPART_PAIRS.filter((p) => p.half === 'fresh').length,
    );
    expect(fresh.filter((q) => q.expected.length === 0).length).toBe(
      LONE_PASSAGES.filter((p) => p.half === 'fresh').length,
    );
  });
});

describe('counterpart quality against the answer key', () => {
  for (const half of ['tuning', 'heldOut'] as const) {
    it(`keeps precision@1 and omissions on the ${half} half`, () => {
      const ours: Evaluation = evaluateRanking(texts, shipped, half);
      const before: Evaluation = evaluateRanking(texts, baseline, half);
      console.log(evaluationLine('counterparts', ours));
      console.log(evaluationLine('lexical baseline', before));
      const mistakes = ours.mistakes.join('\n');
      expect(rate(ours.firstRight, ours.pairQueries), mistakes).toBeGreaterThanOrEqual(
        FLOORS[half].precision,
      );
      expect(rate(ours.omissionsRight, ours.loneQueries), mistakes).toBeGreaterThanOrEqual(
        FLOORS[half].omissions,
      );
      // Better than the matcher it replaces, on both halves.
      expect(ours.firstRight).toBeGreaterThan(before.firstRight);
    });
  }

  // Issue 18's target, not met: on the fresh held-out set of clauses (written 2 December 2026)
  // precision@1 was 0 of 9 and omissions 4 of 7, before and after that day's scoring change.
  // Short clauses share too few words, and paraphrase WordNet does not link is missed (README,
  // Comparing the two reports, Limitations).
  it.fails('finds 80% of first matches and 80% of omissions on the fresh held-out set', () => {
    const fresh = evaluateRanking(texts, shipped, 'fresh');
    console.log(evaluationLine('counterparts', fresh));
    expect(rate(fresh.firstRight, fresh.pairQueries)).toBeGreaterThanOrEqual(0.8);
    expect(rate(fresh.omissionsRight, fresh.loneQueries)).toBeGreaterThanOrEqual(0.8);
  });

  it('labels matches as they turn out: close ones right, weak ones mostly wrong', () => {
    const tally: Record<MatchStrength, { right: number; shown: number }> = {
      close: { right: 0, shown: 0 },
      likely: { right: 0, shown: 0 },
      weak: { right: 0, shown: 0 },
    };
    for (const half of ['tuning', 'heldOut', 'fresh'] as const) {
      for (const query of evaluationQueries(half)) {
        const other = otherReport(query.from);
        const expected = query.expected.map((p) => passageRange(texts[other], p));
        const range = passageRange(texts[query.from], query.passage);
        for (const found of findCounterparts(
          { article: articles[query.from], range },
          articles[other],
          words,
        )) {
          const band = tally[matchStrength(found.score)];
          band.shown++;
          if (expected.some((e) => found.start < e.end && e.start < found.end)) band.right++;
        }
      }
    }
    console.log('match strength, right/shown:', JSON.stringify(tally));
    // See match-strength.ts: 8/8, 14/17 and 1/5 when the bands were set.
    expect(rate(tally.close.right, tally.close.shown)).toBeGreaterThanOrEqual(0.9);
    expect(rate(tally.likely.right, tally.likely.shown)).toBeGreaterThanOrEqual(0.7);
    expect(rate(tally.weak.right, tally.weak.shown)).toBeLessThan(0.5);
  });

  it('never makes a counterpart of names alone ("Theresa May", "Lavrov")', () => {
    for (const query of [...evaluationQueries('tuning'), ...evaluationQueries('heldOut')]) {
      const range = passageRange(texts[query.from], query.passage);
      for (const found of shipped(query.from, range)) {
        const kinds = new Set(
          findCounterparts(
            { article: articles[query.from], range },
            articles[otherReport(query.from)],
            words,
          )
            .find((c) => c.start === found.start)
            ?.reasons.map((r) => r.kind),
        );
        expect([...kinds].some((k) => k !== 'names' && k !== 'speaker' && k !== 'position')).toBe(
          true,
        );
      }
    }
  });
});
