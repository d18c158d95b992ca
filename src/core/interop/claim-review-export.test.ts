import { describe, expect, it } from 'vitest';
import type { Claim } from '../claims/claim.ts';
import { ANONYMOUS_REVIEWER, toClaimReviews, type ClaimReview } from './claim-review-export.ts';
import { jsonLdText } from './json-ld-text.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';
import { biText, ntText } from '../test-fixtures/seed-articles.ts';
import { claimOn, seedArticleMap } from '../test-fixtures/seed-claims.ts';

const claimOnAt = (...args: Parameters<typeof claimOn>) =>
  claimOn(args[0], args[1], args[2], { updatedAt: '2025-11-24T16:00:00.000Z', ...args[3] });

const articles = seedArticleMap;
const GENERATED = '2025-11-30T08:00:00.000Z';
const APP = 'https://reader.example/fact-check/';
const options = {
  generated: GENERATED,
  reviewer: 'Aoife Byrne',
  permalinkFor: (claim: Claim) => `${APP}#claim?v=1&id=${encodeURIComponent(claim.id)}`,
};

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
const quoted = claimOnAt(newstalk, ntText, 'abundant evidence', { id: 'd', status: 'disputed' });

/**
 * What Google's fact-check markup (developers.google.com/search/docs/appearance/structured-data/
 * factcheck) requires and recommends, as a list of what is missing. Required: claimReviewed,
 * reviewRating.alternateName, url. Recommended: author.name, datePublished, itemReviewed
 * (a Claim with author.name, datePublished, and an appearance with url), reviewRating's
 * bestRating, worstRating and ratingValue.
 */
function missingForGoogle(review: ClaimReview): string[] {
  const missing: string[] = [];
  const isUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/\S+$/.test(value);
  const isDate = (value: unknown) =>
    typeof value === 'string' &&
    !Number.isNaN(Date.parse(value)) &&
    /^\d{4}-\d{2}-\d{2}/.test(value);
  if (review['@type'] !== 'ClaimReview') missing.push('@type');
  if (!review.claimReviewed) missing.push('claimReviewed');
  if (!review.reviewRating.alternateName) missing.push('reviewRating.alternateName');
  if (!isUrl(review.url)) missing.push('url');
  if (!review.author.name) missing.push('author.name');
  if (!isDate(review.datePublished)) missing.push('datePublished');
  const { bestRating, worstRating, ratingValue } = review.reviewRating;
  if (!(worstRating <= ratingValue && ratingValue <= bestRating))
    missing.push('reviewRating scale');
  const item = review.itemReviewed;
  if (item['@type'] !== 'Claim') missing.push('itemReviewed');
  if (!item.author?.name) missing.push('itemReviewed.author.name');
  if (!isDate(item.datePublished)) missing.push('itemReviewed.datePublished');
  const appearance = item.appearance;
  if (appearance['@type'] !== 'NewsArticle' || !isUrl(appearance.url)) {
    missing.push('itemReviewed.appearance.url');
  } else if (!isDate(appearance.datePublished)) {
    missing.push('itemReviewed.appearance.datePublished');
  }
  return missing;
}

describe('toClaimReviews', () => {
  const reviews = toClaimReviews([disputed, open, confirmed, quoted], articles, options);

  it('makes one review per disputed or confirmed claim, none for open ones', () => {
    expect(reviews.map((r) => r.identifier)).toEqual(['a', 'b', 'd']);
  });

  it('has every field Google requires and recommends', () => {
    for (const review of reviews) expect(missingForGoogle(review)).toEqual([]);
  });

  it('describes a disputed claim as a ClaimReview of the quote with a 1 of 5 rating', () => {
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: 'a',
      url: `${APP}#claim?v=1&id=a`,
      author: { '@type': 'Person', name: 'Aoife Byrne' },
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
        // The sentence is the reporter's account, not a direct quote: the outlet said it.
        author: { '@type': 'Organization', name: 'Newstalk' },
        datePublished: '2017-12-22',
        appearance: {
          '@type': 'NewsArticle',
          url: newstalk.url,
          headline: newstalk.headline,
          datePublished: '2017-12-22',
          publisher: { '@type': 'Organization', name: 'Newstalk' },
        },
      },
      reviewBody: 'No source is given for Denmark.',
      citation: ['https://example.org/report'],
    });
  });

  it('names the speaker of a direct quote or an exchange line as the claim’s author', () => {
    expect(reviews[2]?.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Boris Johnson' });
    expect(reviews[1]?.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Boris Johnson' });
  });

  it('rates a confirmed claim 5 of 5 and leaves out an empty note and evidence', () => {
    const review = reviews[1];
    expect(review?.reviewRating).toMatchObject({ ratingValue: 5, alternateName: 'Confirmed' });
    expect(review?.claimReviewed).toBe('Johnson: Not successfully!');
    expect(review?.itemReviewed.appearance).toMatchObject({ url: businessInsider.url });
    expect(review).not.toHaveProperty('reviewBody');
    expect(review).not.toHaveProperty('citation');
  });

  it('names an anonymous reviewer when none is set, and keeps an imported claim’s reviewer', () => {
    const [anonymous, imported] = toClaimReviews(
      [confirmed, { ...disputed, reviewer: 'kb' }],
      articles,
      { ...options, reviewer: '  ' },
    );
    expect(anonymous?.author).toEqual({ '@type': 'Person', name: ANONYMOUS_REVIEWER });
    expect(imported?.author).toEqual({ '@type': 'Person', name: 'kb' });
  });

  it('does not claim to be based on the app itself', () => {
    for (const review of reviews) expect(review).not.toHaveProperty('isBasedOn');
  });

  it('names an unknown article by id only', () => {
    const orphan = { ...confirmed, target: { ...confirmed.target, articleId: 'gone' } };
    const [review] = toClaimReviews([orphan], articles, options);
    expect(review?.itemReviewed.appearance).toEqual({
      '@type': 'CreativeWork',
      identifier: 'gone',
    });
  });

  it('survives a JSON round trip unchanged, and as embeddable text', () => {
    expect(JSON.parse(JSON.stringify(reviews))).toEqual(reviews);
    const risky = { ...disputed, note: 'Ends here </script><script>alert(1)</script>' };
    const text = jsonLdText(toClaimReviews([risky], articles, options));
    expect(text).not.toMatch(/<\/script/i);
    expect(JSON.parse(text)[0].reviewBody).toBe(risky.note);
  });
});
