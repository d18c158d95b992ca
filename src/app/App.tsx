import { useCallback, useEffect, useState } from 'react';
import { KEYBOARD_HINT_ID } from '../components/reader/ArticleView.tsx';
import { CLAIMS_PANEL_ID } from '../components/reader/element-ids.ts';
import { GlobalShortcuts } from '../components/reader/GlobalShortcuts.tsx';
import { LazyFeature } from '../components/ui/LazyFeature.tsx';
import { LibraryButtons } from '../components/library/LibraryButtons.tsx';
import { Reader } from '../components/reader/Reader.tsx';
import { Toast } from '../components/ui/Toast.tsx';
import {
  useIdleAfterMount,
  useSelectionStarted,
  useSharedLinkSeen,
} from '../components/ui/use-deferred.ts';
import { useHydrated } from '../components/ui/use-hydrated.ts';
import { useClaimAnchors, useLoadedArticles } from '../components/reader/use-reader-data.ts';
import { suggestionAnalysis } from '../components/suggestions/use-suggestions.ts';
import { useAppStore } from '../store/app-store.ts';
import {
  claimCardModule,
  claimsPanelModule,
  comparisonModule,
  coverageGridModule,
  prefetchLikelyFeatures,
  selectionToolbarModule,
  sharedLinksModule,
  shortcutsHelpModule,
  storageNoticeModule,
  storageStatusModule,
  suggestionPopoverModule,
} from './lazy-features.ts';

/**
 * How many claims the reader has, on the Claims button: a component of its own, so that a
 * claim's change re-renders this count rather than the whole page.
 */
function ClaimCount({ hydrated }: { hydrated: boolean }) {
  const { byArticle, unavailable } = useClaimAnchors();
  // Claims on an article no longer available are listed in the panel, so they are counted too.
  const count = [...byArticle.values()].reduce(
    (n, a) => n + a.anchored.length + a.orphaned.length + a.pending.length,
    unavailable.length,
  );
  return <span className={hydrated ? undefined : 'invisible'}>{` (${hydrated ? count : 0})`}</span>;
}

