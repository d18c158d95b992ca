import { lazy } from 'react';

// Everything here is not needed to read the articles or to see the reader's highlights, so it
// is left out of the first load and fetched by a dynamic import() when first used. The likely
// next steps (a highlight's card, the claims panel, the selection toolbar) are fetched as soon
// as the browser is idle after hydration, so their first use does not wait for the network.

const claimCard = () => import('../components/ClaimCard.tsx');
const claimsPanel = () => import('../components/ClaimsPanel.tsx');
const selectionToolbar = () => import('../components/SelectionToolbar.tsx');

/** The card of the open claim. */
export const OpenClaimCard = lazy(() =>
  claimCard().then((module) => ({ default: module.OpenClaimCard })),
);

/** The claims panel, with its filters and (lazier still) share, export and import. */
export const ClaimsPanel = lazy(() =>
  claimsPanel().then((module) => ({ default: module.ClaimsPanel })),
);

/** The toolbar that turns a text selection into a claim. */
export const SelectionToolbar = lazy(() =>
  selectionToolbar().then((module) => ({ default: module.SelectionToolbar })),
);

/** The comparison with the other report, when a passage is compared. */
export const ComparisonPanel = lazy(() =>
  import('../components/ComparisonPanel.tsx').then((module) => ({
    default: module.ComparisonPanel,
  })),
);

/** The line between a compared passage and its counterpart. */
export const CounterpartConnector = lazy(() =>
  import('../components/CounterpartConnector.tsx').then((module) => ({
    default: module.CounterpartConnector,
  })),
);

/** The coverage grid of both reports. */
export const CoverageGrid = lazy(() =>
  import('../components/CoverageGrid.tsx').then((module) => ({ default: module.CoverageGrid })),
);

/** The popover explaining an open suggestion. */
export const OpenSuggestionPopover = lazy(() =>
  import('../components/SuggestionPopover.tsx').then((module) => ({
    default: module.OpenSuggestionPopover,
  })),
);

/** Opens the claim or review a link in the address carries. */
export const SharedLinkOpener = lazy(() =>
  import('../components/SharedLinks.tsx').then((module) => ({
    default: module.SharedLinkOpener,
  })),
);

/** The shared claims, or a problem with the link, shown apart from the reader's own. */
export const SharedClaimsRegion = lazy(() =>
  import('../components/SharedLinks.tsx').then((module) => ({
    default: module.SharedClaimsRegion,
  })),
);

/** The keyboard shortcuts dialog. */
export const ShortcutsHelp = lazy(() =>
  import('../components/ShortcutsHelp.tsx').then((module) => ({
    default: module.ShortcutsHelp,
  })),
);

/** Fetches the features a reader is likely to use next, without showing anything. */
export function prefetchLikelyFeatures(): void {
  for (const load of [claimCard, claimsPanel, selectionToolbar]) {
    load().catch(() => {
      // Offline or a new deployment: the feature's own import() tries again when it is used.
    });
  }
}
