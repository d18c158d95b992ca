import { useQuery } from '@tanstack/react-query';
import { Suspense, useLayoutEffect, useRef } from 'react';
import { manifestQueryOptions } from '../../api/articles/article-queries.ts';
import { ArticleColumn } from './ArticleColumn.tsx';
import { ArticleSkeleton } from './ArticleSkeleton.tsx';
import { ArticleTabs, panelId, tabId } from './ArticleTabs.tsx';
import { FirstVisitHint } from './FirstVisitHint.tsx';
import { SuggestionsScope } from '../suggestions/SuggestionsScope.tsx';
import { COLUMN_SCROLLER_ATTRIBUTE } from './element-ids.ts';
import { LoadError } from '../ui/LoadError.tsx';
import { useAppStore } from '../../store/app-store.ts';
import { useArticlePair } from '../library/article-pair.ts';
import { PairChooser } from '../library/PairChooser.tsx';

const NO_IDS: readonly string[] = [];

/** The two reports: side by side on wide screens, one at a time behind tabs on narrow ones. */
export function Reader() {
  const manifest = useQuery(manifestQueryOptions());
  const active = useAppStore((s) => s.activeArticle);
  const setActive = useAppStore((s) => s.setActiveArticle);
  const ids = useArticlePair(manifest.data?.articles ?? NO_IDS);
  useTabScrollMemory(active);

  if (manifest.isPending) {
    return (
      <div className="mx-auto grid w-full max-w-[92rem] gap-8 px-4 py-6 sm:px-6 lg:grid-cols-2">
        <ArticleSkeleton label="Loading articles…" />
        <div className="max-lg:hidden">
          <ArticleSkeleton label="Loading articles…" />
        </div>
      </div>
    );
  }
  if (manifest.isError) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-6">
        <LoadError
          title="The list of articles could not be loaded."
          error={manifest.error}
          onRetry={() => void manifest.refetch()}
          retrying={manifest.isFetching}
        />
      </div>
    );
  }

  return (
    <>
      <PairChooser shipped={manifest.data.articles} shown={ids} />
      <ArticleTabs articleIds={ids} active={active} onSelect={setActive} />
      <FirstVisitHint />
      <SuggestionsScope />
      {/* Wide screens: each report scrolls in its own column, and the wheel over one moves only
          that one (overscroll-contain keeps it from moving the page at either end). */}
      <div className="mx-auto grid w-full max-w-[92rem] gap-x-10 px-4 sm:px-6 lg:min-h-0 lg:flex-1 lg:grid-cols-2">
        {ids.map((id, i) => (
          <section
            key={id}
            id={panelId(id)}
            role="tabpanel"
            aria-labelledby={tabId(id)}
            {...{ [COLUMN_SCROLLER_ATTRIBUTE]: id }}
            className={`min-w-0 py-6 lg:relative lg:py-0 lg:block lg:h-full lg:overflow-y-auto lg:overscroll-contain lg:px-4 ${i === active ? '' : 'hidden'}`}
          >
            {/* Padding inside the scroller, so the sticky heading sticks flush to its top. */}
            <div className="mx-auto max-w-[68ch] lg:py-6">
              {/* A boundary per column: the pre-rendered page hydrates column by column, and
                  React hydrates first the one the reader is using. */}
              <Suspense fallback={<ArticleSkeleton label="Loading article…" />}>
                <ArticleColumn articleId={id} />
              </Suspense>
            </div>
          </section>
        ))}
      </div>
    </>
  );
}

/**
 * On narrow screens both reports share the page's scroll: each tab keeps its own place, so going
 * back to a report shows what was on screen when it was left (a jump then overrides it).
 */
function useTabScrollMemory(active: number) {
  const places = useRef(new Map<number, number>());
  const shown = useRef(active);
  useLayoutEffect(() => {
    const narrow = window.matchMedia('(max-width: 1023px)');
    const remember = () => {
      if (narrow.matches) places.current.set(shown.current, window.scrollY);
    };
    window.addEventListener('scroll', remember, { passive: true });
    return () => window.removeEventListener('scroll', remember);
  }, []);
  useLayoutEffect(() => {
    if (shown.current === active) return;
    shown.current = active;
    if (!window.matchMedia('(max-width: 1023px)').matches) return;
    window.scrollTo({ top: places.current.get(active) ?? 0, behavior: 'instant' });
  }, [active]);
}
