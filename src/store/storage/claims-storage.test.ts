import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Claim } from '../../core/claims/claim.ts';
import { claimsDocumentSchema } from '../../core/claims/claim-schema.ts';
import type { ClaimSet } from '../../core/claims/claims-merge.ts';
import {
  CLAIMS_BACKUP_KEY_PREFIX,
  CLAIMS_STORAGE_KEY,
  createClaimsStorage,
  STORAGE_FULL_MESSAGE,
  type ClaimsStorage,
  type ClaimsStorageArea,
  type StorageNotice,
} from './claims-storage.ts';
import {
  abundantEvidenceClaim,
  aggressiveStatementsClaim,
} from '../../core/test-fixtures/stored-claims.ts';

const NOW = new Date('2025-11-23T12:00:00.000Z');
const BACKUP_KEY = `${CLAIMS_BACKUP_KEY_PREFIX}2025-11-23T12:00:00.000Z`;

const abundantEvidence: Claim = abundantEvidenceClaim({ evidence: [] });

const aggressiveStatements: Claim = aggressiveStatementsClaim();

/** localStorage stand-in whose writes can be made to fail like a full quota. */
class MemoryStorage implements ClaimsStorageArea {
  readonly data = new Map<string, string>();
  writes = 0;
  full: (key: string) => boolean = () => false;
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full(key))
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.writes++;
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

function document(claims: Claim[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ version: 3, state: { claims, tombstones: [], ...extra } });
}

function setOf(...claims: Claim[]): ClaimSet {
  return { claims: Object.fromEntries(claims.map((c) => [c.id, c])), tombstones: {} };
}

let area: MemoryStorage;
let storage: ClaimsStorage;
let notices: StorageNotice[];
let incoming: ClaimSet[];
let saved: number;

beforeEach(() => {
  area = new MemoryStorage();
  storage = createClaimsStorage(area, { now: () => NOW });
  notices = [];
  incoming = [];
  saved = 0;
  storage.connect({
    notice: (n) => notices.push(n),
    saved: () => saved++,
    incoming: (s) => incoming.push(s),
  });
});

