/**
 * Canonical text offsets <-> DOM positions in a rendered article (see ArticleView): each
 * `[data-block]` element's text is its block's canonical text, starting at `data-start`. Text
 * outside blocks (outlet bar, dates, caption, link) is not annotatable: a DOM point there snaps
 * to the nearest block text in the direction given, and ranges are trimmed of whitespace.
 */
import type { TextRange } from '../../core/claims/claim.ts';

/** An annotatable block element and the canonical range its text occupies. */
export interface BlockElement {
  readonly el: Element;
  /** The block's key (`data-block`), e.g. `body-4`. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** The article's annotatable blocks (`[data-block]` with a `data-start`), in document order. */
export function blocksOf(articleEl: Element): BlockElement[] {
  return [...articleEl.querySelectorAll('[data-block]')].flatMap((el) => {
    const start = Number(el.getAttribute('data-start') ?? Number.NaN);
    if (!Number.isInteger(start) || start < 0) return [];
    const key = el.getAttribute('data-block') ?? '';
    return [{ el, key, start, end: start + (el.textContent ?? '').length }];
  });
}

/** Whether the point (node, offset) is before (-1), inside (0) or after (1) `el`'s contents. */
function comparePointTo(el: Element, node: Node, offset: number): number {
  const contents = el.ownerDocument.createRange();
  contents.selectNodeContents(el);
  return contents.comparePoint(node, offset);
}

/** Characters of the text nodes in `blockEl` that come before the point (node, offset). */
function charactersBefore(blockEl: Element, node: Node, offset: number): number {
  const doc = blockEl.ownerDocument;
  const point = doc.createRange();
  point.setStart(node, offset);
  const walker = doc.createTreeWalker(blockEl, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const length = text.nodeValue?.length ?? 0;
    if (text === node) return count + Math.min(offset, length);
    // A text node starting at or after the point is not before it; the point is not inside it.
    if (point.comparePoint(text, 0) >= 0) break;
    count += length;
  }
  return count;
}

/** The canonical offset of a DOM point in `articleEl`, snapped to block text; null if none. */
export function textOffsetFromDomPoint(
  articleEl: Element,
  node: Node,
  offset: number,
  snap: 'forward' | 'backward',
): number | null {
  if (!articleEl.contains(node)) return null;
  const blocks = blocksOf(articleEl);
  if (snap === 'backward') blocks.reverse();
  for (const block of blocks) {
    const position = comparePointTo(block.el, node, offset);
    if (position === 0) return block.start + charactersBefore(block.el, node, offset);
    if (snap === 'forward' && position < 0) return block.start;
    if (snap === 'backward' && position > 0) return block.end;
  }
  return null;
}

/** Offsets of the first and last non-whitespace characters of `text` in [start, end), or null. */
function trimRange(text: string, start: number, end: number): TextRange | null {
  let from = start;
  let to = Math.min(end, text.length);
  while (from < to && /\s/u.test(text.charAt(from))) from++;
  while (to > from && /\s/u.test(text.charAt(to - 1))) to--;
  return from < to ? { start: from, end: to } : null;
}

/** The trimmed canonical range a DOM Range covers in an article; null if no annotatable text. */
export function textRangeFromDomRange(
  articleEl: Element,
  range: Range,
  canonicalText: string,
): TextRange | null {
  const start = textOffsetFromDomPoint(
    articleEl,
    range.startContainer,
    range.startOffset,
    'forward',
  );
  const end = textOffsetFromDomPoint(articleEl, range.endContainer, range.endOffset, 'backward');
  if (start === null || end === null || start >= end) return null;
  return trimRange(canonicalText, start, end);
}

/** The DOM point `offset` characters into `blockEl`; at a text node's start if `forward`. */
function domPointAt(
  blockEl: Element,
  offset: number,
  bias: 'forward' | 'backward',
): { node: Node; offset: number } {
  const walker = blockEl.ownerDocument.createTreeWalker(blockEl, NodeFilter.SHOW_TEXT);
  let remaining = offset;
  let last: Node | null = null;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const length = text.nodeValue?.length ?? 0;
    if (bias === 'forward' ? remaining < length : remaining <= length) {
      return { node: text, offset: remaining };
    }
    remaining -= length;
    last = text;
  }
  return last
    ? { node: last, offset: last.nodeValue?.length ?? 0 }
    : { node: blockEl, offset: blockEl.childNodes.length };
}

/** A new DOM Range over a canonical range of the article in `articleEl`; null if no block text. */
export function domRangeFromTextRange(articleEl: Element, range: TextRange): Range | null {
  const blocks = blocksOf(articleEl);
  const first = blocks.find((b) => b.end > range.start && b.end > b.start);
  let last: BlockElement | undefined;
  for (const block of blocks) if (block.start < range.end && block.end > block.start) last = block;
  if (!first || !last) return null;
  const start = Math.max(range.start, first.start);
  const end = Math.min(range.end, last.end);
  if (start >= end) return null;
  const from = domPointAt(first.el, start - first.start, 'forward');
  const to = domPointAt(last.el, end - last.start, 'backward');
  const result = articleEl.ownerDocument.createRange();
  result.setStart(from.node, from.offset);
  result.setEnd(to.node, to.offset);
  return result;
}

/** The article element (`article[data-article]`) that contains `node`, or null. */
export function articleElementOf(node: Node): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest<HTMLElement>('article[data-article]') ?? null;
}

/** The document's non-empty selection within one article, as canonical and fresh DOM ranges. */
export function readArticleSelection(
  doc: Document,
  canonicalTextOf: (articleId: string) => string | undefined,
): { articleId: string; range: TextRange; domRange: Range } | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const selected = selection.getRangeAt(0);
  const articleEl = articleElementOf(selected.startContainer);
  if (!articleEl || articleElementOf(selected.endContainer) !== articleEl) return null;
  const articleId = articleEl.getAttribute('data-article');
  const text = articleId === null ? undefined : canonicalTextOf(articleId);
  if (articleId === null || text === undefined) return null;
  const range = textRangeFromDomRange(articleEl, selected, text);
  if (!range) return null;
  const domRange = domRangeFromTextRange(articleEl, range);
  return domRange ? { articleId, range, domRange } : null;
}
