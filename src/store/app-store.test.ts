import fc from 'fast-check';
// @vitest-environment jsdom
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, ClaimTarget } from '../core/claims/claim.ts';
import { claimsDocumentSchema } from '../core/claims/claim-schema.ts';
import { createAppStore, hasAnyClaim, type AppStore } from './app-store.ts';
import {
  CLAIMS_BACKUP_KEY_PREFIX,
  CLAIMS_STORAGE_KEY,
  STORAGE_FULL_MESSAGE,
  type ClaimsStorageArea,
} from './storage/claims-storage.ts';
import {
  abundantEvidenceClaim,
  abundantEvidenceTarget,
  aggressiveStatementsTarget,
} from '../core/test-fixtures/stored-claims.ts';

const abundantEvidence: ClaimTarget = abundantEvidenceTarget;
const aggressiveStatements: ClaimTarget = aggressiveStatementsTarget;
const savedClaim: Claim = abundantEvidenceClaim();

const START = Date.parse('2025-11-23T12:00:00.000Z');
const BACKUP_KEY = `${CLAIMS_BACKUP_KEY_PREFIX}2025-11-23T12:00:00.000Z`;
let time = START;
const now = () => new Date(time);

/** One browser profile: a localStorage shared by its tabs, which hear each other's writes. */
class FakeBrowser {
  readonly data = new Map<string, string>();
  writes = 0;
  full: (key: string) => boolean = () => false;
  private readonly tabs: { area: ClaimsStorageArea; events: EventTarget }[] = [];

  openTab(): AppStore {
    const events = new EventTarget();
    const { data } = this;
    const area: ClaimsStorageArea = {
      getItem: (key) => this.data.get(key) ?? null,
      setItem: (key, value) => {
        if (this.full(key)) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        const oldValue = this.data.get(key) ?? null;
        this.data.set(key, value);
        this.writes++;
        if (oldValue === value) return;
        for (const tab of this.tabs) {
          if (tab.area === area) continue;
          // Browsers queue storage events as tasks in the other tabs.
          const event = Object.assign(new Event('storage'), {
            key,
            oldValue,
            newValue: value,
            storageArea: tab.area,
          });
          setTimeout(() => tab.events.dispatchEvent(event), 0);
        }
      },
      removeItem: (key) => void this.data.delete(key),
      key: (index) => [...this.data.keys()][index] ?? null,
      get length() {
        return data.size;
      },
    };
    this.tabs.push({ area, events });
    return createAppStore(area, { events, now });
  }

  saved(): { version: number; state: { claims: Claim[]; tombstones: unknown[] } } {
    return JSON.parse(this.data.get(CLAIMS_STORAGE_KEY) ?? 'null');
  }
}

const storageEventsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

let browser: FakeBrowser;
beforeEach(() => {
  time = START;
  browser = new FakeBrowser();
});
afterEach(() => localStorage.clear());

/** The id addClaim returned; it is null only when saving is refused. */
function added(id: string | null): string {
  if (id === null) throw new Error('addClaim was refused');
  return id;
}