/** The whole page. */
export function App() {
  useEffect(() => {
    // Tells the boot script (which then replays a button pressed too early), the tests and the
    // benchmark that the page has become interactive.
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  const hydrated = useHydrated();
  const [helpOpen, setHelpOpen] = useState(false);
  const [coverageOpen, setCoverageOpen] = useState(false);
  const panelOpen = useAppStore((s) => s.claimsPanelOpen);
  const setPanelOpen = useAppStore((s) => s.setClaimsPanelOpen);
  const openClaimId = useAppStore((s) => s.openClaimId);
  const { loaded } = useLoadedArticles();
  const canonicalTextOf = useCallback(
    (articleId: string) => loaded.get(articleId)?.text.text,
    [loaded],
  );
  const openSuggestionKey = useAppStore((s) => s.openSuggestionKey);
  const suggestionsShown = useAppStore((s) => s.suggestionsShown);
  const setSuggestionsShown = useAppStore((s) => s.setSuggestionsShown);
  const comparing = useAppStore((s) => s.comparison !== null);
  const storageNoticeShown = useAppStore((s) => s.storageNotice !== null);
  const sharedShown = useAppStore((s) => s.shared !== null || s.linkNotice !== null);
  const idle = useIdleAfterMount();
  const selecting = useSelectionStarted();
  const sharedLinkSeen = useSharedLinkSeen();
  useEffect(() => {
    if (idle) prefetchLikelyFeatures();
  }, [idle]);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const closePanel = useCallback(() => {
    setPanelOpen(false);
    document.getElementById('claims-button')?.focus();
  }, [setPanelOpen]);

  return (
    // On wide screens the page is a fixed frame in which each report scrolls in its own column.
    <div className="min-h-screen bg-stone-50 text-stone-900 lg:relative lg:flex lg:h-dvh lg:min-h-0 lg:flex-col lg:overflow-hidden dark:bg-stone-900 dark:text-stone-100">
      <header className="shrink-0 border-b border-stone-300 px-4 py-2 sm:px-6 sm:py-3 dark:border-stone-700">
        <div className="mx-auto flex max-w-[92rem] flex-wrap items-center gap-x-3 gap-y-2">
          <div className="min-w-0 grow sm:basis-64">
            <h1 className="text-base font-bold sm:text-lg">Fact-check reader</h1>
            {/* On a phone the two reports' tabs and headlines say this; the header stays short. */}
            <p className="text-sm text-stone-600 max-sm:sr-only dark:text-stone-400">
              Two reports of the Johnson–Lavrov press conference in Moscow, 22 December 2017
            </p>
          </div>
          {/* Reading controls first; the shortcuts help last, and on a phone in the footer. */}
          <button
            id="claims-button"
            type="button"
            aria-expanded={panelOpen}
            aria-controls={panelOpen ? CLAIMS_PANEL_ID : undefined}
            onClick={() => setPanelOpen(!panelOpen)}
            className="min-h-11 rounded-md bg-teal-800 px-3 text-sm font-semibold text-white hover:bg-teal-900 dark:bg-teal-300 dark:text-teal-950 dark:hover:bg-teal-200"
          >
            Claims
            <ClaimCount hydrated={hydrated} />
          </button>
          {/* Rendered hidden before hydration rather than left out, so that the header keeps its
              height when they appear (a layout shift on narrow screens otherwise). */}
          <button
            type="button"
            aria-pressed={suggestionsShown}
            onClick={() => setSuggestionsShown(!suggestionsShown)}
            className={`${hydrated ? '' : 'invisible '}min-h-11 rounded-md border border-stone-400 px-3 text-sm font-semibold hover:bg-stone-100 aria-pressed:bg-stone-800 aria-pressed:text-white dark:border-stone-500 dark:hover:bg-stone-800 dark:aria-pressed:bg-stone-100 dark:aria-pressed:text-stone-900`}
          >
            Suggested claims<span aria-hidden="true">{suggestionsShown ? ': on' : ': off'}</span>
          </button>
          <button
            type="button"
            aria-expanded={coverageOpen}
            onClick={() => setCoverageOpen(!coverageOpen)}
            className={`${hydrated ? '' : 'invisible '}min-h-11 rounded-md border border-stone-400 px-3 text-sm font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-800`}
          >
            Coverage
          </button>
          <LibraryButtons />
          <button
            type="button"
            onClick={openHelp}
            aria-keyshortcuts="?"
            className="min-h-11 rounded-md border border-stone-400 px-3 text-sm font-semibold hover:bg-stone-100 max-sm:hidden dark:border-stone-500 dark:hover:bg-stone-800"
          >
            Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
          </button>
        </div>
      </header>
      <LazyFeature module={storageNoticeModule} when={storageNoticeShown}>
        {(m) => <m.StorageNotice />}
      </LazyFeature>
      <p id={KEYBOARD_HINT_ID} className="sr-only">
        Left and right arrow keys select words, Shift with the arrow keys extends the selection, Alt
        with up or down selects a sentence; up and down alone scroll. Then Enter for claim actions.
        Press question mark for all shortcuts.
      </p>
      {/* On a phone the comparison sheet is fixed at the bottom: room to scroll the end clear. */}
      <main
        className={`lg:flex lg:min-h-0 lg:flex-1 lg:flex-col ${panelOpen ? 'lg:pr-96' : ''} ${comparing ? 'max-lg:pb-[50vh]' : ''}`}
      >
        {coverageOpen && (
          <LazyFeature
            module={coverageGridModule}
            when={coverageOpen}
            fallback={<p className="p-4 text-sm">Loading coverage…</p>}
          >
            {(m) => <m.CoverageGrid onClose={() => setCoverageOpen(false)} />}
          </LazyFeature>
        )}
        <Reader />
      </main>
      {/* Lazily loaded parts: none is in the pre-rendered page, and each shows nothing until
          its code has arrived (the fallbacks are empty, so nothing shifts). */}
      <LazyFeature module={selectionToolbarModule} when={hydrated && (idle || selecting)} floating>
        {(m) => <m.SelectionToolbar canonicalTextOf={canonicalTextOf} />}
      </LazyFeature>
      <LazyFeature module={claimCardModule} when={openClaimId !== null} floating>
        {(m) => openClaimId && <m.OpenClaimCard key={openClaimId} claimId={openClaimId} />}
      </LazyFeature>
      <LazyFeature module={claimsPanelModule} when={panelOpen} floating>
        {(m) => <m.ClaimsPanel onClose={closePanel} />}
      </LazyFeature>
      <LazyFeature module={shortcutsHelpModule} when={helpOpen} floating>
        {(m) => <m.ShortcutsHelp open onClose={() => setHelpOpen(false)} />}
      </LazyFeature>
      <GlobalShortcuts onHelp={openHelp} />
      <LazyFeature module={sharedLinksModule} when={sharedLinkSeen || sharedShown} floating>
        {(m) => (
          <>
            {sharedLinkSeen && <m.SharedLinkOpener />}
            {sharedShown && <m.SharedClaimsRegion />}
          </>
        )}
      </LazyFeature>
      <LazyFeature module={comparisonModule} when={comparing} floating>
        {(m) => (
          <>
            <m.ComparisonPanel />
            <m.CounterpartConnector />
          </>
        )}
      </LazyFeature>
      {/* Suggestions are drawn in the text (use-suggestions.ts); this only says if they cannot load. */}
      <LazyFeature module={suggestionAnalysis} when={suggestionsShown} floating>
        {() => null}
      </LazyFeature>
      <LazyFeature module={suggestionPopoverModule} when={openSuggestionKey !== null} floating>
        {(m) =>
          openSuggestionKey !== null && (
            <m.OpenSuggestionPopover key={openSuggestionKey} suggestionKey={openSuggestionKey} />
          )
        }
      </LazyFeature>
      {/* On wide screens a one-line strip below the columns (it grows when opened). */}
      <footer className="shrink-0 border-t border-stone-300 lg:max-h-[40vh] lg:overflow-y-auto lg:[&>details]:py-1 lg:[&_summary]:py-1.5 dark:border-stone-700">
        <LazyFeature module={storageStatusModule} when={hydrated && idle}>
          {(m) => <m.StorageStatus />}
        </LazyFeature>
        <p className="px-4 pb-6 sm:hidden">
          <button
            type="button"
            onClick={openHelp}
            className="min-h-11 rounded-md border border-stone-400 px-3 text-sm font-semibold dark:border-stone-500"
          >
            Keyboard shortcuts
          </button>
        </p>
      </footer>
      <Toast />
    </div>
  );
}
