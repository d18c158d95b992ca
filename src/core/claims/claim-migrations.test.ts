import { describe, expect, it } from 'vitest';
import {
  CLAIMS_STORAGE_VERSION,
  FIRST_STORAGE_VERSION,
  MIGRATION_STEPS,
  migrateClaims,
  migrateV2ToV3,
  readCurrentClaimsState,
} from './claim-migrations.ts';
import { parseClaim } from './claim-schema.ts';
import {
  abundantEvidenceClaim,
  abundantEvidenceTarget,
  aggressiveStatementsClaim,
  aggressiveStatementsTarget,
} from '../test-fixtures/stored-claims.ts';

// How version 2 of the app (the first released) saved claims: a list with targets and statuses.
const v2AbundantEvidence = {
  ...abundantEvidenceClaim({
    target: { ...abundantEvidenceTarget, textHash: 'fnv1a64:9c1e4f7a2b' },
    createdAt: '2025-03-02T10:01:00.000Z',
    updatedAt: '2025-03-02T10:05:30.000Z',
  }),
  colour: 'amber',
};

const v2AggressiveStatements = aggressiveStatementsClaim({
  target: { ...aggressiveStatementsTarget, textHash: '' },
  createdAt: '2025-03-02T10:07:12.000Z',
  updatedAt: '2025-03-02T10:07:12.000Z',
});

// A v3 tab wrote field times; an older v2 tab then changed the status and saved at v2, keeping
// the field times it did not understand but not updating them.
const v2EditedAfterV3 = {
  ...v2AggressiveStatements,
  status: 'confirmed',
  updatedAt: '2025-03-03T08:00:00.000Z',
  fieldsUpdatedAt: { status: '2025-03-02T10:07:12.000Z', note: '2025-03-02T12:00:00.000Z' },
};

const v2State = {
  claims: [v2AbundantEvidence, v2AggressiveStatements],
  tombstones: [
    { id: 'c0ffee00-0000-4000-8000-000000000001', deletedAt: '2025-03-01T00:00:00.000Z' },
  ],
  lastOpenedArticle: 'newstalk-johnson-lavrov-clash',
};

describe('migrateV2ToV3', () => {
  it('carries v2 claims over unchanged: every field counts as changed at updatedAt', () => {
    const result = migrateV2ToV3(v2State);
    expect(result).toEqual({ ok: true, state: v2State, unreadable: [] });
    if (!result.ok) return;
    for (const claim of result.state.claims as unknown[]) expect(parseClaim(claim).ok).toBe(true);
  });

  it('drops field times a v2 app kept but did not update, so its later edit wins', () => {
    const result = migrateV2ToV3({ claims: [v2EditedAfterV3], tombstones: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [claim] = result.state.claims as Record<string, unknown>[];
    expect(claim).not.toHaveProperty('fieldsUpdatedAt');
    expect(claim).toMatchObject({ status: 'confirmed', updatedAt: '2025-03-03T08:00:00.000Z' });
  });

  it('keeps state fields it does not know', () => {
    const result = migrateV2ToV3(v2State);
    expect(result.ok && result.state.lastOpenedArticle).toBe('newstalk-johnson-lavrov-clash');
  });

  it('passes claims it cannot read on, for the current-version check to return', () => {
    const result = migrateClaims({ claims: [v2AbundantEvidence, 'abundant evidence', 17] }, 2);
    expect(result).toMatchObject({ ok: true, unreadable: ['abundant evidence', 17] });
  });

  it.each([null, 'v2', [], { claims: {} }, { claims: 'none' }])(
    'fails on a state that is not v2 (%j)',
    (state) => {
      expect(migrateV2ToV3(state).ok).toBe(false);
    },
  );
});

describe('readCurrentClaimsState', () => {
  it('reads claims one by one, returning those it cannot read', () => {
    const good = v2AbundantEvidence;
    const bad = { ...good, evidence: ['javascript:alert(1)'] };
    const withCredentials = { ...good, evidence: ['https://user:secret@example.org/'] };
    const result = readCurrentClaimsState({
      claims: [good, bad, withCredentials, 17],
      tombstones: [],
    });
    expect(result).toEqual({
      ok: true,
      state: { claims: [good], tombstones: [] },
      unreadable: [bad, withCredentials, 17],
    });
  });

  it('drops broken deletion records and accepts their absence', () => {
    const tombstone = {
      id: 'b7e0d1a2-5c3f-4e8a-9d16-0a4b2c8e7f31',
      deletedAt: '2025-11-21T08:00:00.000Z',
    };
    expect(
      readCurrentClaimsState({ claims: [], tombstones: [tombstone, { id: 'x' }, 'y'] }),
    ).toEqual({ ok: true, state: { claims: [], tombstones: [tombstone] }, unreadable: [] });
    expect(readCurrentClaimsState({ claims: [] })).toEqual({
      ok: true,
      state: { claims: [], tombstones: [] },
      unreadable: [],
    });
  });

  it('fails when claims is not a list', () => {
    expect(
      readCurrentClaimsState({ claims: { [v2AbundantEvidence.id]: v2AbundantEvidence } }),
    ).toMatchObject({ ok: false, problem: 'wrong-shape' });
  });
});

describe('migrateClaims', () => {
  it('has a step from every released older version', () => {
    for (let version = FIRST_STORAGE_VERSION; version < CLAIMS_STORAGE_VERSION; version++) {
      expect(MIGRATION_STEPS[version], `step from v${version}`).toBeTypeOf('function');
    }
  });

  it('brings a v2 state to the current version', () => {
    const result = migrateClaims(v2State, 2);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.claims.map((c) => [c.target.quote.exact, c.status])).toEqual([
      ['abundant evidence', 'disputed'],
      ['some aggressive statements', 'open'],
    ]);
    expect(result.state.tombstones).toEqual(v2State.tombstones);
    expect(result.unreadable).toEqual([]);
  });

  it('only checks a current-version state', () => {
    const current = migrateClaims(v2State, 2);
    if (!current.ok) throw new Error('v2 fixture did not migrate');
    expect(migrateClaims(current.state, CLAIMS_STORAGE_VERSION)).toEqual(current);
  });

  it('keeps field times in a current-version state', () => {
    const result = migrateClaims({ claims: [v2EditedAfterV3] }, CLAIMS_STORAGE_VERSION);
    expect(result.ok && result.state.claims[0]?.fieldsUpdatedAt).toEqual(
      v2EditedAfterV3.fieldsUpdatedAt,
    );
  });

  it('refuses a newer version than it knows', () => {
    expect(migrateClaims({ claims: [] }, CLAIMS_STORAGE_VERSION + 1)).toMatchObject({
      ok: false,
      problem: 'future-version',
    });
  });

  // Version 1 was never released: a document claiming it was not written by this app.
  it.each([0, -1, 1, 1.5, Number.NaN])('refuses unknown version %s', (version) => {
    expect(migrateClaims({ claims: [] }, version)).toMatchObject({
      ok: false,
      problem: 'unknown-version',
    });
  });

  it('reports a state of the wrong shape', () => {
    expect(migrateClaims({ notes: [] }, 2)).toMatchObject({ ok: false, problem: 'wrong-shape' });
    expect(migrateClaims('abundant evidence', CLAIMS_STORAGE_VERSION)).toMatchObject({
      ok: false,
      problem: 'wrong-shape',
    });
  });
});
