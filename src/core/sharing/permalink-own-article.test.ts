import { describe, expect, it } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import { plainTextArticle } from '../articles/own-article.ts';
import type { Claim } from '../claims/claim.ts';
import { targetFor } from '../anchoring/text-selectors.ts';
import { newstalk } from '../test-fixtures/seed-articles.ts';
import { decodeClaimPermalink, encodeClaimPermalink, formatPermalink } from './permalink-codec.ts';

const added = plainTextArticle(
  `Statement on the Harbour Road closure

Harbour Road will close to all traffic from Monday 6 April for up to nine weeks.

The council said the collapse could not have been foreseen.`,
  { url: 'https://www.harbourside.gov.example/news/harbour-road-closure?ref=a&b=c' },
);

function claimOn(articleId: string, text: string, quote: string): Claim {
  const start = text.indexOf(quote);
  return {
    id: '3f1c9a2e-7b4d-4e8a-9c1f-2d6b8e0a4f17',
    target: targetFor(articleId, text, { start, end: start + quote.length }),
    status: 'disputed',
    note: 'The 2019 survey flagged it.',
    evidence: [],
    createdAt: '2026-12-02T08:00:00.000Z',
    updatedAt: '2026-12-02T08:00:00.000Z',
  };
}

describe('claim links to added articles', () => {
  it('carry the title, source address and text hash, and read back', () => {
    const text = articleText(added).text;
    const claim = claimOn(added.id, text, 'could not have been foreseen');
    const hash = encodeClaimPermalink(claim, { title: added.headline, url: added.url ?? '' });
    const result = decodeClaimPermalink(hash);
    expect(result.ok && result.link.article).toEqual({
      title: 'Statement on the Harbour Road closure',
      url: 'https://www.harbourside.gov.example/news/harbour-road-closure?ref=a&b=c',
      textHash: claim.target.textHash,
    });
    expect(result.ok && result.link.articleId).toBe(added.id);
  });

  it('leave links without them (every older link) reading as before', () => {
    const text = articleText(newstalk).text;
    const hash = encodeClaimPermalink(claimOn(newstalk.id, text, 'abundant evidence'));
    expect(hash).not.toMatch(/&(t|u|h)=/);
    const result = decodeClaimPermalink(hash);
    expect(result.ok).toBe(true);
    expect(result.ok && result.link.article).toBeUndefined();
  });

  it('refuse a source that is not a web address, or one without a title', () => {
    const base: [string, string][] = [
      ['v', '1'],
      ['a', added.id],
      ['q', 'could not have been foreseen'],
      ['pre', ''],
      ['suf', ''],
      ['s', '0'],
      ['e', '10'],
      ['st', 'open'],
    ];
    const bad = decodeClaimPermalink(
      formatPermalink([...base, ['t', 'A title'], ['u', 'javascript:alert(1)']]),
    );
    expect(bad).toEqual({
      ok: false,
      error: 'This link cannot be opened: the article’s source address is not a web address.',
    });
    const untitled = decodeClaimPermalink(
      formatPermalink([...base, ['u', 'https://example.com/a']]),
    );
    expect(untitled.ok).toBe(false);
  });
});
