import type { Article } from '../articles/article-schema.ts';
import type { Claim } from '../claims/claim.ts';
import { isEvidenceLink } from '../claims/claim-schema.ts';
import { createSpeakerFinder } from './claim-speaker.ts';

/** The author given when the reader has not said who they are. */
export const ANONYMOUS_REVIEWER = 'Anonymous reviewer';

/** The schema.org rating of a reviewed claim. */
export interface ClaimReviewRating {
  readonly '@type': 'Rating';
  readonly ratingValue: number;
  readonly bestRating: number;
  readonly worstRating: number;
  readonly alternateName: 'Disputed' | 'Confirmed';
}

/** A person or organisation, by name. */
export interface NamedAgent {
  readonly '@type': 'Person' | 'Organization';
  readonly name: string;
}

/** Where the reviewed claim was made: the article, or only its id when it is not known. */
export type ClaimAppearance =
  | {
      readonly '@type': 'NewsArticle';
      readonly url: string;
      readonly headline: string;
      readonly datePublished: string;
      readonly publisher: { readonly '@type': 'Organization'; readonly name: string };
    }
  | { readonly '@type': 'CreativeWork'; readonly identifier: string };

/** The claim a review is about: who made it, when, and where it appeared. */
export interface ReviewedClaim {
  readonly '@type': 'Claim';
  readonly author?: NamedAgent;
  readonly datePublished?: string;
  readonly appearance: ClaimAppearance;
}

/** One schema.org ClaimReview (JSON-LD). */
export interface ClaimReview {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'ClaimReview';
  readonly identifier: string;
  /** The claim's permalink: the page of this review. */
  readonly url: string;
  readonly author: NamedAgent;
  readonly claimReviewed: string;
  readonly datePublished: string;
  readonly dateCreated: string;
  readonly sdDatePublished: string;
  readonly reviewRating: ClaimReviewRating;
  readonly itemReviewed: ReviewedClaim;
  readonly reviewBody?: string;
  readonly citation?: readonly string[];
}

/** What the export needs besides the claims. */
export interface ClaimReviewOptions {
  /** When the file is made (ISO 8601). */
  readonly generated: string;
  /** The absolute permalink of a claim. */
  readonly permalinkFor: (claim: Claim) => string;
  /** The reviewer's name as the reader set it; '' for ANONYMOUS_REVIEWER. */
  readonly reviewer: string;
}

// Our verdicts are two-valued; schema.org wants a numeric scale, so they are mapped onto the
// common 1–5 fact-check scale (1 = false, 5 = true): disputed → 1, confirmed → 5.
const RATINGS = {
  disputed: { ratingValue: 1, alternateName: 'Disputed' },
  confirmed: { ratingValue: 5, alternateName: 'Confirmed' },
} as const;

/** A full date for an article: its publication date, or the event's when only a month is known. */
export function fullDate(article: Article): string {
  const { published, eventDate } = article;
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) return published;
  return eventDate?.startsWith(published) ? eventDate : published;
}

function appearanceOf(articleId: string, article: Article | undefined): ClaimAppearance {
  if (!article) return { '@type': 'CreativeWork', identifier: articleId };
  return {
    '@type': 'NewsArticle',
    url: article.url,
    headline: article.headline,
    datePublished: fullDate(article),
    publisher: { '@type': 'Organization', name: article.outlet },
  };
}

/**
 * schema.org `ClaimReview`s (JSON-LD) for the disputed and confirmed claims, as Google's
 * fact-check markup asks; open claims are not verdicts and are left out.
 *
 * Each review has the claim's permalink as `url`, the reviewer as `author` (a claim imported
 * with its own reviewer keeps them), the quote as `claimReviewed`, the note as `reviewBody`, the
 * evidence as `citation`, and the claim's last change as `datePublished`. `itemReviewed` is the
 * Claim: said by the person whose direct quote it lies in (else by the outlet, whose own words
 * it then is), on the day of the event, appearing in the article.
 */
export function toClaimReviews(
  claims: readonly Claim[],
  articles: ReadonlyMap<string, Article>,
  options: ClaimReviewOptions,
): ClaimReview[] {
  const speakers = createSpeakerFinder();
  const reviewer = options.reviewer.trim() || ANONYMOUS_REVIEWER;
  const reviews: ClaimReview[] = [];
  for (const claim of claims) {
    if (claim.status === 'open') continue;
    const rating = RATINGS[claim.status];
    const evidence = claim.evidence.filter(isEvidenceLink);
    const article = articles.get(claim.target.articleId);
    const speaker = article ? speakers.speakerOf(claim.target, article) : null;
    const claimAuthor: NamedAgent | undefined = speaker
      ? { '@type': 'Person', name: speaker }
      : article
        ? { '@type': 'Organization', name: article.outlet }
        : undefined;
    const claimDate = article ? (article.eventDate ?? fullDate(article)) : undefined;
    reviews.push({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: claim.id,
      url: options.permalinkFor(claim),
      author: { '@type': 'Person', name: claim.reviewer ?? reviewer },
      claimReviewed: claim.target.quote.exact,
      datePublished: claim.updatedAt,
      dateCreated: claim.createdAt,
      sdDatePublished: options.generated,
      reviewRating: { '@type': 'Rating', ...rating, bestRating: 5, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        ...(claimAuthor ? { author: claimAuthor } : {}),
        ...(claimDate ? { datePublished: claimDate } : {}),
        appearance: appearanceOf(claim.target.articleId, article),
      },
      ...(claim.note.trim() !== '' ? { reviewBody: claim.note } : {}),
      ...(evidence.length > 0 ? { citation: evidence } : {}),
    });
  }
  return reviews;
}
