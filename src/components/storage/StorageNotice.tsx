import { useMemo } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import { downloadClaimsBackup } from '../interop/download-claims.ts';
import { useLoadedArticles } from '../reader/use-reader-data.ts';

/** Tells the reader when saved claims could not be read or written, and how nothing is lost. */
export function StorageNotice() {
  const notice = useAppStore((s) => s.storageNotice);
  const dismiss = useAppStore((s) => s.dismissStorageNotice);
  const claims = useAppStore((s) => s.claims);
  const { loaded } = useLoadedArticles();
  const articles = useMemo(
    () => new Map([...loaded].map(([id, entry]) => [id, entry.article])),
    [loaded],
  );
  if (!notice) return null;
  return (
    <div
      role="alert"
      className="border-b-2 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950 sm:px-6 dark:border-amber-300 dark:bg-amber-950 dark:text-amber-50"
    >
      <div className="mx-auto flex max-w-[92rem] flex-wrap items-center gap-3">
        <p className="min-w-0 flex-1">
          <span aria-hidden="true">⚠ </span>
          {notice.message}
          {notice.backupKey && (
            <>
              {' '}
              {notice.kind === 'future-version'
                ? 'A copy is also kept in this browser under the key'
                : 'The unreadable data is kept in this browser under the key'}{' '}
              <code className="font-mono break-all">{notice.backupKey}</code>.
            </>
          )}
        </p>
        <button
          type="button"
          onClick={() => void downloadClaimsBackup(Object.values(claims), articles)}
          className="min-h-11 rounded-md bg-amber-800 px-3 font-semibold text-white dark:bg-amber-200 dark:text-amber-950"
        >
          Download my claims
        </button>
        <button type="button" onClick={dismiss} className="min-h-11 rounded-md px-3 underline">
          Dismiss
        </button>
      </div>
    </div>
  );
}
