import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import {
  articleQueryOptions,
  loadOwnArticleDb,
  ownArticlesQueryOptions,
} from '../../api/articles/article-queries.ts';
import { articleSize } from '../../core/articles/own-article.ts';
import { useAppStore } from '../../store/app-store.ts';
import { formatIsoDate } from '../articles/format-date.ts';
import { setArticlePair } from './article-pair.ts';
import type { StoredArticle } from '../../api/articles/own-article-db.ts';

interface Entry {
  readonly id: string;
  readonly outlet: string;
  readonly headline: string;
  readonly date: string;
  readonly size: number;
  readonly own: boolean;
}

const BUTTON =
  'min-h-11 rounded-md border border-stone-400 px-3 text-sm font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700';

/** Every article, the shipped reports first: show any of them, rename or delete added ones. */
export function LibraryDialog({
  shipped,
  shown,
  onClose,
}: {
  shipped: readonly string[];
  shown: readonly string[];
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement | null>(null);
  const client = useQueryClient();
  const headingId = useId();
  const own = useQuery(ownArticlesQueryOptions());
  const shippedArticles = useQueries({ queries: shipped.map((id) => articleQueryOptions(id)) });
  const claims = useAppStore((s) => s.claims);
  const setActiveArticle = useAppStore((s) => s.setActiveArticle);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [deleted, setDeleted] = useState<{ stored: StoredArticle; claims: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const claimCount = (id: string) =>
    Object.values(claims).filter((claim) => claim.target.articleId === id).length;
  const entries: Entry[] = [];
  shippedArticles.forEach((query, i) => {
    const article = query.data;
    if (!article) return;
    entries.push({
      id: shipped[i] ?? article.id,
      outlet: article.outlet,
      headline: article.headline,
      date: article.published ? `Published ${formatIsoDate(article.published)}` : '',
      size: articleSize(article),
      own: false,
    });
  });
  for (const article of own.data ?? []) {
    entries.push({
      id: article.id,
      outlet: article.outlet,
      headline: article.headline,
      date: article.published
        ? `Published ${formatIsoDate(article.published)}`
        : `Added ${formatIsoDate(article.addedAt.slice(0, 10))}`,
      size: article.size,
      own: true,
    });
  }

  const refresh = async (id: string) => {
    await client.fetchQuery({ ...ownArticlesQueryOptions(), staleTime: 0 });
    await client.resetQueries({ queryKey: articleQueryOptions(id).queryKey });
  };

  const show = (id: string) => {
    const other = shown[1] !== id ? shown[1] : shown[0];
    if (other === undefined || shown.includes(id)) return;
    const pair: [string, string] = [other, id];
    setArticlePair(pair[0] === shipped[0] && pair[1] === shipped[1] ? null : pair);
    setActiveArticle(1);
    dialogRef.current?.close();
  };

  const rename = async () => {
    if (!renaming) return;
    const title = renaming.title.replace(/\s+/g, ' ').trim();
    if (title === '') {
      setProblem('Could not rename: the title is empty.');
      return;
    }
    try {
      await (await loadOwnArticleDb()).renameOwnArticle(renaming.id, title);
      await refresh(renaming.id);
      setRenaming(null);
      setProblem(null);
    } catch {
      setProblem('Could not rename the article: this device’s storage refused the change.');
    }
  };

  const remove = async (id: string) => {
    try {
      const stored = await (await loadOwnArticleDb()).deleteOwnArticle(id);
      if (!stored) return;
      if (shown.includes(id)) setArticlePair(null);
      await refresh(id);
      setDeleted({ stored, claims: claimCount(id) });
      setProblem(null);
    } catch {
      setProblem('Could not delete the article: this device’s storage refused the change.');
    }
  };

  const undo = async () => {
    if (!deleted) return;
    try {
      await (await loadOwnArticleDb()).restoreOwnArticle(deleted.stored);
      await refresh(deleted.stored.id);
      setDeleted(null);
    } catch {
      setProblem('Could not put the article back: this device’s storage is full.');
    }
  };

  return (
    <dialog
      ref={dialogRef}
      onClose={onClose}
      aria-labelledby={headingId}
      className="m-auto w-[min(48rem,calc(100vw-1rem))] rounded-xl bg-white p-5 text-stone-900 shadow-2xl backdrop:bg-black/40 dark:bg-stone-800 dark:text-stone-100"
    >
      <h2 id={headingId} className="text-lg font-bold">
        Your articles
      </h2>
      <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
        The two shipped reports, then the articles you added (kept only on this device).
      </p>
      {problem && (
        <p role="alert" className="mt-2 text-sm font-semibold text-red-800 dark:text-red-200">
          {problem}
        </p>
      )}
      <div role="status" className="mt-2 text-sm">
        {deleted && (
          <p className="rounded-md border border-stone-400 p-2">
            Deleted “{deleted.stored.article.headline}”.{' '}
            {deleted.claims > 0
              ? `Its ${deleted.claims} ${deleted.claims === 1 ? 'claim is' : 'claims are'} kept (listed in the Claims panel as needing re-anchoring) until you delete them too.`
              : 'It had no claims.'}{' '}
            <button type="button" onClick={() => void undo()} className={BUTTON}>
              Undo
            </button>
          </p>
        )}
      </div>
      {own.isError && (
        <p role="alert" className="mt-2 text-sm">
          Your added articles could not be read from this device’s storage.
        </p>
      )}
      <ul className="mt-3 space-y-3">
        {entries.map((entry) => (
          <li
            key={entry.id}
            className="rounded-lg border border-stone-300 p-3 dark:border-stone-600"
          >
            {renaming?.id === entry.id ? (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  void rename();
                }}
                className="flex flex-wrap items-end gap-2"
              >
                <label className="grow">
                  <span className="block text-sm font-semibold">New title</span>
                  <input
                    type="text"
                    value={renaming.title}
                    onChange={(event) => setRenaming({ id: entry.id, title: event.target.value })}
                    className="min-h-11 w-full rounded-md border border-stone-500 px-2 dark:bg-stone-900"
                  />
                </label>
                <button type="submit" className={BUTTON}>
                  Save title
                </button>
                <button type="button" onClick={() => setRenaming(null)} className={BUTTON}>
                  Cancel
                </button>
              </form>
            ) : (
              <p className="font-serif font-semibold">{entry.headline}</p>
            )}
            <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
              {[
                entry.outlet,
                entry.date,
                `${entry.size.toLocaleString('en-GB')} characters`,
                `${claimCount(entry.id)} ${claimCount(entry.id) === 1 ? 'claim' : 'claims'}`,
                entry.own ? 'added by you' : 'shipped',
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              {shown.includes(entry.id) ? (
                <span className="min-h-11 content-center text-sm italic">Shown now</span>
              ) : (
                <button type="button" onClick={() => show(entry.id)} className={BUTTON}>
                  Show<span className="sr-only"> “{entry.headline}”</span>
                </button>
              )}
              {entry.own && renaming?.id !== entry.id && (
                <>
                  <button
                    type="button"
                    onClick={() => setRenaming({ id: entry.id, title: entry.headline })}
                    className={BUTTON}
                  >
                    Rename<span className="sr-only"> “{entry.headline}”</span>
                  </button>
                  <button type="button" onClick={() => void remove(entry.id)} className={BUTTON}>
                    Delete<span className="sr-only"> “{entry.headline}”</span>
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      <form method="dialog" className="mt-4 flex justify-end">
        <button type="submit" className={BUTTON}>
          Close
        </button>
      </form>
    </dialog>
  );
}
