import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimStatus } from './claim.ts';
import {
  claimSetFromDocument,
  claimSetToDocument,
  editClaim,
  mergeClaim,
  mergeClaimSets,
  stampAllFields,
  newerClaim,
  timestampAfter,
  TOMBSTONE_TTL_MS,
  type ClaimSet,
} from './claims-merge.ts';
import {
  abundantEvidenceClaim,
  aggressiveStatementsClaim,
} from '../test-fixtures/stored-claims.ts';

const NOW = new Date('2025-11-23T12:00:00.000Z');

const abundantEvidence: Claim = abundantEvidenceClaim({
  status: 'open',
  note: '',
  evidence: [],
  updatedAt: '2025-11-20T09:14:03.512Z',
});

const aggressiveStatements: Claim = aggressiveStatementsClaim({
  status: 'disputed',
  note: 'Lavrov’s words, not the UK’s: check the press-conference transcript.',
  createdAt: '2025-11-20T09:16:40.000Z',
  updatedAt: '2025-11-20T09:16:40.000Z',
});

function edited(claim: Claim, updatedAt: string, change: Partial<Claim>): Claim {
  return { ...claim, ...change, updatedAt };
}

function set(claims: Claim[], tombstones: Record<string, string> = {}): ClaimSet {
  return { claims: Object.fromEntries(claims.map((c) => [c.id, c])), tombstones };
}

describe('mergeClaimSets', () => {
  it('keeps the newest version of a claim, whichever side it is on', () => {
    const older = edited(abundantEvidence, '2025-11-21T10:00:00.000Z', { status: 'confirmed' });
    const newer = edited(abundantEvidence, '2025-11-21T10:00:05.000Z', { status: 'disputed' });
    expect(mergeClaimSets(set([older]), set([newer]), NOW).claims).toEqual({
      [abundantEvidence.id]: newer,
    });
    expect(mergeClaimSets(set([newer]), set([older]), NOW).claims).toEqual({
      [abundantEvidence.id]: newer,
    });
  });

  it('keeps concurrent edits of different claims from both tabs', () => {
    const tabA = set([
      edited(abundantEvidence, '2025-11-21T10:00:00.000Z', { status: 'disputed' }),
      aggressiveStatements,
    ]);
    const tabB = set([
      abundantEvidence,
      edited(aggressiveStatements, '2025-11-21T10:00:01.000Z', {
        note: 'Quoted in full by Newstalk.',
      }),
    ]);
    const merged = mergeClaimSets(tabA, tabB, NOW);
    expect(merged.claims[abundantEvidence.id]?.status).toBe('disputed');
    expect(merged.claims[aggressiveStatements.id]?.note).toBe('Quoted in full by Newstalk.');
  });

  it('lets a deletion beat older versions, and keeps its record', () => {
    const deletedAt = '2025-11-21T11:00:00.000Z';
    const merged = mergeClaimSets(
      set([], { [abundantEvidence.id]: deletedAt }),
      set([abundantEvidence, aggressiveStatements]),
      NOW,
    );
    expect(Object.keys(merged.claims)).toEqual([aggressiveStatements.id]);
    expect(merged.tombstones).toEqual({ [abundantEvidence.id]: deletedAt });
  });

  it('lets a deletion beat a version stamped at the same moment', () => {
    const merged = mergeClaimSets(
      set([abundantEvidence]),
      set([], { [abundantEvidence.id]: abundantEvidence.updatedAt }),
      NOW,
    );
    expect(merged.claims).toEqual({});
  });

  it('lets a claim restored after its deletion win, and drops the deletion', () => {
    const restored = edited(abundantEvidence, '2025-11-21T11:00:03.000Z', {});
    const merged = mergeClaimSets(
      set([restored]),
      set([], { [abundantEvidence.id]: '2025-11-21T11:00:00.000Z' }),
      NOW,
    );
    expect(merged.claims).toEqual({ [abundantEvidence.id]: restored });
    expect(merged.tombstones).toEqual({});
  });

  it('keeps the later of two deletion records', () => {
    const merged = mergeClaimSets(
      set([], { x: '2025-11-21T11:00:00.000Z' }),
      set([], { x: '2025-11-22T11:00:00.000Z' }),
      NOW,
    );
    expect(merged.tombstones).toEqual({ x: '2025-11-22T11:00:00.000Z' });
  });

  it('drops deletion records older than 30 days', () => {
    const justInside = new Date(NOW.getTime() - TOMBSTONE_TTL_MS + 1000).toISOString();
    const expired = new Date(NOW.getTime() - TOMBSTONE_TTL_MS - 1000).toISOString();
    const merged = mergeClaimSets(
      set([], { kept: justInside, old: expired }),
      set([], { broken: 'not a time' }),
      NOW,
    );
    expect(merged.tombstones).toEqual({ kept: justInside });
  });

  it('returns the local records themselves when the other side adds nothing', () => {
    const local = set([abundantEvidence, aggressiveStatements], { x: '2025-11-22T11:00:00.000Z' });
    const merged = mergeClaimSets(local, set([abundantEvidence]), NOW);
    expect(merged.claims).toBe(local.claims);
    expect(merged.tombstones).toBe(local.tombstones);
    expect(
      mergeClaimSets(
        local,
        set([aggressiveStatements, edited(abundantEvidence, NOW.toISOString(), {})]),
        NOW,
      ).claims,
    ).not.toBe(local.claims);
  });

  it('agrees in both tabs, whatever the order, and merging twice changes nothing', () => {
    const ids = ['a', 'b', 'c'];
    const times = [0, 1, 2, 3].map((h) => `2025-11-2${h}T10:00:00.000Z`);
    const claimArb = fc
      .record({
        id: fc.constantFrom(...ids),
        status: fc.constantFrom<ClaimStatus>('disputed', 'confirmed', 'open'),
        updatedAt: fc.constantFrom(...times),
      })
      .map(({ id, status, updatedAt }) => ({ ...abundantEvidence, id, status, updatedAt }));
    const setArb = fc
      .record({
        claims: fc.array(claimArb, { maxLength: 4 }),
        tombstones: fc.dictionary(fc.constantFrom(...ids), fc.constantFrom(...times)),
      })
      .map(({ claims, tombstones }) =>
        claimSetFromDocument(
          {
            claims,
            tombstones: Object.entries(tombstones).map(([id, deletedAt]) => ({ id, deletedAt })),
          },
          NOW,
        ),
      );
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const ab = mergeClaimSets(a, b, NOW);
        expect(mergeClaimSets(b, a, NOW)).toEqual(ab);
        expect(mergeClaimSets(ab, b, NOW)).toEqual(ab);
      }),
    );
  });
});

