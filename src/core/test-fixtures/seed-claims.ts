import type { Article } from '../articles/article-schema.ts';
import type { Claim, ClaimStatus } from '../claims/claim.ts';
import { targetFor } from '../anchoring/text-selectors.ts';
import { businessInsider, newstalk } from './seed-articles.ts';

/** Both seed articles by id. */
export const seedArticleMap = new Map<string, Article>([
  [newstalk.id, newstalk],
  [businessInsider.id, businessInsider],
]);

/** A claim on the `nth` (0-based) occurrence of `quote` in an article's canonical `text`. */
export function claimOn(
  article: Article,
  text: string,
  quote: string,
  fields: {
    id: string;
    status: ClaimStatus;
    note?: string;
    evidence?: string[];
    nth?: number;
    updatedAt?: string;
  },
): Claim {
  let start = -1;
  for (let i = 0; i <= (fields.nth ?? 0); i++) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`${quote} not in ${article.id}`);
  return {
    id: fields.id,
    target: targetFor(article.id, text, { start, end: start + quote.length }),
    status: fields.status,
    note: fields.note ?? '',
    evidence: fields.evidence ?? [],
    createdAt: '2025-11-23T09:15:00.000Z',
    updatedAt: fields.updatedAt ?? '2025-11-23T09:20:00.000Z',
  };
}
