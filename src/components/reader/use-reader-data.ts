import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import {
  articleQueryOptions,
  manifestQueryOptions,
  ownArticlesQueryOptions,
} from '../../api/articles/article-queries.ts';
import type { Article } from '../../core/articles/article-schema.ts';
import { articleText, type ArticleText } from '../../core/articles/article-text.ts';
import {
  anchorArticleClaims,
  withClaimsReplaced,
  type ArticleAnchors,
  type Reanchor,
} from '../../core/anchoring/claim-anchors.ts';
import type { Claim } from '../../core/claims/claim.ts';
import { useAppStore } from '../../store/app-store.ts';
import { hasOwnArticles, useArticlePair } from '../library/article-pair.ts';
import { lazyModule, useLazyModule } from '../ui/lazy-module.ts';
import { useHydrated } from '../ui/use-hydrated.ts';

/** The re-anchoring code, loaded only when a claim was made on another version of a text. */
const reanchorModule = lazyModule(
  'code that places claims made on another version',
  () => import('../../core/anchoring/reanchor.ts'),
);

/** A loaded article with its canonical text. */
export interface LoadedArticle {
  readonly article: Article;
  readonly text: ArticleText;
}

const NO_IDS: readonly string[] = [];
const NO_CLAIMS: Readonly<Record<string, Claim>> = {};

/**
 * The ids of the two articles shown (the chosen pair, see article-pair.ts) and those that have
 * loaded, with their canonical text.
 */
export function useLoadedArticles(): {
  ids: readonly string[];
  loaded: ReadonlyMap<string, LoadedArticle>;
} {
  const manifest = useQuery(manifestQueryOptions());
  const ids = useArticlePair(manifest.data?.articles ?? NO_IDS);
  const articles = useQueries({
    queries: ids.map((id) => articleQueryOptions(id)),
    combine: articleData,
  });
  const loaded = useMemo(() => loadedMap(articles), [articles]);
  return { ids, loaded };
}

// Every component gets the same map while the articles are the same, so work keyed on it is shared.
let lastLoaded:
  { articles: readonly (Article | undefined)[]; map: Map<string, LoadedArticle> } | undefined;

function loadedMap(articles: readonly (Article | undefined)[]): ReadonlyMap<string, LoadedArticle> {
  if (
    lastLoaded?.articles.length === articles.length &&
    lastLoaded.articles.every((article, i) => article === articles[i])
  ) {
    return lastLoaded.map;
  }
  const map = new Map<string, LoadedArticle>();
  for (const article of articles) {
    if (article) map.set(article.id, { article, text: textOf(article) });
  }
  lastLoaded = { articles, map };
  return map;
}

// Module-level so react-query keeps the combined array's identity while no article changes.
function articleData(results: readonly { data?: Article | undefined }[]): (Article | undefined)[] {
  return results.map((r) => r.data);
}

const texts = new WeakMap<Article, ArticleText>();
function textOf(article: Article): ArticleText {
  let text = texts.get(article);
  if (!text) {
    text = articleText(article);
    texts.set(article, text);
  }
  return text;
}

/** Every claim, anchored in its loaded article, plus claims whose article is not available. */
export interface ClaimAnchors {
  readonly byArticle: ReadonlyMap<string, ArticleAnchors>;
  /**
   * Claims on articles neither shown nor on this device (e.g. an added article since deleted):
   * kept and listed, never dropped. Claims on a stored article that is not shown are in neither.
   */
  readonly unavailable: readonly Claim[];
}

/** Anchors the saved claims in the loaded articles (cached per claim target, so cheap). */
export function useClaimAnchors(): ClaimAnchors & {
  ids: readonly string[];
  loaded: ReadonlyMap<string, LoadedArticle>;
  /** The code to place claims made on another version of a text could not be loaded. */
  reanchorFailed: boolean;
} {
  const { ids, loaded } = useLoadedArticles();
  const storedClaims = useAppStore((s) => s.claims);
  const hydrated = useHydrated();
  const claims = hydrated ? storedClaims : NO_CLAIMS;
  const reanchor = useReanchorCode();
  // The reader's added articles, asked for only on a device where some were added.
  const own = useQuery({ ...ownArticlesQueryOptions(), enabled: hydrated && hasOwnArticles() });
  const stored = storedIds(own.data);
  const anchors = useMemo(
    () => anchorAll(claims, ids, stored, loaded, reanchor),
    [claims, ids, stored, loaded, reanchor],
  );
  const reanchorFailed = useLoadReanchorCodeWhile(
    [...anchors.byArticle.values()].some((a) => a.pending.length > 0),
  );
  return { ...anchors, ids, loaded, reanchorFailed };
}

/** The re-anchoring function, once its code has loaded (see useLoadReanchorCodeWhile). */
export function useReanchorCode(): Reanchor | undefined {
  return useLazyModule(reanchorModule, false)?.reanchorAll;
}

