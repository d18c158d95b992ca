/**
 * Keyboard text selection in an article, for readers without a pointer (keys: see
 * KEYBOARD_SELECTION_KEYS). Plain ↓/↑ are left to the browser, which scrolls the report. With nothing selected in the article, any key starts in the first
 * body paragraph. Selections are always visible (never a bare caret) and forward; extending may
 * cross blocks. Word and sentence boundaries come from the canonical text (text-boundaries.ts);
 * only Shift+←/→ try the browser's own word step first (Selection.modify), keeping it when it
 * moves the selection's end the right way within annotatable text.
 */
import type { TextRange } from '../../core/claims/claim.ts';
import {
  firstSentenceIn,
  firstWordIn,
  lastWordIn,
  stepOver,
  unitRanges,
  type StepDirection,
  type StepUnit,
} from '../../core/text/text-boundaries.ts';
import {
  blocksOf,
  domRangeFromTextRange,
  textOffsetFromDomPoint,
  textRangeFromDomRange,
} from '../anchoring/text-offsets.ts';

/** The keys handleArticleSelectionKey understands, for the shortcuts help. */
export const KEYBOARD_SELECTION_KEYS: readonly { keys: string; action: string }[] = [
  { keys: '→  /  ←', action: 'Select the next / previous word' },
  { keys: 'Shift+→  /  Shift+←', action: 'Extend / shrink the selection by a word' },
  { keys: 'Shift+↓  /  Shift+↑', action: 'Extend / shrink the selection by a sentence' },
  { keys: 'Alt+↓  /  Alt+↑', action: 'Select the next / previous sentence' },
  { keys: '↓  /  ↑', action: 'Scroll the report (they select nothing)' },
  { keys: 'Home  /  End', action: 'Select the first / last word of the paragraph' },
];

type KeyAction =
  | { readonly kind: 'step'; readonly unit: StepUnit; readonly direction: StepDirection }
  | { readonly kind: 'home' | 'end' };

function actionFor(event: KeyboardEvent): KeyAction | null {
  if (event.ctrlKey || event.metaKey) return null;
  const step = (unit: StepUnit, direction: StepDirection): KeyAction => ({
    kind: 'step',
    unit,
    direction,
  });
  // Plain ↓/↑ scroll the report, as in any reader; sentences take Shift (extend) or Alt (move).
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    const down = event.key === 'ArrowDown';
    if (event.altKey && !event.shiftKey) return step('sentence', down ? 'next' : 'previous');
    if (event.shiftKey && !event.altKey) return step('sentence', down ? 'extend' : 'shrink');
    return null;
  }
  if (event.altKey) return null;
  switch (event.key) {
    case 'ArrowRight':
      return step('word', event.shiftKey ? 'extend' : 'next');
    case 'ArrowLeft':
      return step('word', event.shiftKey ? 'shrink' : 'previous');
    case 'Home':
      return event.shiftKey ? null : { kind: 'home' };
    case 'End':
      return event.shiftKey ? null : { kind: 'end' };
    default:
      return null;
  }
}

/** The selection as a canonical range in this article (a caret gives an empty range), or null. */
function currentRange(
  selection: Selection,
  articleEl: HTMLElement,
  text: string,
): TextRange | null {
  if (selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!articleEl.contains(range.startContainer) || !articleEl.contains(range.endContainer)) {
    return null;
  }
  if (!range.collapsed) return textRangeFromDomRange(articleEl, range, text);
  const caret = textOffsetFromDomPoint(
    articleEl,
    range.startContainer,
    range.startOffset,
    'forward',
  );
  return caret === null ? null : { start: caret, end: caret };
}

/**
 * What a key selects when nothing in the article is selected: in the first body paragraph (or
 * the first block), its first word or sentence, or its last word for End.
 */
function startingRange(articleEl: HTMLElement, text: string, action: KeyAction): TextRange | null {
  const blocks = blocksOf(articleEl);
  const block = blocks.find((b) => b.key.startsWith('body-')) ?? blocks[0];
  if (!block) return null;
  if (action.kind === 'end') return lastWordIn(text, block);
  if (action.kind === 'step' && action.unit === 'sentence') return firstSentenceIn(text, block);
  return firstWordIn(text, block);
}