describe('loading', () => {
  it('finds nothing, and says nothing, when nothing is saved', () => {
    expect(storage.getItem(CLAIMS_STORAGE_KEY)).toBeNull();
    expect(notices).toEqual([]);
    expect(area.writes).toBe(0);
  });

  it('reads a current document', () => {
    area.data.set(CLAIMS_STORAGE_KEY, document([abundantEvidence, aggressiveStatements]));
    expect(storage.getItem(CLAIMS_STORAGE_KEY)).toEqual({
      version: 3,
      state: setOf(abundantEvidence, aggressiveStatements),
    });
    expect(notices).toEqual([]);
  });

  it.each([
    ['not JSON', '{"version":2,"state":{"claims":[{"id":"3f1c2a4e', 'corrupted'],
    ["another app's data", '{"theme":"dark","fontSize":16}', 'corrupted'],
    ['the wrong shape', '{"version":2,"state":{"claims":"abundant evidence"}}', 'corrupted'],
    ['an unknown version', '{"version":0,"state":{"claims":[]}}', 'corrupted'],
    ['a version never released', '{"version":1,"state":{"claims":{}}}', 'corrupted'],
    ['a newer version', '{"version":4,"state":{"claims":[],"annotations":[]}}', 'future-version'],
  ])('starts empty from %s, backing the raw value up first', (_name, raw, kind) => {
    area.data.set(CLAIMS_STORAGE_KEY, raw);
    const loaded = storage.getItem(CLAIMS_STORAGE_KEY);
    expect(loaded?.state.claims ?? {}).toEqual({});
    expect(area.data.get(BACKUP_KEY)).toBe(raw);
    expect(area.data.get(CLAIMS_STORAGE_KEY)).toBe(raw);
    expect(notices).toEqual([{ kind, message: expect.any(String), backupKey: BACKUP_KEY }]);
  });

  it('never overwrites an earlier backup', () => {
    area.data.set(BACKUP_KEY, 'an earlier backup');
    area.data.set(CLAIMS_STORAGE_KEY, 'not json');
    storage.getItem(CLAIMS_STORAGE_KEY);
    expect(area.data.get(BACKUP_KEY)).toBe('an earlier backup');
    const next = `${CLAIMS_BACKUP_KEY_PREFIX}2025-11-23T12:00:00.001Z`;
    expect(area.data.get(next)).toBe('not json');
    expect(notices[0]?.backupKey).toBe(next);
  });

  it('shows the claims it can read and backs up the whole value for those it cannot', () => {
    const broken = { ...aggressiveStatements, evidence: ['javascript:alert(1)'] };
    const raw = JSON.stringify({ version: 3, state: { claims: [abundantEvidence, broken] } });
    area.data.set(CLAIMS_STORAGE_KEY, raw);
    expect(storage.getItem(CLAIMS_STORAGE_KEY)?.state).toEqual(setOf(abundantEvidence));
    expect(area.data.get(BACKUP_KEY)).toBe(raw);
    expect(notices).toEqual([
      {
        kind: 'unreadable-claims',
        message: 'One saved claim could not be read and is not shown.',
        backupKey: BACKUP_KEY,
      },
    ]);
  });

  it('migrates a v2 document as it loads, without writing', () => {
    const v2 = JSON.stringify({
      version: 2,
      state: { claims: [{ ...abundantEvidence, fieldsUpdatedAt: { status: 'stale' } }] },
    });
    area.data.set(CLAIMS_STORAGE_KEY, v2);
    const loaded = storage.getItem(CLAIMS_STORAGE_KEY);
    expect(loaded).toEqual({ version: 3, state: setOf(abundantEvidence) });
    expect(area.writes).toBe(0);
    expect(notices).toEqual([]);
  });

  it('reads what it can of a newer version and never writes over it', () => {
    const newer = JSON.stringify({
      version: 99,
      state: { claims: [abundantEvidence, { id: 'shiny' }], tombstones: [], folders: [] },
    });
    area.data.set(CLAIMS_STORAGE_KEY, newer);
    expect(storage.getItem(CLAIMS_STORAGE_KEY)?.state).toEqual(setOf(abundantEvidence));
    expect(storage.readOnlyReason()).toMatch(/newer version/);
    storage.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(aggressiveStatements) });
    storage.flush();
    expect(area.data.get(CLAIMS_STORAGE_KEY)).toBe(newer);
    expect(notices).toMatchObject([{ kind: 'future-version', message: /newer/ }]);
  });

  it('leaves the main key alone when not even the backup can be written', () => {
    area.full = () => true;
    area.data.set(CLAIMS_STORAGE_KEY, 'not json');
    expect(storage.getItem(CLAIMS_STORAGE_KEY)).toBeNull();
    expect(notices).toEqual([
      { kind: 'corrupted', message: expect.stringMatching(/could not be backed up/) },
    ]);
    storage.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(abundantEvidence) });
    expect(area.data.get(CLAIMS_STORAGE_KEY)).toBe('not json');

    area.full = () => false;
    storage.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(abundantEvidence) });
    expect(area.data.get(BACKUP_KEY)).toBe('not json');
    expect(notices.at(-1)).toMatchObject({ kind: 'corrupted', backupKey: BACKUP_KEY });
    expect(JSON.parse(area.data.get(CLAIMS_STORAGE_KEY) ?? '')).toMatchObject({
      state: { claims: [abundantEvidence] },
    });
  });
});

