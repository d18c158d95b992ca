import { startTransition, useEffect, useState } from 'react';

// Set once the first component has seen the page hydrated: parts mounted after that (opened
// later) start as hydrated, with no second render.
let pageHydrated = false;

/**
 * False while the server renders and while React hydrates the pre-rendered page, true after.
 * Anything read from localStorage (the reader's claims) waits for it, so hydration matches.
 * The switch is a transition: drawing the reader's claims after hydration yields to the
 * browser every few milliseconds instead of blocking a slow phone in one long task.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(pageHydrated);
  useEffect(() => {
    if (hydrated) return;
    pageHydrated = true;
    startTransition(() => setHydrated(true));
  }, [hydrated]);
  return hydrated;
}
