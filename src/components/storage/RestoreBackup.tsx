import { useId, useRef, useState } from 'react';
import type { ClaimsBackup } from '../../store/storage/claims-backups.ts';
import { useAppStore } from '../../store/app-store.ts';

const BUTTON =
  'min-h-11 rounded-md border border-stone-400 px-3 text-sm font-semibold hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-stone-500 dark:hover:bg-stone-700';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function when(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateFormat.format(time);
}

function contents(backup: ClaimsBackup): string {
  if (backup.claimCount === null) return 'cannot be read';
  const claims = `${backup.claimCount} ${backup.claimCount === 1 ? 'claim' : 'claims'}`;
  return backup.newer ? `${claims}, saved by a newer version` : claims;
}

/** "Restore from backup": lists the backups in this browser and restores one after confirming. */
export function RestoreBackup() {
  const listBackups = useAppStore((s) => s.listBackups);
  const restoreBackup = useAppStore((s) => s.restoreBackup);
  const showToast = useAppStore((s) => s.showToast);
  const [backups, setBackups] = useState<ClaimsBackup[] | null>(null);
  const [chosen, setChosen] = useState<ClaimsBackup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement | null>(null);
  const headingId = useId();
  const dialogTitleId = useId();

  const choose = (backup: ClaimsBackup) => {
    setChosen(backup);
    setError(null);
    dialogRef.current?.showModal();
  };
  const close = () => {
    dialogRef.current?.close();
    setChosen(null);
  };
  const restore = () => {
    if (!chosen) return;
    const problem = restoreBackup(chosen.key);
    if (problem !== null) {
      setError(problem);
      return;
    }
    close();
    setBackups(listBackups());
    showToast(`Backup from ${when(chosen.savedAt)} restored (${contents(chosen)})`);
  };

  return (
    <section aria-labelledby={headingId} className="mt-3">
      <h3 id={headingId} className="font-semibold">
        Backups
      </h3>
      <p className="mt-1">
        The app keeps a copy of saved claims in this browser before anything could replace them.
      </p>
      <button type="button" className={`${BUTTON} mt-2`} onClick={() => setBackups(listBackups())}>
        Restore from backup…
      </button>
      {backups !== null &&
        (backups.length === 0 ? (
          <p className="mt-2" role="status">
            There are no backups in this browser.
          </p>
        ) : (
          <ul className="mt-2 space-y-2" aria-label="Backups">
            {backups.map((backup) => (
              <li key={backup.key} className="flex flex-wrap items-center gap-2">
                <span>
                  <time dateTime={backup.savedAt}>{when(backup.savedAt)}</time> — {contents(backup)}
                </span>
                {backup.claimCount !== null && (
                  <button
                    type="button"
                    className={BUTTON}
                    aria-label={`Restore backup from ${when(backup.savedAt)} (${contents(backup)})`}
                    onClick={() => choose(backup)}
                  >
                    Restore
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      <dialog
        ref={dialogRef}
        aria-labelledby={dialogTitleId}
        onClose={() => setChosen(null)}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-stone-300 bg-white p-4 text-sm text-stone-900 backdrop:bg-black/40 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100"
      >
        <h2 id={dialogTitleId} className="text-base font-bold">
          Restore this backup?
        </h2>
        {chosen && (
          <p className="mt-2">
            Your claims will be replaced by the backup from {when(chosen.savedAt)} (
            {contents(chosen)}). What is saved now is kept as a new backup first, so you can go back
            to it.
          </p>
        )}
        {error && (
          <p role="alert" className="mt-2 font-semibold">
            {error}
          </p>
        )}
        <div className="mt-3 flex gap-2">
          <button
            type="button"
            onClick={restore}
            className="min-h-11 rounded-md bg-teal-800 px-3 font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 dark:bg-teal-300 dark:text-teal-950"
          >
            Restore
          </button>
          <button type="button" className={BUTTON} onClick={close}>
            Cancel
          </button>
        </div>
      </dialog>
    </section>
  );
}
