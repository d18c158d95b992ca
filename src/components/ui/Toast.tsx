import { useEffect } from 'react';
import { useAppStore } from '../../store/app-store.ts';

/** Polite status messages ("Claim deleted", "Link copied"), with Undo where it applies. */
export function Toast() {
  const toast = useAppStore((s) => s.toast);
  const dismissToast = useAppStore((s) => s.dismissToast);
  const restoreClaim = useAppStore((s) => s.restoreClaim);
  const popUndo = useAppStore((s) => s.popUndo);

  useEffect(() => {
    if (!toast) return;
    // Long enough to reach Undo by keyboard; the live region has already announced it.
    const timer = window.setTimeout(dismissToast, toast.undo ? 10_000 : 5_000);
    return () => window.clearTimeout(timer);
  }, [toast, dismissToast]);

  const undo = () => {
    const claim = popUndo();
    if (claim) restoreClaim(claim);
    dismissToast();
  };

  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      <div role="status" aria-live="polite" className="pointer-events-auto">
        {toast && (
          <div className="flex items-center gap-3 rounded-lg bg-stone-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-stone-100 dark:text-stone-900">
            <span>{toast.message}</span>
            {toast.undo && (
              <button
                type="button"
                onClick={undo}
                className="min-h-11 rounded-md px-2 font-semibold text-teal-200 underline dark:text-teal-800"
              >
                Undo
              </button>
            )}
            <button
              type="button"
              onClick={dismissToast}
              className="min-h-11 rounded-md px-2 underline"
              aria-label="Dismiss message"
            >
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
