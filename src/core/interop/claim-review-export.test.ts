import { describe, expect, it } from 'vitest';
import { toClaimReviews } from './claim-review-export.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';
import { biText, ntText } from '../test-fixtures/seed-articles.ts';
import { claimOn, seedArticleMap } from '../test-fixtures/seed-claims.ts';

const claimOnAt = (...args: Parameters<typeof claimOn>) =>
  claimOn(args[0], args[1], args[2], { updatedAt: '2025-11-24T16:00:00.000Z', ...args[3] });

const articles = seedArticleMap;
const GENERATED = '2025-11-30T08:00:00.000Z';

const disputed = claimOnAt(
  newstalk,
  ntText,
  'Mr Johnson insisted there was "abundant evidence" that Russia had attempted to influence polls in the US, Germany, Denmark and France.',
  {
    id: 'a',
    status: 'disputed',
    note: 'No source is given for Denmark.',
    evidence: ['https://example.org/report'],
  },
);
const confirmed = claimOnAt(businessInsider, biText, 'Johnson: Not successfully!', {
  id: 'b',
  status: 'confirmed',
});
const open = claimOnAt(newstalk, ntText, 'abundant evidence', { id: 'c', status: 'open' });

describe('toClaimReviews', () => {
  const reviews = toClaimReviews([disputed, open, confirmed], articles, { generated: GENERATED });

  it('makes one review per disputed or confirmed claim, none for open ones', () => {
    expect(reviews.map((r) => r.identifier)).toEqual(['a', 'b']);
  });

  it('describes a disputed claim as a ClaimReview of the quote with a 1 of 5 rating', () => {
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: 'a',
      claimReviewed: disputed.target.quote.exact,
      datePublished: '2025-11-24T16:00:00.000Z',
      dateCreated: '2025-11-23T09:15:00.000Z',
      sdDatePublished: GENERATED,
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'Disputed',
      },
      itemReviewed: {
        '@type': 'Claim',
        appearance: {
          '@type': 'NewsArticle',
          url: newstalk.url,
          headline: newstalk.headline,
          datePublished: '2017-12',
          publisher: { '@type': 'Organization', name: 'Newstalk' },
        },
      },
      reviewBody: 'No source is given for Denmark.',
      citation: ['https://example.org/report'],
    });
  });

  it('rates a confirmed claim 5 of 5 and leaves out an empty note and evidence', () => {
    const review = reviews[1];
    expect(review?.reviewRating).toMatchObject({ ratingValue: 5, alternateName: 'Confirmed' });
    expect(review?.claimReviewed).toBe('Johnson: Not successfully!');
    expect(review?.itemReviewed.appearance).toMatchObject({ url: businessInsider.url });
    expect(review).not.toHaveProperty('reviewBody');
    expect(review).not.toHaveProperty('citation');
  });

  it('never names an author: the publisher adds it', () => {
    for (const review of reviews) expect(review).not.toHaveProperty('author');
  });

  it('points at the app when its address is given', () => {
    const [review] = toClaimReviews([confirmed], articles, {
      generated: GENERATED,
      appUrl: 'https://reader.example/',
    });
    expect(review?.isBasedOn).toBe('https://reader.example/');
  });

  it('names an unknown article by id only', () => {
    const orphan = { ...confirmed, target: { ...confirmed.target, articleId: 'gone' } };
    const [review] = toClaimReviews([orphan], articles, { generated: GENERATED });
    expect(review?.itemReviewed.appearance).toEqual({
      '@type': 'CreativeWork',
      identifier: 'gone',
    });
  });

  it('survives a JSON round trip unchanged (plain JSON-LD)', () => {
    expect(JSON.parse(JSON.stringify(reviews))).toEqual(reviews);
  });
});
