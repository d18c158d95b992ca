import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Counterpart } from '../../core/compare/counterparts.ts';
import type { LoadedArticle } from '../reader/use-reader-data.ts';
import {
  acquireCounterparts,
  acquireCoverage,
  answeredWithoutRelatedWords,
  counterpartJobs,
  coverageJobs,
  coverageKey,
  passageKey,
  subscribe,
  warmUp,
  type JobStatus,
  type PassageQuery,
} from './counterpart-client.ts';

export type { JobStatus };

/** A passage of one of the articles shown. */
export interface Passage {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
}

/** A passage, the other report, and where finding its counterparts there stands. */
export interface CounterpartResult {
  readonly source: LoadedArticle;
  readonly other: LoadedArticle;
  readonly status: JobStatus<readonly Counterpart[]>;
  /** Stops the search (Cancel); `retry` starts it again. */
  readonly cancel: () => void;
  readonly retry: () => void;
}

/** The query for a passage against the other article shown, if both are loaded. */
function queryOf(
  passage: Passage,
  ids: readonly string[],
  loaded: ReadonlyMap<string, LoadedArticle>,
): { query: PassageQuery; source: LoadedArticle; other: LoadedArticle } | null {
  const source = loaded.get(passage.articleId);
  const otherId = ids.find((id) => id !== passage.articleId);
  const other = otherId === undefined ? undefined : loaded.get(otherId);
  if (!source || !other || otherId === undefined) return null;
  return {
    source,
    other,
    query: {
      source: source.text,
      sourceId: passage.articleId,
      other: other.text,
      otherId,
      start: passage.start,
      end: passage.end,
    },
  };
}

const NO_KEY = '';

/**
 * Starts the comparer ahead of a request; with `prepare`, also prepares the two articles shown
 * (see warmUp), for a reader who has claims on them and may open one.
 */
export function warmUpComparer(
  ids: readonly string[],
  loaded: ReadonlyMap<string, LoadedArticle>,
  prepare: boolean,
): void {
  const first = ids[0];
  const pair =
    prepare && first !== undefined
      ? queryOf({ articleId: first, start: 0, end: 0 }, ids, loaded)
      : null;
  warmUp(pair?.query);
}

/**
 * The counterparts in the other loaded article of `passage`, found off the page's thread (see
 * counterpart-client.ts); null until both articles are loaded. A request no longer needed (the
 * passage changed, the card closed) is cancelled.
 */
export function useCounterparts(
  passage: Passage | null,
  ids: readonly string[],
  loaded: ReadonlyMap<string, LoadedArticle>,
): CounterpartResult | null {
  const found = useMemo(
    () => (passage ? queryOf(passage, ids, loaded) : null),
    [passage, ids, loaded],
  );
  const key = found ? passageKey(found.query) : NO_KEY;
  const status = useSyncExternalStore(
    subscribe,
    () => counterpartJobs.status(key),
    () => counterpartJobs.status(NO_KEY),
  );
  useEffect(() => (found ? acquireCounterparts(found.query) : undefined), [found]);
  if (!found) return null;
  return {
    source: found.source,
    other: found.other,
    status,
    cancel: () => counterpartJobs.cancel(key),
    retry: () => counterpartJobs.retry(key),
  };
}

/** Where finding the counterparts of a list of passages stands (the coverage grid). */
export interface CoverageResult {
  /** Per passage, in order: its other article's id, or null when it has no other loaded. */
  readonly others: readonly (string | null)[];
  /** Per passage with another article, in the same order, its counterparts when done. */
  readonly status: JobStatus<readonly (readonly Counterpart[])[]>;
  readonly cancel: () => void;
  readonly retry: () => void;
}

/** The counterparts of each passage in the other loaded article, found off the page's thread. */
export function useCoverage(
  passages: readonly Passage[],
  ids: readonly string[],
  loaded: ReadonlyMap<string, LoadedArticle>,
): CoverageResult {
  const found = useMemo(() => {
    const queries: PassageQuery[] = [];
    const others = passages.map((passage) => {
      const q = queryOf(passage, ids, loaded);
      if (q) queries.push(q.query);
      return q ? q.query.otherId : null;
    });
    return { queries, others };
  }, [passages, ids, loaded]);
  const key = coverageKey(found.queries);
  const status = useSyncExternalStore(
    subscribe,
    () => coverageJobs.status(key),
    () => coverageJobs.status(NO_KEY),
  );
  useEffect(() => (found.queries.length > 0 ? acquireCoverage(found.queries) : undefined), [found]);
  return {
    others: found.others,
    status: found.queries.length === 0 ? { state: 'done', value: [] } : status,
    cancel: () => coverageJobs.cancel(key),
    retry: () => coverageJobs.retry(key),
  };
}

/** Whether the comparer's answers were found without related words (their table did not load). */
export function useWithoutRelatedWords(): boolean {
  return useSyncExternalStore(subscribe, answeredWithoutRelatedWords, () => false);
}
