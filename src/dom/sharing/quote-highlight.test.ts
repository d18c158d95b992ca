// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ntText, newstalk } from '../../core/test-fixtures/seed-articles.ts';
import { renderArticleDom } from '../anchoring/test-fixtures/article-dom.ts';
import {
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
