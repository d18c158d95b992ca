// `npm run bench` (vitest bench): how long finding every counterpart takes. Figures, not tests.
import { bench, describe } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import { sentencesOf } from '../articles/article-sentences.ts';
import { compareArticles } from './counterparts.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';
import { plainArticle, syntheticPair } from '../test-fixtures/synthetic-articles.ts';

const sided = (text: ReturnType<typeof articleText>) => ({
  text: text.text,
  sentences: sentencesOf(text),
});
const seedA = sided(articleText(newstalk));
const seedB = sided(articleText(businessInsider));
const { a, b } = syntheticPair(1300);
const bigA = plainArticle(a);
const bigB = plainArticle(b);

describe('counterparts of every sentence', () => {
  bench('the two seed articles (both directions)', () => {
    compareArticles(seedA, seedB);
    compareArticles(seedB, seedA);
  });
  bench(
    'two synthetic 50,000-word articles (one direction)',
    () => {
      compareArticles(bigA, bigB);
    },
    { iterations: 3, time: 0, warmupIterations: 0 },
  );
});
