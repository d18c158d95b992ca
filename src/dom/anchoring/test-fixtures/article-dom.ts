import type { Article } from '../../../core/articles/article-schema.ts';
import { articleText, speakerPrefix, type TextBlock } from '../../../core/articles/article-text.ts';
import { segmentBlock } from '../../../core/anchoring/claim-segments.ts';

/** A claim to draw as `<mark>`s, as ArticleView gets it. */
export interface TestHighlight {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A block's text split into marks and the speaker span, with React's `<!-- -->` separators. */
function blockChildren(block: TextBlock, highlights: readonly TestHighlight[]): Node[] {
  const prefixEnd =
    block.speaker === undefined
      ? null
      : block.start + speakerPrefix(block.speaker).trimEnd().length;
  const segments = segmentBlock(block, highlights, prefixEnd === null ? [] : [prefixEnd]);
  return segments.flatMap((segment, i) => {
    const text = block.text.slice(segment.start - block.start, segment.end - block.start);
    let node: Node =
      prefixEnd !== null && segment.end <= prefixEnd
        ? el('span', { class: 'font-semibold' }, text)
        : document.createTextNode(text);
    for (const id of [...segment.ids].reverse()) node = el('mark', { 'data-claim-id': id }, node);
    // Server-rendered React separates adjacent text nodes with empty comments.
    return i === 0 ? [node] : [document.createComment(' '), document.createTextNode(''), node];
  });
}

/**
 * Builds the DOM that ArticleView renders for `article` (same structure and data attributes,
 * without styling) and appends it to the document body.
 */
export function renderArticleDom(
  article: Article,
  highlights: readonly TestHighlight[] = [],
): HTMLElement {
  const { blocks } = articleText(article);
  const block = (tag: string, b: TextBlock) =>
    el(
      tag,
      { 'data-block': b.key, 'data-start': String(b.start) },
      ...blockChildren(b, highlights),
    );
  const headline = blocks.find((b) => b.kind === 'headline');
  const standfirst = blocks.filter((b) => b.kind === 'standfirst');
  const body = el('div');
  let exchange: HTMLElement | null = null;
  for (const b of blocks.filter((x) => x.kind !== 'headline' && x.kind !== 'standfirst')) {
    if (b.kind === 'line') {
      if (!exchange) body.append((exchange = el('blockquote')));
      exchange.append(block('p', b));
      continue;
    }
    exchange = null;
    body.append(block(b.kind === 'subheading' ? 'h3' : 'p', b));
  }
  const articleEl = el(
    'article',
    { 'data-article': article.id, tabindex: '0' },
    el(
      'div',
      { 'aria-hidden': 'true' },
      el('p', {}, article.outlet),
      el('p', {}, article.headline),
    ),
    el('p', {}, article.outlet),
    ...(headline ? [block('h2', headline)] : []),
    ...(article.standfirst.kind === 'bullets'
      ? [el('ul', {}, ...standfirst.map((b) => block('li', b)))]
      : standfirst.map((b) => block('p', b))),
    el(
      'p',
      {},
      'Published ',
      el('time', { datetime: article.published ?? '' }, article.published ?? ''),
    ),
    ...(article.caption
      ? [
          el(
            'figure',
            {},
            el(
              'figcaption',
              {},
              el('span', {}, 'Photo caption (image not shown): '),
              article.caption.text,
            ),
          ),
        ]
      : []),
    body,
    el('p', {}, el('a', { href: article.url ?? '' }, `Read the original on ${article.outlet}`)),
  );
  document.body.append(articleEl);
  return articleEl;
}
