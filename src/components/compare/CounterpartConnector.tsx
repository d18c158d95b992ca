import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import { COMPARISON_SOURCE_ID, PASSAGE_HIGHLIGHT_ID } from '../reader/ArticleView.tsx';
import { firstLineRect, scrollingColumnOf } from '../reader/column-scroll.ts';

interface Line {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/**
 * The passage's first line, if it is on screen (inside the window and inside its column), and
 * the inner edges of its report, so that the line runs in the gap between the columns and never
 * across the text.
 */
function visibleLine(selector: string): { rect: DOMRect; left: number; right: number } | null {
  const mark = document.querySelector(selector);
  if (!mark) return null;
  const rect = firstLineRect(mark);
  const column = scrollingColumnOf(mark)?.getBoundingClientRect();
  const top = Math.max(0, column?.top ?? 0);
  const bottom = Math.min(window.innerHeight, column?.bottom ?? Infinity);
  if (rect.height === 0 || rect.bottom <= top || rect.top >= bottom) return null;
  const article = mark.closest('article')?.getBoundingClientRect() ?? rect;
  return { rect, left: article.left, right: article.right };
}

/**
 * On wide screens, a line from the compared passage to the counterpart being shown in the other
 * column, while both are on screen (each column scrolls on its own; any scroll re-measures). Decoration only: the comparison panel says it in words.
 */
export function CounterpartConnector() {
  const comparison = useAppStore((s) => s.comparison);
  const passage = useAppStore((s) => s.passageFocus);
  const [line, setLine] = useState<Line | null>(null);
  const active =
    comparison !== null && passage !== null && passage.articleId !== comparison.articleId;

  useEffect(() => {
    if (!active) return;
    const wide = window.matchMedia('(min-width: 1024px)');
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const from = visibleLine(`mark[data-passage="${COMPARISON_SOURCE_ID}"][data-first]`);
        const to = visibleLine(`mark[data-passage="${PASSAGE_HIGHLIGHT_ID}"][data-first]`);
        if (!wide.matches || !from || !to) {
          setLine(null);
          return;
        }
        const leftToRight = from.left < to.left;
        setLine({
          x1: (leftToRight ? from.right : from.left) + (leftToRight ? 4 : -4),
          y1: from.rect.top + from.rect.height / 2,
          x2: (leftToRight ? to.left : to.right) + (leftToRight ? -4 : 4),
          y2: to.rect.top + to.rect.height / 2,
        });
      });
    };
    measure();
    window.addEventListener('scroll', measure, { capture: true, passive: true });
    window.addEventListener('resize', measure);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', measure, { capture: true });
      window.removeEventListener('resize', measure);
      setLine(null);
    };
  }, [active, comparison, passage]);

  if (!active || !line) return null;
  const middle = (line.x1 + line.x2) / 2;
  return (
    <svg
      aria-hidden="true"
      data-testid="counterpart-connector"
      className="pointer-events-none fixed inset-0 z-10 h-full w-full text-sky-700 dark:text-sky-300"
    >
      <path
        d={`M ${line.x1} ${line.y1} C ${middle} ${line.y1}, ${middle} ${line.y2}, ${line.x2} ${line.y2}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeDasharray="6 4"
      />
      <circle cx={line.x1} cy={line.y1} r="4" fill="currentColor" />
      <circle cx={line.x2} cy={line.y2} r="4" fill="currentColor" />
    </svg>
  );
}
