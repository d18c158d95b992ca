import { useEffect, useState } from 'react';
import { hasAnyClaim, useAppStore } from '../../store/app-store.ts';
import type { LoadedArticle } from '../reader/use-reader-data.ts';

const CLAIM_MARK = 'mark[data-claim-id]';

/** Whether the pointer has been over, or the focus on, a claim's text since the page opened. */
function useNearClaim(): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near) return;
    const onOver = (event: Event) => {
      if (event.target instanceof Element && event.target.closest(CLAIM_MARK)) setNear(true);
    };
    document.addEventListener('pointerover', onOver, { passive: true });
    document.addEventListener('focusin', onOver);
    return () => {
      document.removeEventListener('pointerover', onOver);
      document.removeEventListener('focusin', onOver);
    };
  }, [near]);
  return near;
}

/**
 * Starts the comparer (the counterpart worker and its word table) before it is asked, so that
 * its first answer does not wait for it: when `selecting` (a selection may be compared next),
 * when the pointer comes over a claim or the focus lands on one, and at once for a reader who
 * has claims, with the two articles shown sent and prepared (a claim's card says at once whether
 * the other report has it, and a tap gives little warning). For a component mounted once the
 * page is idle.
 */
export function useComparerWarmUp(
  selecting: boolean,
  ids: readonly string[],
  loaded: ReadonlyMap<string, LoadedArticle>,
): void {
  const nearClaim = useNearClaim();
  const hasClaims = useAppStore(hasAnyClaim);
  useEffect(() => {
    if (!selecting && !nearClaim && !hasClaims) return;
    // Not loaded (offline): Compare itself will say so, if the reader asks.
    import('./use-counterparts.ts').then(
      (m) => m.warmUpComparer(ids, loaded, hasClaims),
      () => undefined,
    );
  }, [selecting, nearClaim, hasClaims, ids, loaded]);
}
