// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { businessInsider, ntText, newstalk } from '../../core/test-fixtures/seed-articles.ts';
import { renderArticleDom } from '../anchoring/test-fixtures/article-dom.ts';
import {
  clearQuoteHighlight,
  deferLayoutPastQuote,
  findQuoteExactly,
  isRendered,
  paintQuoteHighlight,
  type QuoteToFind,
} from './quote-highlight.ts';

const QUOTE =
  'Mr Lavrov said the pair had discussed Libya, Yemen, Iraq, Syria and North Korea and had agreed to discuss the impact of Brexit on UK-Russia ties.';

function exactAt(quote: string, start = ntText.indexOf(quote)): QuoteToFind {
  return { kind: 'exact', exact: quote, start, end: start + quote.length };
}

describe('findQuoteExactly', () => {
  beforeEach(() => {
    // jsdom lays nothing out; the article counts as on screen.
    vi.spyOn(Element.prototype, 'getClientRects').mockReturnValue([
      new DOMRect(0, 0, 10, 10),
    ] as unknown as DOMRectList);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('finds a whole quote at its link’s offsets', () => {
    const found = findQuoteExactly(renderArticleDom(newstalk), exactAt(QUOTE));
    expect(found?.range.toString()).toBe(QUOTE);
    expect(found?.firstPart.toString()).toBe(QUOTE);
  });

  it('finds a whole quote that moved, when it occurs once', () => {
    const found = findQuoteExactly(renderArticleDom(newstalk), exactAt(QUOTE, 10));
    expect(found?.range.toString()).toBe(QUOTE);
  });

  it('leaves a quote that moved and occurs more than once to the app', () => {
    const twice = 'Lavrov';
    expect(ntText.split(twice).length).toBeGreaterThan(2);
    expect(findQuoteExactly(renderArticleDom(newstalk), exactAt(twice, 0))).toBeNull();
  });

  it('leaves a quote worded otherwise to the app', () => {
    const changed = QUOTE.replace('Brexit', 'Brexlt');
    const start = ntText.indexOf(QUOTE);
    expect(findQuoteExactly(renderArticleDom(newstalk), exactAt(changed, start))).toBeNull();
  });

  it('finds a long quote by its opening and closing words at its offsets', () => {
    const start = ntText.indexOf(QUOTE);
    const found = findQuoteExactly(renderArticleDom(newstalk), {
      kind: 'span',
      startWords: 'Mr Lavrov said the pair',
      endWords: 'on UK-Russia ties.',
      start,
      end: start + QUOTE.length,
    });
    expect(found?.range.toString()).toBe(QUOTE);
  });

  it('across blocks, scrolls to the part in the first block (the app’s first mark)', () => {
    const start = ntText.indexOf(QUOTE);
    const end = ntText.indexOf('He said they had also discussed Ukraine') + 'He said'.length;
    const passage = ntText.slice(start, end);
    const found = findQuoteExactly(renderArticleDom(newstalk), exactAt(passage, start));
    expect(found?.firstPart.toString()).toBe(QUOTE);
    expect(found?.range.toString()).toContain('He said');
  });

  it('tells an article that is not on screen (a hidden tab), for the app to open', () => {
    const articleEl = renderArticleDom(newstalk);
    expect(isRendered(articleEl)).toBe(true);
    vi.mocked(Element.prototype.getClientRects).mockReturnValue([] as unknown as DOMRectList);
    expect(isRendered(articleEl)).toBe(false);
  });

  it('gives the last block the quote touches, past which layout can wait', () => {
    const start = ntText.indexOf(QUOTE);
    const end = ntText.indexOf('He said they had also discussed Ukraine') + 'He said'.length;
    const one = findQuoteExactly(renderArticleDom(newstalk), exactAt(QUOTE));
    expect(one?.lastBlock.textContent).toBe(QUOTE);
    document.body.replaceChildren();
    const two = findQuoteExactly(
      renderArticleDom(newstalk),
      exactAt(ntText.slice(start, end), start),
    );
    expect(two?.lastBlock.textContent).toMatch(/^He said they had also discussed Ukraine/);
  });
});

describe('paintQuoteHighlight', () => {
  it('paints nothing, and says so, where the browser lacks the Custom Highlight API', () => {
    const range = document.createRange();
    expect(paintQuoteHighlight(range, 'disputed')).toBe(false);
  });
});

describe('deferLayoutPastQuote', () => {
  afterEach(() => {
    clearQuoteHighlight();
    vi.unstubAllGlobals();
    Reflect.deleteProperty(document, 'adoptedStyleSheets');
    document.body.replaceChildren();
  });

  /** jsdom parses constructed sheets but cannot adopt them: give the document a plain list. */
  function adoptableDocument(): void {
    Object.defineProperty(document, 'adoptedStyleSheets', {
      value: [],
      writable: true,
      configurable: true,
    });
    // jsdom has no CSS.escape; the seeds' ids and block keys need no escaping.
    vi.stubGlobal('CSS', { escape: (value: string) => value });
  }

  /** The blocks the adopted defer sheet's rule selects, by their text. */
  function deferredBlocks(): string[] {
    const rules = document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
    const selector = rules
      .filter((rule) => rule instanceof CSSStyleRule)
      .map((rule) => rule.selectorText)
      .join(', ');
    if (selector === '') return [];
    return [...document.querySelectorAll('[data-block]')]
      .filter((block) => block.matches(selector))
      .map((block) => block.textContent);
  }

  it('puts off the other report and the blocks after the quote, until the quote is cleared', () => {
    adoptableDocument();
    const own = renderArticleDom(newstalk);
    renderArticleDom(businessInsider);
    const found = findQuoteExactly(own, exactAt(QUOTE));
    if (!found) throw new Error('quote not found');
    deferLayoutPastQuote(found.lastBlock);

    const deferred = deferredBlocks();
    const ownBlocks = [...own.querySelectorAll('[data-block]')].map((block) => block.textContent);
    const at = ownBlocks.indexOf(QUOTE);
    expect(at).toBeGreaterThan(0);
    // Its own report is laid out down to the quote, which decides where the quote is.
    for (const text of ownBlocks.slice(0, at + 1)) expect(deferred).not.toContain(text);
    for (const text of ownBlocks.slice(at + 1)) expect(deferred).toContain(text);
    const otherBlocks = document.querySelectorAll('article:not(:first-of-type) [data-block]');
    expect(deferred).toHaveLength(ownBlocks.length - at - 1 + otherBlocks.length);
    expect(otherBlocks.length).toBeGreaterThan(0);

    clearQuoteHighlight();
    expect(document.adoptedStyleSheets).toEqual([]);
    expect(deferredBlocks()).toEqual([]);
  });

  it('keeps the page’s other adopted sheets when it clears its own', () => {
    adoptableDocument();
    const other = new CSSStyleSheet();
    other.replaceSync('p { color: black; }');
    document.adoptedStyleSheets = [other];
    const found = findQuoteExactly(renderArticleDom(newstalk), exactAt(QUOTE));
    if (!found) throw new Error('quote not found');
    deferLayoutPastQuote(found.lastBlock);
    expect(document.adoptedStyleSheets).toHaveLength(2);
    clearQuoteHighlight();
    expect(document.adoptedStyleSheets).toEqual([other]);
  });

  it('puts off nothing, and does not throw, where the browser cannot adopt a sheet', () => {
    const found = findQuoteExactly(renderArticleDom(newstalk), exactAt(QUOTE));
    if (!found) throw new Error('quote not found');
    expect(() => deferLayoutPastQuote(found.lastBlock)).not.toThrow();
    expect(Array.isArray(document.adoptedStyleSheets)).toBe(false);
  });

  it('puts off nothing for a block outside any article', () => {
    adoptableDocument();
    const block = document.createElement('p');
    block.setAttribute('data-block', '0');
    document.body.append(block);
    deferLayoutPastQuote(block);
    expect(document.adoptedStyleSheets).toEqual([]);
  });
});
