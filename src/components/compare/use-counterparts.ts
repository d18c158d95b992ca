import { sentencesOf, type Sentence } from '../../core/articles/article-sentences.ts';
import type { ArticleText } from '../../core/articles/article-text.ts';
import { findCounterparts, type Counterpart } from '../../core/compare/counterparts.ts';
import type { LoadedArticle } from '../reader/use-reader-data.ts';

const sentenceCache = new WeakMap<ArticleText, Sentence[]>();

/** The sentences of an article's canonical text, split once per text. */
export function sentencesFor(text: ArticleText): Sentence[] {
  let sentences = sentenceCache.get(text);
  if (!sentences) {
    sentences = sentencesOf(text);
    sentenceCache.set(text, sentences);
  }
  return sentences;
}

/** A passage, and what the other report has of it. */
export interface CounterpartResult {
  readonly source: LoadedArticle;
  readonly other: LoadedArticle;
  readonly counterparts: readonly Counterpart[];
}

/** The counterparts in the other loaded article of [start, end) of `articleId`, if both loaded. */
export function counterpartsOf(
  passage: { readonly articleId: string; readonly start: number; readonly end: number },
  ids: readonly string[],
  loaded: ReadonlyMap<string, LoadedArticle>,
): CounterpartResult | null {
  const source = loaded.get(passage.articleId);
  const otherId = ids.find((id) => id !== passage.articleId);
  const other = otherId === undefined ? undefined : loaded.get(otherId);
  if (!source || !other) return null;
  const counterparts = findCounterparts(
    { text: source.text.text, range: { start: passage.start, end: passage.end } },
    { sentences: sentencesFor(other.text), text: other.text.text },
  );
  return { source, other, counterparts };
}
