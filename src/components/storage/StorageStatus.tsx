import { useEffect, useState } from 'react';
import {
  readStorageState,
  requestPersistentStorage,
  type StorageState,
} from '../../dom/storage/persistent-storage.ts';
import { hasAnyClaim, useAppStore } from '../../store/app-store.ts';
import { RestoreBackup } from './RestoreBackup.tsx';

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;
}

/**
 * Asks for persistent storage once the reader has claims, and says in the page footer how safe
 * the saved claims are from the browser's clean-ups.
 */
export function StorageStatus() {
  const hasClaims = useAppStore(hasAnyClaim);
  const [state, setState] = useState<StorageState | null>(null);

  useEffect(() => {
    let cancelled = false;
    const update = async () => {
      if (hasClaims) await requestPersistentStorage();
      const next = await readStorageState();
      if (!cancelled) setState(next);
    };
    void update();
    return () => {
      cancelled = true;
    };
  }, [hasClaims]);

  const persistence =
    state === null
      ? 'Checking…'
      : state.persisted === true
        ? 'Persistent: the browser will not clear your claims to free space.'
        : state.persisted === false
          ? hasClaims
            ? 'Not persistent: the browser declined, so it may clear saved claims when space runs low. Export them to keep a copy.'
            : 'Not persistent yet: the app asks the browser to keep your claims once you make one.'
          : 'This browser does not say whether it keeps saved data.';
  return (
    <details className="mx-auto max-w-[92rem] px-4 py-6 text-sm sm:px-6">
      <summary className="cursor-pointer font-semibold">About this reader and your storage</summary>
      <p className="mt-2">
        Your claims are kept only in this browser (localStorage), and articles you add in its
        IndexedDB; nothing is sent anywhere. Links you share carry what they show in the link
        itself.
      </p>
      <p className="mt-1" data-testid="storage-persistence">
        Storage: {persistence}
      </p>
      {state?.usageBytes != null && state.quotaBytes != null && (
        <p className="mt-1">
          This site uses {kilobytes(state.usageBytes)} of {kilobytes(state.quotaBytes)} available
          (claims and added articles).
        </p>
      )}
      <RestoreBackup />
    </details>
  );
}
