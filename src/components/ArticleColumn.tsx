import { useQuery } from '@tanstack/react-query';
import { articleQueryOptions } from '../api/article-queries.ts';
import { ArticleSkeleton } from './ArticleSkeleton.tsx';
import { ArticleView } from './ArticleView.tsx';
import { LoadError } from './LoadError.tsx';

/** Loads one article and shows it, its skeleton, or its error with Retry. */
export function ArticleColumn({ articleId }: { articleId: string }) {
  const query = useQuery(articleQueryOptions(articleId));
  if (query.isPending) return <ArticleSkeleton label="Loading article…" />;
  if (query.isError)
    return (
      <LoadError
        title="This article could not be shown."
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  return <ArticleView article={query.data} />;
}
