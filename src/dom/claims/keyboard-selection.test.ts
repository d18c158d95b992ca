// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { articleText } from '../../core/articles/article-text.ts';
import type { TextRange } from '../../core/claims/claim.ts';
import { businessInsider, newstalk } from '../../core/test-fixtures/seed-articles.ts';
import { handleArticleSelectionKey, KEYBOARD_SELECTION_KEYS } from './keyboard-selection.ts';
import { domRangeFromTextRange, textRangeFromDomRange } from '../anchoring/text-offsets.ts';
import { renderArticleDom } from '../anchoring/test-fixtures/article-dom.ts';

const newstalkText = articleText(newstalk).text;
const biText = articleText(businessInsider).text;

function required<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing');
  return value;
}

/** The canonical range of the first occurrence of `quote` at or after `after`. */
function at(text: string, quote: string, after = 0): TextRange {
  const start = text.indexOf(quote, after);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { start, end: start + quote.length };
}

function selection(): Selection {
  return required(document.getSelection());
}

/** Puts the document selection on a canonical range (or a caret at its start if empty). */
function selectText(articleEl: HTMLElement, range: TextRange) {
  if (range.start === range.end) {
    const around = required(domRangeFromTextRange(articleEl, { ...range, end: range.end + 1 }));
    selection().collapse(around.startContainer, around.startOffset);
    return;
  }
  const dom = required(domRangeFromTextRange(articleEl, range));
  selection().setBaseAndExtent(
    dom.startContainer,
    dom.startOffset,
    dom.endContainer,
    dom.endOffset,
  );
}

/** Setup for one article: press keys on it and read back the selected canonical text. */
function reader(
  article: typeof newstalk,
  highlights: readonly { id: string; start: number; end: number }[] = [],
) {
  const text = articleText(article).text;
  const articleEl = renderArticleDom(article, highlights);
  let handled = false;
  articleEl.addEventListener('keydown', (event) => {
    handled = handleArticleSelectionKey(event, articleEl, text);
  });
  return {
    articleEl,
    press(key: string, modifiers: KeyboardEventInit = {}, target: Element = articleEl) {
      const event = new KeyboardEvent('keydown', {
        key,
        bubbles: true,
        cancelable: true,
        ...modifiers,
      });
      target.dispatchEvent(event);
      return { handled, prevented: event.defaultPrevented };
    },
    /** The selected canonical text, with block separators, or null if nothing is selected. */
    selected(): string | null {
      const sel = selection();
      if (sel.rangeCount === 0 || sel.isCollapsed) return null;
      const range = textRangeFromDomRange(articleEl, sel.getRangeAt(0), text);
      return range && text.slice(range.start, range.end);
    },
  };
}

beforeEach(() => {
  // jsdom has no Selection.modify, so the canonical-text path runs unless a test adds one.
  expect('modify' in Selection.prototype).toBe(false);
});

afterEach(() => {
  document.body.replaceChildren();
  selection().removeAllRanges();
  vi.restoreAllMocks();
  Reflect.deleteProperty(Selection.prototype, 'modify');
});

describe('handleArticleSelectionKey: words', () => {
  it('starts at the first word of the first body paragraph and steps word by word', () => {
    const { press, selected } = reader(newstalk);
    expect(press('ArrowRight')).toEqual({ handled: true, prevented: true });
    expect(selected()).toBe('British');
    press('ArrowRight');
    expect(selected()).toBe('foreign');
    press('ArrowLeft');
    press('ArrowLeft');
    expect(selected()).toBe('interference');
    expect(document.getSelection()?.toString()).toBe('interference');
  });

  it('starts in the first body paragraph for ArrowLeft, Home and End too', () => {
    const { press, selected } = reader(businessInsider);
    press('ArrowLeft');
    expect(selected()).toBe('LONDON');
    selection().removeAllRanges();
    press('End');
    expect(selected()).toBe('Friday');
    selection().removeAllRanges();
    press('Home');
    expect(selected()).toBe('LONDON');
  });

  it('extends and shrinks by a word at the end, never to nothing', () => {
    const { articleEl, press, selected } = reader(newstalk);
    selectText(articleEl, at(newstalkText, 'Mr Johnson insisted'));
    press('ArrowRight', { shiftKey: true });
    press('ArrowRight', { shiftKey: true });
    expect(selected()).toBe('Mr Johnson insisted there was');
    press('ArrowRight', { shiftKey: true });
    expect(selected()).toBe('Mr Johnson insisted there was "abundant');
    for (let i = 0; i < 5; i++) press('ArrowLeft', { shiftKey: true });
    expect(selected()).toBe('Mr');
    expect(press('ArrowLeft', { shiftKey: true })).toEqual({ handled: true, prevented: true });
    expect(selected()).toBe('Mr');
  });

  it('extends across a paragraph break', () => {
    const { articleEl, press, selected } = reader(newstalk);
    selectText(articleEl, at(newstalkText, 'France.'));
    press('ArrowRight', { shiftKey: true });
    expect(selected()).toBe('France.\n\nHe');
  });

  it('steps through claim marks and into an exchange line’s speaker', () => {
    const lavrov = at(biText, 'Lavrov: Boris says');
    const exchange = at(biText, 'extraordinary exchange:');
    const { articleEl, press, selected } = reader(businessInsider, [
      { id: 'a', ...lavrov },
      { id: 'b', ...exchange },
      { id: 'c', ...at(biText, 'exchange') },
    ]);
    selectText(articleEl, at(biText, 'extraordinary', exchange.start));
    press('ArrowRight');
    expect(selected()).toBe('exchange');
    press('ArrowRight');
    expect(selected()).toBe('Lavrov');
    expect(selection().anchorNode?.parentElement?.tagName).toBe('SPAN');
    press('ArrowRight', { shiftKey: true });
    expect(selected()).toBe('Lavrov: Boris');
  });

  it('selects the word under a caret, and a word before a caret at the very end', () => {
    const { articleEl, press, selected } = reader(newstalk);
    const johnson = at(newstalkText, 'Johnson insisted');
    selectText(articleEl, { start: johnson.start + 3, end: johnson.start + 3 });
    press('ArrowRight');
    expect(selected()).toBe('Johnson');
    selectText(articleEl, { start: newstalkText.length - 1, end: newstalkText.length - 1 });
    press('ArrowRight');
    expect(selected()).toBe('Johnson');
    press('ArrowRight');
    expect(selected()).toBe('Johnson');
  });

  it('selects the first and last word of the block with Home and End', () => {
    const { articleEl, press, selected } = reader(newstalk);
    selectText(articleEl, at(newstalkText, 'abundant'));
    press('End');
    expect(selected()).toBe('France');
    press('Home');
    expect(selected()).toBe('Mr');
  });
});

