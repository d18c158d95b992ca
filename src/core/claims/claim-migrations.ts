import * as v from 'valibot';
import type { Claim } from './claim.ts';
import {
  describeIssues,
  parseClaim,
  parseTombstone,
  plainObjectSchema,
  type ClaimsDocumentState,
  type Tombstone,
} from './claim-schema.ts';

/** Version of the saved claims document that this code reads and writes. */
export const CLAIMS_STORAGE_VERSION = 3;

/** The first version any released app saved; anything lower was never written by this app. */
export const FIRST_STORAGE_VERSION = 2;

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

// v2 and v3 share the document shape: a list of claims and a list of deletion records.
const stateSchema = v.looseObject({
  claims: v.array(v.unknown()),
  tombstones: v.optional(v.array(v.unknown()), []),
});

/**
 * Step v2 → v3: field-level merging. v3 claims may carry `fieldsUpdatedAt`; a v2 app kept such
 * a field when it saw one (it keeps unknown fields) but did not update it when it edited, so a
 * v2 document's field times cannot be trusted. They are dropped: every field then counts as
 * changed at the claim's `updatedAt`, which is exactly what v2 recorded.
 */
export function migrateV2ToV3(state: unknown): MigrationStepResult {
  const parsed = v.safeParse(stateSchema, state);
  if (!parsed.success) return { ok: false, reason: `v2 state ${describeIssues(parsed.issues)}` };
  const claims = parsed.output.claims.map((item) => {
    if (!isPlainObject(item) || !Object.hasOwn(item, 'fieldsUpdatedAt')) return item;
    const { fieldsUpdatedAt: _untrusted, ...rest } = item;
    return rest;
  });
  return { ok: true, state: { ...parsed.output, claims }, unreadable: [] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return v.is(plainObjectSchema, value);
}

/** Reads a state at the current version claim by claim; bad claims go to `unreadable`. */
export function readCurrentClaimsState(state: unknown): MigrationResult {
  const parsed = v.safeParse(stateSchema, state);
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
  2: migrateV2ToV3,
};

/** Brings a persisted `state` saved at `fromVersion` to the current version; never throws. */
export function migrateClaims(persisted: unknown, fromVersion: number): MigrationResult {
  if (!Number.isInteger(fromVersion) || fromVersion < FIRST_STORAGE_VERSION) {
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
