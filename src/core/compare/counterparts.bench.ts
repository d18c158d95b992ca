// `npm run bench` (vitest bench): how long finding every counterpart takes. Figures, not tests.
import { bench, describe } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import { compareArticles } from './counterparts.ts';
import { relatedWordsFrom } from './related-words.ts';
import table from './wordnet-related.json';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';
import { plainArticle, syntheticPair } from '../test-fixtures/synthetic-articles.ts';

const words = relatedWordsFrom(table);
const seedA = articleText(newstalk);
const seedB = articleText(businessInsider);
const { a, b } = syntheticPair(1300);
const bigA = plainArticle(a);
const bigB = plainArticle(b);
// Words drawn from the seed reports, names and titles included: finding who speaks in such a
// text was quadratic in its number of names (without the word table: 7.1 s for 600 paragraphs
// before the fix, 1.3 s after, on the 2-core machine of the stop-20 note).
function seedWordsArticle(paragraphs: number, seed: number) {
  const words = `${seedA.text} ${seedB.text}`.split(/\s+/u);
  let state = seed;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const paragraph = () =>
    `${Array.from({ length: 80 }, () => words[Math.floor(next() * words.length)]).join(' ')}.`;
  return plainArticle(Array.from({ length: paragraphs }, paragraph));
}
const namedA = seedWordsArticle(600, 7);
const namedB = seedWordsArticle(600, 11);

describe('counterparts of every sentence', () => {
  bench('the two seed articles (both directions)', () => {
    // Fresh copies each time, so that nothing is served from the per-article caches.
    compareArticles({ ...seedA }, { ...seedB }, words);
    compareArticles({ ...seedB }, { ...seedA }, words);
  });
  bench(
    'two synthetic 50,000-word articles (one direction)',
    () => {
      compareArticles({ ...bigA }, { ...bigB }, words);
    },
    { iterations: 3, time: 0, warmupIterations: 0 },
  );
  bench(
    'two 48,000-word articles of the seed reports’ words, names included (one direction)',
    () => {
      compareArticles({ ...namedA }, { ...namedB }, words);
    },
    { iterations: 3, time: 0, warmupIterations: 0 },
  );
});
