// A shared quote painted with the CSS Custom Highlight API (`CSS.highlights` + `::highlight()`),
// before React has started: nothing in the DOM changes, so hydration stays clean. The page's
// boot script (src/app/boot.ts) paints it; the app removes it once its own mark is drawn.
import { BLOCK_SEPARATOR } from '../../core/articles/article-text.ts';
import { CLAIM_STATUSES, type ClaimStatus } from '../../core/claims/claim.ts';
import { blocksOf, domRangeFromTextRange } from '../anchoring/text-offsets.ts';

/** Name of the highlight for a quote of each status (styled in styles.css). */
export function quoteHighlightName(status: ClaimStatus): string {
  return `shared-quote-${status}`;
}

/** Where a shared quote sits in a rendered article, found exactly. */
export interface FoundQuote {
  /** The quote's whole range. */
  readonly range: Range;
  /** Its part in the first block it touches: what the app scrolls to (its first mark). */
  readonly firstPart: Range;
  /** The last block it touches. */
  readonly lastBlock: Element;
}

/** A shared quote as a link states it: whole, or by its opening and closing words. */
export type QuoteToFind = { readonly start: number; readonly end: number } & (
  | { readonly kind: 'exact'; readonly exact: string }
  | { readonly kind: 'span'; readonly startWords: string; readonly endWords: string }
);

/**
 * Finds a shared quote in a rendered article, exactly: at its link's offsets, or (for a whole
 * quote) at its one occurrence in the text. Null where the text differs or the quote occurs more
 * than once: the app's matcher decides those. Reads the text only, never the layout.
 */
export function findQuoteExactly(articleEl: Element, quote: QuoteToFind): FoundQuote | null {
  const blocks = blocksOf(articleEl);
  let text = '';
  for (const block of blocks) {
    if (text !== '') text += BLOCK_SEPARATOR;
    // The offsets in the page must be the canonical text's, or nothing can be trusted.
    if (block.start !== text.length) return null;
    text += block.el.textContent ?? '';
  }
  let { start, end } = quote;
  if (quote.kind === 'exact') {
    if (text.slice(start, end) !== quote.exact) {
      start = text.indexOf(quote.exact);
      if (start < 0 || text.indexOf(quote.exact, start + 1) >= 0) return null;
      end = start + quote.exact.length;
    }
  } else {
    const passage = text.slice(start, end);
    const { startWords, endWords } = quote;
    if (
      passage.length < startWords.length + endWords.length ||
      !passage.startsWith(startWords) ||
      !passage.endsWith(endWords)
    ) {
      return null;
    }
  }
  const first = blocks.find((b) => b.end > start);
  const last = blocks.filter((b) => b.start < end).pop();
  const range = domRangeFromTextRange(articleEl, { start, end });
  const firstPart =
    first && domRangeFromTextRange(articleEl, { start, end: Math.min(end, first.end) });
  return range && firstPart && last ? { range, firstPart, lastBlock: last.el } : null;
}

/** Whether an article is laid out at all (not in a hidden tab); reads the layout. */
export function isRendered(articleEl: Element): boolean {
  return articleEl.getClientRects().length > 0;
}

/** Paints `range` as a shared quote of `status`; false where the browser lacks the API. */
export function paintQuoteHighlight(range: Range, status: ClaimStatus): boolean {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') {
    return false;
  }
  CSS.highlights.set(quoteHighlightName(status), new Highlight(range));
  return true;
}

/** Whether a shared quote is painted by the boot script (not yet replaced by the app's mark). */
export function quoteHighlightPainted(): boolean {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return false;
  return CLAIM_STATUSES.some((status) => CSS.highlights.has(quoteHighlightName(status)));
}

// While a shared quote opens, the page's first layout (which the quote waits for) lays out only
// what decides where the quote is: its own report down to it. The other report's blocks, and the
// blocks after the quote, are laid out as they come into view (content-visibility: auto) until
// the app has drawn its mark. A constructed sheet, since its rule names the quote's article and
// block, and so that no element the app hydrates changes; it names itself with a custom property,
// since the boot script and the app each have their own copy of this module.
const DEFER_MARKER = '--laid-out-past-shared-quote';

