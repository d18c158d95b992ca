// The page's boot script: a classic script of its own (no React, a few KB), run as soon as the
// pre-rendered articles are parsed. When the page is opened on a claim link it paints the
// quote with the CSS Custom Highlight API and scrolls it into view, long before the app has
// hydrated; the app then draws its own mark, card and verdict and removes this highlight (see
// SharedLinkOpener). A link it cannot read, a quote not found exactly, or a browser without
// the API: it does nothing, and the app's full path runs as before.
import { CLAIM_STATUSES, type ClaimStatus } from '../core/claims/claim.ts';
import { readPermalinkParams } from '../core/sharing/permalink-wire.ts';
import {
  findQuoteExactly,
  paintQuoteHighlight,
  scrollRangeToCenter,
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

function boot(): void {
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
  if (!found || !paintQuoteHighlight(found.range, status)) return;
  scrollRangeToCenter(found.firstPart);
}

try {
  boot();
} catch {
  // Whatever went wrong, the app's own path opens the link.
}
