import type { Article } from '../../core/articles/article-schema.ts';
import {
  ArticleInputError,
  MAX_ARTICLE_FILE_BYTES,
  plainTextArticle,
} from '../../core/articles/own-article.ts';

/** The file types the Add article dialog takes, for its file input's `accept`. */
export const ARTICLE_FILE_ACCEPT =
  '.html,.htm,.txt,.md,.markdown,text/html,text/plain,text/markdown';

/** What kind of file this is, by its name and type; undefined when it is none the reader takes. */
export function articleFileKind(file: {
  name: string;
  type: string;
}): 'html' | 'text' | 'markdown' | undefined {
  const name = file.name.toLowerCase();
  if (/\.(html?|xhtml)$/.test(name) || file.type === 'text/html') return 'html';
  if (/\.(md|markdown)$/.test(name) || file.type === 'text/markdown') return 'markdown';
  if (/\.txt$/.test(name) || file.type === 'text/plain') return 'text';
  return undefined;
}

/**
 * The file's bytes as text: UTF-8 (with or without a byte-order mark), else Windows-1252, as
 * older saved pages are. Throws an ArticleInputError for binary data.
 */
export function decodeArticleBytes(bytes: Uint8Array): string {
  let controls = 0;
  for (const byte of bytes) {
    // NUL and the other C0 controls besides tab, line feed, form feed and carriage return.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) controls++;
  }
  if (controls > 0 && controls / bytes.length > 0.001) {
    throw new ArticleInputError(
      'Could not read this file: it is not text (it looks like binary data, such as an image or a program). Choose a saved web page, a .txt or a .md file.',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Reads an article from a chosen or dropped file; throws an ArticleInputError for the reader. */
export async function readArticleFile(
  file: File,
  options: { title?: string; url?: string } = {},
): Promise<Article> {
  const kind = articleFileKind(file);
  if (kind === undefined) {
    throw new ArticleInputError(
      `Could not add “${file.name}”: only saved web pages (.html, .htm), .txt and .md files can be added.`,
    );
  }
  if (file.size > MAX_ARTICLE_FILE_BYTES) {
    throw new ArticleInputError(
      `The file is too large: ${(file.size / 1024 / 1024).toFixed(1)} MB, over the limit of ${MAX_ARTICLE_FILE_BYTES / 1024 / 1024} MB.`,
    );
  }
  if (file.size === 0) throw new ArticleInputError(`The file “${file.name}” is empty.`);
  const text = decodeArticleBytes(new Uint8Array(await file.arrayBuffer()));
  if (text.trim() === '') throw new ArticleInputError(`The file “${file.name}” is empty.`);
  if (kind === 'html') {
    const { webPageArticle } = await import('./web-page-article.ts');
    return webPageArticle(text, options);
  }
  if (kind === 'markdown') {
    const { markdownArticle } = await import('../../core/articles/markdown-article.ts');
    return markdownArticle(text, options);
  }
  return plainTextArticle(text, options);
}
