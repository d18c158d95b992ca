import * as v from 'valibot';
import { CLAIM_STATUSES, type Claim } from './claim.ts';
import { EVIDENCE_URL_PATTERN } from './evidence-url.ts';

const nonEmptyText = v.pipe(v.string(), v.minLength(1, 'must not be empty'));
const offset = v.pipe(
  v.number(),
  v.integer('must be a whole number'),
  v.minValue(0, 'must not be negative'),
);

/** Any object that is not a list (a map or record of unknown fields). */
export const plainObjectSchema = v.custom<Record<string, unknown>>(
  (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
  'must be an object',
);

/** An ISO 8601 timestamp such as `2025-11-23T09:15:00.000Z`. */
export const timestampSchema = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'));

// The editor's own pattern: every link it saves reads back, and nothing it refuses is stored.
/** An evidence link: an absolute http(s) address without spaces or credentials. */
export const evidenceLinkSchema = v.pipe(
  v.string(),
  v.regex(EVIDENCE_URL_PATTERN, 'must be an http(s) address without a user name or password'),
);

/** Longest tag (and reviewer name) kept. */
export const MAX_TAG_LENGTH = 200;

/** Most tags kept on one claim. */
export const MAX_TAGS = 50;

/** Schema of a saved TextQuoteSelector; unknown fields are kept. */
export const textQuoteSelectorSchema = v.looseObject({
  type: v.literal('TextQuoteSelector'),
  exact: nonEmptyText,
  prefix: v.string(),
  suffix: v.string(),
});

/** Schema of a saved TextPositionSelector; unknown fields are kept. */
export const textPositionSelectorSchema = v.pipe(
  v.looseObject({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.check((p) => p.end >= p.start, 'must not end before it starts'),
);

/** Schema of a saved ClaimTarget; an empty `textHash` means "unknown" (e.g. imported quotes). */
export const claimTargetSchema = v.looseObject({
  articleId: nonEmptyText,
  textHash: v.string(),
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
});

/** Schema of one saved Claim; unknown fields (e.g. from a newer app) are kept, not stripped. */
export const claimSchema = v.looseObject({
  id: nonEmptyText,
  target: claimTargetSchema,
  status: v.picklist(CLAIM_STATUSES, 'must be disputed, confirmed or open'),
  note: v.string(),
  evidence: v.array(evidenceLinkSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  fieldsUpdatedAt: v.optional(
    v.looseObject({
      status: v.optional(timestampSchema),
      note: v.optional(timestampSchema),
      evidence: v.optional(timestampSchema),
      tags: v.optional(timestampSchema),
    }),
  ),
  tags: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TAG_LENGTH))),
      v.maxLength(MAX_TAGS),
    ),
  ),
  reviewer: v.optional(v.pipe(v.string(), v.maxLength(MAX_TAG_LENGTH))),
});

/** Schema of a deletion record: it makes older copies of the claim (e.g. in another tab) lose. */
export const tombstoneSchema = v.looseObject({ id: nonEmptyText, deletedAt: timestampSchema });

/** A deletion record as saved. */
export type Tombstone = v.InferOutput<typeof tombstoneSchema>;

/** Schema of the whole saved document at the current version, zustand persist's envelope. */
export const claimsDocumentSchema = v.looseObject({
  version: v.pipe(v.number(), v.integer()),
  state: v.looseObject({ claims: v.array(claimSchema), tombstones: v.array(tombstoneSchema) }),
});

/** The `state` part of the saved document at the current version. */
export interface ClaimsDocumentState {
  readonly claims: readonly Claim[];
  readonly tombstones: readonly Tombstone[];
}

/** Schema of the envelope alone (any version): the state is checked by the migrations. */
export const storedEnvelopeSchema = v.looseObject({
  version: v.pipe(v.number(), v.integer()),
  state: plainObjectSchema,
});

/** Where and why a value failed its schema, e.g. `target.position: must be a whole number`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'is invalid';
  const path = v.getDotPath(issue);
  const problem = issue.message.startsWith('Invalid')
    ? `expected ${issue.expected ?? 'another value'}, got ${issue.received}`
    : issue.message;
  return path ? `${path}: ${problem}` : problem;
}

/** Validates one saved claim without throwing; unknown fields are kept in `claim`. */
export function parseClaim(
  input: unknown,
): { ok: true; claim: Claim } | { ok: false; reason: string } {
  const result = v.safeParse(claimSchema, input);
  return result.success
    ? { ok: true, claim: result.output }
    : { ok: false, reason: describeIssues(result.issues) };
}

/** Validates one deletion record without throwing. */
export function parseTombstone(
  input: unknown,
): { ok: true; tombstone: Tombstone } | { ok: false; reason: string } {
  const result = v.safeParse(tombstoneSchema, input);
  return result.success
    ? { ok: true, tombstone: result.output }
    : { ok: false, reason: describeIssues(result.issues) };
}

/** Whether a string may be saved as an evidence link. */
export function isEvidenceLink(link: string): boolean {
  return v.is(evidenceLinkSchema, link);
}
