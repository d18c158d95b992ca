import * as v from 'valibot';
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import {
  CLAIMS_STORAGE_VERSION,
  migrateClaims,
  readCurrentClaimsState,
  type MigrationResult,
} from '../../core/claims/claim-migrations.ts';
import { storedEnvelopeSchema } from '../../core/claims/claim-schema.ts';
import { BACKUP_KEY_PREFIX, listClaimsBackups, type ClaimsBackup } from './claims-backups.ts';
import {
  claimSetFromDocument,
  claimSetToDocument,
  mergeClaimSets,
  type ClaimSet,
} from '../../core/claims/claims-merge.ts';

/** localStorage key of the saved claims document. */
export const CLAIMS_STORAGE_KEY = 'fact-check-reader:claims';

/** Prefix of the keys that keep unreadable saved data; an ISO timestamp follows it. */
export const CLAIMS_BACKUP_KEY_PREFIX = BACKUP_KEY_PREFIX;

/** What went wrong with saved claims, for the notice banner. */
export type StorageNoticeKind =
  'corrupted' | 'future-version' | 'storage-full' | 'unreadable-claims';

/** A storage problem to show the reader; `backupKey` names where unreadable data was kept. */
export interface StorageNotice {
  readonly kind: StorageNoticeKind;
  readonly message: string;
  readonly backupKey?: string;
}

/** The parts of Web Storage this layer uses (window.localStorage in the browser). */
export type ClaimsStorageArea = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> &
  Partial<Pick<Storage, 'key' | 'length'>>;

/** Where `storage` events arrive (window in the browser). */
export type StorageEventSource = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** How the storage layer talks back to the store. */
export interface ClaimsStorageSink {
  /** A problem to show the reader. */
  notice(notice: StorageNotice): void;
  /** Saving works again after a failed write. */
  saved(): void;
  /** Claims found in storage (another tab's) that the store should merge into its own. */
  incoming(set: ClaimSet): void;
}

/** zustand PersistStorage over a Web Storage area, with backups, merging and cross-tab sync. */
export interface ClaimsStorage extends PersistStorage<ClaimSet, void> {
  /** Reads synchronously, so the store is hydrated as soon as it is created. */
  getItem(name: string): StorageValue<ClaimSet> | null;
  /** For persist's `migrate`: brings an older saved state to the current version. */
  migrate(persisted: unknown, version: number): ClaimSet;
  /** Starts delivering notices and incoming claims (those raised before are queued). */
  connect(sink: ClaimsStorageSink): void;
  /** Runs `fn` without writing: for store updates that come from storage or are not saved. */
  silently(fn: () => void): void;
  /** Merges other tabs' writes as their `storage` events arrive; returns the unsubscribe. */
  listen(source: StorageEventSource): () => void;
  /** Writes a scheduled save now (when the page is hidden or closing). */
  flush(): void;
  /** Why nothing may be saved from this tab (storage holds a newer version's data), or null. */
  readOnlyReason(): string | null;
  /** The backups kept in this browser, newest first. */
  listBackups(): ClaimsBackup[];
  /**
   * Puts a backup back as the saved claims (what was saved before becomes a backup itself) and
   * returns the claims it holds, which replace the store's.
   */
  restoreBackup(key: string): { ok: true; set: ClaimSet } | { ok: false; error: string };
}

/** Options for createClaimsStorage. */
export interface ClaimsStorageOptions {
  /** Clock for backup keys and tombstone expiry. */
  readonly now?: () => Date;
  /** Runs a pending write later (e.g. after the next paint); default: at once. */
  readonly scheduleWrite?: (write: () => void) => void;
}

/** Shown when writing fails for lack of space; the claims stay in memory. */
export const STORAGE_FULL_MESSAGE =
  "Your browser's storage is full. Your claims are kept in this tab only until you free space — download them to keep a copy.";

const WRITE_FAILED_MESSAGE =
  'Your browser would not let this app save. Your claims are kept in this tab only — download them to keep a copy.';

const BACKUP_FAILED_MESSAGE =
  "It could not be backed up because your browser's storage is full, so nothing will be saved from this tab until you free space — download your claims to keep a copy.";

