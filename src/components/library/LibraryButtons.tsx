import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { manifestQueryOptions } from '../../api/articles/article-queries.ts';
import { LazyFeature } from '../ui/LazyFeature.tsx';
import { useHydrated } from '../ui/use-hydrated.ts';
import { lazyModule } from '../ui/lazy-module.ts';
import { useArticlePair } from './article-pair.ts';
import type { AddArticleStart } from './AddArticleDialog.tsx';

const addDialogModule = lazyModule('Add article dialog', () => import('./AddArticleDialog.tsx'));
const libraryDialogModule = lazyModule('article library', () => import('./LibraryDialog.tsx'));

const NO_IDS: readonly string[] = [];

/** Event asking the page to open the Add article dialog (e.g. from a link to a missing article). */
export const OPEN_ADD_ARTICLE_EVENT = 'fact-check-reader:add-article';

/** Opens the Add article dialog from anywhere, with a title and source address filled in. */
export function requestAddArticle(start: { title?: string; url?: string }): void {
  window.dispatchEvent(new CustomEvent<AddArticleStart>(OPEN_ADD_ARTICLE_EVENT, { detail: start }));
}

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * "Add article" and "Your articles" in the page header; a file dropped anywhere on the page opens
 * the Add article dialog with it. The dialogs' code (and IndexedDB's) loads on first use.
 */
export function LibraryButtons() {
  const hydrated = useHydrated();
  const manifest = useQuery(manifestQueryOptions());
  const shipped = manifest.data?.articles ?? NO_IDS;
  const shown = useArticlePair(shipped);
  const [adding, setAdding] = useState<AddArticleStart | null>(null);
  const [libraryOpen, setLibraryOpen] = useState(false);

  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      setAdding({ file });
    };
    const onRequest = (event: Event) => {
      setAdding((event as CustomEvent<AddArticleStart>).detail);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener(OPEN_ADD_ARTICLE_EVENT, onRequest);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener(OPEN_ADD_ARTICLE_EVENT, onRequest);
    };
  }, []);

  const closeAdd = useCallback(() => setAdding(null), []);
  const closeLibrary = useCallback(() => setLibraryOpen(false), []);
  const buttonClass = `${hydrated ? '' : 'invisible '}min-h-11 rounded-md border border-stone-400 px-3 text-sm font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-800`;

  return (
    <>
      <button type="button" onClick={() => setAdding({})} className={buttonClass}>
        Add article
      </button>
      <button type="button" onClick={() => setLibraryOpen(true)} className={buttonClass}>
        Your articles
      </button>
      <LazyFeature module={addDialogModule} when={adding !== null} floating>
        {(m) => adding && <m.AddArticleDialog start={adding} shown={shown} onClose={closeAdd} />}
      </LazyFeature>
      <LazyFeature module={libraryDialogModule} when={libraryOpen} floating>
        {(m) =>
          libraryOpen && <m.LibraryDialog shipped={shipped} shown={shown} onClose={closeLibrary} />
        }
      </LazyFeature>
    </>
  );
}
