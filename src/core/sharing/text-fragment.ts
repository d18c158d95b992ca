import { BLOCK_SEPARATOR } from '../articles/article-text.ts';
import type { TextRange } from '../claims/claim.ts';
import { isWhitespaceCode } from '../text/normalize-text.ts';
import { encodePermalinkComponent, quoteEnds } from './permalink-codec.ts';

/** Quotes longer than this (whitespace collapsed) are linked by their first and last words. */
export const FRAGMENT_LONG_QUOTE = 300;

/** At most this many words of context are added on each side to make a quote unique. */
export const FRAGMENT_MAX_CONTEXT_WORDS = 3;

/**
 * The outlet's address for `url`, with a text fragment (`#:~:text=…`) that makes the browser
 * scroll to and highlight `range` of the article's canonical `text`.
 *
 * The quote is used as selected, less surrounding whitespace, with inner whitespace collapsed.
 * Browsers match text fragments on word boundaries only, so a range that starts or ends inside
 * a word will not be highlighted. A quote across blocks (BLOCK_SEPARATOR), or longer than
 * FRAGMENT_LONG_QUOTE, is sent as textStart,textEnd, since one term cannot match across blocks:
 * the parts in its first and last blocks, or a long one's first and last words. When the quote
 * (or, for textStart,textEnd, its textStart, which decides where the browser starts) occurs
 * more than once, up to FRAGMENT_MAX_CONTEXT_WORDS words from the same block are added as prefix
 * and suffix, the fewest that make it unique (compared, as browsers do, ignoring case). Any
 * fragment already on `url` is dropped.
 *
 * Throws a RangeError for a range outside the text or with nothing but whitespace in it.
 */
