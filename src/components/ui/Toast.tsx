import { useEffect, useRef, useState } from 'react';
import { afterNextPaint } from '../../store/after-next-paint.ts';
import type { Toast as ToastEntry } from '../../store/ui-slice.ts';
import { useAppStore } from '../../store/app-store.ts';
import { lazyModule, useLazyModule } from './lazy-module.ts';
import type { Spot } from './toast-placement.ts';
import { runUndo } from './undo-module.ts';
import { useIdleAfterMount } from './use-deferred.ts';

const toastPlacement = lazyModule('message placement', () => import('./toast-placement.ts'));

// Classes, not a style attribute: the page's Content Security Policy forbids inline styles in
// the pre-rendered HTML.
const SPOT_CLASSES: Record<Spot, string> = {
  'bottom-center': 'bottom-4 left-1/2 -translate-x-1/2',
  'top-center': 'top-(--toast-top,--spacing(4)) left-1/2 -translate-x-1/2',
  'bottom-left': 'bottom-4 left-4',
  'bottom-right': 'bottom-4 right-4',
  'top-left': 'top-(--toast-top,--spacing(4)) left-4',
  'top-right': 'top-(--toast-top,--spacing(4)) right-4',
};

/**
 * Polite status messages ("Claim deleted", "Link copied"), with Undo where it applies. The
 * message sits in a fixed layer, in whichever corner or edge covers no button (the open card,
 * the selection toolbar, the comparison panel), and moves if one comes to lie under it.
 */
export function Toast() {
  const toast = useAppStore((s) => s.toast);
  const dismissToast = useAppStore((s) => s.dismissToast);
  const [spot, setSpot] = useState<Spot>('bottom-center');
  const boxRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!toast) return;
    // Long enough to reach Undo by keyboard; the live region has already announced it.
    const timer = window.setTimeout(dismissToast, toast.undo ? 10_000 : 5_000);
    return () => window.clearTimeout(timer);
  }, [toast, dismissToast]);

  // Fetched once the page is idle, so that the first message is placed at once.
  const idle = useIdleAfterMount();
  const placement = useLazyModule(toastPlacement, idle || toast !== null);
  // The message this box was last placed for: a new one stays transparent (still announced)
  // until placed, so it never shows over a button for a frame.
  const [placedFor, setPlacedFor] = useState<ToastEntry | null>(null);
  useEffect(() => {
    if (!toast || !placement) return;
    const place = () => {
      const box = boxRef.current;
      if (box) setSpot((current) => placement.placeToast(box, current));
    };
    // Placing measures every control on the page, so it waits for the frame that shows the
    // change which raised the message (a status change must not pay for it), then runs.
    const cancelFirst = afterNextPaint(() => {
      place();
      setPlacedFor(toast);
    });
    // Cards and toolbars open, move and close while the message shows, and columns scroll: look
    // again, at most every 250 ms and only after something changed (placing measures every
    // control, about 10 ms with 2,000 claims, too much to do on each scroll event).
    let changed = false;
    const noteChange = () => {
      changed = true;
    };
    const timer = window.setInterval(() => {
      if (!changed) return;
      changed = false;
      place();
    }, 250);
    // Placing changes the message's own box: that is no reason to place it again.
    const observer = new MutationObserver((records) => {
      if (records.some((r) => !boxRef.current?.contains(r.target))) changed = true;
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['style', 'class', 'hidden', 'open'],
    });
    window.addEventListener('resize', noteChange);
    window.addEventListener('scroll', noteChange, { capture: true, passive: true });
    return () => {
      cancelFirst();
      observer.disconnect();
      window.clearInterval(timer);
      window.removeEventListener('resize', noteChange);
      window.removeEventListener('scroll', noteChange, { capture: true });
    };
  }, [toast, placement]);
  // Without the placement code (not loaded, or failed to load) the message shows where it is.
  const waiting = toast !== null && placement !== undefined && placedFor !== toast;

  const undo = () => {
    const entry = toast?.undo;
    if (!entry) return;
    void runUndo(entry).then((outcome) => {
      if (outcome === 'nothing') dismissToast();
    });
  };

  return (
    <div className="pointer-events-none fixed inset-0 z-50" data-toast-layer="">
      <div
        ref={boxRef}
        role="status"
        aria-live="polite"
        className={`pointer-events-auto absolute w-max max-w-[min(36rem,calc(100vw-2rem))] ${SPOT_CLASSES[spot]}${waiting ? ' opacity-0' : ''}`}
      >
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
