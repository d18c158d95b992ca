import { useQuery } from '@tanstack/react-query';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { articleQueryOptions } from '../../api/articles/article-queries.ts';
import { handleArticleSelectionKey } from '../../dom/claims/keyboard-selection.ts';
import { anchorArticleClaims } from '../../core/anchoring/claim-anchors.ts';
import type { Claim } from '../../core/claims/claim.ts';
import { useAppStore } from '../../store/app-store.ts';
import { ArticleSkeleton } from './ArticleSkeleton.tsx';
import {
  ArticleView,
  COMPARISON_SOURCE_ID,
  PASSAGE_HIGHLIGHT_ID,
  type Highlight,
} from './ArticleView.tsx';
import { LoadError } from '../ui/LoadError.tsx';
import { SELECTION_TOOLBAR_ID, SHARED_REGION_ID } from './element-ids.ts';
import { lazyModule } from '../ui/lazy-module.ts';
import { useSuggestionHighlights } from '../suggestions/use-suggestions.ts';
import { useClaimAnchors, useLoadReanchorCodeWhile, useReanchorCode } from './use-reader-data.ts';

const NO_HIGHLIGHTS: readonly Highlight[] = [];

/** The columns' scroll geometry, loaded with the first jump to a passage (not needed to read). */
const columnScroll = lazyModule('column scrolling', () => import('./column-scroll.ts'));

