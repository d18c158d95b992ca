import { useSyncExternalStore } from 'react';
import { findCounterparts, type Counterpart } from '../../core/compare/counterparts.ts';
import { loadRelatedWords, type RelatedWords } from '../../core/compare/related-words.ts';
import type { LoadedArticle } from '../reader/use-reader-data.ts';

/**
 * The related-word table (WordNet, see core/compare/related-words.ts) as counterpart search
 * gets it: `loading` until its chunk arrives, then the table, or null if it could not be
 * fetched (offline on a new deployment): then only words of the same stem meet.
 */
export type WordsState = RelatedWords | null | 'loading';

let words: WordsState = 'loading';
let requested = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Fetched on first use, not when this module loads: the claim card that imports it is
  // prefetched on idle, and the table is only needed once a passage is compared.
  if (!requested) {
    requested = true;
    loadRelatedWords()
      .then(
        (table) => {
          words = table;
        },
        () => {
          words = null;
        },
      )
      .finally(() => {
        for (const notify of listeners) notify();
      });
  }
  return () => listeners.delete(listener);
}

const current = () => words;
const onServer = (): WordsState => 'loading';

/** The related-word table, fetched on first use; re-renders when it arrives. */
export function useRelatedWords(): WordsState {
  return useSyncExternalStore(subscribe, current, onServer);
}

/** A passage, and what the other report has of it. */
export interface CounterpartResult {
  readonly source: LoadedArticle;
  readonly other: LoadedArticle;
  readonly counterparts: readonly Counterpart[];
}

/**
 * The counterparts in the other loaded article of [start, end) of `articleId`, if both are
 * loaded and the related-word table has been settled (loaded or failed); null otherwise.
 */
export function counterpartsOf(
  passage: { readonly articleId: string; readonly start: number; readonly end: number },
  ids: readonly string[],
  loaded: ReadonlyMap<string, LoadedArticle>,
  table: WordsState = words,
): CounterpartResult | null {
  const source = loaded.get(passage.articleId);
  const otherId = ids.find((id) => id !== passage.articleId);
  const other = otherId === undefined ? undefined : loaded.get(otherId);
  if (!source || !other || table === 'loading') return null;
  const counterparts = findCounterparts(
    { article: source.text, range: { start: passage.start, end: passage.end } },
    other.text,
    table,
  );
  return { source, other, counterparts };
}