type Problem = { kind: StorageNoticeKind; message: string };

type Reading =
  | { ok: true; set: ClaimSet; unreadable: number; extra: Envelope | null }
  | { ok: false; newer?: false; problem: Problem }
  | NewerVersion;

type Envelope = v.InferOutput<typeof storedEnvelopeSchema>;

type Inspection =
  { ok: true; envelope: Envelope } | { ok: false; newer?: false; problem: Problem } | NewerVersion;

const EMPTY: ClaimSet = { claims: {}, tombstones: {} };

const FUTURE_VERSION: Problem = {
  kind: 'future-version',
  message:
    'Your claims were saved by a newer version of this app. This page shows what it can read of them but will not change them, so nothing the newer version saved is lost. Reload the page to get the newest version.',
};

/** Shown when an edit is refused because storage holds a newer version's data. */
export const NEWER_VERSION_REFUSAL =
  'Not saved: your claims were saved by a newer version of this app, and this page will not change them. Reload the page to get the newest version.';

type NewerVersion = { ok: false; newer: true; set: ClaimSet; problem: Problem };

// A newer app's document: the claims this version can read are shown; the rest stay in storage.
function readNewer(state: unknown, now: Date): ClaimSet {
  const readable = readCurrentClaimsState(state);
  return readable.ok ? claimSetFromDocument(readable.state, now) : EMPTY;
}

function inspect(raw: string, now: Date): Inspection {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return {
      ok: false,
      problem: {
        kind: 'corrupted',
        message: 'Your saved claims could not be read: the stored data is damaged.',
      },
    };
  }
  const envelope = v.safeParse(storedEnvelopeSchema, json);
  if (!envelope.success) {
    return {
      ok: false,
      problem: {
        kind: 'corrupted',
        message:
          "The data saved under this app's key is not in a form this app knows (it may belong to another app), so no saved claims are shown.",
      },
    };
  }
  if (envelope.output.version > CLAIMS_STORAGE_VERSION) {
    return {
      ok: false,
      newer: true,
      set: readNewer(envelope.output.state, now),
      problem: FUTURE_VERSION,
    };
  }
  return { ok: true, envelope: envelope.output };
}

function migrationProblem(result: MigrationResult & { ok: false }): Problem {
  return result.problem === 'future-version'
    ? FUTURE_VERSION
    : {
        kind: 'corrupted',
        message: 'Your saved claims could not be read: they are not in a form this app knows.',
      };
}

