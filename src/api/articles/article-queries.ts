import { queryOptions } from '@tanstack/react-query';
import {
  parseArticle,
  parseManifest,
  type Article,
  type Manifest,
} from '../../core/articles/article-schema.ts';
import { isOwnArticleId } from '../../core/articles/own-article-id.ts';

/** Address of a file under `data/`, relative to wherever the app is served from. */
export function dataUrl(path: string): string {
  return `${import.meta.env.BASE_URL}data/${path}`;
}

async function fetchJson(url: string, what: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error(`${what} could not be loaded: the network request failed.`);
  }
  if (!response.ok) throw new Error(`${what} could not be loaded (HTTP ${response.status}).`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${what} is not valid JSON.`);
  }
}

/** The ordered list of articles the reader shows (`data/index.json`). */
export function manifestQueryOptions() {
  return queryOptions({
    queryKey: ['manifest'],
    queryFn: async (): Promise<Manifest> =>
      parseManifest(await fetchJson(dataUrl('index.json'), 'The article list')),
    staleTime: Infinity,
  });
}

/** The IndexedDB code for added articles (and dexie), loaded only when one is asked for. */
export function loadOwnArticleDb() {
  return import('./own-article-db.ts');
}

/** The articles the reader added on this device, oldest first, without their text. */
export function ownArticlesQueryOptions() {
  return queryOptions({
    queryKey: ['own-articles'],
    queryFn: async () => (await loadOwnArticleDb()).listOwnArticles(),
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * One article, validated against the article schema: a shipped one from
 * `data/articles/<id>.json`, an added one from this device's IndexedDB.
 */
export function articleQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['article', id],
    queryFn: async (): Promise<Article> => {
      if (isOwnArticleId(id)) {
        const article = await (await loadOwnArticleDb()).getOwnArticle(id);
        if (!article) throw new Error("This added article isn't on this device (it was deleted).");
        return article;
      }
      const article = parseArticle(
        await fetchJson(dataUrl(`articles/${encodeURIComponent(id)}.json`), `Article "${id}"`),
        id,
      );
      if (article.id !== id) {
        throw new Error(`Article "${id}": field "id" is "${article.id}", not the file's name.`);
      }
      return article;
    },
    staleTime: Infinity,
    retry: false,
    // A failed article shows its error with Retry; parts that load later and read the same
    // article must not refetch it behind the reader's back (the error would vanish under a click).
    retryOnMount: false,
  });
}
