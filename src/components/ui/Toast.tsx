import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import { scrollingColumnOf, stickyTop } from '../reader/column-scroll.ts';
import { undoChange } from './undo.ts';

// Where a toast may sit, in order of preference: bottom centre first, as readers expect.
const SPOTS = [
  'bottom-center',
  'top-center',
  'bottom-left',
  'bottom-right',
  'top-left',
  'top-right',
] as const;
type Spot = (typeof SPOTS)[number];

// The toast's distance from the window's edges (Tailwind's 4).
const EDGE = 16;

// What a toast must not cover, and how much each matters: controls most, then open dialogs and
// the passages being compared or jumped to. Not every claim's mark: with thousands of claims,
// measuring them all on each status change would cost more than the change itself.
const OBSTACLES: readonly (readonly [string, number])[] = [
  ['button, a[href], input, select, textarea, summary, [role="tab"]', 100],
  ['[role="dialog"], [role="toolbar"]', 5],
  ['mark[data-passage], mark[data-flash], mark:focus', 2],
];

function spotRect(spot: Spot, width: number, height: number, top: number): DOMRect {
  const [vertical, horizontal] = spot.split('-');
  const x =
    horizontal === 'left'
      ? EDGE
      : horizontal === 'right'
        ? window.innerWidth - EDGE - width
        : (window.innerWidth - width) / 2;
  const y = vertical === 'top' ? top : window.innerHeight - EDGE - height;
  return new DOMRect(x, y, width, height);
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Whether `el` is drawn where its box says: shown, and not scrolled out of its column. */
function isDrawn(el: Element, rect: DOMRect): boolean {
  if (rect.width === 0 || rect.height === 0) return false;
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility()) return false;
  const column = scrollingColumnOf(el);
  return !column || overlaps(rect, column.getBoundingClientRect());
}

/** The spot where the toast covers the least that matters (controls above all). */
function bestSpot(toast: HTMLElement, current: Spot, top: number): Spot {
  const { offsetWidth: width, offsetHeight: height } = toast;
  const candidates = SPOTS.map((spot) => ({
    spot,
    rect: spotRect(spot, width, height, top),
    cost: 0,
  }));
  for (const [selector, weight] of OBSTACLES) {
    for (const el of document.querySelectorAll(selector)) {
      if (toast.contains(el)) continue;
      const rect = el.getBoundingClientRect();
      const hits = candidates.filter((c) => overlaps(c.rect, rect));
      if (hits.length === 0 || !isDrawn(el, rect)) continue;
      for (const hit of hits) hit.cost += weight;
    }
  }
  const costOf = (spot: Spot) => candidates.find((c) => c.spot === spot)?.cost ?? Infinity;
  const best = candidates.reduce((a, b) => (b.cost < a.cost ? b : a));
  // Stay put unless moving uncovers something: a toast that wanders is hard to press.
  return costOf(current) <= best.cost ? current : best.spot;
}

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
  const showToast = useAppStore((s) => s.showToast);
  const [spot, setSpot] = useState<Spot>('bottom-center');
  const boxRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!toast) return;
    // Long enough to reach Undo by keyboard; the live region has already announced it.
    const timer = window.setTimeout(dismissToast, toast.undo ? 10_000 : 5_000);
    return () => window.clearTimeout(timer);
  }, [toast, dismissToast]);

  useLayoutEffect(() => {
    if (!toast) return;
    const place = () => {
      const box = boxRef.current;
      if (!box) return;
      // At the top, below anything sticky (the phone's tabs). Set through the CSSOM, which the
      // Content Security Policy allows, unlike a style attribute in the pre-rendered page.
      const top = Math.max(EDGE, stickyTop() + EDGE / 2);
      box.style.setProperty('--toast-top', `${top}px`);
      setSpot((current) => bestSpot(box, current, top));
    };
    place();
    // Cards and toolbars open, move and close while the message shows: look again now and then.
    const timer = window.setInterval(place, 250);
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, { capture: true, passive: true });
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, { capture: true });
    };
  }, [toast]);

  const undo = () => {
    const message = toast?.undo ? undoChange(toast.undo) : null;
    if (message) showToast(message);
    else dismissToast();
  };

  return (
    <div className="pointer-events-none fixed inset-0 z-50" data-toast-layer="">
      <div
        ref={boxRef}
        role="status"
        aria-live="polite"
        className={`pointer-events-auto absolute w-max max-w-[min(36rem,calc(100vw-2rem))] ${SPOT_CLASSES[spot]}`}
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
