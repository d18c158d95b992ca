import { COLUMN_SCROLLER_ATTRIBUTE } from './element-ids.ts';

// Geometry of the report columns. On wide screens each report scrolls in its own column (see
// Reader); on narrow ones the page scrolls and a sticky tab bar sits over the top of it. Not
// needed to read, so it loads with the first jump, comparison or message (see columnScroll).

/** Attribute on a report's sticky heading, which covers the top of its column. */
export const STICKY_HEADING_ATTRIBUTE = 'data-sticky-heading';

/** Attribute on anything fixed to the bottom of the window that passages must stay clear of. */
export const BOTTOM_DOCK_ATTRIBUTE = 'data-bottom-dock';

// Room kept between a passage and whatever bounds its column, so it reads as "in view".
const MARGIN = 12;

interface Band {
  readonly top: number;
  readonly bottom: number;
}

/** The column that scrolls `el`, if the report scrolls in its own column (wide screens). */
export function scrollingColumnOf(el: Element): HTMLElement | null {
  const column = el.closest<HTMLElement>(`[${COLUMN_SCROLLER_ATTRIBUTE}]`);
  if (!column) return null;
  const overflow = getComputedStyle(column).overflowY;
  return overflow === 'auto' || overflow === 'scroll' ? column : null;
}

/** Where the top of the page's content is not covered: below sticky bars (the phone's tabs). */
function pageTop(): number {
  let top = 0;
  for (const bar of document.querySelectorAll<HTMLElement>('[role="tablist"]')) {
    const style = getComputedStyle(bar);
    if (style.position !== 'sticky' || style.display === 'none') continue;
    top = Math.max(top, bar.getBoundingClientRect().bottom);
  }
  return top;
}

/** Where the bottom of the window is not covered by a docked strip. */
function pageBottom(): number {
  let bottom = window.innerHeight;
  for (const dock of document.querySelectorAll<HTMLElement>(`[${BOTTOM_DOCK_ATTRIBUTE}]`)) {
    if (getComputedStyle(dock).position !== 'fixed') continue;
    const rect = dock.getBoundingClientRect();
    if (rect.height > 0) bottom = Math.min(bottom, rect.top);
  }
  return bottom;
}

/** The part of the window in which a passage of this column (or the page) can be read. */
export function readableBand(column: HTMLElement | null): Band {
  const top = pageTop();
  const bottom = pageBottom();
  if (!column) return { top: top + MARGIN, bottom: bottom - MARGIN };
  const rect = column.getBoundingClientRect();
  let columnTop = rect.top;
  const heading = column.querySelector<HTMLElement>(`[${STICKY_HEADING_ATTRIBUTE}]`);
  if (heading && heading.offsetParent !== null) {
    columnTop = Math.max(columnTop, heading.getBoundingClientRect().bottom);
  }
  return {
    top: Math.max(top, columnTop) + MARGIN,
    bottom: Math.min(bottom, rect.bottom) - MARGIN,
  };
}

/** The first line of a passage (a mark may wrap over several lines). */
export function firstLineRect(el: Element): DOMRect {
  return el.getClientRects()[0] ?? el.getBoundingClientRect();
}

/** Whether the first line of `el` can be read where it is now. */
export function isReadable(el: Element): boolean {
  const band = readableBand(scrollingColumnOf(el));
  const line = firstLineRect(el);
  return line.top >= band.top && line.bottom <= band.bottom;
}

function scrollBehavior(smooth: boolean): ScrollBehavior {
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return smooth && !reduced ? 'smooth' : 'instant';
}

function clampScroll(scroller: HTMLElement, top: number): number {
  return Math.max(0, Math.min(top, scroller.scrollHeight - scroller.clientHeight));
}

/**
 * Brings `el` into the readable part of its column or the page: its first line a third of the
 * way down, clear of sticky bars and docked strips. Moves nothing else.
 */
export function revealPassage(el: HTMLElement, smooth = true): void {
  const column = scrollingColumnOf(el);
  const band = readableBand(column);
  const line = firstLineRect(el);
  const wanted = band.top + (band.bottom - band.top) / 3;
  const delta = line.top - wanted;
  if (column) {
    column.scrollTo({
      top: clampScroll(column, column.scrollTop + delta),
      behavior: scrollBehavior(smooth),
    });
  } else {
    window.scrollTo({ top: window.scrollY + delta, behavior: scrollBehavior(smooth) });
  }
}

/**
 * Scrolls the column of `target` so that its first line sits level with the first line of
 * `source` in the other column, both readable. The source's column moves only if it must: when
 * the source is out of view, or when the target's column cannot scroll far enough to line up.
 * Returns false when the two are not in separate scrolling columns (narrow screens).
 */
export function alignBeside(source: HTMLElement, target: HTMLElement, smooth = true): boolean {
  const sourceColumn = scrollingColumnOf(source);
  const targetColumn = scrollingColumnOf(target);
  if (!sourceColumn || !targetColumn || sourceColumn === targetColumn) return false;
  const sourceBand = readableBand(sourceColumn);
  const targetBand = readableBand(targetColumn);
  const top = Math.max(sourceBand.top, targetBand.top);
  const bottom = Math.min(sourceBand.bottom, targetBand.bottom);

  // Where the source's first line is (or will be, if it has to move into view).
  const sourceLine = firstLineRect(source);
  let sourceShift = 0;
  if (sourceLine.top < top || sourceLine.bottom > bottom) {
    const wanted = top + (bottom - top) / 3;
    const scrollTop = clampScroll(sourceColumn, sourceColumn.scrollTop + sourceLine.top - wanted);
    sourceShift = scrollTop - sourceColumn.scrollTop;
  }
  const level = sourceLine.top - sourceShift;

  // Line the target up with it, as far as the target's column can scroll.
  const targetLine = firstLineRect(target);
  const targetScroll = clampScroll(targetColumn, targetColumn.scrollTop + targetLine.top - level);
  const targetTop = targetLine.top - (targetScroll - targetColumn.scrollTop);
  // The target's column hit an end: move the source the rest of the way, if that keeps it in view.
  const rest = targetTop - level;
  if (rest !== 0) {
    const scrollTop = clampScroll(sourceColumn, sourceColumn.scrollTop + sourceShift - rest);
    const moved = scrollTop - sourceColumn.scrollTop;
    const newSourceTop = sourceLine.top - moved;
    if (newSourceTop >= top && newSourceTop + sourceLine.height <= bottom) sourceShift = moved;
  }
  const behavior = scrollBehavior(smooth);
  if (sourceShift !== 0) {
    sourceColumn.scrollTo({ top: sourceColumn.scrollTop + sourceShift, behavior });
  }
  targetColumn.scrollTo({ top: targetScroll, behavior });
  return true;
}

/**
 * Makes room below a passage (for a card that must not cover it) by scrolling its column or the
 * page until the passage's top is at the top of the readable band. Does nothing when there is
 * already `room` pixels above or below it.
 */
export function makeRoomBelow(el: Element, passage: DOMRect, room: number): void {
  const column = scrollingColumnOf(el);
  const band = readableBand(column);
  if (band.bottom - passage.bottom >= room || passage.top - band.top >= room) return;
  const delta = passage.top - band.top;
  if (column) column.scrollTo({ top: clampScroll(column, column.scrollTop + delta) });
  else window.scrollTo({ top: window.scrollY + delta, behavior: 'instant' });
}

/** The bottom of whatever sticks to the top of the window (the phone's tab bar), or 0. */
export function stickyTop(): number {
  return pageTop();
}
