/**
 * The sentences of an article, the passages that counterparts are looked for among.
 *
 * A headline, a subheading and an exchange line (`Lavrov: …`) are one passage each, whatever
 * punctuation they hold: a reply such as "Johnson: Not successfully!" only makes sense whole. A
 * paragraph or standfirst is split into sentences: a sentence ends after `.` `!` `?` or `…` (and
 * any closing quotes or brackets, as in `.”` or `."`) followed by whitespace, unless
 *   - the full stop ends a title (Mr. Mrs. Ms. Dr. St. Prof. Sr. Jr. Gen. Gov. Sen. Rep. Col.
 *     Lt. Capt. Sgt. No. vs.) or an initial, a single capital letter as in U.S., U.K. or
 *     George W. Bush, or
 *   - the next word starts in lower case ("… we hear", "“Why?” he asked").
 * A line break always ends a sentence, so sentences never cross blocks.
 */
import type { ArticleText, TextBlock } from './article-text.ts';
import type { TextRange } from '../claims/claim.ts';

/** One sentence or passage of an article, at absolute canonical offsets, trimmed. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  /** `articleText.text.slice(start, end)`. */
  readonly text: string;
  /** Key of the block the sentence is in. */
  readonly blockKey: string;
}

/** Sentence-final punctuation, then any closing quotes or brackets. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*/gu;

/** Words whose full stop marks an abbreviation, not the end of a sentence. */
const ABBREVIATION_BEFORE =
  /(?:^|[^\p{L}\p{N}])(?:Mr|Mrs|Ms|Dr|St|Prof|Sr|Jr|Gen|Gov|Sen|Rep|Col|Lt|Capt|Sgt|No|vs|\p{Lu})$/u;

/** Whether the punctuation `mark`, found at `index` of `text`, ends a sentence. */
function endsSentence(text: string, mark: string, index: number): boolean {
  const after = text.charAt(index + mark.length);
  if (after !== '' && !/\s/u.test(after)) return false;
  if (mark === '.' && ABBREVIATION_BEFORE.test(text.slice(0, index))) return false;
  const next = /\S/u.exec(text.slice(index + mark.length));
  return next === null || !/\p{Ll}/u.test(next[0]);
}

/** Trims `[start, end)` of `text` and adds it to `ranges` unless it is blank. */
function pushTrimmed(ranges: TextRange[], text: string, start: number, end: number): void {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text.charAt(from))) from++;
  while (to > from && /\s/u.test(text.charAt(to - 1))) to--;
  if (from < to) ranges.push({ start: from, end: to });
}

/**
 * The sentences of `text` between `from` and `to` (see the top of this file), in order, trimmed.
 * Works on any plain text, not only on an article's blocks.
 */
export function splitSentences(text: string, from = 0, to = text.length): TextRange[] {
  const ranges: TextRange[] = [];
  let lineStart = from;
  while (lineStart <= to) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline > to ? to : newline;
    const line = text.slice(lineStart, lineEnd);
    let sentenceStart = 0;
    for (const match of line.matchAll(SENTENCE_END)) {
      if (!endsSentence(line, match[0], match.index)) continue;
      const end = match.index + match[0].length;
      pushTrimmed(ranges, text, lineStart + sentenceStart, lineStart + end);
      sentenceStart = end;
    }
    pushTrimmed(ranges, text, lineStart + sentenceStart, lineEnd);
    lineStart = lineEnd + 1;
  }
  return ranges;
}

/** Whether a block is read as one passage rather than split into sentences. */
function isWholePassage(block: TextBlock): boolean {
  return block.kind === 'headline' || block.kind === 'subheading' || block.kind === 'line';
}

/** The sentences and passages of an article, in reading order (see the top of this file). */
export function sentencesOf(articleText: ArticleText): Sentence[] {
  const { text } = articleText;
  const sentences: Sentence[] = [];
  for (const block of articleText.blocks) {
    const ranges: TextRange[] = [];
    if (isWholePassage(block)) pushTrimmed(ranges, text, block.start, block.end);
    else ranges.push(...splitSentences(text, block.start, block.end));
    for (const { start, end } of ranges) {
      sentences.push({ start, end, text: text.slice(start, end), blockKey: block.key });
    }
  }
  return sentences;
}
