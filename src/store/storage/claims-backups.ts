import * as v from 'valibot';
import { CLAIMS_STORAGE_VERSION } from '../../core/claims/claim-migrations.ts';
import { storedEnvelopeSchema } from '../../core/claims/claim-schema.ts';
import type { ClaimsStorageArea } from './claims-storage.ts';

/** Prefix of the keys that keep saved data before anything replaces it; an ISO time follows. */
export const BACKUP_KEY_PREFIX = 'fact-check-reader:claims:backup:';

/** One backup in this browser, as "Restore from backup" lists it. */
export interface ClaimsBackup {
  readonly key: string;
  /** When the backup was made (from its key), ISO 8601. */
  readonly savedAt: string;
  /** Claims in it, or null when its data cannot be read at all. */
  readonly claimCount: number | null;
  /** Saved by a newer version of the app (restoring it makes this page read-only again). */
  readonly newer: boolean;
}

function describeBackup(key: string, raw: string): ClaimsBackup {
  const savedAt = key.slice(BACKUP_KEY_PREFIX.length);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { key, savedAt, claimCount: null, newer: false };
  }
  const envelope = v.safeParse(storedEnvelopeSchema, json);
  if (!envelope.success) return { key, savedAt, claimCount: null, newer: false };
  const { version, state } = envelope.output;
  const claims = Object.hasOwn(state, 'claims') ? state['claims'] : undefined;
  return {
    key,
    savedAt,
    claimCount: Array.isArray(claims) ? claims.length : null,
    newer: version > CLAIMS_STORAGE_VERSION,
  };
}

/** The claims backups kept in `area`, newest first (none when the area cannot list its keys). */
export function listClaimsBackups(area: ClaimsStorageArea | undefined): ClaimsBackup[] {
  if (!area?.key || area.length === undefined) return [];
  const backups: ClaimsBackup[] = [];
  try {
    for (let i = 0; i < area.length; i++) {
      const key = area.key(i);
      if (key === null || !key.startsWith(BACKUP_KEY_PREFIX)) continue;
      const raw = area.getItem(key);
      if (raw !== null) backups.push(describeBackup(key, raw));
    }
  } catch {
    // Storage that cannot be read has no backups to offer.
    return [];
  }
  return backups.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
}
