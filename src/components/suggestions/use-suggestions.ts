import { useMemo } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import type { Highlight } from '../reader/ArticleView.tsx';
import { lazyModule, useLazyModule } from '../ui/lazy-module.ts';
import { useClaimAnchors } from '../reader/use-reader-data.ts';

/** The suggestion analysis (quote attribution, check-worthy sentences), loaded on first use. */
export const suggestionAnalysis = lazyModule(
  'suggested claims',
  () => import('./suggestion-analysis.ts'),
);

/** What an article's open suggestions depend on: its text, its claims, dismissals, Show all. */
export function useSuggestionInputs(articleId: string) {
  const { byArticle, loaded } = useClaimAnchors();
  const dismissed = useAppStore((s) => s.dismissedSuggestions);
  const all = useAppStore((s) => s.allSuggestionsShown);
  return { text: loaded.get(articleId)?.text, anchors: byArticle.get(articleId), dismissed, all };
}

const NO_HIGHLIGHTS: readonly Highlight[] = [];

/** Suggestions drawn in the text (when the reader has them shown and the analysis has loaded). */
export function useSuggestionHighlights(articleId: string): readonly Highlight[] {
  const shown = useAppStore((s) => s.suggestionsShown);
  const analysis = useLazyModule(suggestionAnalysis, shown);
  const { text, anchors, dismissed, all } = useSuggestionInputs(articleId);
  return useMemo(
    () =>
      shown && analysis
        ? analysis.suggestionHighlights(
            analysis.openSuggestionsOf(articleId, text, anchors, dismissed, all),
          )
        : NO_HIGHLIGHTS,
    [shown, analysis, articleId, text, anchors, dismissed, all],
  );
}
