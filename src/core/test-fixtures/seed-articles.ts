import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArticle, type Article } from '../articles/article-schema.ts';
import { articleText, type ArticleText } from '../articles/article-text.ts';

const root = resolve(import.meta.dirname, '../../..');

/** Reads a JSON file under the repository root (tests only). */
export function readRepoJson(path: string): unknown {
  return JSON.parse(readFileSync(resolve(root, path), 'utf8'));
}

/** Reads a text file under the repository root (tests only). */
export function readRepoText(path: string): string {
  return readFileSync(resolve(root, path), 'utf8');
}

/** The shipped Newstalk article, validated. */
export const newstalk: Article = parseArticle(
  readRepoJson('data/articles/newstalk-johnson-lavrov-clash.json'),
  'newstalk-johnson-lavrov-clash',
);

/** The shipped Business Insider Australia article, validated. */
export const businessInsider: Article = parseArticle(
  readRepoJson('data/articles/business-insider-johnson-lavrov-spat.json'),
  'business-insider-johnson-lavrov-spat',
);

/** The Newstalk report as the reader lays it out: canonical text and blocks. */
export const ntArticleText: ArticleText = articleText(newstalk);

/** The Business Insider report as the reader lays it out: canonical text and blocks. */
export const biArticleText: ArticleText = articleText(businessInsider);

/** Canonical text of the Newstalk report. */
export const ntText = ntArticleText.text;

/** Canonical text of the Business Insider report. */
export const biText = biArticleText.text;