describe('mergeClaim (field by field)', () => {
  const base = withTimes(aggressiveStatements);
  const statusInA = editClaim(base, { status: 'confirmed' }, '2025-11-21T10:00:00.000Z');
  const noteInB = editClaim(
    base,
    { note: 'Lavrov said this at the joint press conference in Moscow.' },
    '2025-11-21T10:00:04.000Z',
  );

  function withTimes(claim: Claim): Claim {
    return editClaim(claim, {}, claim.updatedAt);
  }

  it('keeps a status set in one tab and a note typed in another, in either order', () => {
    for (const merged of [mergeClaim(statusInA, noteInB), mergeClaim(noteInB, statusInA)]) {
      expect(merged.status).toBe('confirmed');
      expect(merged.note).toBe('Lavrov said this at the joint press conference in Moscow.');
      expect(merged.updatedAt).toBe('2025-11-21T10:00:04.000Z');
    }
    expect(mergeClaim(statusInA, noteInB)).toEqual(mergeClaim(noteInB, statusInA));
  });

  it('lets the later edit of the same field win', () => {
    const laterStatus = editClaim(statusInA, { status: 'disputed' }, '2025-11-21T10:00:09.000Z');
    expect(mergeClaim(laterStatus, noteInB).status).toBe('disputed');
    expect(mergeClaim(noteInB, laterStatus).status).toBe('disputed');
  });

  it('returns one side itself when the other adds nothing', () => {
    expect(mergeClaim(noteInB, base)).toBe(noteInB);
    expect(mergeClaim(base, noteInB)).toBe(noteInB);
  });

  it('treats a claim without field times as changed at updatedAt throughout', () => {
    const legacy = edited(aggressiveStatements, '2025-11-21T10:00:02.000Z', { status: 'open' });
    const merged = mergeClaim(legacy, noteInB);
    expect(merged.status).toBe('open');
    expect(merged.note).toBe(noteInB.note);
  });

  it('lets a deletion beat older field edits, and an Undo stamped later beat the deletion', () => {
    const deletedAt = '2025-11-21T10:00:06.000Z';
    const tabs = mergeClaimSets(set([statusInA]), set([noteInB], { [base.id]: deletedAt }), NOW);
    expect(tabs.claims).toEqual({});
    const undone = stampAllFields(statusInA, '2025-11-21T10:00:08.000Z');
    const restored = mergeClaimSets(tabs, set([undone]), NOW);
    expect(restored.claims[base.id]?.status).toBe('confirmed');
    expect(restored.tombstones).toEqual({});
  });

  it('agrees in every order, and merging again changes nothing', () => {
    const times = [0, 1, 2, 3].map((s) => `2025-11-21T10:00:0${s}.000Z`);
    const editArb = fc.record({
      field: fc.constantFrom('status', 'note', 'tags'),
      at: fc.constantFrom(...times),
      status: fc.constantFrom<ClaimStatus>('disputed', 'confirmed', 'open'),
      text: fc.constantFrom('', 'transcript', 'needs-source'),
    });
    const claimArb = fc.array(editArb, { maxLength: 3 }).map((edits) =>
      edits.reduce((claim, edit) => {
        const at = timestampAfter(new Date(edit.at), claim.updatedAt);
        if (edit.field === 'status') return editClaim(claim, { status: edit.status }, at);
        if (edit.field === 'note') return editClaim(claim, { note: edit.text }, at);
        return editClaim(claim, { tags: edit.text ? [edit.text] : [] }, at);
      }, base),
    );
    fc.assert(
      fc.property(claimArb, claimArb, claimArb, (a, b, c) => {
        expect(mergeClaim(a, b)).toEqual(mergeClaim(b, a));
        expect(mergeClaim(mergeClaim(a, b), c)).toEqual(mergeClaim(a, mergeClaim(b, c)));
        const ab = mergeClaim(a, b);
        expect(mergeClaim(ab, b)).toEqual(ab);
      }),
    );
  });
});

