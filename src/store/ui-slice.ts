import type { StateCreator } from 'zustand';
import type { Claim, ClaimStatus } from '../core/claims/claim.ts';

/** A short message for the polite live region, with an optional claim to restore on Undo. */
export interface Toast {
  readonly id: number;
  readonly message: string;
  readonly undo?: Claim;
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
  /** The shared verdict, when the quote could not be shown in its article. */
  readonly status?: ClaimStatus;
  /** An added article the link names that isn't on this device: what the link says of it. */
  readonly missingArticle?: { readonly title: string; readonly url?: string };
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
  /**
   * The claim to flash and focus; `nonce` re-triggers a jump to the same claim; `instant` jumps
   * without a smooth scroll (a page opened on a permalink, as a text fragment does).
   */
  focusRequest: { claimId: string; nonce: number; instant: boolean } | null;
  claimsPanelOpen: boolean;
  toast: Toast | null;
  /** Deleted claims, newest last, for Undo and Ctrl/Cmd+Z. */
  undoStack: readonly Claim[];
  /** What a shared link carried, shown read-only. */
  shared: SharedClaims | null;
  linkNotice: LinkNotice | null;
  passageFocus: PassageFocus | null;
  comparison: ComparisonSource | null;
  suggestionsShown: boolean;
  /** The suggestion whose reasons are open. */
  openSuggestionKey: string | null;
  setActiveArticle: (index: number) => void;
  openClaim: (id: string | null) => void;
  requestFocus: (claimId: string, options?: { instant?: boolean }) => void;
  clearFocusRequest: () => void;
  setClaimsPanelOpen: (open: boolean) => void;
  showToast: (message: string, undo?: Claim) => void;
  dismissToast: () => void;
  pushUndo: (claim: Claim) => void;
  popUndo: () => Claim | undefined;
  setShared: (shared: SharedClaims | null) => void;
  setLinkNotice: (notice: LinkNotice | null) => void;
  focusPassage: (articleId: string, start: number, end: number) => void;
  clearPassageFocus: () => void;
  setComparison: (source: ComparisonSource | null) => void;
  setSuggestionsShown: (shown: boolean) => void;
  openSuggestion: (key: string | null) => void;
}

let toastIds = 0;

/** Creates the UI slice of the app store. */
export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set, get) => ({
  activeArticle: 0,
  openClaimId: null,
  focusRequest: null,
  claimsPanelOpen: false,
  toast: null,
  undoStack: [],
  shared: null,
  linkNotice: null,
  passageFocus: null,
  comparison: null,
  suggestionsShown: false,
  openSuggestionKey: null,
  setActiveArticle: (index) => set({ activeArticle: index }),
  openClaim: (id) => set({ openClaimId: id }),
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
    set({ toast: { id: ++toastIds, message, ...(undo ? { undo } : {}) } }),
  dismissToast: () => set({ toast: null }),
  pushUndo: (claim) => set((s) => ({ undoStack: [...s.undoStack.slice(-49), claim] })),
  popUndo: () => {
    const stack = get().undoStack;
    const last = stack.at(-1);
    if (last) set({ undoStack: stack.slice(0, -1) });
    return last;
  },
  setShared: (shared) => set({ shared }),
  setLinkNotice: (linkNotice) => set({ linkNotice }),
  focusPassage: (articleId, start, end) =>
    set((s) => ({
      passageFocus: { articleId, start, end, nonce: (s.passageFocus?.nonce ?? 0) + 1 },
    })),
  clearPassageFocus: () => set({ passageFocus: null }),
  setComparison: (comparison) => set({ comparison }),
  setSuggestionsShown: (suggestionsShown) => set({ suggestionsShown }),
  openSuggestion: (openSuggestionKey) => set({ openSuggestionKey }),
});
