import { queryOptions } from '@tanstack/react-query';
import {
  parseArticle,
  parseManifest,
  type Article,
  type Manifest,
} from '../../core/articles/article-schema.ts';

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

/** One article (`data/articles/<id>.json`), validated against the article schema. */
export function articleQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['article', id],
    queryFn: async (): Promise<Article> => {
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
  });
}
