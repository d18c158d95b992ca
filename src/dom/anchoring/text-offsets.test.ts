// @vitest-environment jsdom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { articleText } from '../../core/articles/article-text.ts';
import type { TextRange } from '../../core/claims/claim.ts';
import {
  biText,
  businessInsider,
  newstalk,
  ntText,
} from '../../core/test-fixtures/seed-articles.ts';
import {
  articleElementOf,
  domRangeFromTextRange,
  readArticleSelection,
  textOffsetFromDomPoint,
  textRangeFromDomRange,
} from './text-offsets.ts';
import { renderArticleDom } from './test-fixtures/article-dom.ts';

/** The canonical range of the first occurrence of `quote`. */
function at(text: string, quote: string, after = 0): TextRange {
  const start = text.indexOf(quote, after);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { start, end: start + quote.length };
}

function blockEl(articleEl: Element, key: string): Element {
  const el = articleEl.querySelector(`[data-block="${key}"]`);
  if (!el) throw new Error(`no block ${key}`);
  return el;
}

function required<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing');
  return value;
}

function domRange(start: [Node, number], end: [Node, number]): Range {
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  return range;
}

/** The text of a range with the canonical separators taken out, to compare with Range#toString. */
const flat = (text: string, range: TextRange) =>
  text.slice(range.start, range.end).replace(/\n\n/g, '');

/** "British" at the start of body-0 (the standfirst has one before it). */
const britishInBody = at(ntText, 'British', at(ntText, 'British foreign').start);

// Overlapping and nested claims in Newstalk body-2, and one across body-2 and body-3.
const insisted = at(ntText, 'Mr Johnson insisted there was "abundant evidence"');
const evidence = at(ntText, '"abundant evidence" that Russia had attempted');
const germany = at(ntText, 'Germany');
const crossing = at(ntText, 'Denmark and France.\n\nHe also told Mr Lavrov');
const newstalkHighlights = [
  { id: 'insisted', ...insisted },
  { id: 'evidence', ...evidence },
  { id: 'germany', ...germany },
  { id: 'crossing', ...crossing },
];

afterEach(() => {
  document.body.replaceChildren();
  document.getSelection()?.removeAllRanges();
});

