/** A failed load: what went wrong, in plain text, and a Retry button. */
export function LoadError({
  title,
  error,
  onRetry,
  retrying,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}) {
  const message = error instanceof Error ? error.message : 'An unknown error occurred.';
  return (
    <div
      role="alert"
      className="rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50"
    >
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>
        {title}
      </p>
      <p className="mt-1 break-words">{message}</p>
      <button
        type="button"
        onClick={onRetry}
        disabled={retrying}
        className="mt-3 rounded-md bg-red-800 px-3 py-1.5 font-medium text-white hover:bg-red-900 disabled:opacity-60 dark:bg-red-300 dark:text-red-950 dark:hover:bg-red-200"
      >
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