describe('claim actions', () => {
  it('adds a claim, saves it and returns its id', () => {
    const store = browser.openTab();
    const id = added(store.getState().addClaim(abundantEvidence, 'disputed'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const claim = {
      id,
      target: abundantEvidence,
      status: 'disputed',
      note: '',
      evidence: [],
      createdAt: '2025-11-23T12:00:00.000Z',
      updatedAt: '2025-11-23T12:00:00.000Z',
    };
    expect(store.getState().claims).toEqual({ [id]: claim });
    expect(v.is(claimsDocumentSchema, browser.saved())).toBe(true);
    expect(browser.saved()).toEqual({ version: 3, state: { claims: [claim], tombstones: [] } });
  });

  it('says whether the reader has a claim, before the first and after the last is deleted', () => {
    const store = browser.openTab();
    expect(hasAnyClaim(store.getState())).toBe(false);
    const id = added(store.getState().addClaim(abundantEvidence, 'disputed'));
    expect(hasAnyClaim(store.getState())).toBe(true);
    store.getState().deleteClaim(id);
    expect(hasAnyClaim(store.getState())).toBe(false);
  });

  it('changes status, note and evidence, stamping each change', () => {
    const store = browser.openTab();
    const { addClaim, setStatus, setNote, setEvidence } = store.getState();
    const id = added(addClaim(aggressiveStatements, 'open'));
    time += 1000;
    setStatus(id, 'confirmed');
    expect(store.getState().claims[id]).toMatchObject({
      status: 'confirmed',
      updatedAt: '2025-11-23T12:00:01.000Z',
    });
    time += 1000;
    setNote(id, 'Lavrov’s words, per the press-conference transcript.');
    time += 1000;
    setEvidence(id, [
      'https://www.businessinsider.com/boris-johnson-lavrov',
      'javascript:alert(1)',
    ]);
    expect(store.getState().claims[id]).toMatchObject({
      note: 'Lavrov’s words, per the press-conference transcript.',
      evidence: ['https://www.businessinsider.com/boris-johnson-lavrov'],
      updatedAt: '2025-11-23T12:00:03.000Z',
    });
    expect(browser.saved().state.claims[0]).toEqual(store.getState().claims[id]);
  });

  it('stamps changes later than the last one even if the clock has not moved', () => {
    const store = browser.openTab();
    const id = added(store.getState().addClaim(abundantEvidence, 'open'));
    store.getState().setStatus(id, 'disputed');
    expect(store.getState().claims[id]?.updatedAt).toBe('2025-11-23T12:00:00.001Z');
  });

  it('ignores changes that change nothing and unknown ids', () => {
    const store = browser.openTab();
    const id = added(store.getState().addClaim(abundantEvidence, 'open'));
    const before = store.getState().claims;
    store.getState().setStatus(id, 'open');
    store.getState().setNote('no-such-claim', 'x');
    store.getState().deleteClaim('no-such-claim');
    expect(store.getState().claims).toBe(before);
  });

  it('deletes with a deletion record, and Undo restores the claim newer than its deletion', () => {
    const store = browser.openTab();
    const id = added(store.getState().addClaim(abundantEvidence, 'disputed'));
    const claim = store.getState().claims[id];
    if (!claim) throw new Error('claim was not added');
    store.getState().deleteClaim(id);
    expect(store.getState().claims).toEqual({});
    expect(store.getState().tombstones).toEqual({ [id]: '2025-11-23T12:00:00.001Z' });
    expect(browser.saved().state.tombstones).toEqual([
      { id, deletedAt: '2025-11-23T12:00:00.001Z' },
    ]);

    store.getState().restoreClaim(claim);
    const undoneAt = '2025-11-23T12:00:00.002Z';
    expect(store.getState().claims[id]).toEqual({
      ...claim,
      updatedAt: undoneAt,
      fieldsUpdatedAt: { status: undoneAt, note: undoneAt, evidence: undoneAt, tags: undoneAt },
    });
    expect(store.getState().tombstones).toEqual({});
    expect(browser.openTab().getState().claims[id]?.status).toBe('disputed');
  });

  it('imports claims in one update, skipping ids it has, outliving an earlier deletion', () => {
    const store = browser.openTab();
    const other: Claim = { ...savedClaim, id: 'b7e0d1a2-5c3f-4e8a-9d16-0a4b2c8e7f31' };
    store.getState().importClaims([savedClaim]);
    store.getState().deleteClaim(savedClaim.id);
    const writes = browser.writes;
    expect(store.getState().importClaims([savedClaim, other, other])).toBe(2);
    expect(browser.writes).toBe(writes + 1);
    expect(Object.keys(store.getState().claims).sort()).toEqual([savedClaim.id, other.id].sort());
    expect(store.getState().tombstones).toEqual({});
    expect(store.getState().claims[savedClaim.id]?.updatedAt).toBe('2025-11-23T12:00:00.001Z');
    expect(store.getState().importClaims([savedClaim])).toBe(0);
    expect(browser.openTab().getState().claims[savedClaim.id]?.status).toBe('disputed');
  });

  it('imports, edits, deletes and saves claims whose ids are Object.prototype names', () => {
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...names), { minLength: 1 }), (ids) => {
        const fresh = new FakeBrowser();
        const store = fresh.openTab();
        const incoming = ids.map((id) => ({ ...savedClaim, id }));
        expect(store.getState().importClaims(incoming)).toBe(ids.length);
        expect(Object.keys(store.getState().claims).sort()).toEqual([...ids].sort());
        expect(Object.getPrototypeOf(store.getState().claims)).toBe(Object.prototype);
        const [first] = ids;
        if (first === undefined) return;
        store.getState().setNote(first, 'edited');
        expect(Object.hasOwn(store.getState().claims, first)).toBe(true);
        expect(store.getState().claims[first]?.note).toBe('edited');
        expect(store.getState().importClaims(incoming)).toBe(0);
        const reopened = fresh.openTab().getState().claims;
        expect(Object.keys(reopened).sort()).toEqual([...ids].sort());
        store.getState().deleteClaim(first);
        expect(Object.hasOwn(store.getState().claims, first)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('remembers dismissed suggestions under their own key, ignoring unreadable data', () => {
    const store = browser.openTab();
    store.getState().dismissSuggestion('newstalk:s-1a2b');
    expect(browser.openTab().getState().dismissedSuggestions).toEqual({ 'newstalk:s-1a2b': true });
    browser.data.set('fact-check-reader:dismissed-suggestions', '{"version":1,"keys":[7]}');
    expect(browser.openTab().getState().dismissedSuggestions).toEqual({});
  });

  it('does not write for screen-only state', () => {
    const store = browser.openTab();
    store.getState().addClaim(abundantEvidence, 'open');
    const writes = browser.writes;
    store.getState().setClaimsPanelOpen(true);
    store.getState().showToast('Claim deleted');
    store.getState().dismissStorageNotice();
    expect(browser.writes).toBe(writes);
  });
});

describe('loading saved claims', () => {
  it('hydrates as soon as the store is created', () => {
    browser.data.set(
      CLAIMS_STORAGE_KEY,
      JSON.stringify({ version: 2, state: { claims: [savedClaim], tombstones: [] } }),
    );
    const store = browser.openTab();
    expect(store.persist.hasHydrated()).toBe(true);
    expect(store.getState().claims).toEqual({ [savedClaim.id]: savedClaim });
  });

  it('keeps fields it does not know through an edit', () => {
    const fromNewerApp = { ...savedClaim, colour: 'amber' };
    browser.data.set(
      CLAIMS_STORAGE_KEY,
      JSON.stringify({ version: 2, state: { claims: [fromNewerApp], tombstones: [] } }),
    );
    const store = browser.openTab();
    store.getState().setStatus(savedClaim.id, 'confirmed');
    expect(browser.saved().state.claims[0]).toMatchObject({ colour: 'amber', status: 'confirmed' });
  });

  it('reads a v2 document without writing, and saves it at v3 on the next edit', () => {
    const raw = JSON.stringify({ version: 2, state: { claims: [savedClaim], tombstones: [] } });
    browser.data.set(CLAIMS_STORAGE_KEY, raw);
    const store = browser.openTab();
    expect(store.getState().claims[savedClaim.id]).toEqual(savedClaim);
    expect(browser.data.get(CLAIMS_STORAGE_KEY)).toBe(raw);
    store.getState().setStatus(savedClaim.id, 'confirmed');
    expect(browser.saved()).toMatchObject({
      version: 3,
      state: { claims: [{ id: savedClaim.id, status: 'confirmed' }] },
    });
    expect(store.getState().storageNotice).toBeNull();
  });

  it('shows readable claims and keeps a backup of unreadable ones', () => {
    const raw = JSON.stringify({
      version: 2,
      state: { claims: [savedClaim, { id: 'bad', quote: 42 }], tombstones: [] },
    });
    browser.data.set(CLAIMS_STORAGE_KEY, raw);
    const store = browser.openTab();
    expect(Object.keys(store.getState().claims)).toEqual([savedClaim.id]);
    expect(store.getState().storageNotice).toEqual({
      kind: 'unreadable-claims',
      message: 'One saved claim could not be read and is not shown.',
      backupKey: BACKUP_KEY,
    });
    expect(browser.data.get(BACKUP_KEY)).toBe(raw);
  });

  it('shows what it can read of a newer version, refuses edits and writes nothing over it', () => {
    const raw = JSON.stringify({
      version: 99,
      state: { claims: [savedClaim], tombstones: [], shiny: true },
    });
    browser.data.set(CLAIMS_STORAGE_KEY, raw);
    const store = browser.openTab();
    expect(Object.keys(store.getState().claims)).toEqual([savedClaim.id]);
    expect(store.getState().storageNotice).toMatchObject({ kind: 'future-version' });
    expect(store.getState().storageNotice?.message).toContain('newer');
    expect(store.getState().readOnlyReason).toContain('newer');
    store.getState().setStatus(savedClaim.id, 'confirmed');
    expect(store.getState().addClaim(abundantEvidence, 'disputed')).toBeNull();
    store.getState().deleteClaim(savedClaim.id);
    store.getState().importClaims([{ ...savedClaim, id: 'c0ffee00-0000-4000-8000-000000000002' }]);
    expect(store.getState().claims[savedClaim.id]?.status).toBe(savedClaim.status);
    expect(store.getState().toast?.message).toContain('newer');
    expect(browser.data.get(CLAIMS_STORAGE_KEY)).toBe(raw);
  });

  it('lists backups and restores one after backing up what is saved now', () => {
    const older = JSON.stringify({ version: 2, state: { claims: [savedClaim], tombstones: [] } });
    const olderKey = `${CLAIMS_BACKUP_KEY_PREFIX}2025-11-20T08:00:00.000Z`;
    browser.data.set(olderKey, older);
    browser.data.set(`${CLAIMS_BACKUP_KEY_PREFIX}2025-11-21T08:00:00.000Z`, 'not json');
    const store = browser.openTab();
    const mine = added(store.getState().addClaim(abundantEvidence, 'open'));
    expect(store.getState().listBackups()).toEqual([
      expect.objectContaining({ savedAt: '2025-11-21T08:00:00.000Z', claimCount: null }),
      { key: olderKey, savedAt: '2025-11-20T08:00:00.000Z', claimCount: 1, newer: false },
    ]);
    const before = browser.data.get(CLAIMS_STORAGE_KEY);
    expect(store.getState().restoreBackup(olderKey)).toBeNull();
    expect(Object.keys(store.getState().claims)).toEqual([savedClaim.id]);
    expect(browser.data.get(CLAIMS_STORAGE_KEY)).toBe(older);
    // The claims saved before the restore are a backup now, so the restore can be undone.
    expect(browser.data.get(BACKUP_KEY)).toBe(before);
    expect(store.getState().listBackups()[0]).toMatchObject({ key: BACKUP_KEY, claimCount: 1 });
    expect(browser.openTab().getState().claims[mine]).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"version":2,"state":{"claims":[{"id":"3f1c', 'corrupted'],
    ["another app's data", '{"theme":"dark","fontSize":16}', 'corrupted'],
    ['the wrong shape', '{"version":2,"state":{"claims":{}}}', 'corrupted'],
  ])('starts empty from %s with a notice and a backup of the exact value', (_name, raw, kind) => {
    browser.data.set(CLAIMS_STORAGE_KEY, raw);
    const store = browser.openTab();
    expect(store.getState().claims).toEqual({});
    expect(store.getState().storageNotice).toEqual({
      kind,
      message: expect.any(String),
      backupKey: BACKUP_KEY,
    });
    expect(browser.data.get(BACKUP_KEY)).toBe(raw);
    // Loading writes nothing to the main key; once backed up, new claims may replace it.
    expect(browser.data.get(CLAIMS_STORAGE_KEY)).toBe(raw);
    const id = added(store.getState().addClaim(abundantEvidence, 'disputed'));
    expect(browser.saved().state.claims.map((c) => c.id)).toEqual([id]);
    expect(browser.data.get(BACKUP_KEY)).toBe(raw);
  });

  it('makes a new backup key rather than overwrite one', () => {
    browser.data.set(BACKUP_KEY, 'yesterday’s backup');
    browser.data.set(CLAIMS_STORAGE_KEY, 'not json');
    const store = browser.openTab();
    const key = store.getState().storageNotice?.backupKey;
    expect(key).toMatch(new RegExp(`^${CLAIMS_BACKUP_KEY_PREFIX}`));
    expect(key).not.toBe(BACKUP_KEY);
    expect(browser.data.get(BACKUP_KEY)).toBe('yesterday’s backup');
    expect(browser.data.get(key ?? '')).toBe('not json');
  });

  it('writes nothing to the main key when the backup cannot be written', () => {
    browser.full = () => true;
    browser.data.set(CLAIMS_STORAGE_KEY, 'not json');
    const store = browser.openTab();
    expect(store.getState().storageNotice).toEqual({
      kind: 'corrupted',
      message: expect.stringMatching(/could not be backed up/),
    });
    const id = added(store.getState().addClaim(abundantEvidence, 'open'));
    expect(store.getState().claims[id]).toBeDefined();
    expect(browser.data.get(CLAIMS_STORAGE_KEY)).toBe('not json');
    expect([...browser.data.keys()]).toEqual([CLAIMS_STORAGE_KEY]);
  });

  it('lets the reader dismiss the notice', () => {
    browser.data.set(CLAIMS_STORAGE_KEY, 'not json');
    const store = browser.openTab();
    store.getState().dismissStorageNotice();
    expect(store.getState().storageNotice).toBeNull();
  });
});

describe('when storage is full', () => {
  it('keeps claims in memory, says so, and saves once there is room again', () => {
    const store = browser.openTab();
    browser.full = () => true;
    let first = '';
    expect(() => {
      first = added(store.getState().addClaim(abundantEvidence, 'disputed'));
    }).not.toThrow();
    expect(store.getState().claims[first]).toBeDefined();
    expect(store.getState().storageNotice).toEqual({
      kind: 'storage-full',
      message: STORAGE_FULL_MESSAGE,
    });
    const second = added(store.getState().addClaim(aggressiveStatements, 'open'));
    expect(Object.keys(store.getState().claims)).toEqual([first, second]);
    expect(browser.data.has(CLAIMS_STORAGE_KEY)).toBe(false);

    browser.full = () => false;
    store.getState().setNote(second, 'Check the Foreign Office read-out.');
    expect(browser.saved().state.claims.map((c) => c.id)).toEqual([first, second]);
    expect(store.getState().storageNotice).toBeNull();
  });
});

describe('two tabs', () => {
  it('shows a claim made in one tab in the other', async () => {
    const tabA = browser.openTab();
    const tabB = browser.openTab();
    const id = added(tabA.getState().addClaim(abundantEvidence, 'disputed'));
    expect(tabB.getState().claims[id]).toBeUndefined();
    await storageEventsDelivered();
    expect(tabB.getState().claims[id]).toEqual(tabA.getState().claims[id]);
  });

  it('keeps concurrent edits of different claims from both tabs', async () => {
    const tabA = browser.openTab();
    const first = added(tabA.getState().addClaim(abundantEvidence, 'open'));
    const second = added(tabA.getState().addClaim(aggressiveStatements, 'open'));
    const tabB = browser.openTab();
    time += 1000;
    // Both edit before either hears of the other's write.
    tabA.getState().setStatus(first, 'disputed');
    tabB.getState().setNote(second, 'Lavrov’s words, per the press-conference transcript.');
    await storageEventsDelivered();
    for (const state of [tabA.getState(), tabB.getState(), browser.saved().state]) {
      const claims = Array.isArray(state.claims)
        ? Object.fromEntries(state.claims.map((c) => [c.id, c]))
        : state.claims;
      expect(claims[first]?.status).toBe('disputed');
      expect(claims[second]?.note).toBe('Lavrov’s words, per the press-conference transcript.');
    }
  });

  it('does not bring back a claim deleted in one tab when the other saves', async () => {
    const tabA = browser.openTab();
    const doomed = added(tabA.getState().addClaim(abundantEvidence, 'open'));
    const tabB = browser.openTab();
    expect(tabB.getState().claims[doomed]).toBeDefined();
    time += 1000;
    tabA.getState().deleteClaim(doomed);
    // Tab B saves before it hears of the deletion, still holding the claim.
    const kept = added(tabB.getState().addClaim(aggressiveStatements, 'disputed'));
    expect(browser.saved().state.claims.map((c) => c.id)).toEqual([kept]);
    await storageEventsDelivered();
    expect(Object.keys(tabA.getState().claims)).toEqual([kept]);
    expect(Object.keys(tabB.getState().claims)).toEqual([kept]);
    time += 1000;
    tabB.getState().setStatus(kept, 'confirmed');
    expect(browser.saved().state.claims.map((c) => c.id)).toEqual([kept]);
  });
});

describe('in the browser', () => {
  it('uses localStorage and hears other tabs through window storage events', () => {
    localStorage.setItem(
      CLAIMS_STORAGE_KEY,
      JSON.stringify({ version: 2, state: { claims: [savedClaim], tombstones: [] } }),
    );
    const store = createAppStore();
    expect(store.getState().claims[savedClaim.id]).toEqual(savedClaim);

    const other = {
      ...savedClaim,
      id: 'b7e0d1a2-5c3f-4e8a-9d16-0a4b2c8e7f31',
      target: aggressiveStatements,
    };
    const newValue = JSON.stringify({
      version: 2,
      state: { claims: [savedClaim, other], tombstones: [] },
    });
    window.dispatchEvent(
      new StorageEvent('storage', { key: CLAIMS_STORAGE_KEY, newValue, storageArea: localStorage }),
    );
    expect(store.getState().claims[other.id]).toEqual(other);
  });
});