export function textFragmentUrl(url: string, text: string, range: TextRange): string {
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  return `${base}#:~:text=${textDirective(text, range)}`;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

function textDirective(text: string, range: TextRange): string {
  const { start, end } = trimmed(text, range);
  const firstSeparator = text.indexOf(BLOCK_SEPARATOR, start);
  const crossesBlocks = firstSeparator !== -1 && firstSeparator < end;
  let startTerm: Span = { start, end };
  let endTerm: Span | undefined;
  if (crossesBlocks) {
    const lastBlock = text.lastIndexOf(BLOCK_SEPARATOR, end - 1) + BLOCK_SEPARATOR.length;
    startTerm = trimmed(text, { start, end: firstSeparator });
    endTerm = trimmed(text, { start: lastBlock, end });
    startTerm = firstWordsIfLong(text, startTerm);
    endTerm = lastWordsIfLong(text, endTerm);
  } else if (collapse(text.slice(start, end)).length > FRAGMENT_LONG_QUOTE) {
    const ends = quoteEnds(text.slice(start, end));
    if (ends) {
      startTerm = { start, end: start + ends.startWords.length };
      endTerm = { start: end - ends.endWords.length, end };
    }
  }

  const before = wordStartsBefore(text, start);
  const after = wordEndsAfter(text, end);
  const haystack = searchForm(text);
  const isUnique = (from: number, to: number) =>
    occursOnce(haystack, searchForm(text.slice(from, to)).trim());
  let chosen = { prefix: before.length, suffix: after.length };
  if (endTerm) {
    // The browser starts at the first textStart (after the prefix), so that must be unique; it
    // then ends at the first textEnd after it that the suffix follows, so that must be ours.
    const { start: from, end: to } = startTerm;
    const prefix = fewest(before.length, (n) =>
      isUnique(n === 0 ? from : atOr(before, n, from), to),
    );
    const endStart = endTerm.start;
    const suffix = fewest(after.length, (n) =>
      firstAtEnd(text, startTerm.end, endStart, n === 0 ? end : atOr(after, n, end)),
    );
    chosen = { prefix, suffix };
  } else {
    search: for (let total = 0; total <= before.length + after.length; total++) {
      for (let prefix = Math.min(total, before.length); prefix >= 0; prefix--) {
        const suffix = total - prefix;
        if (suffix > after.length) break;
        if (
          isUnique(
            prefix === 0 ? start : atOr(before, prefix, start),
            suffix === 0 ? end : atOr(after, suffix, end),
          )
        ) {
          chosen = { prefix, suffix };
          break search;
        }
      }
    }
  }

  const term = (span: Span) => encodeTerm(collapse(text.slice(span.start, span.end)).trim());
  let directive = term(startTerm);
  if (endTerm) directive += `,${term(endTerm)}`;
  if (chosen.prefix > 0) {
    directive = `${term({ start: atOr(before, chosen.prefix, start), end: start })}-,${directive}`;
  }
  if (chosen.suffix > 0)
    directive += `,-${term({ start: end, end: atOr(after, chosen.suffix, end) })}`;
  return directive;
}

/** The range less leading and trailing whitespace; throws if nothing is left or it is out of bounds. */
function trimmed(text: string, range: TextRange): Span {
  let { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    throw new RangeError(`Range [${start}, ${end}) is outside the text (0–${text.length}).`);
  }
  while (start < end && isWhitespaceCode(text.charCodeAt(start))) start++;
  while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  if (start >= end) throw new RangeError('A text fragment needs some text to point at.');
  return { start, end };
}

function firstWordsIfLong(text: string, span: Span): Span {
  if (collapse(text.slice(span.start, span.end)).length <= FRAGMENT_LONG_QUOTE) return span;
  const ends = quoteEnds(text.slice(span.start, span.end));
  return ends ? { start: span.start, end: span.start + ends.startWords.length } : span;
}

function lastWordsIfLong(text: string, span: Span): Span {
  if (collapse(text.slice(span.start, span.end)).length <= FRAGMENT_LONG_QUOTE) return span;
  const ends = quoteEnds(text.slice(span.start, span.end));
  return ends ? { start: span.end - ends.endWords.length, end: span.end } : span;
}

/** Start offsets of the 1st, 2nd, … word before `offset`, within its block, nearest first. */
function wordStartsBefore(text: string, offset: number): number[] {
  const separator =
    offset >= BLOCK_SEPARATOR.length ? text.lastIndexOf(BLOCK_SEPARATOR, offset - 1) : -1;
  const blockStart = separator === -1 ? 0 : separator + BLOCK_SEPARATOR.length;
  const starts: number[] = [];
  let i = offset;
  while (starts.length < FRAGMENT_MAX_CONTEXT_WORDS) {
    while (i > blockStart && isWhitespaceCode(text.charCodeAt(i - 1))) i--;
    if (i <= blockStart) break;
    while (i > blockStart && !isWhitespaceCode(text.charCodeAt(i - 1))) i--;
    starts.push(i);
  }
  return starts;
}

/** End offsets of the 1st, 2nd, … word after `offset`, within its block, nearest first. */
function wordEndsAfter(text: string, offset: number): number[] {
  const separator = text.indexOf(BLOCK_SEPARATOR, offset);
  const blockEnd = separator === -1 ? text.length : separator;
  const ends: number[] = [];
  let i = offset;
  while (ends.length < FRAGMENT_MAX_CONTEXT_WORDS) {
    while (i < blockEnd && isWhitespaceCode(text.charCodeAt(i))) i++;
    if (i >= blockEnd) break;
    while (i < blockEnd && !isWhitespaceCode(text.charCodeAt(i))) i++;
    ends.push(i);
  }
  return ends;
}

/** The `n`th (1-based) offset of a word list, or `fallback`. */
function atOr(offsets: readonly number[], n: number, fallback: number): number {
  return offsets[n - 1] ?? fallback;
}

/** The smallest n in [0, max] for which `enough(n)` holds, or max. */
function fewest(max: number, enough: (n: number) => boolean): number {
  for (let n = 0; n < max; n++) if (enough(n)) return n;
  return max;
}

/**
 * Whether text[termStart, to) (textEnd and any suffix), searched for from `from` on, is first
 * found where it ends at `to`.
 */
function firstAtEnd(text: string, from: number, termStart: number, to: number): boolean {
  const region = searchForm(text.slice(from, to));
  const needle = searchForm(text.slice(termStart, to)).trim();
  return region.indexOf(needle) === region.length - needle.length;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Text as browsers compare it for text fragments: whitespace collapsed, case ignored. */
function searchForm(text: string): string {
  return collapse(text).toLowerCase();
}

function occursOnce(haystack: string, needle: string): boolean {
  const first = haystack.indexOf(needle);
  return first !== -1 && haystack.indexOf(needle, first + 1) === -1;
}

/** A term percent-encoded so that `-`, `,`, `&` and everything not unreserved are escaped. */
function encodeTerm(term: string): string {
  return encodePermalinkComponent(term).replace(/-/g, '%2D');
}