describe('newerClaim', () => {
  it('breaks a tie in updatedAt the same way in either order', () => {
    const a = { ...abundantEvidence, status: 'confirmed' as const };
    const b = { ...abundantEvidence, status: 'disputed' as const };
    expect(newerClaim(a, b)).toBe(newerClaim(b, a));
  });
});

describe('claim documents', () => {
  it('round-trip a claim set', () => {
    const original = set([abundantEvidence, aggressiveStatements], {
      'c0ffee00-0000-4000-8000-000000000001': '2025-11-22T11:00:00.000Z',
    });
    expect(claimSetFromDocument(claimSetToDocument(original), NOW)).toEqual(original);
  });

  it('keep the newest of duplicate claims in a document', () => {
    const newer = edited(abundantEvidence, '2025-11-22T08:00:00.000Z', { status: 'confirmed' });
    const result = claimSetFromDocument({ claims: [newer, abundantEvidence], tombstones: [] }, NOW);
    expect(result.claims).toEqual({ [abundantEvidence.id]: newer });
  });
});

describe('timestampAfter', () => {
  it('is now when everything given is in the past', () => {
    expect(timestampAfter(NOW, '2025-11-20T00:00:00.000Z', undefined)).toBe(NOW.toISOString());
  });

  it('is just after a time that is not yet past', () => {
    expect(timestampAfter(NOW, NOW.toISOString())).toBe('2025-11-23T12:00:00.001Z');
    expect(timestampAfter(NOW, '2025-11-23T12:00:05.000Z')).toBe('2025-11-23T12:00:05.001Z');
  });
});

describe('awkward ids', () => {
  it('treats an id like __proto__ as an ordinary key', () => {
    const odd = { ...abundantEvidence, id: '__proto__' };
    const result = claimSetFromDocument({ claims: [odd], tombstones: [] }, NOW);
    expect(Object.keys(result.claims)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(result.claims)).toBe(Object.prototype);
    expect(Object.keys(mergeClaimSets(result, set([aggressiveStatements]), NOW).claims)).toEqual([
      '__proto__',
      aggressiveStatements.id,
    ]);
  });
});
