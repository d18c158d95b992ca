/** What the browser says about this site's storage. */
export interface StorageState {
  /** True: the browser will not clear it under pressure; null: the browser cannot say. */
  readonly persisted: boolean | null;
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
}

/** Reads whether storage is persistent, and how much is used of how much. */
export async function readStorageState(): Promise<StorageState> {
  const manager = typeof navigator === 'undefined' ? undefined : navigator.storage;
  let persisted: boolean | null = null;
  let usageBytes: number | null = null;
  let quotaBytes: number | null = null;
  try {
    if (typeof manager?.persisted === 'function') persisted = await manager.persisted();
    if (typeof manager?.estimate === 'function') {
      const estimate = await manager.estimate();
      usageBytes = estimate.usage ?? null;
      quotaBytes = estimate.quota ?? null;
    }
  } catch {
    // Some browsers refuse in private windows: the state is simply unknown.
  }
  return { persisted, usageBytes, quotaBytes };
}

/** Asks the browser to keep this site's storage (it may grant it silently, ask, or refuse). */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const manager = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (typeof manager?.persist !== 'function') return null;
  try {
    return await manager.persist();
  } catch {
    return null;
  }
}