// One Highlight object per unchanged claim and range, so blocks can compare them by identity.
const highlightCache = new WeakMap<Claim, Highlight>();
function highlightOf(claim: Claim, start: number, end: number, shared = false): Highlight {
  const known = highlightCache.get(claim);
  if (known?.start === start && known.end === end && known.shared === shared) return known;
  const highlight = { id: claim.id, start, end, status: claim.status, shared };
  highlightCache.set(claim, highlight);
  return highlight;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Loads one article and shows it with its claims, or its skeleton, or its error with Retry. */
export function ArticleColumn({ articleId }: { articleId: string }) {
  const query = useQuery(articleQueryOptions(articleId));
  const { byArticle, loaded } = useClaimAnchors();
  const ownClaims = useAppStore((s) => s.claims);
  const isOwn = useCallback((id: string) => Object.hasOwn(ownClaims, id), [ownClaims]);
  const openClaim = useAppStore((s) => s.openClaim);
  const openSuggestion = useAppStore((s) => s.openSuggestion);
  const focusRequest = useAppStore((s) => s.focusRequest);
  const clearFocusRequest = useAppStore((s) => s.clearFocusRequest);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const anchors = byArticle.get(articleId);
  const shared = useAppStore((s) => s.shared);
  const canonical = loaded.get(articleId)?.text.text;
  const passageFocus = useAppStore((s) => s.passageFocus);
  const passage = passageFocus?.articleId === articleId ? passageFocus : null;
  const suggestionHighlights = useSuggestionHighlights(articleId);
  const comparison = useAppStore((s) => s.comparison);
  const source = comparison?.articleId === articleId ? comparison : null;
  const extra = useMemo(() => {
    const passages: Highlight[] = [];
    if (source) {
      passages.push({ ...source, id: COMPARISON_SOURCE_ID, status: 'open', kind: 'passage' });
    }
    if (passage) {
      passages.push({ ...passage, id: PASSAGE_HIGHLIGHT_ID, status: 'open', kind: 'passage' });
    }
    return passages.length === 0 ? suggestionHighlights : [...suggestionHighlights, ...passages];
  }, [passage, source, suggestionHighlights]);
  // Shared claims may have been made on another version of the text (see use-reader-data).
  const reanchor = useReanchorCode();
  const sharedAnchors = useMemo(
    () =>
      shared && canonical !== undefined
        ? anchorArticleClaims(
            canonical,
            shared.claims.filter((c) => c.target.articleId === articleId && !isOwn(c.id)),
            reanchor,
          )
        : undefined,
    [shared, canonical, articleId, isOwn, reanchor],
  );
  useLoadReanchorCodeWhile((sharedAnchors?.pending.length ?? 0) > 0);
  const highlights = useMemo(() => {
    const own = anchors?.anchored.map(({ claim, start, end }) => highlightOf(claim, start, end));
    const others =
      sharedAnchors?.anchored.map(({ claim, start, end }) =>
        highlightOf(claim, start, end, true),
      ) ?? [];
    if (others.length === 0 && extra.length === 0) return own ?? NO_HIGHLIGHTS;
    return [...(own ?? []), ...others, ...extra];
  }, [anchors, sharedAnchors, extra]);
  const flashId =
    focusRequest && highlights.some((h) => h.id === focusRequest.claimId)
      ? focusRequest.claimId
      : null;

  // A counterpart or coverage cell was chosen: bring the passage into view and focus it. When it
  // is the counterpart of a passage in the other column, line the two up side by side.
  useEffect(() => {
    if (!passage) return;
    const mark = containerRef.current?.querySelector<HTMLElement>(
      `mark[data-passage="${PASSAGE_HIGHLIGHT_ID}"][data-first]`,
    );
    if (!mark) return;
    const source = document.querySelector<HTMLElement>(
      `mark[data-passage="${COMPARISON_SOURCE_ID}"][data-first]`,
    );
    const beside = source && !containerRef.current?.contains(source) ? source : null;
    mark.focus({ preventScroll: true });
    let cancelled = false;
    columnScroll.load().then(
      ({ alignBeside, revealPassage }) => {
        if (cancelled) return;
        if (!beside || !alignBeside(beside, mark)) revealPassage(mark);
      },
      // Offline: the code did not load; the browser's own scroll still brings it into view.
      () => mark.scrollIntoView({ block: 'center' }),
    );
    return () => {
      cancelled = true;
    };
  }, [passage]);

  // A jump from the panel, a permalink or the next/previous keys: scroll, flash and focus.
  useEffect(() => {
    if (!flashId) return;
    const mark = containerRef.current?.querySelector<HTMLElement>(
      `mark[data-claim-id="${CSS.escape(flashId)}"][data-first]`,
    );
    if (!mark) return;
    const instant = focusRequest?.instant === true || prefersReducedMotion();
    mark.scrollIntoView({ block: 'center', behavior: instant ? 'auto' : 'smooth' });
    mark.focus({ preventScroll: true });
    const timer = window.setTimeout(clearFocusRequest, 2000);
    return () => window.clearTimeout(timer);
  }, [flashId, focusRequest?.nonce, focusRequest?.instant, clearFocusRequest]);

  if (query.isPending) return <ArticleSkeleton label="Loading article…" />;
  if (query.isError)
    return (
      <LoadError
        title="This article could not be shown."
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );

  const canonicalText = loaded.get(articleId)?.text.text;

  const activate = (target: EventTarget) => {
    if (!(target instanceof Element)) return false;
    const suggestion = target.closest<HTMLElement>('[data-suggestion-button]');
    if (suggestion) {
      openSuggestion(suggestion.dataset.suggestionButton ?? null);
      return true;
    }
    const mark = target.closest<HTMLElement>('mark[data-claim-id]');
    const id = mark?.dataset.claimId;
    if (!id) return false;
    if (mark.dataset.shared !== undefined) {
      // A shared claim is read-only: its verdict and Save are in the shared region.
      document.getElementById(SHARED_REGION_ID)?.focus();
      return true;
    }
    openClaim(id);
    return true;
  };

  const onClick = (event: MouseEvent) => {
    // A drag that made a selection is not a click on the highlight.
    if (!document.getSelection()?.isCollapsed) return;
    activate(event.target);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
      const selection = document.getSelection();
      if (selection && !selection.isCollapsed) {
        const firstButton = document.querySelector<HTMLElement>(`#${SELECTION_TOOLBAR_ID} button`);
        if (firstButton) {
          event.preventDefault();
          firstButton.focus();
          return;
        }
      }
      if (activate(event.target)) event.preventDefault();
      return;
    }
    const article = containerRef.current?.querySelector<HTMLElement>('article');
    if (article && canonicalText !== undefined) {
      handleArticleSelectionKey(event.nativeEvent, article, canonicalText);
    }
  };

  return (
    // Delegated handlers: the marks inside are the interactive elements (focusable, Enter/click).
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div ref={containerRef} onClick={onClick} onKeyDown={onKeyDown}>
      <ArticleView article={query.data} highlights={highlights} flashId={flashId} />
    </div>
  );
}