describe('handleArticleSelectionKey: sentences', () => {
  it('selects the next and previous sentence as a whole', () => {
    const { press, selected } = reader(businessInsider);
    press('ArrowDown', { altKey: true });
    expect(selected()).toBe(
      'LONDON – A joint press conference involving Boris Johnson and his Russian counterpart Sergey Lavrov descended into an extraordinary diplomatic spat on Friday.',
    );
    press('ArrowUp', { altKey: true });
    expect(selected()).toBe('Johnson is in Russia to try and repair UK-Russia relations.');
    press('ArrowUp', { altKey: true });
    press('ArrowDown', { altKey: true });
    expect(selected()).toBe('Johnson is in Russia to try and repair UK-Russia relations.');
  });

  it('extends and shrinks by a sentence, across the exchange lines', () => {
    const { articleEl, press, selected } = reader(businessInsider);
    selectText(articleEl, at(biText, 'Boris says'));
    press('ArrowDown', { shiftKey: true });
    expect(selected()).toBe('Boris says he has no evidence that Russia interfered on Brexit.');
    press('ArrowDown', { shiftKey: true });
    expect(selected()).toBe(
      'Boris says he has no evidence that Russia interfered on Brexit.\n\nJohnson: Not successfully!',
    );
    press('ArrowUp', { shiftKey: true });
    expect(selected()).toBe('Boris says he has no evidence that Russia interfered on Brexit.');
    press('ArrowUp', { shiftKey: true });
    expect(selected()).toBe('Boris says he has no evidence that Russia interfered on Brexit.');
  });

  it('keeps the ellipses of Lavrov’s quote inside one sentence', () => {
    const { articleEl, press, selected } = reader(businessInsider);
    selectText(articleEl, at(biText, 'Putin’s Russian government.'));
    press('ArrowDown', { altKey: true });
    expect(selected()).toMatch(/^“Honestly I cannot remember .* Lavrov reportedly told media\.$/);
  });
});

