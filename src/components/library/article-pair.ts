import { useSyncExternalStore } from 'react';
import { isOwnArticleId } from '../../core/articles/own-article-id.ts';

/** The page address's parameter that names the two articles shown, e.g. `?pair=a,b`. */
export const PAIR_PARAM = 'pair';

const STORAGE_KEY = 'fact-check-reader:pair';
const OWN_ARTICLES_KEY = 'fact-check-reader:has-own-articles';
// Slugs: shipped ids and `own-` hashes alike.
const ID = /^[a-z0-9][a-z0-9-]{0,199}$/;

function parsePair(value: string | null | undefined): readonly [string, string] | null {
  const ids = value?.split(',') ?? [];
  const [first, second] = ids;
  if (ids.length !== 2 || !first || !second || first === second) return null;
  return ID.test(first) && ID.test(second) ? [first, second] : null;
}

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Private mode or full storage: the pair is still in the page address.
  }
}

let current: readonly [string, string] | null | undefined;
const listeners = new Set<() => void>();

function snapshot(): readonly [string, string] | null {
  current ??=
    parsePair(new URL(window.location.href).searchParams.get(PAIR_PARAM)) ??
    parsePair(readStored(STORAGE_KEY));
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const serverSnapshot = () => null;

/**
 * Shows `pair` side by side: remembered on this device and written into the page address (so
 * it can be bookmarked); `null` goes back to the shipped pair.
 */
export function setArticlePair(pair: readonly [string, string] | null): void {
  current = pair;
  writeStored(STORAGE_KEY, pair && pair.join(','));
  const url = new URL(window.location.href);
  if (pair) url.searchParams.set(PAIR_PARAM, pair.join(','));
  else url.searchParams.delete(PAIR_PARAM);
  window.history.replaceState(window.history.state, '', url.href);
  for (const listener of listeners) listener();
}

/**
 * The ids of the two articles shown: the chosen pair, or the shipped ones (also while the
 * pre-rendered page hydrates, which shows those). A shipped id not in `shipped` is not chosen.
 */
export function useArticlePair(shipped: readonly string[]): readonly string[] {
  const pair = useSyncExternalStore(subscribe, snapshot, serverSnapshot);
  if (!pair || shipped.length === 0) return shipped;
  const known = (id: string) => isOwnArticleId(id) || shipped.includes(id);
  return known(pair[0]) && known(pair[1]) ? pair : shipped;
}

/** Whether the reader has added an article on this device (so the library is worth loading). */
export function hasOwnArticles(): boolean {
  return readStored(OWN_ARTICLES_KEY) === '1';
}

/** Notes that the reader has added an article on this device. */
export function noteOwnArticleAdded(): void {
  writeStored(OWN_ARTICLES_KEY, '1');
}
