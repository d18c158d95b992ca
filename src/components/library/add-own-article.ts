import type { QueryClient } from '@tanstack/react-query';
import {
  articleQueryOptions,
  loadOwnArticleDb,
  ownArticlesQueryOptions,
} from '../../api/articles/article-queries.ts';
import type { Article } from '../../core/articles/article-schema.ts';
import { noteOwnArticleAdded, setArticlePair } from './article-pair.ts';

/**
 * Keeps an article on the device and shows it beside the article that was on the right. Throws
 * an ArticleInputError (full storage) before anything changes.
 */
export async function addOwnArticle(
  client: QueryClient,
  article: Article,
  shown: readonly string[],
): Promise<{ added: boolean }> {
  const db = await loadOwnArticleDb();
  const outcome = await db.saveOwnArticle(article);
  noteOwnArticleAdded();
  // The list and the article are current before the pair names it, so it is never "missing".
  await client.fetchQuery({ ...ownArticlesQueryOptions(), staleTime: 0 });
  await client.resetQueries({ queryKey: articleQueryOptions(article.id).queryKey });
  const other = shown[1] !== article.id ? shown[1] : shown[0];
  if (other !== undefined && other !== article.id) setArticlePair([other, article.id]);
  return outcome;
}