describe('saving', () => {
  it('writes the persist envelope with claims and deletions as lists', () => {
    const state = { ...setOf(abundantEvidence), tombstones: { gone: '2025-11-22T09:00:00.000Z' } };
    storage.setItem(CLAIMS_STORAGE_KEY, { version: 2, state });
    const written: unknown = JSON.parse(area.data.get(CLAIMS_STORAGE_KEY) ?? '');
    expect(v.is(claimsDocumentSchema, written)).toBe(true);
    expect(written).toEqual({
      version: 3,
      state: {
        claims: [abundantEvidence],
        tombstones: [{ id: 'gone', deletedAt: '2025-11-22T09:00:00.000Z' }],
      },
    });
  });

  it('merges with what another tab saved instead of clobbering it', () => {
    area.data.set(CLAIMS_STORAGE_KEY, document([aggressiveStatements]));
    storage.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(abundantEvidence) });
    const written = JSON.parse(area.data.get(CLAIMS_STORAGE_KEY) ?? '') as {
      state: { claims: Claim[] };
    };
    expect(written.state.claims.map((c) => c.id).sort()).toEqual(
      [abundantEvidence.id, aggressiveStatements.id].sort(),
    );
    expect(incoming).toEqual([setOf(abundantEvidence, aggressiveStatements)]);
  });

  it('keeps document fields a newer app added', () => {
    area.data.set(
      CLAIMS_STORAGE_KEY,
      JSON.stringify({
        version: 3,
        savedBy: 'tab 2',
        state: { claims: [], tombstones: [], folders: ['Moscow visit'] },
      }),
    );
    storage.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(abundantEvidence) });
    expect(JSON.parse(area.data.get(CLAIMS_STORAGE_KEY) ?? '')).toMatchObject({
      savedBy: 'tab 2',
      state: { folders: ['Moscow visit'] },
    });
  });

  it('backs up an unreadable value another tab left before replacing it', () => {
    area.data.set(CLAIMS_STORAGE_KEY, '{"version":3,"state":{}}');
    storage.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(abundantEvidence) });
    expect(area.data.get(BACKUP_KEY)).toBe('{"version":3,"state":{}}');
    expect(notices).toMatchObject([{ kind: 'corrupted', backupKey: BACKUP_KEY }]);
    expect(JSON.parse(area.data.get(CLAIMS_STORAGE_KEY) ?? '')).toMatchObject({ version: 3 });
  });

  it('stops writing once a newer version has written, keeping its data and a backup', () => {
    const newer = '{"version":4,"state":{"claims":[]}}';
    area.data.set(CLAIMS_STORAGE_KEY, newer);
    storage.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(abundantEvidence) });
    expect(area.data.get(CLAIMS_STORAGE_KEY)).toBe(newer);
    expect(area.data.get(BACKUP_KEY)).toBe(newer);
    expect(notices).toMatchObject([{ kind: 'future-version', backupKey: BACKUP_KEY }]);
    expect(storage.readOnlyReason()).not.toBeNull();
  });

  it('keeps going when storage is full, and says so', () => {
    area.full = (key) => key === CLAIMS_STORAGE_KEY;
    expect(() =>
      storage.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(abundantEvidence) }),
    ).not.toThrow();
    expect(notices).toEqual([{ kind: 'storage-full', message: STORAGE_FULL_MESSAGE }]);
    expect(area.data.has(CLAIMS_STORAGE_KEY)).toBe(false);

    area.full = () => false;
    storage.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(abundantEvidence) });
    expect(area.data.has(CLAIMS_STORAGE_KEY)).toBe(true);
    expect(saved).toBe(1);
  });

  it('reports other write failures too, without throwing', () => {
    const failing = new MemoryStorage();
    failing.setItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const quiet = createClaimsStorage(failing, { now: () => NOW });
    const seen: StorageNotice[] = [];
    quiet.connect({ notice: (n) => seen.push(n), saved: () => {}, incoming: () => {} });
    quiet.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(abundantEvidence) });
    expect(seen).toMatchObject([{ kind: 'storage-full' }]);
  });

  it('only writes when the claims changed', () => {
    const state = setOf(abundantEvidence);
    storage.setItem(CLAIMS_STORAGE_KEY, { version: 2, state });
    storage.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: { ...state } });
    expect(area.writes).toBe(1);
  });

  it('with a scheduler, writes once per batch of changes, and at once on flush', () => {
    const scheduled: (() => void)[] = [];
    const later = createClaimsStorage(area, {
      now: () => NOW,
      scheduleWrite: (write) => scheduled.push(write),
    });
    later.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(abundantEvidence) });
    later.setItem(CLAIMS_STORAGE_KEY, {
      version: 2,
      state: setOf(abundantEvidence, aggressiveStatements),
    });
    expect(area.writes).toBe(0);
    expect(scheduled).toHaveLength(1);
    later.flush();
    expect(area.writes).toBe(1);
    const written = JSON.parse(area.data.get(CLAIMS_STORAGE_KEY) ?? '') as {
      state: { claims: Claim[] };
    };
    expect(written.state.claims).toHaveLength(2);
    scheduled[0]?.();
    expect(area.writes).toBe(1);
  });

  it('still merges what another tab wrote after its own last write', () => {
    storage.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(abundantEvidence) });
    area.data.set(CLAIMS_STORAGE_KEY, document([abundantEvidence, aggressiveStatements]));
    const edited = { ...abundantEvidence, status: 'confirmed' as const };
    storage.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(edited) });
    const written = JSON.parse(area.data.get(CLAIMS_STORAGE_KEY) ?? '') as {
      state: { claims: Claim[] };
    };
    expect(written.state.claims.map((c) => c.id).sort()).toEqual(
      [abundantEvidence.id, aggressiveStatements.id].sort(),
    );
  });

  it('does not write inside `silently`', () => {
    storage.silently(() =>
      storage.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(abundantEvidence) }),
    );
    expect(area.writes).toBe(0);
  });
});

