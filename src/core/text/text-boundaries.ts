/**
 * Words and sentences of an article's canonical text, and selection steps over them.
 *
 * A word is a run of letters, digits and combining marks, with single apostrophes or hyphens
 * inside (`Lavrov’s`, `doesn't`, `UK-Russia`); quotes, dashes and other punctuation are not
 * words. A sentence ends after `.` `!` `?` or `…` (and any closing quotes) followed by whitespace,
 * unless the full stop ends an abbreviation (Mr. Mrs. Ms. Dr. St. Prof. Sr. Jr.) or the next
 * word starts in lower case ("… we hear", "“Why?” he asked"); a line break always ends one, so
 * sentences never cross blocks.
 *
 * Steps: `next` and `previous` select the whole unit after or before the selection; `extend` and
 * `shrink` move the selection's end to the end of a unit and never leave it empty. From a caret,
 * `next` takes the unit under or after it, `previous` the one before it, `extend` runs from the
 * caret to the end of its unit, and `shrink` acts as `previous`.
 */
import type { TextRange } from '../claims/claim.ts';

/** A word (see the top of this file). */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-‐‑][\p{L}\p{N}\p{M}]+)*/gu;

/** Sentence-final punctuation, any closing quotes or brackets after it, then a space or the end. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s|$)/gu;

/** Words whose full stop marks an abbreviation, not the end of a sentence. */
const ABBREVIATION_BEFORE = /(?:^|[^\p{L}\p{N}])(?:Mr|Mrs|Ms|Dr|St|Prof|Sr|Jr)$/u;

/** Every word in `text`, in order. */
export function wordRanges(text: string): TextRange[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Whether `match`, found at `index` in `line`, really ends a sentence. */
function endsSentence(line: string, match: string, index: number): boolean {
  if (match === '.' && ABBREVIATION_BEFORE.test(line.slice(0, index))) return false;
  // An ellipsis or quoted question mid-sentence is followed by lower case.
  const next = /\S/u.exec(line.slice(index + match.length));
  return next === null || !/\p{Ll}/u.test(next[0]);
}

/** Every sentence in `text` (see the top of this file), in order, without surrounding spaces. */
export function sentenceRanges(text: string): TextRange[] {
  const sentences: TextRange[] = [];
  const push = (start: number, end: number) => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trail = slice.length - slice.trimEnd().length;
    if (lead + trail < slice.length) sentences.push({ start: start + lead, end: end - trail });
  };
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let from = 0;
    for (const m of line.matchAll(SENTENCE_END)) {
      if (!endsSentence(line, m[0], m.index)) continue;
      const end = m.index + m[0].length;
      push(lineStart + from, lineStart + end);
      from = end;
    }
    push(lineStart + from, lineStart + line.length);
    lineStart += line.length + 1;
  }
  return sentences;
}

/** What a selection step moves over. */
export type StepUnit = 'word' | 'sentence';

/** What a selection step does: select the next or previous unit, or move the selection's end. */
export type StepDirection = 'next' | 'previous' | 'extend' | 'shrink';

/** Every word or every sentence of `text`. */
export function unitRanges(text: string, unit: StepUnit): TextRange[] {
  return unit === 'word' ? wordRanges(text) : sentenceRanges(text);
}

/** The last item matching `test` (Array.prototype.findLast is ES2023). */
function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && test(item)) return item;
  }
  return undefined;
}

/** The selection after one step over `units` (words or sentences, in order); null if stuck. */
export function stepOver(
  units: readonly TextRange[],
  current: TextRange,
  direction: StepDirection,
): TextRange | null {
  const { start, end } = current;
  const caret = start === end;
  switch (direction) {
    case 'next':
      return units.find((u) => (caret ? u.end > end : u.start >= end)) ?? null;
    case 'previous':
      return findLast(units, (u) => (caret ? u.start < start : u.end <= start)) ?? null;
    case 'extend': {
      const unit = units.find((u) => u.end > end);
      return unit ? { start, end: unit.end } : null;
    }
    case 'shrink': {
      if (caret) return stepOver(units, current, 'previous');
      const unit = findLast(units, (u) => u.end < end && u.end > start);
      return unit ? { start, end: unit.end } : null;
    }
  }
}

/** The first word within `range` of `text`, or null if it has none. */
export function firstWordIn(text: string, range: TextRange): TextRange | null {
  return wordRanges(text).find((w) => w.start >= range.start && w.end <= range.end) ?? null;
}

/** The last word within `range` of `text`, or null if it has none. */
export function lastWordIn(text: string, range: TextRange): TextRange | null {
  return findLast(wordRanges(text), (w) => w.start >= range.start && w.end <= range.end) ?? null;
}

/** The first sentence that starts within `range` of `text`, or null if none does. */
export function firstSentenceIn(text: string, range: TextRange): TextRange | null {
  return sentenceRanges(text).find((s) => s.start >= range.start && s.start < range.end) ?? null;
}