describe('textRangeFromDomRange', () => {
  it('gives each block its canonical range, with or without marks inside', () => {
    for (const [article, text] of [
      [newstalk, ntText],
      [businessInsider, biText],
    ] as const) {
      const articleEl = renderArticleDom(article, newstalkHighlights);
      for (const block of articleText(article).blocks) {
        const range = document.createRange();
        range.selectNodeContents(blockEl(articleEl, block.key));
        expect(textRangeFromDomRange(articleEl, range, text)).toEqual({
          start: block.start,
          end: block.end,
        });
      }
    }
  });

  it('counts the text before a boundary inside nested marks', () => {
    const articleEl = renderArticleDom(newstalk, newstalkHighlights);
    const inner = required(articleEl.querySelector('mark[data-claim-id="germany"]')?.firstChild);
    expect(inner.nodeType).toBe(Node.TEXT_NODE);
    expect(textRangeFromDomRange(articleEl, domRange([inner, 0], [inner, 7]), ntText)).toEqual(
      germany,
    );
    // The same points given as (element, child index).
    const mark = required(inner.parentElement);
    expect(textRangeFromDomRange(articleEl, domRange([mark, 0], [mark, 1]), ntText)).toEqual(
      germany,
    );
    const both = required(articleEl.querySelector('mark[data-claim-id="evidence"]'));
    expect(both.parentElement?.getAttribute('data-claim-id')).toBe('insisted');
    expect(textRangeFromDomRange(articleEl, domRange([both, 0], [both, 1]), ntText)).toEqual(
      at(ntText, '"abundant evidence"'),
    );
  });

  it('handles element boundaries at block edges and between blocks', () => {
    const articleEl = renderArticleDom(newstalk, newstalkHighlights);
    const body2 = blockEl(articleEl, 'body-2');
    const body3 = blockEl(articleEl, 'body-3');
    const bodyDiv = required(body2.parentElement);
    const index = [...bodyDiv.children].indexOf(body2);
    const blocks = articleText(newstalk).blocks;
    const [b2, b3] = [
      blocks.find((b) => b.key === 'body-2'),
      blocks.find((b) => b.key === 'body-3'),
    ];
    // From just before body-2 (in the parent) to just after body-3.
    expect(
      textRangeFromDomRange(articleEl, domRange([bodyDiv, index], [bodyDiv, index + 2]), ntText),
    ).toEqual({ start: b2?.start, end: b3?.end });
    // From the end of body-2 to the start of body-3 covers only the separator.
    expect(
      textRangeFromDomRange(
        articleEl,
        domRange([body2, body2.childNodes.length], [body3, 0]),
        ntText,
      ),
    ).toBeNull();
  });

  it('counts the speaker span of an exchange line and React comment separators', () => {
    const lavrov = at(biText, 'Lavrov: Boris says');
    const articleEl = renderArticleDom(businessInsider, [{ id: 'x', ...lavrov }]);
    const line = blockEl(articleEl, 'body-4');
    expect(line.textContent).toBe(
      'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.',
    );
    const span = required(line.querySelector('span'));
    const afterSpan = required(span.parentElement?.nextSibling?.nextSibling?.nextSibling);
    expect(afterSpan.textContent).toBe(' Boris says');
    const comment = required(span.parentElement?.nextSibling);
    expect(comment.nodeType).toBe(Node.COMMENT_NODE);
    expect(textRangeFromDomRange(articleEl, domRange([span, 0], [comment, 0]), biText)).toEqual(
      at(biText, 'Lavrov:'),
    );
    expect(
      textRangeFromDomRange(
        articleEl,
        domRange([span, 0], [afterSpan.firstChild ?? afterSpan, 6]),
        biText,
      ),
    ).toEqual(at(biText, 'Lavrov: Boris'));
  });

  it('snaps ends in the caption or dates to the nearest block text inside the range', () => {
    const articleEl = renderArticleDom(newstalk);
    const caption = required(articleEl.querySelector('figcaption'));
    const time = required(articleEl.querySelector('time'));
    const body0 = blockEl(articleEl, 'body-0');
    const text = required(body0.firstChild);
    expect(textRangeFromDomRange(articleEl, domRange([caption, 0], [text, 7]), ntText)).toEqual(
      britishInBody,
    );
    expect(textRangeFromDomRange(articleEl, domRange([time, 0], [caption, 1]), ntText)).toBeNull();
    // The aria-hidden bar repeats the headline but is not the headline block.
    const bar = required(articleEl.firstElementChild);
    const headline = blockEl(articleEl, 'headline');
    expect(textRangeFromDomRange(articleEl, domRange([bar, 0], [headline, 1]), ntText)).toEqual(
      at(ntText, newstalk.headline),
    );
  });

  it('trims whitespace and returns null for whitespace only or outside the article', () => {
    const articleEl = renderArticleDom(newstalk);
    const body2 = required(blockEl(articleEl, 'body-2').firstChild);
    const quote = ' that Russia ';
    const offset = required(body2.textContent).indexOf(quote);
    expect(
      textRangeFromDomRange(
        articleEl,
        domRange([body2, offset], [body2, offset + quote.length]),
        ntText,
      ),
    ).toEqual(at(ntText, 'that Russia'));
    expect(
      textRangeFromDomRange(articleEl, domRange([body2, offset], [body2, offset + 1]), ntText),
    ).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'Elsewhere on the page';
    document.body.append(outside);
    expect(textRangeFromDomRange(articleEl, domRange([outside, 0], [body2, 5]), ntText)).toBeNull();
  });
});

