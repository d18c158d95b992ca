import type { Article } from '../articles/article-schema.ts';
import type { Claim } from '../claims/claim.ts';
import { isEvidenceLink } from '../claims/claim-schema.ts';

/** The schema.org rating of a reviewed claim. */
export interface ClaimReviewRating {
  readonly '@type': 'Rating';
  readonly ratingValue: number;
  readonly bestRating: number;
  readonly worstRating: number;
  readonly alternateName: 'Disputed' | 'Confirmed';
}

/** Where the reviewed claim was made: the article, or only its id when it is not known. */
export type ClaimAppearance =
  | {
      readonly '@type': 'NewsArticle';
      /** Absent for an added article that has no source address. */
      readonly url?: string;
      readonly headline: string;
      readonly datePublished?: string;
      readonly publisher: { readonly '@type': 'Organization'; readonly name: string };
    }
  | { readonly '@type': 'CreativeWork'; readonly identifier: string };

/** One schema.org ClaimReview (JSON-LD), without an author. */
export interface ClaimReview {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'ClaimReview';
  readonly identifier: string;
  readonly claimReviewed: string;
  readonly datePublished: string;
  readonly dateCreated: string;
  readonly sdDatePublished: string;
  readonly reviewRating: ClaimReviewRating;
  readonly itemReviewed: { readonly '@type': 'Claim'; readonly appearance: ClaimAppearance };
  readonly reviewBody?: string;
  readonly citation?: readonly string[];
  readonly isBasedOn?: string;
}

// Our verdicts are two-valued; schema.org wants a numeric scale, so they are mapped onto the
// common 1–5 fact-check scale (1 = false, 5 = true): disputed → 1, confirmed → 5.
const RATINGS = {
  disputed: { ratingValue: 1, alternateName: 'Disputed' },
  confirmed: { ratingValue: 5, alternateName: 'Confirmed' },
} as const;

function appearanceOf(articleId: string, article: Article | undefined): ClaimAppearance {
  if (!article) return { '@type': 'CreativeWork', identifier: articleId };
  return {
    '@type': 'NewsArticle',
    ...(article.url === undefined ? {} : { url: article.url }),
    headline: article.headline,
    ...(article.published === undefined ? {} : { datePublished: article.published }),
    publisher: { '@type': 'Organization', name: article.outlet },
  };
}

/**
 * schema.org `ClaimReview`s (JSON-LD) for the disputed and confirmed claims; open claims are
 * not verdicts and are left out. `claimReviewed` is the quote, `reviewBody` the note, `citation`
 * the evidence links, and `datePublished` the claim's last change; `sdDatePublished` is
 * `options.generated` and `isBasedOn` is `options.appUrl` when given.
 *
 * There is deliberately no `author`: search engines require one, and only the person publishing
 * the reviews can say who that is, so they must add it before publishing.
 */
export function toClaimReviews(
  claims: readonly Claim[],
  articles: ReadonlyMap<string, Article>,
  options: { generated: string; appUrl?: string },
): ClaimReview[] {
  const reviews: ClaimReview[] = [];
  for (const claim of claims) {
    if (claim.status === 'open') continue;
    const rating = RATINGS[claim.status];
    const evidence = claim.evidence.filter(isEvidenceLink);
    reviews.push({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: claim.id,
      claimReviewed: claim.target.quote.exact,
      datePublished: claim.updatedAt,
      dateCreated: claim.createdAt,
      sdDatePublished: options.generated,
      reviewRating: { '@type': 'Rating', ...rating, bestRating: 5, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        appearance: appearanceOf(claim.target.articleId, articles.get(claim.target.articleId)),
      },
      ...(claim.note.trim() !== '' ? { reviewBody: claim.note } : {}),
      ...(evidence.length > 0 ? { citation: evidence } : {}),
      ...(options.appUrl ? { isBasedOn: options.appUrl } : {}),
    });
  }
  return reviews;
}
