import * as v from 'valibot';
import type { Claim, ClaimStatus } from './claim.ts';
import {
  describeIssues,
  evidenceLinkSchema,
  parseClaim,
  parseTombstone,
  plainObjectSchema,
  timestampSchema,
  type ClaimsDocumentState,
  type Tombstone,
} from './claim-schema.ts';

/** Version of the saved claims document that this code reads and writes. */
export const CLAIMS_STORAGE_VERSION = 2;

/** Why a saved document could not be read at all. */
export type MigrationProblem = 'future-version' | 'unknown-version' | 'wrong-shape';

/** A migrated document state, or why there is none; unreadable claims are returned, not dropped. */
export type MigrationResult =
  | { ok: true; state: ClaimsDocumentState; unreadable: unknown[] }
  | { ok: false; problem: MigrationProblem; reason: string };

/** One migration step's output: the state at the next version, and claims it could not carry. */
export type MigrationStepResult =
  | { ok: true; state: Record<string, unknown>; unreadable: unknown[] }
  | { ok: false; reason: string };

const nonEmptyText = v.pipe(v.string(), v.minLength(1, 'must not be empty'));
const offset = v.pipe(
  v.number(),
  v.integer('must be a whole number'),
  v.minValue(0, 'must not be negative'),
);

const V1_STATUS: Readonly<Record<'true' | 'false' | 'unverified', ClaimStatus>> = {
  true: 'confirmed',
  false: 'disputed',
  unverified: 'open',
};

// v1 (before selectors): claims keyed by id, a bare quote and offsets, true/false/unverified.
const claimV1Schema = v.pipe(
  v.looseObject({
    id: nonEmptyText,
    articleId: nonEmptyText,
    quote: nonEmptyText,
    start: offset,
    end: offset,
    status: v.picklist(['true', 'false', 'unverified']),
    note: v.optional(v.string(), ''),
    evidence: v.optional(v.array(evidenceLinkSchema), []),
    createdAt: timestampSchema,
    updatedAt: v.optional(timestampSchema),
  }),
  v.check((c) => c.end >= c.start, 'must not end before it starts'),
);

const stateV1Schema = v.looseObject({ claims: plainObjectSchema });

const stateV2Schema = v.looseObject({
  claims: v.array(v.unknown()),
  tombstones: v.optional(v.array(v.unknown()), []),
});

/** Step v1 → v2: claims map to array, flat quote/offsets to a target with both selectors. */
export function migrateV1ToV2(state: unknown): MigrationStepResult {
  const parsed = v.safeParse(stateV1Schema, state);
  if (!parsed.success) return { ok: false, reason: `v1 state ${describeIssues(parsed.issues)}` };
  const { claims: byId, ...rest } = parsed.output;
  const claims: unknown[] = [];
  const unreadable: unknown[] = [];
  for (const item of Object.values(byId)) {
    const claim = v.safeParse(claimV1Schema, item);
    if (!claim.success) {
      unreadable.push(item);
      continue;
    }
    const { articleId, quote, start, end, status, createdAt, updatedAt, ...kept } = claim.output;
    claims.push({
      ...kept,
      // v1 saved no text hash or context; an empty hash makes re-anchoring search by the quote.
      target: {
        articleId,
        textHash: '',
        quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start, end },
      },
      status: V1_STATUS[status],
      createdAt,
      updatedAt: updatedAt ?? createdAt,
    });
  }
  return { ok: true, state: { ...rest, claims, tombstones: [] }, unreadable };
}

/** Reads a state at the current version claim by claim; bad claims go to `unreadable`. */
export function readCurrentClaimsState(state: unknown): MigrationResult {
  const parsed = v.safeParse(stateV2Schema, state);
  if (!parsed.success) {
    return { ok: false, problem: 'wrong-shape', reason: `state ${describeIssues(parsed.issues)}` };
  }
  const claims: Claim[] = [];
  const unreadable: unknown[] = [];
  for (const item of parsed.output.claims) {
    const result = parseClaim(item);
    if (result.ok) claims.push(result.claim);
    else unreadable.push(item);
  }
  const tombstones: Tombstone[] = [];
  for (const item of parsed.output.tombstones) {
    const result = parseTombstone(item);
    // A broken deletion record holds none of the reader's words; at worst a deleted claim returns.
    if (result.ok) tombstones.push(result.tombstone);
  }
  return { ok: true, state: { claims, tombstones }, unreadable };
}

/** Migration steps by the version they start from. */
export const MIGRATION_STEPS: Readonly<Record<number, (state: unknown) => MigrationStepResult>> = {
  1: migrateV1ToV2,
};

/** Brings a persisted `state` saved at `fromVersion` to the current version; never throws. */
export function migrateClaims(persisted: unknown, fromVersion: number): MigrationResult {
  if (!Number.isInteger(fromVersion) || fromVersion < 1) {
    return { ok: false, problem: 'unknown-version', reason: `unknown version ${fromVersion}` };
  }
  if (fromVersion > CLAIMS_STORAGE_VERSION) {
    return {
      ok: false,
      problem: 'future-version',
      reason: `saved at version ${fromVersion}, newer than ${CLAIMS_STORAGE_VERSION}`,
    };
  }
  let state = persisted;
  const unreadable: unknown[] = [];
  for (let version = fromVersion; version < CLAIMS_STORAGE_VERSION; version++) {
    const step = MIGRATION_STEPS[version];
    if (!step) {
      return { ok: false, problem: 'unknown-version', reason: `no migration from v${version}` };
    }
    const result = step(state);
    if (!result.ok) return { ok: false, problem: 'wrong-shape', reason: result.reason };
    state = result.state;
    unreadable.push(...result.unreadable);
  }
  const current = readCurrentClaimsState(state);
  return current.ok ? { ...current, unreadable: [...unreadable, ...current.unreadable] } : current;
}