describe('domRangeFromTextRange', () => {
  it('covers a quote inside overlapping marks', () => {
    const articleEl = renderArticleDom(newstalk, newstalkHighlights);
    const range = required(domRangeFromTextRange(articleEl, evidence));
    expect(range.toString()).toBe('"abundant evidence" that Russia had attempted');
    expect(range.startContainer.parentElement?.getAttribute('data-claim-id')).toBe('evidence');
  });

  it('covers a claim across two paragraphs, and snaps ends in separators inwards', () => {
    const articleEl = renderArticleDom(newstalk, newstalkHighlights);
    expect(required(domRangeFromTextRange(articleEl, crossing)).toString()).toBe(
      flat(ntText, crossing),
    );
    const body3 = at(ntText, 'He also told');
    const snapped = required(
      domRangeFromTextRange(articleEl, { start: body3.start - 1, end: body3.end }),
    );
    expect(snapped.toString()).toBe('He also told');
    expect(
      domRangeFromTextRange(articleEl, { start: body3.start - 2, end: body3.start }),
    ).toBeNull();
    expect(domRangeFromTextRange(articleEl, { start: 5, end: 5 })).toBeNull();
  });

  it('round-trips with textRangeFromDomRange for any range, trimmed', () => {
    const articleEl = renderArticleDom(businessInsider, [
      { id: 'a', ...at(biText, 'Lavrov: He’s afraid') },
      { id: 'b', ...at(biText, 'afraid that if he doesn’t contradict me') },
      { id: 'c', ...at(biText, 'ruined.\n\nJohnson: It’s') },
    ]);
    const offset = fc.integer({ min: 0, max: biText.length });
    fc.assert(
      fc.property(offset, offset, (a, b) => {
        const range = { start: Math.min(a, b), end: Math.max(a, b) };
        const slice = biText.slice(range.start, range.end);
        const dom = domRangeFromTextRange(articleEl, range);
        const back = dom && textRangeFromDomRange(articleEl, dom, biText);
        if (slice.trim() === '') {
          expect(back).toBeNull();
          return;
        }
        expect(back).toEqual({
          start: range.start + slice.length - slice.trimStart().length,
          end: range.end - (slice.length - slice.trimEnd().length),
        });
      }),
    );
  });
});

describe('articleElementOf', () => {
  it('finds the article of a text node or element, or null', () => {
    const articleEl = renderArticleDom(newstalk);
    const text = required(blockEl(articleEl, 'body-0').firstChild);
    expect(articleElementOf(text)).toBe(articleEl);
    expect(articleElementOf(articleEl)).toBe(articleEl);
    expect(articleElementOf(document.body)).toBeNull();
  });
});

describe('textOffsetFromDomPoint', () => {
  it('snaps a caret in the caption forward or backward', () => {
    const articleEl = renderArticleDom(newstalk);
    const caption = required(articleEl.querySelector('figcaption'));
    const blocks = articleText(newstalk).blocks;
    expect(textOffsetFromDomPoint(articleEl, caption, 0, 'forward')).toBe(
      blocks.find((b) => b.key === 'body-0')?.start,
    );
    expect(textOffsetFromDomPoint(articleEl, caption, 0, 'backward')).toBe(
      blocks.find((b) => b.key === 'standfirst-0')?.end,
    );
    expect(textOffsetFromDomPoint(articleEl, document.body, 0, 'forward')).toBeNull();
  });
});

describe('readArticleSelection', () => {
  const textOf = (id: string) =>
    id === newstalk.id ? ntText : id === businessInsider.id ? biText : undefined;

  function select(start: [Node, number], end: [Node, number]) {
    const selection = required(document.getSelection());
    selection.removeAllRanges();
    selection.addRange(domRange(start, end));
  }

  it('reads a selection inside one article', () => {
    const articleEl = renderArticleDom(newstalk, newstalkHighlights);
    const mark = required(articleEl.querySelector('mark[data-claim-id="germany"]'));
    const caption = required(articleEl.querySelector('figcaption'));
    select([caption, 0], [mark, 1]);
    const read = required(readArticleSelection(document, textOf));
    expect(read.articleId).toBe(newstalk.id);
    expect(read.range).toEqual({
      start: at(ntText, 'British foreign').start,
      end: germany.end,
    });
    expect(read.domRange.toString()).toBe(flat(ntText, read.range));
  });

  it('returns null for no selection, a caret, two articles or an unknown article', () => {
    const first = renderArticleDom(newstalk);
    const second = renderArticleDom(businessInsider);
    expect(readArticleSelection(document, textOf)).toBeNull();
    const firstText = required(blockEl(first, 'body-0').firstChild);
    select([firstText, 3], [firstText, 3]);
    expect(readArticleSelection(document, textOf)).toBeNull();
    select([firstText, 0], [required(blockEl(second, 'body-0').firstChild), 3]);
    expect(readArticleSelection(document, textOf)).toBeNull();
    select([firstText, 0], [firstText, 7]);
    expect(readArticleSelection(document, () => undefined)).toBeNull();
    expect(readArticleSelection(document, textOf)?.range).toEqual(britishInBody);
  });
});
