import { useMemo } from 'react';
import type { ArticleText } from '../../core/articles/article-text.ts';
import type { ArticleAnchors } from '../../core/anchoring/claim-anchors.ts';
import {
  mostCheckWorthy,
  suggestClaims,
  suggestionKey,
  type Suggestion,
} from '../../core/suggestions/claim-suggestions.ts';
import {
  attributeQuotes,
  REPORTER_KEY,
  speakerLabel,
  type AttributedQuote,
} from '../../core/suggestions/quote-attribution.ts';
import { useAppStore } from '../../store/app-store.ts';
import type { Highlight } from '../reader/ArticleView.tsx';
import { useClaimAnchors } from '../reader/use-reader-data.ts';
import { useSuggestionInputs } from './use-suggestions.ts';

// Quote attribution and claim suggestions are not needed to read, so this module loads lazily:
// with the claims panel, the coverage grid, or when suggestions are first shown.

/** What the text of one article says about itself: its direct quotes and check-worthy sentences. */
export interface ArticleAnalysis {
  readonly quotes: readonly AttributedQuote[];
  readonly suggestions: readonly Suggestion[];
  /** The most check-worthy of them: at most one sentence in four (what is shown by default). */
  readonly topSuggestions: readonly Suggestion[];
}

const analyses = new WeakMap<ArticleText, ArticleAnalysis>();

/** The quotes and suggestions of an article's canonical text, computed once per text. */
export function analyseArticle(text: ArticleText): ArticleAnalysis {
  let analysis = analyses.get(text);
  if (!analysis) {
    const quotes = attributeQuotes(text);
    const suggestions = suggestClaims(text, quotes);
    analysis = { quotes, suggestions, topSuggestions: mostCheckWorthy(text, suggestions) };
    analyses.set(text, analysis);
  }
  return analysis;
}

/** A suggestion with the key its dismissal is remembered by. */
export interface KeyedSuggestion {
  readonly key: string;
  readonly articleId: string;
  readonly suggestion: Suggestion;
}

const NO_SUGGESTIONS: readonly KeyedSuggestion[] = [];

/**
 * The suggestions of one article still worth showing: not dismissed, not already a claim; of
 * the most check-worthy quarter of its sentences unless `all`.
 */
export function openSuggestionsOf(
  articleId: string,
  text: ArticleText | undefined,
  anchors: ArticleAnchors | undefined,
  dismissed: Readonly<Record<string, true>>,
  all = false,
): readonly KeyedSuggestion[] {
  if (!text) return NO_SUGGESTIONS;
  const claimed = new Set(anchors?.anchored.map((a) => `${a.start}:${a.end}`));
  const analysis = analyseArticle(text);
  return (all ? analysis.suggestions : analysis.topSuggestions)
    .map((suggestion) => ({
      key: suggestionKey(articleId, suggestion),
      articleId,
      suggestion,
    }))
    .filter(
      ({ key, suggestion }) =>
        !dismissed[key] && !claimed.has(`${suggestion.start}:${suggestion.end}`),
    );
}

/** The open suggestions of one article as drawn in its text: underlined, with a button. */
export function suggestionHighlights(open: readonly KeyedSuggestion[]): Highlight[] {
  return open.map(({ key, suggestion }) => ({
    id: key,
    start: suggestion.start,
    end: suggestion.end,
    status: 'open' as const,
    kind: 'suggestion' as const,
    label: `Suggested claim: ${suggestion.reasons[0]?.label ?? 'check-worthy'}${
      suggestion.reasons.length > 1 ? ` and ${suggestion.reasons.length - 1} more` : ''
    }`,
  }));
}

/** The suggestions of one article still worth showing: not dismissed, not already a claim. */
export function useOpenSuggestions(articleId: string): readonly KeyedSuggestion[] {
  const { text, anchors, dismissed, all } = useSuggestionInputs(articleId);
  return useMemo(
    () => openSuggestionsOf(articleId, text, anchors, dismissed, all),
    [articleId, text, anchors, dismissed, all],
  );
}

/** The open suggestion with `key`, in whichever article it is. */
export function useSuggestion(key: string | null): KeyedSuggestion | undefined {
  const { byArticle, loaded, ids } = useClaimAnchors();
  const dismissed = useAppStore((s) => s.dismissedSuggestions);
  const all = useAppStore((s) => s.allSuggestionsShown);
  return useMemo(() => {
    if (key === null) return undefined;
    for (const id of ids) {
      const found = openSuggestionsOf(
        id,
        loaded.get(id)?.text,
        byArticle.get(id),
        dismissed,
        all,
      ).find((entry) => entry.key === key);
      if (found) return found;
    }
    return undefined;
  }, [key, ids, loaded, byArticle, dismissed, all]);
}

/** Speaker key for quotes whose speaker the text does not name. */
export const UNATTRIBUTED_SPEAKER = 'unattributed';

/** Speaker key for the outlet's own words (a passage outside any direct quote). */
export const REPORTER_SPEAKER = REPORTER_KEY;

/** Who says the passage: the speaker of a direct quote it overlaps, else the reporter. */
export function speakerOfPassage(text: ArticleText, start: number, end: number): string {
  const quote = analyseArticle(text).quotes.find((q) => q.start < end && q.end > start);
  if (!quote) return REPORTER_SPEAKER;
  return quote.speakerKey ?? UNATTRIBUTED_SPEAKER;
}

/** A speaker key as shown to the reader. */
export function speakerName(key: string): string {
  return key === UNATTRIBUTED_SPEAKER ? 'Unattributed quotes' : speakerLabel(key);
}