/** The first or last word of the block the selection ends in. */
function blockWord(
  articleEl: HTMLElement,
  text: string,
  current: TextRange,
  which: 'home' | 'end',
): TextRange | null {
  const last = current.end > current.start ? current.end - 1 : current.end;
  const block = blocksOf(articleEl).find((b) => b.start <= last && last <= b.end);
  if (!block) return null;
  return which === 'home' ? firstWordIn(text, block) : lastWordIn(text, block);
}

function isInBlock(node: Node | null, articleEl: HTMLElement): boolean {
  const el = node?.nodeType === Node.ELEMENT_NODE ? (node as Element) : node?.parentElement;
  const block = el?.closest('[data-block]');
  return block !== null && block !== undefined && articleEl.contains(block);
}

/** Tries Selection.modify's word step; restores the selection and returns false if unusable. */
function nativeWordStep(
  selection: Selection,
  articleEl: HTMLElement,
  text: string,
  current: TextRange,
  direction: 'extend' | 'shrink',
): boolean {
  // Non-standard, so absent in some environments (jsdom) even though lib.dom declares it.
  // Worth trying because the browser's word breaking knows languages written without spaces.
  if (typeof selection.modify !== 'function' || selection.rangeCount === 0) return false;
  const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
  const range = selection.getRangeAt(0);
  // modify() moves the focus; only a forward selection has its focus at the end.
  const forward = range.endContainer === focusNode && range.endOffset === focusOffset;
  if (!anchorNode || !focusNode || range.collapsed || !forward) return false;
  let after: TextRange | null = null;
  try {
    selection.modify('extend', direction === 'extend' ? 'forward' : 'backward', 'word');
    after = currentRange(selection, articleEl, text);
  } catch {
    after = null;
  }
  const moved =
    after !== null &&
    after.start === current.start &&
    (direction === 'extend' ? after.end > current.end : after.end < current.end) &&
    isInBlock(selection.focusNode, articleEl);
  if (!moved) selection.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset);
  return moved;
}

/** Scrolls the block holding the selection's end into view; a programmatic selection does not. */
function revealFocus(selection: Selection): void {
  const node = selection.focusNode;
  const el = node?.nodeType === Node.ELEMENT_NODE ? (node as Element) : node?.parentElement;
  const block = el?.closest('[data-block]');
  if (block && typeof block.scrollIntoView === 'function') {
    block.scrollIntoView({ block: 'nearest' });
  }
}

/** Handles a selection key in an article (see above); true if it did and prevented the default. */
export function handleArticleSelectionKey(
  event: KeyboardEvent,
  articleEl: HTMLElement,
  canonicalText: string,
): boolean {
  if (event.defaultPrevented) return false;
  const action = actionFor(event);
  const target = event.target;
  if (!action || !(target instanceof Node) || !articleEl.contains(target)) return false;
  const selection = articleEl.ownerDocument.getSelection();
  if (!selection) return false;
  event.preventDefault();

  const current = currentRange(selection, articleEl, canonicalText);
  let next: TextRange | null;
  if (!current) {
    next = startingRange(articleEl, canonicalText, action);
  } else if (action.kind !== 'step') {
    next = blockWord(articleEl, canonicalText, current, action.kind);
  } else if (
    action.unit === 'word' &&
    (action.direction === 'extend' || action.direction === 'shrink') &&
    nativeWordStep(selection, articleEl, canonicalText, current, action.direction)
  ) {
    revealFocus(selection);
    return true;
  } else {
    const units = unitRanges(canonicalText, action.unit);
    next = stepOver(units, current, action.direction);
    // A caret with nothing beyond it still becomes a visible selection.
    if (!next && current.start === current.end) {
      next = stepOver(units, current, 'previous') ?? stepOver(units, current, 'next');
    }
  }

  const domRange = next && domRangeFromTextRange(articleEl, next);
  if (domRange) {
    selection.setBaseAndExtent(
      domRange.startContainer,
      domRange.startOffset,
      domRange.endContainer,
      domRange.endOffset,
    );
    revealFocus(selection);
  }
  return true;
}
