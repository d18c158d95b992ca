import { useStore } from 'zustand';
import { persist } from 'zustand/middleware';
import { createStore, type Mutate, type StoreApi } from 'zustand/vanilla';
import type { Claim, ClaimStatus, ClaimTarget } from '../core/claims/claim.ts';
import { CLAIMS_STORAGE_VERSION } from '../core/claims/claim-migrations.ts';
import { isEvidenceLink } from '../core/claims/claim-schema.ts';
import {
  editClaim,
  mergeClaimSets,
  stampAllFields,
  timestampAfter,
  type ClaimSet,
} from '../core/claims/claims-merge.ts';
import type { ClaimsBackup } from './storage/claims-backups.ts';
import {
  CLAIMS_STORAGE_KEY,
  createClaimsStorage,
  type ClaimsStorageArea,
  type StorageEventSource,
  type StorageNotice,
} from './storage/claims-storage.ts';
import {
  readDismissedSuggestions,
  writeDismissedSuggestions,
} from './suggestions/dismissed-suggestions.ts';
import { readReviewerName, writeReviewerName } from './interop/reviewer-name.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';
import { afterNextPaint } from './after-next-paint.ts';

/** The reader's claims (saved) and the storage notice (not saved), with their actions. */
export interface ClaimsSlice {
  claims: Record<string, Claim>;
  /** Claim id → ISO time of deletion, so other tabs do not bring deleted claims back. */
  tombstones: Record<string, string>;
  storageNotice: StorageNotice | null;
  /**
   * Creates a claim on `target` with `status` and returns its new id; null when saving is
   * refused (storage holds a newer version's data), after telling the reader why.
   */
  addClaim: (target: ClaimTarget, status: ClaimStatus) => string | null;
  setStatus: (id: string, status: ClaimStatus) => void;
  setNote: (id: string, note: string) => void;
  /** Replaces the evidence links; anything but http(s) addresses is left out. */
  setEvidence: (id: string, links: readonly string[]) => void;
  deleteClaim: (id: string) => void;
  /** Puts a deleted claim back (Undo), newer than its deletion. */
  restoreClaim: (claim: Claim) => void;
  dismissStorageNotice: () => void;
  /** Adds every given claim whose id is new, in one update; returns how many were added. */
  importClaims: (claims: readonly Claim[]) => number;
  /** Why edits are refused (storage holds a newer version's data), or null when they are not. */
  readOnlyReason: string | null;
  /** The backups of saved claims kept in this browser, newest first. */
  listBackups: () => ClaimsBackup[];
  /** Makes a backup the saved claims (the current ones are backed up first); null or an error. */
  restoreBackup: (key: string) => string | null;
  /** The name ClaimReview exports give as author (saved in this browser); '' when unset. */
  reviewerName: string;
  setReviewerName: (name: string) => void;
  /** Suggestion keys the reader dismissed (saved under their own key). */
  dismissedSuggestions: Readonly<Record<string, true>>;
  dismissSuggestion: (key: string) => void;
  /** Shows every dismissed suggestion again. */
  restoreSuggestions: () => void;
}

/** Everything in the app store. */
export type AppState = ClaimsSlice & UiSlice;

/** The vanilla app store, with persist's API. */
export type AppStore = Mutate<StoreApi<AppState>, [['zustand/persist', ClaimSet]]>;

/** Options for createAppStore, mainly for tests. */
export interface AppStoreOptions {
  /** Where other tabs' `storage` events arrive: default `window` in a browser; null for none. */
  readonly events?: StorageEventSource | null;
  /** Clock for timestamps, backup keys and tombstone expiry. */
  readonly now?: () => Date;
  /** When a change is written to storage: default after the next paint in a browser. */
  readonly scheduleWrite?: (write: () => void) => void;
}

const STORAGE_BLOCKED: StorageNotice = {
  kind: 'storage-full',
  message:
    'This browser does not let the app save data, so your claims are kept in this tab only — download them to keep a copy.',
};

function browserStorage(): { area?: ClaimsStorageArea; notice?: StorageNotice } {
  if (typeof window === 'undefined') return {};
  try {
    // Reading the property itself throws when the reader has blocked site data.
    return { area: window.localStorage };
  } catch {
    return { notice: STORAGE_BLOCKED };
  }
}

/** A new random claim id (a UUID). */
export function newClaimId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; a plain-http preview on a LAN address lacks it.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const groups = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20)];
  return [...groups, hex.slice(20)].join('-');
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

function sameNotice(a: StorageNotice | null, b: StorageNotice): boolean {
  return a?.kind === b.kind && a.message === b.message && a.backupKey === b.backupKey;
}

