/**
 * Fetches the related-word table (core/compare/related-words.ts) as one file of the build, so
 * that the counterpart worker and the page's fallback engine share it: bundled into each, the
 * build and the offline cache carried it twice.
 */
import {
  parseRelatedWordsTable,
  relatedWordsFrom,
  type RelatedWords,
} from '../../core/compare/related-words.ts';
import tableUrl from '../../core/compare/wordnet-related.json?url';

/** The related-word table, fetched and checked; rejects when it cannot be had. */
export async function fetchRelatedWords(): Promise<RelatedWords> {
  const response = await fetch(tableUrl);
  if (!response.ok)
    throw new Error(`The related-word table could not be loaded (HTTP ${response.status}).`);
  const table = parseRelatedWordsTable(await response.json());
  if (table === null) throw new Error('The related-word table is not in the expected form.');
  return relatedWordsFrom(table);
}
