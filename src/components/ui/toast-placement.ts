import { scrollingColumnOf, stickyTop } from '../reader/column-scroll.ts';

// Where a message (Toast) goes: measured on screen, so it loads with the first message.

/** Where a toast may sit, in order of preference: bottom centre first, as readers expect. */
export const SPOTS = [
  'bottom-center',
  'top-center',
  'bottom-left',
  'bottom-right',
  'top-left',
  'top-right',
] as const;
/** One place a toast may sit. */
export type Spot = (typeof SPOTS)[number];

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
export function bestSpot(toast: HTMLElement, current: Spot, top: number): Spot {
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

/**
 * Places `toast` where it covers the least that matters, starting from `current`: returns the
 * spot and sets the top offset (below anything sticky) through the CSSOM, which the Content
 * Security Policy allows, unlike a style attribute in the pre-rendered page.
 */
export function placeToast(toast: HTMLElement, current: Spot): Spot {
  const top = Math.max(EDGE, stickyTop() + EDGE / 2);
  toast.style.setProperty('--toast-top', `${top}px`);
  return bestSpot(toast, current, top);
}
