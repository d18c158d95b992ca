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
});
