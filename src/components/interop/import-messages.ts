import type { Article } from '../../core/articles/article-schema.ts';
import type { Claim } from '../../core/claims/claim.ts';
import type { ImportReport } from '../../core/interop/import-report.ts';

/** What the page asks the import worker: to plan a file, or for the planned claims. */
export type ImportRequest = PlanRequest | { readonly kind: 'claims' };

/** The file's text and what to plan it against. */
export interface PlanRequest {
  readonly kind: 'plan';
  readonly text: string;
  /** The reader's claims as a list (a list keeps ids such as `__proto__` ordinary). */
  readonly existing: readonly Claim[];
  readonly articles: readonly (readonly [string, { article: Article; text: string }])[];
  readonly now: string;
}

/** What the import worker sends back: progress, the report, and the claims when asked. */
export type ImportResponse =
  | { readonly kind: 'progress'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly report: ImportReport }
  | { readonly kind: 'claims'; readonly claims: readonly Claim[] };
