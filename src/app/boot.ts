// The page's boot script: a classic script of its own (no React, a few KB), in the head with
// `defer blocking="render"`, so it runs as soon as the pre-rendered articles are parsed and
// before the first paint. It does two things:
//  1. When the page is opened on a claim link, it paints the quote with the CSS Custom Highlight
//     API and scrolls it into view, long before the app has hydrated; the app then draws its own
//     mark, card and verdict and removes this highlight (see SharedLinkOpener). A link it cannot
//     read, a quote not found exactly, or a browser without the API: it paints nothing, and the
//     app's full path runs as before.
//  2. It starts the app once the page has loaded, with the app's whole stylesheet: the page
//     inlines only the rules its pre-rendered part uses (scripts/prerender.mjs), so that nothing
//     but this script is fetched before its first paint; the rest is for the app's own views.
//     The pre-rendered page reads without it and a shared quote shows without it, so React, react-query and the rest are not fetched while
//     the page's own text, styles and this script are (scripts/prerender.mjs names the app's
//     entry and its static imports in this script's data-app and data-preload).
import { CLAIM_STATUSES, type ClaimStatus } from '../core/claims/claim.ts';
import { readPermalinkParams } from '../core/sharing/permalink-wire.ts';
import { afterNextPaint } from '../store/after-next-paint.ts';
import {
  deferLayoutPastQuote,
  findQuoteExactly,
  isRendered,
  paintQuoteHighlight,
  scrollRangeToCenter,
  undeferLayout,
  type QuoteToFind,
} from '../dom/sharing/quote-highlight.ts';

/** The quote a claim link points at, as far as painting it needs; null if it says none. */
function quoteOf(params: ReadonlyMap<string, string>): QuoteToFind | null {
  const start = Number(params.get('s'));
  const end = Number(params.get('e'));
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end <= start) {
    return null;
  }
  const exact = params.get('q');
  const startWords = params.get('qs');
  const endWords = params.get('qe');
  if (exact) return { kind: 'exact', exact, start, end };
  if (startWords && endWords) return { kind: 'span', startWords, endWords, start, end };
  return null;
}

/** Paints and scrolls to the quote of the claim link the page was opened on, if found exactly. */
function paintSharedQuote(): void {
  const wire = readPermalinkParams(window.location.hash);
  if (!wire.ok) return;
  const params = new Map(wire.params);
  const status = CLAIM_STATUSES.find((s): s is ClaimStatus => s === params.get('st'));
  const articleId = params.get('a');
  const quote = quoteOf(params);
  if (!status || !articleId || !quote) return;
  const article = [...document.querySelectorAll('article[data-article]')].find(
    (el) => el.getAttribute('data-article') === articleId,
  );
  const found = article && findQuoteExactly(article, quote);
  if (!found) return;
  deferLayoutPastQuote(found.lastBlock);
  // The first read of the layout: a report in a hidden tab is left to the app.
  if (!isRendered(article) || !paintQuoteHighlight(found.range, status)) {
    undeferLayout();
    return;
  }
  scrollRangeToCenter(found.firstPart);
}

/**
 * Adds the app's stylesheet, then its module script once the stylesheet is in (so that no view
 * of the app shows unstyled), fetching the script and its static imports meanwhile.
 */
function startApp(entry: string, preloads: readonly string[], stylesheet: string | null): void {
  for (const href of [entry, ...preloads]) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
  const addScript = () => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = entry;
    document.head.append(script);
  };
  if (!stylesheet) {
    addScript();
    return;
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.crossOrigin = '';
  link.href = stylesheet;
  // A stylesheet that fails to load must not keep the app from starting.
  link.addEventListener('load', addScript, { once: true });
  link.addEventListener('error', addScript, { once: true });
  document.head.append(link);
}

// Set on <html> by start.tsx just before React takes the page over (from then on React sees
// clicks itself, and replays those it sees before it has hydrated the button), and by App once
// it has hydrated (see there).
const HYDRATING_ATTRIBUTE = 'data-hydrating';
const HYDRATED_ATTRIBUTE = 'data-hydrated';

/**
 * Keeps the last button pressed before React has started and presses it again once the app has
 * hydrated: the pre-rendered header's buttons do nothing until then (up to about a second on a
 * slow phone), and a reader should not have to press "Claims" twice.
 */
function replayEarlyButtonPress(): void {
  const root = document.documentElement;
  let pressed: HTMLButtonElement | null = null;
  const onClick = (event: MouseEvent) => {
    if (root.hasAttribute(HYDRATING_ATTRIBUTE) || !(event.target instanceof Element)) return;
    pressed = event.target.closest('button');
  };
  document.addEventListener('click', onClick, true);
  const observer = new MutationObserver(() => {
    if (!root.hasAttribute(HYDRATED_ATTRIBUTE)) return;
    observer.disconnect();
    document.removeEventListener('click', onClick, true);
    // Hydration keeps the pre-rendered elements, so it is the same button, now live.
    if (pressed?.isConnected && !pressed.disabled) pressed.click();
  });
  observer.observe(root, { attributeFilter: [HYDRATED_ATTRIBUTE] });
}

// Read now: document.currentScript is this script only while it runs.
const stylesheet = document.currentScript?.getAttribute('data-css');
const entry = document.currentScript?.getAttribute('data-app');
const preloads = document.currentScript?.getAttribute('data-preload')?.split(' ') ?? [];

try {
  paintSharedQuote();
} catch {
  // Whatever went wrong, the app's own path opens the link.
}

if (entry) {
  replayEarlyButtonPress();
  // After the load event and then the next paint: the load event comes right after this script
  // on a page with nothing else to fetch, and adding the app's scripts there would hold back the
  // first paint (the quote, on a claim link) by the time it takes to request them all.
  const start = () =>
    void afterNextPaint(() => startApp(entry, preloads.filter(Boolean), stylesheet ?? null));
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
