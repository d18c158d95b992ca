// `npm run bench` (vitest bench): how long finding every counterpart takes. Figures, not tests.
import { bench, describe } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import { compareArticles } from './counterparts.ts';
import { relatedWordsFrom } from './related-words.ts';
import table from './wordnet-related.json';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';
import { plainArticle, seedWordsPair, syntheticPair } from '../test-fixtures/synthetic-articles.ts';

const words = relatedWordsFrom(table);
const seedA = articleText(newstalk);
const seedB = articleText(businessInsider);
const { a, b } = syntheticPair(1300);
const bigA = plainArticle(a);
const bigB = plainArticle(b);
// Words drawn from the seed reports, names and titles included: finding who speaks in such a
// text was quadratic in its number of names.
const named = seedWordsPair([seedA.text, seedB.text], 1300);
const namedA = plainArticle(named.a);
const namedB = plainArticle(named.b);

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
    'two 52,000-word articles of the seed reports’ words, names included (one direction)',
    () => {
      compareArticles({ ...namedA }, { ...namedB }, words);
    },
    { iterations: 3, time: 0, warmupIterations: 0 },
  );
});
