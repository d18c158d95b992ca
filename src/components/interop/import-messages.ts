import type { Article } from '../../core/articles/article-schema.ts';
import type { Claim } from '../../core/claims/claim.ts';
import type { ImportReport } from '../../core/interop/import-report.ts';

/** What the page sends the import worker: the file's text and what to plan it against. */
export interface ImportRequest {
  readonly text: string;
  /** The reader's claims as a list (a list keeps ids such as `__proto__` ordinary). */
  readonly existing: readonly Claim[];
  readonly articles: readonly (readonly [string, { article: Article; text: string }])[];
  readonly now: string;
}

/** What the import worker sends back: progress while planning, then the report. */
export type ImportResponse =
  | { readonly kind: 'progress'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly report: ImportReport };
