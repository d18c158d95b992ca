import { lazyModule } from '../components/ui/lazy-module.ts';
import { isSharedLinkHash } from '../core/sharing/shared-link-hash.ts';

// Everything here is not needed to read the articles or to see the reader's highlights, so it
// is left out of the page's first load and fetched by a dynamic import() when first used, each
// rendered through <LazyFeature> (components/ui/LazyFeature.tsx). The likely next steps (a
// highlight's card, the claims panel, the selection toolbar) are fetched as soon as the browser
// is idle after hydration, so their first use does not wait for the network.

/** A highlight's card: its verdict, note, evidence and link. */
export const claimCardModule = lazyModule(
  'claim card',
  () => import('../components/claims/ClaimCard.tsx'),
);

/** The claims panel, with its filters and (lazier still) share, export and import. */
export const claimsPanelModule = lazyModule(
  'claims panel',
  () => import('../components/claims/ClaimsPanel.tsx'),
);

/** The toolbar that turns a text selection into a claim. */
export const selectionToolbarModule = lazyModule(
  'selection toolbar',
  () => import('../components/claims/SelectionToolbar.tsx'),
);

/** The link opener and the shared claims' region, when the page is opened on a link. */
export const sharedLinksModule = lazyModule(
  'shared link',
  () => import('../components/sharing/SharedLinks.tsx'),
);

/** The comparison with the other report, and the line to the compared passage. */
export const comparisonModule = lazyModule('comparison', async () => {
  const [panel, connector] = await Promise.all([
    import('../components/compare/ComparisonPanel.tsx'),
    import('../components/compare/CounterpartConnector.tsx'),
  ]);
  return { ...panel, ...connector };
});

/** The coverage grid of both reports. */
export const coverageGridModule = lazyModule(
  'coverage grid',
  () => import('../components/compare/CoverageGrid.tsx'),
);

/** The popover explaining an open suggestion. */
export const suggestionPopoverModule = lazyModule(
  'suggestion',
  () => import('../components/suggestions/SuggestionPopover.tsx'),
);

/** The keyboard shortcuts dialog. */
export const shortcutsHelpModule = lazyModule(
  'keyboard shortcuts help',
  () => import('../components/reader/ShortcutsHelp.tsx'),
);

/** A problem with the saved claims (unreadable, full storage), when there is one. */
export const storageNoticeModule = lazyModule(
  'storage notice',
  () => import('../components/storage/StorageNotice.tsx'),
);

/** The footer's note on where claims are kept, which asks for persistent storage. */
export const storageStatusModule = lazyModule(
  'storage status',
  () => import('../components/storage/StorageStatus.tsx'),
);

/** Fetches the features a reader is likely to use next, without showing anything. */
export function prefetchLikelyFeatures(): void {
  for (const module of [claimCardModule, claimsPanelModule, selectionToolbarModule]) {
    module.load().catch(() => {
      // Offline or a new deployment: the feature says so when it is used.
    });
  }
}

/**
 * Starts fetching the link opener at once when the page was opened on a shared link, so that it
 * arrives while the page hydrates instead of after: the quote is what the reader came for.
 */
export function prefetchSharedLinkOpener(hash: string): void {
  if (!isSharedLinkHash(hash)) return;
  sharedLinksModule.load().catch(() => {
    // The opener says so when it is rendered.
  });
}
