import * as v from 'valibot';

const nonEmptyText = v.pipe(v.string(), v.minLength(1, 'must not be empty'));

const httpUrl = v.pipe(
  v.string(),
  v.url('must be a URL'),
  v.regex(/^https?:\/\//, 'must be an http(s) address'),
);

const blockSchema = v.variant('type', [
  v.looseObject({ type: v.literal('paragraph'), text: nonEmptyText }),
  v.looseObject({ type: v.literal('subheading'), text: nonEmptyText }),
  v.looseObject({ type: v.literal('line'), speaker: nonEmptyText, text: nonEmptyText }),
]);

/** Schema of one article file in `data/articles/`. */
export const articleSchema = v.looseObject({
  schemaVersion: v.literal(1),
  id: v.pipe(v.string(), v.slug('must be a lower-case slug')),
  outlet: nonEmptyText,
  headline: nonEmptyText,
  standfirst: v.looseObject({
    kind: v.picklist(['paragraph', 'bullets']),
    items: v.array(nonEmptyText),
  }),
  // Optional for articles a reader adds, whose page may not say when it was published.
  published: v.optional(
    v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be YYYY-MM or YYYY-MM-DD')),
  ),
  eventDate: v.optional(v.pipe(v.string(), v.isoDate('must be YYYY-MM-DD'))),
  // Optional for pasted text that has no source address.
  url: v.optional(httpUrl),
  byline: v.optional(nonEmptyText),
  caption: v.optional(v.looseObject({ text: nonEmptyText, credit: v.optional(nonEmptyText) })),
  body: v.pipe(v.array(blockSchema), v.minLength(1, 'must have at least one block')),
});

/** Schema of `data/index.json`, the ordered list of articles the reader shows. */
export const manifestSchema = v.looseObject({
  schemaVersion: v.literal(1),
  articles: v.pipe(
    v.array(v.pipe(v.string(), v.slug('must be a lower-case slug'))),
    v.minLength(1, 'must list at least one article'),
  ),
});

/** A validated article. */
export type Article = v.InferOutput<typeof articleSchema>;
/** One body block of an article. */
export type ArticleBlock = Article['body'][number];
/** The validated list of article ids to show. */
export type Manifest = v.InferOutput<typeof manifestSchema>;

/** Raised when a data file does not match its schema; the message names the file and the field. */
export class DataFileError extends Error {
  /** Dotted path of the first offending field, e.g. `body.3.text`. */
  readonly field: string;
  constructor(source: string, field: string, problem: string) {
    super(`${source}: field "${field}" ${problem}`);
    this.name = 'DataFileError';
    this.field = field;
  }
}

function firstIssue(issues: readonly v.BaseIssue<unknown>[]): { field: string; problem: string } {
  const issue = issues[0];
  if (!issue) return { field: '(root)', problem: 'is invalid' };
  const field = v.getDotPath(issue) ?? '(root)';
  const problem = issue.message.startsWith('Invalid')
    ? `is invalid (expected ${issue.expected ?? 'another value'}, got ${issue.received})`
    : issue.message;
  return { field, problem };
}

/** Validates unknown JSON as an article; `source` names it in any error (e.g. its id or file). */
export function parseArticle(input: unknown, source: string): Article {
  const result = v.safeParse(articleSchema, input);
  if (result.success) return result.output;
  const { field, problem } = firstIssue(result.issues);
  throw new DataFileError(`Article "${source}"`, field, problem);
}

/** Validates unknown JSON as the article manifest. */
export function parseManifest(input: unknown): Manifest {
  const result = v.safeParse(manifestSchema, input);
  if (result.success) return result.output;
  const { field, problem } = firstIssue(result.issues);
  throw new DataFileError('Article list (data/index.json)', field, problem);
}
