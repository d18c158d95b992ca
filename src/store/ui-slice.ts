import type { StateCreator } from 'zustand';
import type { Claim, ClaimStatus } from '../core/claims/claim.ts';

/** The claims panel's filters (kept here so that clearing them can be undone). */
export interface ClaimFilters {
  readonly status: ClaimStatus | 'all';
  /** An article id, or 'all'. */
  readonly article: string;
  /** A speaker key, or 'all'. */
  readonly speaker: string;
  readonly query: string;
}

/** The claims panel's filters when nothing is filtered. */
export const NO_CLAIM_FILTERS: ClaimFilters = {
  status: 'all',
  article: 'all',
  speaker: 'all',
  query: '',
};

/**
 * Something the reader can undo: a deleted claim (as it was), a status change (the claim as it
 * was before), or cleared filters (the filters as they were).
 */
export type UndoEntry =
  | { readonly kind: 'delete'; readonly claim: Claim }
  | { readonly kind: 'status'; readonly claim: Claim }
  | { readonly kind: 'filters'; readonly filters: ClaimFilters };

/** A short message for the polite live region, with an optional change to undo. */
export interface Toast {
  readonly id: number;
  readonly message: string;
  readonly undo?: UndoEntry;
}

/** Claims someone shared through a link: shown apart from the reader's own until saved. */
export interface SharedClaims {
  readonly kind: 'claim' | 'review';
  readonly claims: readonly Claim[];
}

/** A problem with a link the page was opened with, and the quote it carried (plain text). */
export interface LinkNotice {
  readonly message: string;
  readonly quote?: string;
}

/** A passage of an article (not a claim) to show, flash and focus, e.g. a counterpart. */
export interface PassageFocus {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
  readonly nonce: number;
}

/** The passage whose counterparts in the other article are being compared. */
export interface ComparisonSource {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
}

/** Screen state that is not saved: which tab, which card, what flashes, what was just deleted. */
export interface UiSlice {
  /** Index in the article list of the report shown on narrow screens. */
  activeArticle: number;
  /** The claim whose card is open, if any. */
  openClaimId: string | null;
  /** What the open card focuses first: its status (default) or its note (just tagged). */
  openClaimFocus: 'status' | 'note';
  /**
   * The claim to flash and focus; `nonce` re-triggers a jump to the same claim; `instant` jumps
   * without a smooth scroll (a page opened on a permalink, as a text fragment does).
   */
  focusRequest: { claimId: string; nonce: number; instant: boolean } | null;
  claimsPanelOpen: boolean;
  toast: Toast | null;
  /** What can be undone, newest last, for Undo and Ctrl/Cmd+Z. */
  undoStack: readonly UndoEntry[];
  claimFilters: ClaimFilters;
  /** What a shared link carried, shown read-only. */
  shared: SharedClaims | null;
  linkNotice: LinkNotice | null;
  passageFocus: PassageFocus | null;
  comparison: ComparisonSource | null;
  suggestionsShown: boolean;
  /** Suggest every check-worthy sentence, not only the most check-worthy quarter. */
  allSuggestionsShown: boolean;
  /** The suggestion whose reasons are open. */
  openSuggestionKey: string | null;
  setActiveArticle: (index: number) => void;
  openClaim: (id: string | null, focus?: 'status' | 'note') => void;
  requestFocus: (claimId: string, options?: { instant?: boolean }) => void;
  clearFocusRequest: () => void;
  setClaimsPanelOpen: (open: boolean) => void;
  /** Shows a message; with `undo`, also remembers the change for Undo and Ctrl/Cmd+Z. */
  showToast: (message: string, undo?: UndoEntry) => void;
  dismissToast: () => void;
  pushUndo: (entry: UndoEntry) => void;
  /** Takes the newest entry off the undo stack. */
  popUndo: () => UndoEntry | undefined;
  /** Takes `entry` off the undo stack; false if it is no longer there (already undone). */
  takeUndo: (entry: UndoEntry) => boolean;
  setClaimFilters: (filters: ClaimFilters) => void;
  setShared: (shared: SharedClaims | null) => void;
  setLinkNotice: (notice: LinkNotice | null) => void;
  focusPassage: (articleId: string, start: number, end: number) => void;
  clearPassageFocus: () => void;
  setComparison: (source: ComparisonSource | null) => void;
  setSuggestionsShown: (shown: boolean) => void;
  setAllSuggestionsShown: (all: boolean) => void;
  openSuggestion: (key: string | null) => void;
}

let toastIds = 0;

/** Creates the UI slice of the app store. */
export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set, get) => ({
  activeArticle: 0,
  openClaimId: null,
  openClaimFocus: 'status',
  focusRequest: null,
  claimsPanelOpen: false,
  toast: null,
  undoStack: [],
  claimFilters: NO_CLAIM_FILTERS,
  shared: null,
  linkNotice: null,
  passageFocus: null,
  comparison: null,
  suggestionsShown: false,
  allSuggestionsShown: false,
  openSuggestionKey: null,
  setActiveArticle: (index) => set({ activeArticle: index }),
  openClaim: (id, focus = 'status') => set({ openClaimId: id, openClaimFocus: focus }),
  requestFocus: (claimId, options) =>
    set((s) => ({
      focusRequest: {
        claimId,
        nonce: (s.focusRequest?.nonce ?? 0) + 1,
        instant: options?.instant ?? false,
      },
    })),
  clearFocusRequest: () => set({ focusRequest: null }),
  setClaimsPanelOpen: (open) => set({ claimsPanelOpen: open }),
  showToast: (message, undo) =>
    set((s) => ({
      toast: { id: ++toastIds, message, ...(undo ? { undo } : {}) },
      ...(undo ? { undoStack: [...s.undoStack.slice(-49), undo] } : {}),
    })),
  dismissToast: () => set({ toast: null }),
  pushUndo: (entry) => set((s) => ({ undoStack: [...s.undoStack.slice(-49), entry] })),
  popUndo: () => {
    const stack = get().undoStack;
    const last = stack.at(-1);
    if (last) set({ undoStack: stack.slice(0, -1) });
    return last;
  },
  takeUndo: (entry) => {
    const stack = get().undoStack;
    if (!stack.includes(entry)) return false;
    set({ undoStack: stack.filter((e) => e !== entry) });
    return true;
  },
  setClaimFilters: (claimFilters) => set({ claimFilters }),
  setShared: (shared) => set({ shared }),
  setLinkNotice: (linkNotice) => set({ linkNotice }),
  focusPassage: (articleId, start, end) =>
    set((s) => ({
      passageFocus: { articleId, start, end, nonce: (s.passageFocus?.nonce ?? 0) + 1 },
    })),
  clearPassageFocus: () => set({ passageFocus: null }),
  setComparison: (comparison) => set({ comparison }),
  setSuggestionsShown: (suggestionsShown) => set({ suggestionsShown }),
  setAllSuggestionsShown: (allSuggestionsShown) => set({ allSuggestionsShown }),
  openSuggestion: (openSuggestionKey) => set({ openSuggestionKey }),
});