describe('handleArticleSelectionKey: what it leaves alone', () => {
  it('ignores other keys, modifier combinations and handled events', () => {
    const { press, selected } = reader(newstalk);
    for (const [key, modifiers] of [
      ['a', {}],
      ['Enter', {}],
      ['ArrowRight', { ctrlKey: true }],
      ['ArrowRight', { altKey: true }],
      ['ArrowDown', { metaKey: true }],
      // Plain ↓/↑ scroll the report, as in any reader, and select nothing.
      ['ArrowDown', {}],
      ['ArrowUp', {}],
      ['ArrowDown', { altKey: true, shiftKey: true }],
      ['Home', { shiftKey: true }],
    ] as const) {
      expect(press(key, modifiers)).toEqual({ handled: false, prevented: false });
    }
    expect(selected()).toBeNull();
    const articleEl = required(document.querySelector('article'));
    const event = new KeyboardEvent('keydown', { key: 'ArrowRight', cancelable: true });
    event.preventDefault();
    expect(handleArticleSelectionKey(event, articleEl, newstalkText)).toBe(false);
  });

  it('only acts on events from inside the article', () => {
    const { articleEl } = reader(newstalk);
    const outside = document.createElement('button');
    document.body.append(outside);
    const event = new KeyboardEvent('keydown', { key: 'ArrowRight', cancelable: true });
    outside.dispatchEvent(event);
    expect(handleArticleSelectionKey(event, articleEl, newstalkText)).toBe(false);
    expect(event.defaultPrevented).toBe(false);
  });

  it('works from a focused mark, ignoring a selection in the other article', () => {
    const germany = at(newstalkText, 'Germany');
    const first = reader(newstalk, [{ id: 'g', ...germany }]);
    const second = reader(businessInsider);
    selectText(second.articleEl, at(biText, 'LONDON'));
    const mark = required(first.articleEl.querySelector('mark'));
    expect(first.press('ArrowRight', {}, mark).handled).toBe(true);
    expect(first.selected()).toBe('British');
  });

  it('scrolls the selected block into view', () => {
    const scroll = vi.fn();
    Object.defineProperty(Element.prototype, 'scrollIntoView', {
      value: scroll,
      configurable: true,
    });
    try {
      const { articleEl, press } = reader(newstalk);
      press('ArrowDown', { shiftKey: true });
      expect(scroll).toHaveBeenCalledWith({ block: 'nearest' });
      expect(scroll.mock.contexts.at(-1)).toBe(articleEl.querySelector('[data-block="body-0"]'));
    } finally {
      Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
    }
  });
});

describe('handleArticleSelectionKey: with Selection.modify', () => {
  function installModify(move: (sel: Selection, direction: string) => void) {
    const modify = vi.fn(function (this: Selection, _alter?: string, direction?: string) {
      move(this, direction ?? '');
    });
    Object.defineProperty(Selection.prototype, 'modify', { value: modify, configurable: true });
    return modify;
  }

  it('uses the browser’s word step when it moves the end the right way', () => {
    const { articleEl, press, selected } = reader(newstalk);
    // Stands in for a browser whose word step goes to the end of the next word.
    const modify = installModify((sel, direction) => {
      const range = required(textRangeFromDomRange(articleEl, sel.getRangeAt(0), newstalkText));
      const to =
        direction === 'forward'
          ? at(newstalkText, 'there', range.end).end
          : at(newstalkText, 'Johnson', range.start).end;
      selectText(articleEl, { start: range.start, end: to });
    });
    selectText(articleEl, at(newstalkText, 'Mr Johnson insisted'));
    press('ArrowRight', { shiftKey: true });
    expect(modify).toHaveBeenCalledWith('extend', 'forward', 'word');
    expect(selected()).toBe('Mr Johnson insisted there');
    press('ArrowLeft', { shiftKey: true });
    expect(modify).toHaveBeenCalledWith('extend', 'backward', 'word');
    expect(selected()).toBe('Mr Johnson');
  });

  it('falls back to the canonical words when the browser step does not move the end', () => {
    const { articleEl, press, selected } = reader(newstalk);
    // Like Windows: forward from a word's end stops at the next word's start, adding a space.
    const modify = installModify((sel) => {
      const range = required(textRangeFromDomRange(articleEl, sel.getRangeAt(0), newstalkText));
      selectText(articleEl, { start: range.start, end: range.end + 1 });
    });
    selectText(
      articleEl,
      at(newstalkText, 'Mr Johnson', at(newstalkText, 'Mr Johnson insisted').start),
    );
    press('ArrowRight', { shiftKey: true });
    expect(modify).toHaveBeenCalledTimes(1);
    expect(selected()).toBe('Mr Johnson insisted');
    expect(selection().toString()).toBe('Mr Johnson insisted');
  });

  it('falls back when the browser step leaves the annotatable text, or throws', () => {
    const { articleEl, press, selected } = reader(newstalk);
    const caption = required(articleEl.querySelector('figcaption'));
    installModify((sel) => sel.extend(caption, 1));
    selectText(articleEl, at(newstalkText, 'Russian interference'));
    press('ArrowRight', { shiftKey: true });
    expect(selected()).toBe('Russian interference\n\nBritish');
    installModify(() => {
      throw new Error('granularity not supported');
    });
    press('ArrowRight', { shiftKey: true });
    expect(selected()).toBe('Russian interference\n\nBritish foreign');
  });

  it('does not use it for whole-word or sentence steps', () => {
    const { press, selected } = reader(newstalk);
    const modify = installModify(() => undefined);
    press('ArrowRight');
    press('ArrowDown', { altKey: true });
    press('ArrowDown', { shiftKey: true });
    expect(modify).not.toHaveBeenCalled();
    expect(selected()).toMatch(/^Sergei Lavrov denied .*on the issue\.\n\nMr Johnson insisted/);
  });
});

describe('KEYBOARD_SELECTION_KEYS', () => {
  it('lists each handled key once', () => {
    const keys = KEYBOARD_SELECTION_KEYS.map((k) => k.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.join(' ')).toMatch(/→.*←.*Shift.*↓.*↑.*Home.*End/);
  });
});
