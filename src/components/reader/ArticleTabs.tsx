import { useQueries } from '@tanstack/react-query';
import { useRef, type KeyboardEvent } from 'react';
import { articleQueryOptions } from '../../api/articles/article-queries.ts';

/** Id of the tab that controls an article's panel. */
export function tabId(articleId: string): string {
  return `tab-${articleId}`;
}

/** Id of an article's tab panel. */
export function panelId(articleId: string): string {
  return `panel-${articleId}`;
}

/** The narrow-screen switcher: one tab per article, with arrow-key navigation. */
export function ArticleTabs({
  articleIds,
  active,
  onSelect,
}: {
  articleIds: readonly string[];
  active: number;
  onSelect: (index: number) => void;
}) {
  const outlets = useQueries({
    queries: articleIds.map((id) => articleQueryOptions(id)),
  }).map((q, i) => q.data?.outlet ?? `Article ${i + 1}`);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent) {
    const last = articleIds.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? active === last
          ? 0
          : active + 1
        : event.key === 'ArrowLeft'
          ? active === 0
            ? last
            : active - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    onSelect(next);
    tabs.current[next]?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label="Reports"
      className="sticky top-0 z-20 flex border-b border-stone-300 bg-stone-50 lg:hidden dark:border-stone-700 dark:bg-stone-900"
    >
      {articleIds.map((id, i) => (
        <button
          key={id}
          ref={(el) => {
            tabs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={tabId(id)}
          aria-controls={panelId(id)}
          aria-selected={i === active}
          tabIndex={i === active ? 0 : -1}
          onClick={() => onSelect(i)}
          onKeyDown={onKeyDown}
          className="min-h-11 flex-1 border-b-4 px-3 py-2 text-sm font-semibold aria-selected:border-teal-700 aria-selected:text-teal-900 not-aria-selected:border-transparent not-aria-selected:text-stone-700 dark:aria-selected:border-teal-300 dark:aria-selected:text-teal-100 dark:not-aria-selected:text-stone-300"
        >
          {outlets[i]}
        </button>
      ))}
    </div>
  );
}
