import Dexie, { type EntityTable } from 'dexie';
import { parseArticle, type Article } from '../../core/articles/article-schema.ts';
import { articleSize, ArticleInputError } from '../../core/articles/own-article.ts';

/** One added article as kept in IndexedDB. */
export interface StoredArticle {
  readonly id: string;
  readonly article: Article;
  /** When it was added (ISO 8601). */
  readonly addedAt: string;
  /** Characters of canonical text. */
  readonly size: number;
}

/** What the library lists of an added article (everything but its text). */
export interface OwnArticleSummary {
  readonly id: string;
  readonly outlet: string;
  readonly headline: string;
  readonly published?: string;
  readonly url?: string;
  readonly addedAt: string;
  readonly size: number;
}

/** Name of the IndexedDB database that keeps added articles. */
export const OWN_ARTICLES_DB_NAME = 'fact-check-reader-articles';

class OwnArticlesDb extends Dexie {
  articles!: EntityTable<StoredArticle, 'id'>;
  constructor() {
    super(OWN_ARTICLES_DB_NAME);
    this.version(1).stores({ articles: 'id, addedAt' });
  }
}

let db: OwnArticlesDb | undefined;
function database(): OwnArticlesDb {
  db ??= new OwnArticlesDb();
  return db;
}

function isQuotaError(error: unknown): boolean {
  const names = [
    (error as { name?: unknown } | null)?.name,
    (error as { inner?: { name?: unknown } } | null)?.inner?.name,
  ];
  return names.some((name) => name === 'QuotaExceededError');
}

function summaryOf(stored: StoredArticle): OwnArticleSummary {
  const { article } = stored;
  return {
    id: stored.id,
    outlet: article.outlet,
    headline: article.headline,
    ...(article.published === undefined ? {} : { published: article.published }),
    ...(article.url === undefined ? {} : { url: article.url }),
    addedAt: stored.addedAt,
    size: stored.size,
  };
}

/** Every added article, oldest first, without its text. */
export async function listOwnArticles(): Promise<OwnArticleSummary[]> {
  const all = await database().articles.orderBy('addedAt').toArray();
  return all.map(summaryOf);
}

/** One added article, validated like every other article; undefined if it is not on this device. */
export async function getOwnArticle(id: string): Promise<Article | undefined> {
  const stored = await database().articles.get(id);
  return stored ? parseArticle(stored.article, id) : undefined;
}

/**
 * Keeps an added article; the same text added again is the same article and is left as it was.
 * Throws an ArticleInputError the reader can read when the device's storage is full.
 */
export async function saveOwnArticle(
  article: Article,
  addedAt = new Date().toISOString(),
): Promise<{ added: boolean }> {
  try {
    return await database().transaction('rw', database().articles, async () => {
      if (await database().articles.get(article.id)) return { added: false };
      await database().articles.add({
        id: article.id,
        article,
        addedAt,
        size: articleSize(article),
      });
      return { added: true };
    });
  } catch (error) {
    if (isQuotaError(error)) {
      throw new ArticleInputError(
        'Could not save the article: this device’s storage for the reader is full. Delete an added article or free space, then try again. Nothing was changed.',
      );
    }
    throw error;
  }
}

/** Gives an added article a new title; its id (the hash of the text it was added with) stays. */
export async function renameOwnArticle(id: string, headline: string): Promise<void> {
  const stored = await database().articles.get(id);
  if (!stored) return;
  await database().articles.put({ ...stored, article: { ...stored.article, headline } });
}

/** Removes an added article and returns what was removed, for Undo. */
export async function deleteOwnArticle(id: string): Promise<StoredArticle | undefined> {
  return database().transaction('rw', database().articles, async () => {
    const stored = await database().articles.get(id);
    if (stored) await database().articles.delete(id);
    return stored;
  });
}

/** Puts back an article removed by deleteOwnArticle. */
export async function restoreOwnArticle(stored: StoredArticle): Promise<void> {
  await database().articles.put(stored);
}
