import { describe, expect, it } from 'vitest';
import {
  CLAIMS_STORAGE_VERSION,
  MIGRATION_STEPS,
  migrateClaims,
  migrateV1ToV2,
  readCurrentClaimsState,
} from './claim-migrations.ts';
import { parseClaim } from './claim-schema.ts';

// How version 1 of the app saved claims: keyed by id, a bare quote with offsets, true/false.
const v1AbundantEvidence = {
  id: '3f1c2a4e-8b7d-4c61-9a0e-5d2b7c9e1f04',
  articleId: 'newstalk-johnson-lavrov-clash',
  quote: 'abundant evidence',
  start: 554,
  end: 571,
  status: 'false',
  note: 'Which elections, and what evidence? The piece cites none.',
  evidence: ['https://www.gov.uk/government/news/foreign-secretary-visits-moscow'],
  createdAt: '2025-03-02T10:01:00.000Z',
  updatedAt: '2025-03-02T10:05:30.000Z',
  colour: 'amber',
};

const v1AggressiveStatements = {
  id: 'b7e0d1a2-5c3f-4e8a-9d16-0a4b2c8e7f31',
  articleId: 'business-insider-johnson-lavrov-spat',
  quote: 'some aggressive statements',
  start: 1445,
  end: 1471,
  status: 'unverified',
  createdAt: '2025-03-02T10:07:12.000Z',
};

const v1State = {
  claims: {
    [v1AbundantEvidence.id]: v1AbundantEvidence,
    [v1AggressiveStatements.id]: v1AggressiveStatements,
  },
  lastOpenedArticle: 'newstalk-johnson-lavrov-clash',
};

describe('migrateV1ToV2', () => {
  it('turns the map into a list of claims with targets and new statuses', () => {
    const result = migrateV1ToV2(v1State);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.unreadable).toEqual([]);
    expect(result.state.tombstones).toEqual([]);
    expect(result.state.claims).toEqual([
      {
        id: v1AbundantEvidence.id,
        target: {
          articleId: 'newstalk-johnson-lavrov-clash',
          textHash: '',
          quote: { type: 'TextQuoteSelector', exact: 'abundant evidence', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 554, end: 571 },
        },
        status: 'disputed',
        note: v1AbundantEvidence.note,
        evidence: v1AbundantEvidence.evidence,
        createdAt: '2025-03-02T10:01:00.000Z',
        updatedAt: '2025-03-02T10:05:30.000Z',
        colour: 'amber',
      },
      {
        id: v1AggressiveStatements.id,
        target: {
          articleId: 'business-insider-johnson-lavrov-spat',
          textHash: '',
          quote: {
            type: 'TextQuoteSelector',
            exact: 'some aggressive statements',
            prefix: '',
            suffix: '',
          },
          position: { type: 'TextPositionSelector', start: 1445, end: 1471 },
        },
        status: 'open',
        note: '',
        evidence: [],
        createdAt: '2025-03-02T10:07:12.000Z',
        updatedAt: '2025-03-02T10:07:12.000Z',
      },
    ]);
    for (const claim of result.state.claims as unknown[]) expect(parseClaim(claim).ok).toBe(true);
  });

  it('maps "true" to confirmed', () => {
    const result = migrateV1ToV2({
      claims: { a: { ...v1AggressiveStatements, status: 'true' } },
    });
    expect(result.ok && result.state.claims).toEqual([
      expect.objectContaining({ status: 'confirmed' }),
    ]);
  });

  it('keeps state fields it does not know', () => {
    const result = migrateV1ToV2(v1State);
    expect(result.ok && result.state.lastOpenedArticle).toBe('newstalk-johnson-lavrov-clash');
  });

  it('returns claims it cannot read, as they were, instead of dropping them', () => {
    const broken = {
      ...v1AggressiveStatements,
      id: 'c0ffee00-0000-4000-8000-000000000001',
      start: 'x',
    };
    const result = migrateV1ToV2({
      claims: { [v1AbundantEvidence.id]: v1AbundantEvidence, broken, junk: 'abundant evidence' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.claims).toHaveLength(1);
    expect(result.unreadable).toEqual([broken, 'abundant evidence']);
  });

  it.each([null, 'v1', [], { claims: [] }, { claims: 'none' }])(
    'fails on a state that is not v1 (%j)',
    (state) => {
      expect(migrateV1ToV2(state).ok).toBe(false);
    },
  );
});

describe('readCurrentClaimsState', () => {
  it('reads claims one by one, returning those it cannot read', () => {
    const migrated = migrateV1ToV2(v1State);
    if (!migrated.ok) throw new Error('v1 fixture did not migrate');
    const [good] = migrated.state.claims as object[];
    const bad = { ...good, evidence: ['javascript:alert(1)'] };
    const result = readCurrentClaimsState({ claims: [good, bad, 17], tombstones: [] });
    expect(result).toEqual({
      ok: true,
      state: { claims: [good], tombstones: [] },
      unreadable: [bad, 17],
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
    expect(readCurrentClaimsState({ claims: v1State.claims })).toMatchObject({
      ok: false,
      problem: 'wrong-shape',
    });
  });
});

describe('migrateClaims', () => {
  it('has a step from every older version', () => {
    for (let version = 1; version < CLAIMS_STORAGE_VERSION; version++) {
      expect(MIGRATION_STEPS[version], `step from v${version}`).toBeTypeOf('function');
    }
  });

  it('brings a v1 state to the current version', () => {
    const result = migrateClaims(v1State, 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.claims.map((c) => [c.target.quote.exact, c.status])).toEqual([
      ['abundant evidence', 'disputed'],
      ['some aggressive statements', 'open'],
    ]);
    expect(result.unreadable).toEqual([]);
  });

  it('collects unreadable claims from every step', () => {
    const result = migrateClaims({ claims: { a: v1AbundantEvidence, b: { id: 'b' } } }, 1);
    expect(result).toMatchObject({ ok: true, unreadable: [{ id: 'b' }] });
  });

  it('only checks a current-version state', () => {
    const current = migrateClaims(v1State, 1);
    if (!current.ok) throw new Error('v1 fixture did not migrate');
    expect(migrateClaims(current.state, CLAIMS_STORAGE_VERSION)).toEqual(current);
  });

  it('refuses a newer version than it knows', () => {
    expect(migrateClaims({ claims: [] }, CLAIMS_STORAGE_VERSION + 1)).toMatchObject({
      ok: false,
      problem: 'future-version',
    });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses unknown version %s', (version) => {
    expect(migrateClaims({ claims: [] }, version)).toMatchObject({
      ok: false,
      problem: 'unknown-version',
    });
  });

  it('reports a state of the wrong shape', () => {
    expect(migrateClaims({ notes: [] }, 1)).toMatchObject({ ok: false, problem: 'wrong-shape' });
    expect(migrateClaims('abundant evidence', CLAIMS_STORAGE_VERSION)).toMatchObject({
      ok: false,
      problem: 'wrong-shape',
    });
  });
});
