import { useSyncExternalStore } from 'react';
import {
  dismissFirstVisitHint,
  firstVisitHintDismissed,
  subscribeFirstVisitHint,
} from '../../dom/storage/first-visit-hint.ts';
import { hasAnyClaim, useAppStore } from '../../store/app-store.ts';
import { useHydrated } from '../ui/use-hydrated.ts';

/** Text of the first-visit hint (also checked by the browser tests: short, says "select"). */
export const FIRST_VISIT_HINT_TEXT = 'New here? Select words in either report to make a claim.';

/**
 * A line near the reports for a reader with no claims yet, saying how to make one. Dismissing
 * it is remembered in this browser. Shown in the pre-rendered page, so it never shifts the text.
 */
export function FirstVisitHint() {
  const dismissed = useSyncExternalStore(
    subscribeFirstVisitHint,
    firstVisitHintDismissed,
    () => false,
  );
  const hasClaims = useAppStore(hasAnyClaim);
  // Saved claims are read only after hydration, so the pre-rendered page and hydration agree.
  const hydrated = useHydrated();
  if (dismissed || (hydrated && hasClaims)) return null;
  return (
    <div className="mx-auto w-full max-w-[92rem] shrink-0 px-4 pt-2 sm:px-6">
      <p className="flex items-center gap-2 rounded-md border border-teal-700 bg-teal-50 py-1 pr-1 pl-3 text-sm text-teal-950 dark:border-teal-300 dark:bg-teal-950 dark:text-teal-50">
        <span className="min-w-0 flex-1" data-testid="first-visit-hint">
          {FIRST_VISIT_HINT_TEXT}
        </span>
        <button
          type="button"
          onClick={dismissFirstVisitHint}
          className="min-h-11 shrink-0 rounded-md px-2 font-semibold underline"
        >
          Got it<span className="sr-only">, hide this hint</span>
        </button>
      </p>
    </div>
  );
}
