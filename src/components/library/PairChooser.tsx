import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import {
  articleQueryOptions,
  ownArticlesQueryOptions,
} from '../../api/articles/article-queries.ts';
import { isOwnArticleId } from '../../core/articles/own-article-id.ts';
import { useHydrated } from '../ui/use-hydrated.ts';
import { hasOwnArticles, setArticlePair } from './article-pair.ts';

interface Choice {
  readonly id: string;
  readonly label: string;
}

/** Which two articles are shown side by side: the shipped reports and any the reader added. */
export function PairChooser({
  shipped,
  shown,
}: {
  shipped: readonly string[];
  shown: readonly string[];
}) {
  const hydrated = useHydrated();
  const headingId = useId();
  const wantsLibrary = hydrated && (hasOwnArticles() || shown.some(isOwnArticleId));
  const own = useQuery({ ...ownArticlesQueryOptions(), enabled: wantsLibrary });
  const shippedTitles = useQueries({ queries: shipped.map((id) => articleQueryOptions(id)) });
  const shownTitles = useQueries({ queries: shown.map((id) => articleQueryOptions(id)) });

  // An added article in a bookmark or a remembered pair that is not on this device (deleted,
  // or another browser): back to the shipped pair rather than an empty column.
  const ownIds = own.data?.map((a) => a.id);
  useEffect(() => {
    if (!ownIds || own.isFetching) return;
    if (shown.some((id) => isOwnArticleId(id) && !ownIds.includes(id))) setArticlePair(null);
  }, [ownIds, own.isFetching, shown]);

  const choices = new Map<string, Choice>();
  shipped.forEach((id, i) => {
    const article = shippedTitles[i]?.data;
    choices.set(id, { id, label: article ? `${article.outlet}: ${article.headline}` : id });
  });
  for (const article of own.data ?? []) {
    choices.set(article.id, { id: article.id, label: `${article.outlet}: ${article.headline}` });
  }
  shown.forEach((id, i) => {
    const article = shownTitles[i]?.data;
    if (!choices.has(id)) {
      choices.set(id, { id, label: article ? `${article.outlet}: ${article.headline}` : id });
    }
  });
  if (shipped.length < 2 || shown.length < 2) return null;

  const choose = (side: 0 | 1, id: string) => {
    const next: [string, string] = [shown[0] ?? '', shown[1] ?? ''];
    const other = side === 0 ? 1 : 0;
    // Choosing the article shown on the other side swaps the two.
    if (next[other] === id) next[other] = next[side];
    next[side] = id;
    const isShipped = next[0] === shipped[0] && next[1] === shipped[1];
    setArticlePair(isShipped ? null : next);
  };

  return (
    <div
      role="group"
      aria-labelledby={headingId}
      // On a phone the tabs switch between the two, and Your articles chooses them: the first
      // paragraph stays on the first screen.
      className="mx-auto flex w-full max-w-[92rem] items-center gap-x-3 px-4 pt-2 text-sm max-lg:hidden sm:px-6"
    >
      <span id={headingId} className="shrink-0 font-semibold">
        Articles shown
      </span>
      {(['First article', 'Second article'] as const).map((label, side) => (
        <label key={label} className="flex min-w-0 flex-1 items-center gap-2">
          <span className="shrink-0">{label}</span>
          <select
            value={shown[side]}
            disabled={!hydrated}
            onChange={(event) => choose(side === 0 ? 0 : 1, event.target.value)}
            className="min-h-11 w-full min-w-0 truncate rounded-md border border-stone-400 bg-white px-2 dark:border-stone-500 dark:bg-stone-800"
          >
            {[...choices.values()].map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}