/** Creates an app store saving to `storage` (default: localStorage in a browser, none in Node). */
export function createAppStore(
  storage?: ClaimsStorageArea,
  options: AppStoreOptions = {},
): AppStore {
  const now = options.now ?? (() => new Date());
  const browser: { area?: ClaimsStorageArea; notice?: StorageNotice } =
    storage === undefined ? browserStorage() : { area: storage };
  const inBrowser = storage === undefined && typeof window !== 'undefined';
  const claimsStorage = createClaimsStorage(browser.area, {
    now,
    scheduleWrite:
      options.scheduleWrite ?? (inBrowser ? (write) => void afterNextPaint(write) : undefined),
  });
  if (inBrowser) {
    // A change made just before the tab closes or is hidden is written at once.
    window.addEventListener('pagehide', () => claimsStorage.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') claimsStorage.flush();
    });
  }

  const store = createStore<AppState>()(
    persist(
      (set, get, api) => {
        // Nothing is changed while storage holds a newer app's data: it would be lost on reload.
        const refused = (): boolean => {
          const reason = claimsStorage.readOnlyReason();
          if (reason === null) return false;
          get().showToast(reason);
          return true;
        };
        const edit = (
          id: string,
          change: (claim: Claim) => Partial<Pick<Claim, 'status' | 'note' | 'evidence'>> | null,
        ) => {
          const claim = Object.hasOwn(get().claims, id) ? get().claims[id] : undefined;
          if (!claim || !change(claim) || refused()) return;
          set((s) => {
            const current = Object.hasOwn(s.claims, id) ? s.claims[id] : undefined;
            const patch = current && change(current);
            if (!current || !patch) return s;
            const at = timestampAfter(now(), current.updatedAt);
            return { claims: { ...s.claims, [id]: editClaim(current, patch, at) } };
          });
        };
        return {
          ...createUiSlice(set, get, api),
          claims: {},
          tombstones: {},
          storageNotice: null,
          addClaim: (target, status) => {
            if (refused()) return null;
            const id = newClaimId();
            const at = now().toISOString();
            const claim: Claim = {
              id,
              target,
              status,
              note: '',
              evidence: [],
              createdAt: at,
              updatedAt: at,
            };
            set((s) => ({ claims: { ...s.claims, [id]: claim } }));
            return id;
          },
          setStatus: (id, status) => edit(id, (c) => (c.status === status ? null : { status })),
          setNote: (id, note) => edit(id, (c) => (c.note === note ? null : { note })),
          setEvidence: (id, links) =>
            edit(id, (c) => {
              // The editor checks links first; this stops a bad one making the claim unreadable.
              const evidence = links.filter(isEvidenceLink);
              const same =
                evidence.length === c.evidence.length &&
                evidence.every((link, i) => link === c.evidence[i]);
              return same ? null : { evidence };
            }),
          deleteClaim: (id) => {
            if (!Object.hasOwn(get().claims, id) || refused()) return;
            set((s) => {
              const claim = Object.hasOwn(s.claims, id) ? s.claims[id] : undefined;
              if (!claim) return s;
              const deletedAt = timestampAfter(now(), claim.updatedAt);
              return {
                claims: without(s.claims, id),
                tombstones: { ...s.tombstones, [id]: deletedAt },
              };
            });
          },
          restoreClaim: (claim) => {
            if (refused()) return;
            set((s) => {
              const updatedAt = timestampAfter(
                now(),
                claim.updatedAt,
                Object.hasOwn(s.claims, claim.id) ? s.claims[claim.id]?.updatedAt : undefined,
                Object.hasOwn(s.tombstones, claim.id) ? s.tombstones[claim.id] : undefined,
              );
              // Every field is stamped, so the restored claim beats edits older than the Undo.
              return {
                claims: { ...s.claims, [claim.id]: stampAllFields(claim, updatedAt) },
                tombstones: without(s.tombstones, claim.id),
              };
            });
          },
          dismissedSuggestions: Object.fromEntries(
            readDismissedSuggestions(browser.area).map((key) => [key, true as const]),
          ),
          dismissSuggestion: (key) =>
            set((s) => ({ dismissedSuggestions: { ...s.dismissedSuggestions, [key]: true } })),
          restoreSuggestions: () => set({ dismissedSuggestions: {} }),
          importClaims: (incoming) => {
            const have = get().claims;
            const byId = new Map(
              incoming.filter((c) => !Object.hasOwn(have, c.id)).map((c) => [c.id, c]),
            );
            const fresh = [...byId.values()];
            if (fresh.length === 0 || refused()) return 0;
            set((s) => {
              // A Map, not an object: an id such as `__proto__` must become an ordinary key.
              const claims = new Map(Object.entries(s.claims));
              const freshIds = new Set(fresh.map((c) => c.id));
              const tombstones = Object.fromEntries(
                Object.entries(s.tombstones).filter(([id]) => !freshIds.has(id)),
              );
              for (const claim of fresh) {
                const deletedAt = Object.hasOwn(s.tombstones, claim.id)
                  ? s.tombstones[claim.id]
                  : undefined;
                // Imported on purpose: it must outlive an earlier deletion, here and in other tabs.
                claims.set(
                  claim.id,
                  deletedAt === undefined
                    ? claim
                    : stampAllFields(claim, timestampAfter(now(), claim.updatedAt, deletedAt)),
                );
              }
              return { claims: Object.fromEntries(claims), tombstones };
            });
            return fresh.length;
          },
          readOnlyReason: null,
          listBackups: () => claimsStorage.listBackups(),
          restoreBackup: (key) => {
            const result = claimsStorage.restoreBackup(key);
            if (!result.ok) return result.error;
            claimsStorage.silently(() =>
              api.setState({
                claims: { ...result.set.claims },
                tombstones: { ...result.set.tombstones },
                readOnlyReason: claimsStorage.readOnlyReason(),
                storageNotice: null,
              }),
            );
            return null;
          },
          reviewerName: readReviewerName(browser.area),
          setReviewerName: (name) => {
            // Kept as typed (a space between names is typed before the surname); trimmed on use.
            set({ reviewerName: name });
            writeReviewerName(browser.area, name.trim());
          },
          dismissStorageNotice: () =>
            claimsStorage.silently(() => api.setState({ storageNotice: null })),
        };
      },
      {
        name: CLAIMS_STORAGE_KEY,
        version: CLAIMS_STORAGE_VERSION,
        storage: claimsStorage,
        partialize: (s): ClaimSet => ({ claims: s.claims, tombstones: s.tombstones }),
        migrate: (persisted, version) => claimsStorage.migrate(persisted, version),
        merge: (persisted, current) => {
          if (!persisted) return current;
          // The claims storage hands persist nothing but ClaimSets (from getItem or migrate).
          const merged = mergeClaimSets(current, persisted as ClaimSet, now());
          return { ...current, claims: merged.claims, tombstones: merged.tombstones };
        },
      },
    ),
  );

  // Updates that come from storage itself are not written back.
  const quietly = (update: (s: AppState) => AppState | Partial<AppState>) =>
    claimsStorage.silently(() => store.setState(update));
  claimsStorage.connect({
    notice: (notice) =>
      quietly((s) =>
        sameNotice(s.storageNotice, notice) && s.readOnlyReason === claimsStorage.readOnlyReason()
          ? s
          : { storageNotice: notice, readOnlyReason: claimsStorage.readOnlyReason() },
      ),
    saved: () =>
      quietly((s) => (s.storageNotice?.kind === 'storage-full' ? { storageNotice: null } : s)),
    incoming: (incoming) =>
      quietly((s) => {
        const merged = mergeClaimSets(s, incoming, now());
        return merged.claims === s.claims && merged.tombstones === s.tombstones
          ? s
          : { claims: merged.claims, tombstones: merged.tombstones };
      }),
  });
  if (browser.notice) {
    const { notice } = browser;
    quietly(() => ({ storageNotice: notice }));
  }
  const events =
    options.events !== undefined ? options.events : typeof window === 'undefined' ? null : window;
  if (events) claimsStorage.listen(events);
  store.subscribe((state, previous) => {
    if (state.dismissedSuggestions !== previous.dismissedSuggestions) {
      writeDismissedSuggestions(browser.area, Object.keys(state.dismissedSuggestions));
    }
  });
  return store;
}

/** The app's one store; in Node (pre-rendering) it starts empty and saves nothing. */
export const appStore: AppStore = createAppStore();

// Each change to a claim makes a new `claims` record, and every store change asks each selector
// again: counting a record's keys once, not once per component and change, saves about 70 µs a
// call at 2,000 claims (Node 20, this machine).
const claimsRecordHasClaims = new WeakMap<AppState['claims'], boolean>();

/** Whether the reader has a claim of their own: a selector for the components that ask. */
export function hasAnyClaim(state: AppState): boolean {
  let has = claimsRecordHasClaims.get(state.claims);
  if (has === undefined) {
    has = Object.keys(state.claims).length > 0;
    claimsRecordHasClaims.set(state.claims, has);
  }
  return has;
}

/** Reads from the app store in a component, re-rendering when the selected value changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
