import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { manifestQueryOptions } from '../../api/articles/article-queries.ts';
import { ArticleColumn } from './ArticleColumn.tsx';
import { ArticleSkeleton } from './ArticleSkeleton.tsx';
import { ArticleTabs, panelId, tabId } from './ArticleTabs.tsx';
import { LoadError } from '../ui/LoadError.tsx';
import { useAppStore } from '../../store/app-store.ts';

/** The two reports: side by side on wide screens, one at a time behind tabs on narrow ones. */
export function Reader() {
  const manifest = useQuery(manifestQueryOptions());
  const active = useAppStore((s) => s.activeArticle);
  const setActive = useAppStore((s) => s.setActiveArticle);

  if (manifest.isPending) {
    return (
      <div className="mx-auto grid max-w-[92rem] gap-8 px-4 py-6 sm:px-6 lg:grid-cols-2">
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

  const ids = manifest.data.articles;
  return (
    <>
      <ArticleTabs articleIds={ids} active={active} onSelect={setActive} />
      <div className="mx-auto grid max-w-[92rem] gap-x-10 px-4 sm:px-6 lg:grid-cols-2">
        {ids.map((id, i) => (
          <section
            key={id}
            id={panelId(id)}
            role="tabpanel"
            aria-labelledby={tabId(id)}
            className={`min-w-0 py-6 lg:block ${i === active ? '' : 'hidden'}`}
          >
            <div className="mx-auto max-w-[68ch]">
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
