/** Ids of added articles start with this; shipped articles never do. */
export const OWN_ARTICLE_ID_PREFIX = 'own-';

/** Whether an article id names an article the reader added (kept on the device). */
export function isOwnArticleId(id: string): boolean {
  return id.startsWith(OWN_ARTICLE_ID_PREFIX);
}
