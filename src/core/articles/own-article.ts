import type { Article, ArticleBlock } from './article-schema.ts';
import { articleText } from './article-text.ts';
import { textHash } from '../text/text-hash.ts';
import { OWN_ARTICLE_ID_PREFIX } from './own-article-id.ts';
import { parseEvidenceUrl } from '../claims/evidence-url.ts';

/** Largest file the reader may add, in bytes (stated in the Add article dialog). */
export const MAX_ARTICLE_FILE_BYTES = 5 * 1024 * 1024;

/** Most characters of text an added article may have (stated in the Add article dialog). */
export const MAX_ARTICLE_TEXT_CHARS = 1_000_000;

/** Outlet shown for an added article whose page names no site and has no source address. */
export const UNKNOWN_OUTLET = 'Added article';

/** The id of an added article: its canonical text's hash, so the same text is one article. */
export function ownArticleId(canonicalText: string): string {
  return (
    OWN_ARTICLE_ID_PREFIX + textHash(canonicalText).slice(textHash(canonicalText).indexOf(':') + 1)
  );
}

/** What the parts of an added article are, before it is an Article. */
export interface OwnArticleParts {
  readonly headline: string;
  readonly standfirst?: string;
  readonly body: readonly ArticleBlock[];
  readonly siteName?: string;
  readonly byline?: string;
  /** Any date text; kept only when it starts with YYYY-MM-DD. */
  readonly published?: string;
  /** Kept only when it is an http(s) address. */
  readonly url?: string;
}

/** Raised when what the reader gave cannot become an article; the message is for the reader. */
export class ArticleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArticleInputError';
  }
}

/** Collapses runs of white space (the text came from markup or a file) and trims. */
export function tidyText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** An http(s) address as typed, or undefined when it is none. */
export function httpAddress(text: string | undefined): string | undefined {
  const result = parseEvidenceUrl(text ?? '');
  return result.ok ? result.url : undefined;
}

function hostOf(url: string | undefined): string | undefined {
  return url === undefined ? undefined : /^https?:\/\/(?:www\.)?([^\s/?#@:]+)/i.exec(url)?.[1];
}

/**
 * Builds an added article from its parts: white space tidied, empty blocks dropped, the id the
 * hash of its canonical text. Throws an ArticleInputError when there is no text, or too much.
 */
export function buildOwnArticle(parts: OwnArticleParts): Article {
  const headline = tidyText(parts.headline);
  const body: ArticleBlock[] = [];
  for (const block of parts.body) {
    const text = tidyText(block.text);
    if (text === '') continue;
    if (block.type === 'line') {
      const speaker = tidyText(block.speaker);
      const spoken = text.startsWith(`${speaker}: `) ? text.slice(speaker.length + 2) : text;
      if (speaker !== '' && spoken !== '') body.push({ type: 'line', speaker, text: spoken });
    } else {
      body.push({ type: block.type, text });
    }
  }
  if (body.length === 0) {
    throw new ArticleInputError('There is no readable text in it: the article would be empty.');
  }
  const standfirst = tidyText(parts.standfirst ?? '');
  const url = httpAddress(parts.url);
  const date = /^\d{4}-\d{2}-\d{2}/.exec(parts.published?.trim() ?? '')?.[0];
  const siteName = tidyText(parts.siteName ?? '');
  const byline = tidyText(parts.byline ?? '');
  const article: Article = {
    schemaVersion: 1,
    id: OWN_ARTICLE_ID_PREFIX,
    outlet: siteName || hostOf(url) || UNKNOWN_OUTLET,
    headline: headline || 'Untitled article',
    standfirst: { kind: 'paragraph', items: standfirst === '' ? [] : [standfirst] },
    body,
    ...(date === undefined ? {} : { published: date }),
    ...(url === undefined ? {} : { url }),
    ...(byline === '' ? {} : { byline }),
  };
  const canonical = articleText(article).text;
  if (canonical.length > MAX_ARTICLE_TEXT_CHARS) {
    throw new ArticleInputError(
      `The text is too large: ${canonical.length.toLocaleString('en-GB')} characters, over the limit of ${MAX_ARTICLE_TEXT_CHARS.toLocaleString('en-GB')}.`,
    );
  }
  return { ...article, id: ownArticleId(canonical) };
}

// "Name Surname: words" — a speaker of one to four capitalised words, then what they said.
const EXCHANGE_LINE = /^((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3}): (\S.*)$/su;

/**
 * Body blocks of plain paragraphs: runs of two or more paragraphs that read "Speaker: words"
 * become exchange lines (a transcript's form), the rest paragraphs.
 */
export function blocksOfParagraphs(paragraphs: readonly string[]): ArticleBlock[] {
  const matches = paragraphs.map((p) => EXCHANGE_LINE.exec(p));
  return paragraphs.map((text, i): ArticleBlock => {
    const match = matches[i];
    const inRun = match && (matches[i - 1] || matches[i + 1]);
    if (match && inRun && match[1] && match[2]) {
      return { type: 'line', speaker: match[1], text: match[2] };
    }
    return { type: 'paragraph', text };
  });
}

/**
 * A pasted or `.txt` text as an article: paragraphs split on blank lines (lines within one are
 * joined), the first paragraph the title unless `title` is given.
 */
export function plainTextArticle(
  text: string,
  options: { title?: string; url?: string; published?: string } = {},
): Article {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map(tidyText)
    .filter((p) => p !== '');
  if (paragraphs.length === 0) throw new ArticleInputError('The text is empty.');
  const given = tidyText(options.title ?? '');
  const headline = given || (paragraphs.shift() ?? '');
  if (paragraphs.length === 0) {
    throw new ArticleInputError(
      'There is only a title: add the article’s paragraphs, separated by blank lines.',
    );
  }
  return buildOwnArticle({
    headline,
    body: blocksOfParagraphs(paragraphs),
    ...(options.url === undefined ? {} : { url: options.url }),
    ...(options.published === undefined ? {} : { published: options.published }),
  });
}

/** Characters of canonical text in an article, the size shown in the library. */
export function articleSize(article: Article): number {
  return articleText(article).text.length;
}