function unreadableProblem(count: number): Problem {
  return {
    kind: 'unreadable-claims',
    message:
      count === 1
        ? 'One saved claim could not be read and is not shown.'
        : `${count} saved claims could not be read and are not shown.`,
  };
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  // Safari and old Chrome report code 22, old Firefox its own name.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

function storageEventFields(
  event: Event,
): { key: string | null; newValue: string | null; storageArea: unknown } | null {
  if (!('key' in event) || !('newValue' in event) || !('storageArea' in event)) return null;
  const { key, newValue, storageArea } = event;
  if (key !== null && typeof key !== 'string') return null;
  if (newValue !== null && typeof newValue !== 'string') return null;
  return { key, newValue, storageArea };
}

/** Creates the claims storage over `area`; with none (pre-rendering) nothing is read or saved. */
export function createClaimsStorage(
  area: ClaimsStorageArea | undefined,
  options: ClaimsStorageOptions = {},
): ClaimsStorage {
  // Unreadable saved data (not JSON, not this app's, a newer version, single bad claims) is
  // copied to a new backup key before anything may replace it, so nothing the reader saved is
  // lost; once it is backed up, the reader's current claims may be written over it. If the
  // backup cannot be written, the main key is left alone until it can.
  const now = options.now ?? (() => new Date());
  // Raw values already copied to a backup, so each is kept once, under its own key.
  const backups = new Map<string, string>();
  let lastRead: string | null = null;
  // A newer app's document seen in storage: while set, this tab writes nothing over it.
  let newer: string | null = null;
  let lastSaved: ClaimSet | null = null;
  // The document this tab last wrote: while storage still holds it, saving need not re-read it.
  let lastWritten: { raw: string; extra: Envelope | null } | null = null;
  let pending: { key: string; mine: ClaimSet } | null = null;
  const scheduleWrite = options.scheduleWrite ?? ((write: () => void) => write());
  let writeFailed = false;
  let muted = 0;
  let sink: ClaimsStorageSink | null = null;
  const queued: ((sink: ClaimsStorageSink) => void)[] = [];

  function emit(send: (sink: ClaimsStorageSink) => void): void {
    if (sink) send(sink);
    else queued.push(send);
  }

  function safeRead(key: string): string | null {
    try {
      return area?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  function writeBackup(raw: string): string | null {
    if (!area) return null;
    let t = now().getTime();
    // Never overwrite an earlier backup: step the timestamp until the key is free.
    for (let tries = 0; tries < 1000; tries++, t++) {
      const key = CLAIMS_BACKUP_KEY_PREFIX + new Date(t).toISOString();
      if (safeRead(key) !== null) continue;
      try {
        area.setItem(key, raw);
        return key;
      } catch {
        return null;
      }
    }
    return null;
  }

  // False when the backup could not be written: the caller must then leave `raw` in place.
  function protect(raw: string, problem: Problem): boolean {
    const known = backups.get(raw);
    const backupKey = known ?? writeBackup(raw);
    if (backupKey === null) {
      emit((s) =>
        s.notice({ kind: problem.kind, message: `${problem.message} ${BACKUP_FAILED_MESSAGE}` }),
      );
      return false;
    }
    if (known === undefined) {
      backups.set(raw, backupKey);
      emit((s) => s.notice({ ...problem, backupKey }));
    }
    return true;
  }

  function accept(raw: string, result: MigrationResult): ClaimSet {
    if (!result.ok) {
      protect(raw, migrationProblem(result));
      return EMPTY;
    }
    if (result.unreadable.length > 0) protect(raw, unreadableProblem(result.unreadable.length));
    return claimSetFromDocument(result.state, now());
  }

  function read(raw: string): Reading {
    const inspection = inspect(raw, now());
    if (!inspection.ok) return inspection;
    const { envelope } = inspection;
    const result = migrateClaims(envelope.state, envelope.version);
    if (!result.ok) return { ok: false, problem: migrationProblem(result) };
    return {
      ok: true,
      set: claimSetFromDocument(result.state, now()),
      unreadable: result.unreadable.length,
      extra: envelope.version === CLAIMS_STORAGE_VERSION ? envelope : null,
    };
  }

  function meetNewer(raw: string, reading: NewerVersion): void {
    const first = newer === null;
    newer = raw;
    // The backup is a second copy for "Restore from backup"; the stored value itself is kept.
    protect(raw, reading.problem);
    if (first) emit((s) => s.incoming(reading.set));
  }

  function save(key: string, mine: ClaimSet): void {
    if (newer !== null) return;
    const raw = safeRead(key);
    let merged = mine;
    let extra: Envelope | null = null;
    if (raw !== null && raw === lastWritten?.raw) {
      // Nothing else wrote since: this tab's state already includes what is stored.
      extra = lastWritten.extra;
    } else if (raw !== null) {
      const stored = read(raw);
      if (!stored.ok && stored.newer) {
        // Another tab of a newer app wrote meanwhile: keep its data, refuse to write over it.
        meetNewer(raw, stored);
        return;
      } else if (!stored.ok) {
        if (!protect(raw, stored.problem)) return;
      } else {
        if (stored.unreadable > 0 && !protect(raw, unreadableProblem(stored.unreadable))) return;
        merged = mergeClaimSets(mine, stored.set, now());
        extra = stored.extra;
      }
    }
    // Fields a newer app added to the document are carried over, like unknown claim fields.
    const document = JSON.stringify({
      ...extra,
      version: CLAIMS_STORAGE_VERSION,
      state: { ...extra?.state, ...claimSetToDocument(merged) },
    });
    if (document !== raw) {
      try {
        area?.setItem(key, document);
        lastWritten = { raw: document, extra };
      } catch (error) {
        writeFailed = true;
        const message = isQuotaError(error) ? STORAGE_FULL_MESSAGE : WRITE_FAILED_MESSAGE;
        emit((s) => s.notice({ kind: 'storage-full', message }));
        return;
      }
    } else {
      lastWritten = { raw: document, extra };
    }
    lastSaved = mine;
    if (writeFailed) {
      writeFailed = false;
      emit((s) => s.saved());
    }
    if (merged.claims !== mine.claims || merged.tombstones !== mine.tombstones) {
      emit((s) => s.incoming(merged));
    }
  }

  function flush(): void {
    const write = pending;
    pending = null;
    if (write) save(write.key, write.mine);
  }

  return {
    getItem(key) {
      const raw = safeRead(key);
      lastRead = raw;
      if (raw === null) return null;
      const inspection = inspect(raw, now());
      if (!inspection.ok && inspection.newer) {
        newer = raw;
        protect(raw, inspection.problem);
        return { version: CLAIMS_STORAGE_VERSION, state: inspection.set };
      }
      if (!inspection.ok) {
        protect(raw, inspection.problem);
        return null;
      }
      // Older documents are migrated here rather than in persist's `migrate`, so loading never
      // writes: an older tab still open on the old document keeps reading it until an edit.
      const { version, state } = inspection.envelope;
      return { version: CLAIMS_STORAGE_VERSION, state: accept(raw, migrateClaims(state, version)) };
    },

    setItem(key, value: StorageValue<ClaimSet>) {
      if (muted > 0 || !area) return;
      const mine = value.state;
      const unchanged =
        lastSaved !== null &&
        lastSaved.claims === mine.claims &&
        lastSaved.tombstones === mine.tombstones;
      // Persist saves on every store update; only claim changes (or a retry) need a write.
      if (unchanged && !writeFailed) {
        pending = null;
        return;
      }
      const scheduled = pending !== null;
      pending = { key, mine };
      if (!scheduled) scheduleWrite(flush);
    },

    flush,

    removeItem(key) {
      try {
        area?.removeItem(key);
      } catch {
        // Nothing to keep: the reader asked for the saved claims to go.
      }
    },

    readOnlyReason() {
      return newer === null ? null : NEWER_VERSION_REFUSAL;
    },

    listBackups() {
      return listClaimsBackups(area);
    },

    restoreBackup(backupKey) {
      flush();
      const raw = safeRead(backupKey);
      if (raw === null) return { ok: false, error: 'That backup is no longer in this browser.' };
      const reading = read(raw);
      const set = reading.ok || reading.newer ? reading.set : null;
      if (set === null) {
        return { ok: false, error: 'That backup cannot be read by this version of the app.' };
      }
      // What is stored now is kept as a backup of its own, so restoring can itself be undone.
      const current = safeRead(CLAIMS_STORAGE_KEY);
      if (current !== null && current !== raw && writeBackup(current) === null) {
        return { ok: false, error: `Nothing was restored: ${BACKUP_FAILED_MESSAGE}` };
      }
      try {
        area?.setItem(CLAIMS_STORAGE_KEY, raw);
      } catch {
        return {
          ok: false,
          error: 'Nothing was restored: your browser would not let this app save.',
        };
      }
      newer = reading.ok ? null : raw;
      lastWritten = reading.ok ? { raw, extra: reading.extra } : null;
      lastSaved = set;
      return { ok: true, set };
    },

    migrate(persisted, version) {
      const raw = lastRead ?? JSON.stringify({ version, state: persisted });
      return accept(raw, migrateClaims(persisted, version));
    },

    connect(next) {
      sink = next;
      for (const send of queued.splice(0)) send(next);
    },

    silently(fn) {
      muted++;
      try {
        fn();
      } finally {
        muted--;
      }
    },

    listen(source) {
      const onStorage = (event: Event) => {
        const fields = storageEventFields(event);
        if (!fields || fields.key !== CLAIMS_STORAGE_KEY || fields.storageArea !== area) return;
        if (fields.newValue === null) return;
        const stored = read(fields.newValue);
        // An unreadable value is backed up by the next save here, before it is replaced.
        if (stored.ok) emit((s) => s.incoming(stored.set));
        else if (stored.newer) meetNewer(fields.newValue, stored);
      };
      source.addEventListener('storage', onStorage);
      return () => source.removeEventListener('storage', onStorage);
    },
  };
}
