import { Readability } from '@mozilla/readability';
import type { Article, ArticleBlock } from '../../core/articles/article-schema.ts';
import {
  ArticleInputError,
  blocksOfParagraphs,
  buildOwnArticle,
  httpAddress,
  tidyText,
} from '../../core/articles/own-article.ts';

// Elements that start and end a block of text; everything else is inline.
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Never text of the article, whatever Readability kept.
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'button',
  'form',
  'input',
  'select',
  'textarea',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'source',
]);

/** The article's text blocks, in reading order, from the element Readability kept. */
function textBlocks(root: Node): { kind: 'heading' | 'text'; text: string }[] {
  const out: { kind: 'heading' | 'text'; text: string }[] = [];
  let buffer = '';
  const flush = (kind: 'heading' | 'text') => {
    const text = tidyText(buffer);
    buffer = '';
    if (text !== '') out.push({ kind, text });
  };
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        buffer += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).localName;
      if (SKIPPED.has(tag)) continue;
      if (tag === 'br') {
        buffer += ' ';
      } else if (BLOCKS.has(tag)) {
        flush('text');
        walk(child);
        flush(HEADINGS.has(tag) ? 'heading' : 'text');
      } else {
        walk(child);
      }
    }
  };
  walk(root);
  flush('text');
  return out;
}

function metaContent(doc: Document, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Where the page came from: its canonical link, og:url, or the "saved from" comment. */
function pageAddress(doc: Document, html: string): string | undefined {
  const candidates = [
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? undefined,
    metaContent(doc, ['meta[property="og:url"]']),
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096))?.[1],
  ];
  for (const candidate of candidates) {
    const address = httpAddress(candidate);
    if (address !== undefined) return address;
  }
  return undefined;
}

/**
 * The page's markup with event-handler and style attributes renamed, `<style>` turned into an
 * (unrendered) `<template>` and `<base>` into an unknown element. The parsed document runs and
 * loads nothing either way; this only keeps the browser from parsing them at all, which under
 * the app's Content Security Policy fills the console with (harmless) violation reports.
 */
export function inertMarkup(html: string): string {
  return html
    .replace(/<[a-z][^>]*>/gi, (tag) =>
      tag
        .replace(/^<(base)\b/i, '<x-inert-$1')
        .replace(/^<(\/?)style\b/i, '<$1template')
        .replace(/(\s|\/)(on[a-z]+|style)(\s*=)/gi, '$1data-inert-$2$3'),
    )
    .replace(/<\/style\s*>/gi, '</template>');
}

/** Fewer characters than this in what Readability kept is no article, only page furniture. */
const MIN_ARTICLE_CHARS = 200;

/**
 * A saved web page as an article: parsed by DOMParser into a document that is never shown (it
 * runs no script and loads nothing), reduced by Readability to the article, and kept as text
 * only: no element, attribute or link of the page goes any further.
 */
export function webPageArticle(
  html: string,
  options: { title?: string; url?: string } = {},
): Article {
  const doc = new DOMParser().parseFromString(inertMarkup(html), 'text/html');
  const address = httpAddress(options.url) ?? pageAddress(doc, html);
  const published = metaContent(doc, [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
  ]);
  const documentTitle = doc.title;
  const result = new Readability<Node>(doc, { serializer: (node) => node }).parse();
  const blocks = result?.content ? textBlocks(result.content) : [];
  const length = blocks.reduce((n, b) => n + b.text.length, 0);
  if (!result || length < MIN_ARTICLE_CHARS) {
    throw new ArticleInputError(
      'Could not find a readable article in this page (it may be an index, a log-in page or mostly pictures).',
    );
  }
  let headline =
    tidyText(options.title ?? '') || tidyText(result.title ?? '') || tidyText(documentTitle);
  // Readability often keeps the page's own <h1>; it is the headline, not a subheading.
  const first = blocks[0];
  if (first?.kind === 'heading' && (headline === '' || first.text === headline)) {
    headline ||= first.text;
    blocks.shift();
  }
  const body: ArticleBlock[] = [];
  let run: string[] = [];
  const flushRun = () => {
    body.push(...blocksOfParagraphs(run));
    run = [];
  };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      flushRun();
      body.push({ type: 'subheading', text: block.text });
    } else run.push(block.text);
  }
  flushRun();
  // The page's summary is its standfirst, unless it only repeats the opening of the article.
  const excerpt = tidyText(result.excerpt ?? '').replace(/(?:…|\.\.\.)$/, '');
  const opening = blocks
    .slice(0, 3)
    .map((b) => b.text)
    .join(' ');
  const standfirst = excerpt !== '' && !opening.includes(excerpt) ? excerpt : undefined;
  return buildOwnArticle({
    headline,
    body,
    ...(standfirst === undefined ? {} : { standfirst }),
    ...(result.siteName ? { siteName: result.siteName } : {}),
    ...(result.byline ? { byline: result.byline } : {}),
    ...((published ?? result.publishedTime)
      ? { published: published ?? result.publishedTime ?? '' }
      : {}),
    ...(address === undefined ? {} : { url: address }),
  });
}