describe('listen', () => {
  function storageEvent(key: string | null, newValue: string | null, storageArea: unknown) {
    return Object.assign(new Event('storage'), { key, newValue, oldValue: null, storageArea });
  }

  it("passes on another tab's claims, ignoring other keys, areas and unreadable values", () => {
    const events = new EventTarget();
    const stop = storage.listen(events);
    events.dispatchEvent(storageEvent('theme', '{}', area));
    events.dispatchEvent(storageEvent(CLAIMS_STORAGE_KEY, document([abundantEvidence]), {}));
    events.dispatchEvent(storageEvent(CLAIMS_STORAGE_KEY, 'not json', area));
    events.dispatchEvent(storageEvent(CLAIMS_STORAGE_KEY, null, area));
    expect(incoming).toEqual([]);
    events.dispatchEvent(storageEvent(CLAIMS_STORAGE_KEY, document([abundantEvidence]), area));
    expect(incoming).toEqual([setOf(abundantEvidence)]);
    stop();
    events.dispatchEvent(storageEvent(CLAIMS_STORAGE_KEY, document([aggressiveStatements]), area));
    expect(incoming).toHaveLength(1);
  });
});

describe('without storage (pre-rendering)', () => {
  it('reads nothing and writes nothing', () => {
    const none = createClaimsStorage(undefined);
    expect(none.getItem(CLAIMS_STORAGE_KEY)).toBeNull();
    expect(() =>
      none.setItem(CLAIMS_STORAGE_KEY, { version: 3, state: setOf(abundantEvidence) }),
    ).not.toThrow();
  });

  it('lets the app store be imported and used in Node, where there is no window', async () => {
    expect(typeof window).toBe('undefined');
    const { appStore } = await import('../app-store.ts');
    const id = appStore.getState().addClaim(abundantEvidence.target, 'disputed') ?? 'refused';
    expect(appStore.getState().claims[id]?.status).toBe('disputed');
    expect(appStore.getState().storageNotice).toBeNull();
  });
});
