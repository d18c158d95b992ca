/**
 * Where the direct quotes of an article are: the words between quotation marks inside one block,
 * or the spoken words of an exchange line, with helpers for matching text outside them.
 * A quote whose closing mark is missing runs to the end of its paragraph.
 */
import type { ArticleText, TextBlock } from '../articles/article-text.ts';
import { speakerPrefix } from '../articles/article-text.ts';
import type { TextRange } from '../claims/claim.ts';
import { sentenceRanges } from '../text/text-boundaries.ts';

/** A quote's marks and words, before attribution. */
export interface QuoteSpan extends TextRange {
  /** Offsets of the marks themselves (the spoken words of an exchange line have none). */
  readonly outerStart: number;
  readonly outerEnd: number;
  readonly block: TextBlock;
}

/** The quotes of every block, in reading order (see the top of this file). */
export function quoteSpans(articleText: ArticleText): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  for (const block of articleText.blocks) {
    if (block.kind === 'line' && block.speaker !== undefined) {
      const start = block.start + speakerPrefix(block.speaker).length;
      spans.push({ start, end: block.end, outerStart: start, outerEnd: block.end, block });
      continue;
    }
    for (const span of quotesInBlock(block.text)) {
      const inner = trimRange(block.text, span.start, span.end);
      spans.push({
        start: block.start + inner.start,
        end: block.start + inner.end,
        outerStart: block.start + span.outerStart,
        outerEnd: block.start + span.outerEnd,
        block,
      });
    }
  }
  return spans;
}

interface LocalQuote extends TextRange {
  readonly outerStart: number;
  readonly outerEnd: number;
}

/** The quotes in one block's text; a single-mark quote inside a double-mark one is not its own. */
function quotesInBlock(text: string): LocalQuote[] {
  const quotes: LocalQuote[] = [];
  let open: { at: number; double: boolean } | null = null;
  for (let i = 0; i < text.length; i++) {
    const mark = text.charAt(i);
    const before = text.charAt(i - 1);
    const after = text.charAt(i + 1);
    const opensHere = isOpening(mark, before, after);
    const closesHere = isClosing(mark, before, after);
    if (open === null) {
      if (opensHere) open = { at: i, double: isDouble(mark) };
    } else if (closesHere && isDouble(mark) === open.double) {
      quotes.push({ start: open.at + 1, end: i, outerStart: open.at, outerEnd: i + 1 });
      open = null;
    }
  }
  // An unclosed quote goes on into the next paragraph.
  if (open !== null) {
    quotes.push({
      start: open.at + 1,
      end: text.length,
      outerStart: open.at,
      outerEnd: text.length,
    });
  }
  return quotes;
}

function isDouble(mark: string): boolean {
  return mark === '“' || mark === '”' || mark === '"';
}

const BEFORE_OPENING = /^$|[\s([{—–-]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isOpening(mark: string, before: string, after: string): boolean {
  if (mark === '“' || mark === '‘') return true;
  if (mark === '"' || mark === "'") return BEFORE_OPENING.test(before) && /\S/u.test(after);
  return false;
}

function isClosing(mark: string, before: string, after: string): boolean {
  if (mark === '”') return true;
  if (mark === '"') return !BEFORE_OPENING.test(before) || after === '';
  // A single mark between letters is an apostrophe (`Russia's`, `Lavrov’s`).
  if (mark === "'" || mark === '’')
    return before !== '' && /\S/u.test(before) && !LETTER_OR_DIGIT.test(after);
  return false;
}

/** The quoted words without surrounding spaces or a trailing comma, colon or semicolon. */
function trimRange(text: string, start: number, end: number): TextRange {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text.charAt(s))) s++;
  while (e > s && /[\s,;:]/u.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}

/** A regular-expression match and where it is. */
export interface Match extends TextRange {
  readonly text: string;
}

/** Every match of a global pattern in `text`. */
export function matchesOf(text: string, pattern: RegExp): Match[] {
  return [...text.matchAll(pattern)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

/** The items that do not touch any quote, marks included. */
export function outsideQuotes<T extends TextRange>(
  items: readonly T[],
  spans: readonly QuoteSpan[],
): T[] {
  return items.filter(
    (item) => !spans.some((span) => item.start < span.outerEnd && item.end > span.outerStart),
  );
}

/** The sentences of every block, in reading order, as ranges of the article's text. */
export function articleSentenceRanges(articleText: ArticleText): TextRange[] {
  return articleText.blocks.flatMap((block) =>
    sentenceRanges(block.text).map((s) => ({
      start: block.start + s.start,
      end: block.start + s.end,
    })),
  );
}

/** How many words `text` has. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** `literal` with regular-expression specials escaped. */
export function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The last item matching `test` (Array.prototype.findLast is ES2023). */
export function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && test(item)) return item;
  }
  return undefined;
}
