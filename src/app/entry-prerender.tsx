import { dehydrate } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { parseArticle, parseManifest } from '../core/articles/article-schema.ts';
import { App } from './App.tsx';
import { serializePrerenderState } from './prerender-state.ts';
import { Providers } from './Providers.tsx';
import { createQueryClient } from './query-client.ts';
import { articleQueryOptions, manifestQueryOptions } from '../api/articles/article-queries.ts';

/** Build-time render: validates the data files, renders the page and the state it hydrates from. */
export function render(
  manifestJson: unknown,
  readArticleJson: (id: string) => unknown,
): { html: string; state: string } {
  const client = createQueryClient();
  const manifest = parseManifest(manifestJson);
  client.setQueryData(manifestQueryOptions().queryKey, manifest);
  for (const id of manifest.articles) {
    const article = parseArticle(readArticleJson(id), id);
    if (article.id !== id) throw new Error(`Article "${id}": field "id" is "${article.id}".`);
    client.setQueryData(articleQueryOptions(id).queryKey, article);
  }
  const html = renderToString(
    <Providers client={client}>
      <App />
    </Providers>,
  );
  return { html, state: serializePrerenderState(dehydrate(client)) };
}
