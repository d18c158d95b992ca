import type { JobStatus } from './counterpart-client.ts';

const BUTTON =
  'min-h-11 rounded-md border border-stone-400 px-3 font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700';

/**
 * A comparison not yet done: "Comparing…" (with how far and Cancel once it takes a while), or
 * why it stopped, with Retry.
 */
export function CompareProgress({
  status,
  onCancel,
  onRetry,
  className = '',
}: {
  status: Exclude<JobStatus<unknown>, { state: 'done' }>;
  onCancel: () => void;
  onRetry: () => void;
  className?: string;
}) {
  if (status.state === 'pending') {
    const { progress, slow } = status;
    const known = slow && progress !== null && progress.total > 0;
    return (
      <div className={`flex flex-wrap items-center gap-2 ${className}`}>
        <span role="status">Comparing…</span>
        {known && (
          <>
            <progress
              max={progress.total}
              value={progress.done}
              aria-label="Comparing"
              className="h-2 w-32"
            />
            <span>
              {Math.floor((100 * progress.done) / progress.total)}%
              <span className="sr-only"> compared</span>
            </span>
          </>
        )}
        {slow && (
          <button type="button" onClick={onCancel} className={BUTTON}>
            Cancel<span className="sr-only"> comparing</span>
          </button>
        )}
      </div>
    );
  }
  return (
    <div className={`flex flex-wrap items-center gap-2 ${className}`}>
      {status.state === 'failed' ? (
        <span role="alert">Could not compare: {status.message}</span>
      ) : (
        <span role="status">Comparison cancelled.</span>
      )}
      <button type="button" onClick={onRetry} className={BUTTON}>
        Retry<span className="sr-only"> comparing</span>
      </button>
    </div>
  );
}