/**
 * Loads the re-anchoring code while some claims wait for it (anchorArticleClaims' `pending`):
 * asked for only then, since claims made on the text shown never need it. True if it failed.
 */
export function useLoadReanchorCodeWhile(pending: boolean): boolean {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!pending) return;
    let live = true;
    reanchorModule.load().catch(() => {
      // Offline with a newer deployment: the claims stay kept, and the claims panel says so.
      if (live) setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [pending]);
  return failed;
}

// One set per list of added articles, shared by every component, so that the anchors cached
// below serve them all (a set per component made each one anchor every claim again).
let lastStored:
  { list: readonly { id: string }[] | undefined; ids: ReadonlySet<string> } | undefined;
function storedIds(list: readonly { id: string }[] | undefined): ReadonlySet<string> {
  if (lastStored?.list !== list || !lastStored) {
    lastStored = { list, ids: new Set(list?.map((a) => a.id)) };
  }
  return lastStored.ids;
}

// Several components anchor the same claims on each change; the last result serves them all.
let lastAnchors:
  | {
      claims: Readonly<Record<string, Claim>>;
      ids: readonly string[];
      stored: ReadonlySet<string>;
      loaded: ReadonlyMap<string, LoadedArticle>;
      reanchor: Reanchor | undefined;
      result: ClaimAnchors;
    }
  | undefined;

function anchorAll(
  claims: Readonly<Record<string, Claim>>,
  ids: readonly string[],
  stored: ReadonlySet<string>,
  loaded: ReadonlyMap<string, LoadedArticle>,
  reanchor: Reanchor | undefined,
): ClaimAnchors {
  if (
    lastAnchors?.claims === claims &&
    lastAnchors.ids === ids &&
    lastAnchors.stored === stored &&
    lastAnchors.loaded === loaded &&
    lastAnchors.reanchor === reanchor
  ) {
    return lastAnchors.result;
  }
  const patched =
    lastAnchors?.ids === ids &&
    lastAnchors.stored === stored &&
    lastAnchors.loaded === loaded &&
    lastAnchors.reanchor === reanchor
      ? patchedAnchors(lastAnchors.claims, claims, lastAnchors.result)
      : null;
  if (patched) {
    lastAnchors = { claims, ids, stored, loaded, reanchor, result: patched };
    return patched;
  }
  const grouped = new Map<string, Claim[]>();
  for (const claim of Object.values(claims)) {
    const list = grouped.get(claim.target.articleId) ?? [];
    list.push(claim);
    grouped.set(claim.target.articleId, list);
  }
  const byArticle = new Map<string, ArticleAnchors>();
  const unavailable: Claim[] = [];
  for (const [articleId, list] of grouped) {
    const entry = loaded.get(articleId);
    if (entry) byArticle.set(articleId, anchorArticleClaims(entry.text.text, list, reanchor));
    else if (!ids.includes(articleId) && !stored.has(articleId)) unavailable.push(...list);
  }
  const result = { byArticle, unavailable };
  lastAnchors = { claims, ids, stored, loaded, reanchor, result };
  return result;
}

// Beyond this many changed claims at once (an import, a merge from another tab), anchoring all
// again is as cheap as patching.
const MAX_PATCHED_CLAIMS = 16;

/**
 * The anchors after an edit that left every claim where it was (status, note, evidence, tags):
 * the changed claims swapped into the previous result, so one status change costs the same with
 * 2,000 claims as with 20. Null when a claim was added, removed or moved: anchor all again.
 */
function patchedAnchors(
  before: Readonly<Record<string, Claim>>,
  after: Readonly<Record<string, Claim>>,
  previous: ClaimAnchors,
): ClaimAnchors | null {
  const ids = Object.keys(after);
  if (ids.length !== Object.keys(before).length) return null;
  const changed: Claim[] = [];
  for (const id of ids) {
    const now = after[id];
    const was = Object.hasOwn(before, id) ? before[id] : undefined;
    if (now === was) continue;
    if (!now || !was || now.target !== was.target) return null;
    changed.push(now);
    if (changed.length > MAX_PATCHED_CLAIMS) return null;
  }
  const byArticle = new Map<string, ArticleAnchors>();
  for (const [articleId, anchors] of previous.byArticle) {
    byArticle.set(
      articleId,
      withClaimsReplaced(
        anchors,
        changed.filter((claim) => claim.target.articleId === articleId),
      ),
    );
  }
  const unavailableIds = new Set(changed.map((claim) => claim.id));
  const unavailable = previous.unavailable.some((claim) => unavailableIds.has(claim.id))
    ? previous.unavailable.map((claim) => changed.find((c) => c.id === claim.id) ?? claim)
    : previous.unavailable;
  return { byArticle, unavailable };
}