const isDeferSheet = (sheet: CSSStyleSheet) =>
  [...sheet.cssRules].some((rule) => rule.cssText.includes(DEFER_MARKER));

/**
 * Puts off laying out the off-screen blocks of every other article, and those after
 * `lastBlockEl` (its later siblings) in its own, until the shared quote is cleared; call before
 * anything reads the layout. Does nothing where the browser cannot adopt a constructed sheet.
 */
export function deferLayoutPastQuote(lastBlockEl: Element): void {
  const key = lastBlockEl.getAttribute('data-block');
  const articleId = lastBlockEl.closest('article[data-article]')?.getAttribute('data-article');
  if (key === null || !articleId || typeof CSSStyleSheet !== 'function') return;
  if (!Array.isArray(document.adoptedStyleSheets)) return;
  const article = `article[data-article="${CSS.escape(articleId)}"]`;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    `article[data-article]:not(${article}) [data-block], ` +
      `${article} [data-block="${CSS.escape(key)}"] ~ [data-block] ` +
      `{ content-visibility: auto; contain-intrinsic-size: auto 8rem; ${DEFER_MARKER}: 1; }`,
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** Lays every block out in full again (see deferLayoutPastQuote). */
export function undeferLayout(): void {
  if (!Array.isArray(document.adoptedStyleSheets)) return;
  const sheets = document.adoptedStyleSheets;
  if (sheets.some(isDeferSheet)) {
    document.adoptedStyleSheets = sheets.filter((sheet) => !isDeferSheet(sheet));
  }
}

/** Removes the painted shared quote, if any, and lays out the blocks it put off. */
export function clearQuoteHighlight(): void {
  undeferLayout();
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  for (const status of CLAIM_STATUSES) CSS.highlights.delete(quoteHighlightName(status));
}

/**
 * Removes the painted shared quote once the app's mark for `claimId` is in the page (at once
 * when null, or after 5 s), so that the quote is never shown unmarked in between.
 */
export function clearQuoteHighlightOnceMarked(claimId: string | null): void {
  if (!quoteHighlightPainted()) return;
  const since = performance.now();
  const check = () => {
    const marked =
      claimId === null ||
      document.querySelector(`mark[data-claim-id="${CSS.escape(claimId)}"]`) !== null;
    if (marked || performance.now() - since > 5000) clearQuoteHighlight();
    else requestAnimationFrame(check);
  };
  check();
}

/**
 * Scrolls `range` to the middle of the view, in every scrolling box that holds it, at once: as
 * the app's `scrollIntoView({ block: 'center' })` of its mark does (with the scroll margins
 * that marks and blocks share), so that its takeover does not move the quote.
 */
export function scrollRangeToCenter(range: Range): void {
  const start = range.startContainer;
  const from = start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement;
  const block = from?.closest('[data-block]') ?? from;
  const style = block ? getComputedStyle(block) : null;
  const marginTop = parseFloat(style?.scrollMarginTop ?? '') || 0;
  const marginBottom = parseFloat(style?.scrollMarginBottom ?? '') || 0;
  // The middle of the range with its scroll margins, in viewport coordinates.
  const middle = () => {
    const rect = range.getBoundingClientRect();
    return (rect.top - marginTop + rect.bottom + marginBottom) / 2;
  };
  const root = document.scrollingElement ?? document.documentElement;
  for (let el = from?.parentElement ?? null; el && el !== root; el = el.parentElement) {
    if (el.scrollHeight <= el.clientHeight) continue;
    const overflow = getComputedStyle(el).overflowY;
    if (overflow !== 'auto' && overflow !== 'scroll') continue;
    const box = el.getBoundingClientRect();
    el.scrollTop += middle() - (box.top + el.clientTop + el.clientHeight / 2);
  }
  window.scrollBy({ top: middle() - window.innerHeight / 2, behavior: 'instant' });
}
