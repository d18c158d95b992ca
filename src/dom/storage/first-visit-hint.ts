// Whether the reader has dismissed the first-visit hint, kept in localStorage (one flag).

/** localStorage key set once the first-visit hint has been dismissed. */
export const FIRST_VISIT_HINT_KEY = 'fact-check-reader:first-visit-hint';

const listeners = new Set<() => void>();
// A dismissal that storage refused to keep still holds until the page is closed.
let dismissedThisVisit = false;

/** Whether the hint was dismissed in this browser; blocked storage counts as not dismissed. */
export function isFirstVisitHintDismissed(): boolean {
  try {
    return window.localStorage.getItem(FIRST_VISIT_HINT_KEY) === 'dismissed';
  } catch {
    return false;
  }
}

/** Remembers the dismissal (for this tab even when storage is blocked) and tells subscribers. */
export function dismissFirstVisitHint(): void {
  try {
    window.localStorage.setItem(FIRST_VISIT_HINT_KEY, 'dismissed');
  } catch {
    // Storage blocked: the hint is hidden for this visit only.
    dismissedThisVisit = true;
  }
  for (const listener of listeners) listener();
}

/** Whether the hint is dismissed, counting a dismissal that could not be saved. */
export function firstVisitHintDismissed(): boolean {
  return dismissedThisVisit || isFirstVisitHintDismissed();
}

/** Subscribes to dismissals here and in other tabs (for useSyncExternalStore). */
export function subscribeFirstVisitHint(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === FIRST_VISIT_HINT_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
