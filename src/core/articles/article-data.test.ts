import { describe, expect, it } from 'vitest';
import { articleText } from './article-text.ts';
import { businessInsider, newstalk, readRepoText } from '../test-fixtures/seed-articles.ts';

// The raw reports as received live in data/sources/; the JSON files must not change a character.
const sources = [
  { article: newstalk, raw: readRepoText('data/sources/newstalk-johnson-lavrov-clash.txt') },
  {
    article: businessInsider,
    raw: readRepoText('data/sources/business-insider-johnson-lavrov-spat.txt'),
  },
];

describe('shipped article data', () => {
  it.each(sources)('$article.id: every block is verbatim from the source', ({ article, raw }) => {
    for (const block of articleText(article).blocks) expect(raw).toContain(block.text);
    expect(raw).toContain(article.caption?.text);
    expect(raw).toContain(article.caption?.credit);
  });

  it.each(sources)(
    '$article.id: no source paragraph of the report is left out',
    ({ article, raw }) => {
      const { text } = articleText(article);
      const paragraphs = raw
        .split(/\n\s*\n/)
        .map((p) => p.trim().replace(/^•\s*/, ''))
        .filter(Boolean);
      const furniture = [
        'Business Insider Emails & Alerts',
        'Site highlights each day to your inbox.',
        'Follow Business Insider Australia on Facebook, Twitter, LinkedIn, and Instagram.',
      ];
      const missing = paragraphs
        .flatMap((p) => p.split(/\n\s*•?\s*/))
        .filter((p) => !furniture.includes(p))
        .filter(
          (p) =>
            !text.includes(p) && !`${article.caption?.text} ${article.caption?.credit}`.includes(p),
        );
      expect(missing).toEqual([]);
    },
  );

  it('leaves out the repeated Newstalk headline and the Business Insider site furniture', () => {
    const n = articleText(newstalk).text;
    expect(n.split(newstalk.headline)).toHaveLength(2);
    expect(articleText(businessInsider).text).not.toContain('Emails & Alerts');
  });
});
