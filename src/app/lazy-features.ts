import { lazy } from 'react';
import { lazyModule } from '../components/ui/lazy-module.ts';
import { isSharedLinkHash } from '../core/sharing/shared-link-hash.ts';

// Everything here is not needed to read the articles or to see the reader's highlights, so it
// is left out of the first load and fetched by a dynamic import() when first used. The likely
// next steps (a highlight's card, the claims panel, the selection toolbar) are fetched as soon
// as the browser is idle after hydration, so their first use does not wait for the network.

const claimCard = () => import('../components/claims/ClaimCard.tsx');
const claimsPanel = () => import('../components/claims/ClaimsPanel.tsx');
const selectionToolbar = () => import('../components/claims/SelectionToolbar.tsx');
const sharedLinks = () => import('../components/sharing/SharedLinks.tsx');

/**
 * The likely next steps: a highlight's card, the claims panel, the selection toolbar. Rendered
 * from the loaded module rather than through React.lazy, whose first reveal Suspense throttling
 * can hold back for up to 300 ms even when the code is already here.
 */
export const claimCardModule = lazyModule(claimCard);
/** The claims panel, with its filters and (lazier still) share, export and import. */
export const claimsPanelModule = lazyModule(claimsPanel);
/** The toolbar that turns a text selection into a claim. */
export const selectionToolbarModule = lazyModule(selectionToolbar);

/** The comparison with the other report, when a passage is compared. */
export const ComparisonPanel = lazy(() =>
  import('../components/compare/ComparisonPanel.tsx').then((module) => ({
    default: module.ComparisonPanel,
  })),
);

/** The line between a compared passage and its counterpart. */
export const CounterpartConnector = lazy(() =>
  import('../components/compare/CounterpartConnector.tsx').then((module) => ({
    default: module.CounterpartConnector,
  })),
);

/** The coverage grid of both reports. */
export const CoverageGrid = lazy(() =>
  import('../components/compare/CoverageGrid.tsx').then((module) => ({
    default: module.CoverageGrid,
  })),
);

/** The popover explaining an open suggestion. */
export const OpenSuggestionPopover = lazy(() =>
  import('../components/suggestions/SuggestionPopover.tsx').then((module) => ({
    default: module.OpenSuggestionPopover,
  })),
);

/**
 * The link opener and the shared claims' region. Rendered from the loaded module, not through
 * React.lazy: a lazy component's reveal is held back for up to 300 ms by Suspense throttling,
 * and a permalink's quote is what the reader came for.
 */
export const sharedLinksModule = lazyModule(sharedLinks);

/** The keyboard shortcuts dialog. */
export const ShortcutsHelp = lazy(() =>
  import('../components/reader/ShortcutsHelp.tsx').then((module) => ({
    default: module.ShortcutsHelp,
  })),
);

/** A problem with the saved claims (unreadable, full storage), when there is one. */
export const StorageNotice = lazy(() =>
  import('../components/storage/StorageNotice.tsx').then((module) => ({
    default: module.StorageNotice,
  })),
);

/** The footer's note on where claims are kept, which asks for persistent storage. */
export const StorageStatus = lazy(() =>
  import('../components/storage/StorageStatus.tsx').then((module) => ({
    default: module.StorageStatus,
  })),
);

/** Fetches the features a reader is likely to use next, without showing anything. */
export function prefetchLikelyFeatures(): void {
  for (const module of [claimCardModule, claimsPanelModule, selectionToolbarModule]) {
    module.load().catch(() => {
      // Offline or a new deployment: the feature's own import() tries again when it is used.
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
    // The opener's own import() tries again, and says so if it cannot.
  });
}
