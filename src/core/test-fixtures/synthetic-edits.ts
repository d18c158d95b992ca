/**
 * Synthetic data for the re-anchoring benchmark (reanchor.bench.ts) and its check
 * (synthetic-edits.test.ts): a long article built from the two reports' sentences, random claims
 * on it, and an edited copy in which every claim's quote is followed to where it ends up.
 *
 * Everything is deterministic: one fixed-seed PRNG per step, no clock, no I/O except
 * reportSentences (which reads the two shipped articles).
 */
import { articleText } from '../articles/article-text.ts';
import { sentencesOf } from '../articles/article-sentences.ts';
import type { TextRange } from '../claims/claim.ts';
import type { AnchorResult } from '../anchoring/match-quote.ts';
import { normalizeText } from '../text/normalize-text.ts';
import { businessInsider, newstalk } from './seed-articles.ts';

/** mulberry32: a small, fast PRNG with a 32-bit state; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInt(random: () => number, from: number, to: number): number {
  return from + Math.floor(random() * (to - from + 1));
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function shuffle<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy;
}

/** The distinct sentences (and headline/exchange-line passages) of the two shipped reports. */
export function reportSentences(): string[] {
  const all = [newstalk, businessInsider].flatMap((article) =>
    sentencesOf(articleText(article)).map((s) => s.text),
  );
  return [...new Set(all)];
}

/** A plain article: paragraphs of sentences, joined by ' ' within and '\n\n' between paragraphs. */
export interface SyntheticArticle {
  readonly text: string;
  readonly paragraphs: readonly (readonly string[])[];
}

const SENTENCE_SEPARATOR = ' ';
const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * About `length` characters of paragraphs (2–6 sentences each) dealt from shuffled copies of
 * `pool`, so every sentence recurs about equally often and in ever-different neighbourhoods.
 */
export function syntheticArticle(
  pool: readonly string[],
  length: number,
  seed = 1,
): SyntheticArticle {
  if (pool.length === 0) throw new Error('empty sentence pool');
  const random = seededRandom(seed);
  let deck: string[] = [];
  const paragraphs: string[][] = [];
  let size = 0;
  while (size < length) {
    const paragraph: string[] = [];
    const count = randomInt(random, 2, 6);
    for (let i = 0; i < count; i++) {
      if (deck.length === 0) deck = shuffle(random, pool);
      paragraph.push(deck.pop() as string);
    }
    if (paragraphs.length > 0) size += PARAGRAPH_SEPARATOR.length;
    size += paragraph.join(SENTENCE_SEPARATOR).length;
    paragraphs.push(paragraph);
  }
  const text = paragraphs.map((p) => p.join(SENTENCE_SEPARATOR)).join(PARAGRAPH_SEPARATOR);
  return { text, paragraphs };
}

/**
 * `count` claims on `text`: ranges from the start of a random word to the end of a word 1–25
 * words on (a word is a run of non-whitespace), so a claim may cross sentences and paragraphs.
 */
export function syntheticClaims(text: string, count: number, seed = 2): TextRange[] {
  const random = seededRandom(seed);
  const words = [...text.matchAll(/\S+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  if (words.length === 0) throw new Error('no words in text');
  return Array.from({ length: count }, () => {
    const first = Math.floor(random() * words.length);
    const last = Math.min(words.length - 1, first + randomInt(random, 1, 25) - 1);
    return { start: words[first]?.start ?? 0, end: words[last]?.end ?? 0 };
  });
}

/** How often each kind of edit is made (per sentence, or per paragraph for moves). */
export interface EditRates {
  /** Chance that a new sentence is inserted before each sentence (and at each paragraph end). */
  readonly insert: number;
  /** Chance that a sentence is deleted. */
  readonly delete: number;
  /** Chance that one word of a (kept) sentence is replaced by another word. */
  readonly changeWord: number;
  /** Share of paragraphs moved elsewhere (rounded to a whole number of paragraphs). */
  readonly moveParagraph: number;
}

export const DEFAULT_EDIT_RATES: EditRates = {
  insert: 0.02,
  delete: 0.02,
  changeWord: 0.03,
  moveParagraph: 0.01,
};

/** Where a claim's quote is in the edited text, as tracked through the edits. */
export interface ClaimTruth {
  /** The claim's range in the original text. */
  readonly original: TextRange;
  /** Its range in the edited text if every character survived in place, else 'gone'. */
  readonly truth: TextRange | 'gone';
  /**
   * For a gone quote, the span of the edited text between its first and last surviving
   * characters, when they survived in order and close together: where an edited version of the
   * quote now is.
   */
  readonly remnant?: TextRange;
}

export interface SyntheticEdit {
  readonly edited: string;
  readonly claims: readonly ClaimTruth[];
  readonly counts: {
    readonly inserted: number;
    readonly deleted: number;
    readonly changedWords: number;
    readonly movedParagraphs: number;
  };
}

/** A run of edited text: copied from the original at `origin`, or new (origin -1). */
interface Piece {
  readonly text: string;
  readonly origin: number;
}

/** A sentence of the edited text: its original index (-1 for a new one) and its pieces. */
interface EditedSentence {
  readonly index: number;
  readonly pieces: readonly Piece[];
}

const WORD = /\p{L}{2,}/gu;

/**
 * Edits `article` with a fixed seed (see EditRates: new sentences of words from the article,
 * deleted sentences, single changed words, moved paragraphs) and tracks each claim: its quote
 * survives if all its characters are copied unchanged and still adjacent, and is gone otherwise.
 */
export function editArticle(
  article: SyntheticArticle,
  claims: readonly TextRange[],
  seed = 3,
  rates: EditRates = DEFAULT_EDIT_RATES,
): SyntheticEdit {
  const random = seededRandom(seed);
  const vocabulary = [...new Set(article.text.match(WORD) ?? [])];

  // Original offsets of every sentence, and what separates it from the next one.
  const starts: number[] = [];
  const ends: number[] = [];
  const separators: string[] = [];
  let offset = 0;
  article.paragraphs.forEach((paragraph, p) => {
    paragraph.forEach((sentence, s) => {
      starts.push(offset);
      offset += sentence.length;
      ends.push(offset);
      const separator =
        s < paragraph.length - 1
          ? SENTENCE_SEPARATOR
          : p < article.paragraphs.length - 1
            ? PARAGRAPH_SEPARATOR
            : '';
      separators.push(separator);
      offset += separator.length;
    });
  });

  const counts = { inserted: 0, deleted: 0, changedWords: 0, movedParagraphs: 0 };
  const newSentence = (): EditedSentence => {
    counts.inserted++;
    const words = Array.from({ length: randomInt(random, 6, 20) }, () => pick(random, vocabulary));
    const text = words.join(' ');
    return {
      index: -1,
      pieces: [{ text: `${text.charAt(0).toUpperCase()}${text.slice(1)}.`, origin: -1 }],
    };
  };
  const changeWord = (text: string, origin: number): Piece[] => {
    const words = [...text.matchAll(WORD)];
    if (words.length === 0) return [{ text, origin }];
    const word = pick(random, words);
    let replacement = pick(random, vocabulary);
    while (replacement === word[0]) replacement = pick(random, vocabulary);
    counts.changedWords++;
    const end = word.index + word[0].length;
    return [
      { text: text.slice(0, word.index), origin },
      { text: replacement, origin: -1 },
      { text: text.slice(end), origin: origin + end },
    ];
  };

  let index = 0;
  const paragraphs: EditedSentence[][] = [];
  for (const paragraph of article.paragraphs) {
    const edited: EditedSentence[] = [];
    for (const text of paragraph) {
      const origin = starts[index] ?? 0;
      if (random() < rates.insert) edited.push(newSentence());
      if (random() < rates.delete) {
        counts.deleted++;
      } else if (random() < rates.changeWord) {
        edited.push({ index, pieces: changeWord(text, origin) });
      } else {
        edited.push({ index, pieces: [{ text, origin }] });
      }
      index++;
    }
    if (random() < rates.insert) edited.push(newSentence());
    if (edited.length > 0) paragraphs.push(edited);
  }
  const moves = Math.round(paragraphs.length * rates.moveParagraph);
  for (let i = 0; i < moves && paragraphs.length > 1; i++) {
    const from = Math.floor(random() * paragraphs.length);
    const [moved] = paragraphs.splice(from, 1);
    let to = Math.floor(random() * (paragraphs.length + 1));
    if (to === from) to = (to + 1) % (paragraphs.length + 1);
    if (moved) paragraphs.splice(to, 0, moved);
    counts.movedParagraphs++;
  }

  // Emit the edited text with, for each character, the original offset it was copied from.
  const parts: Piece[] = [];
  let previous: EditedSentence | undefined;
  for (const paragraph of paragraphs) {
    paragraph.forEach((sentence, s) => {
      if (previous) {
        const text = s === 0 ? PARAGRAPH_SEPARATOR : SENTENCE_SEPARATOR;
        // A separator is the original one only between two sentences that were adjacent, and
        // separated the same way, in the original.
        const kept =
          previous.index >= 0 &&
          sentence.index === previous.index + 1 &&
          separators[previous.index] === text;
        parts.push({ text, origin: kept ? (ends[previous.index] ?? -1) : -1 });
      }
      parts.push(...sentence.pieces);
      previous = sentence;
    });
  }
  const edited = parts.map((part) => part.text).join('');
  const mapped = new Int32Array(article.text.length).fill(-1);
  let at = 0;
  for (const part of parts) {
    if (part.origin >= 0) {
      for (let k = 0; k < part.text.length; k++) mapped[part.origin + k] = at + k;
    }
    at += part.text.length;
  }

  return {
    edited,
    counts,
    claims: claims.map((original) => track(mapped, original)),
  };
}

/** Follows a claim's characters into the edited text (see ClaimTruth). */
function track(mapped: Int32Array, original: TextRange): ClaimTruth {
  const { start, end } = original;
  const first = mapped[start] ?? -1;
  let intact = first >= 0;
  let lo = -1;
  let hi = -1;
  let ordered = true;
  for (let i = start; i < end; i++) {
    const to = mapped[i] ?? -1;
    if (to !== first + (i - start)) intact = false;
    if (to < 0) continue;
    if (hi >= 0 && to < hi) ordered = false;
    if (lo < 0) lo = to;
    hi = to;
  }
  if (intact) return { original, truth: { start: first, end: first + (end - start) } };
  const length = end - start;
  if (lo >= 0 && ordered && hi + 1 - lo <= 2 * length + 200) {
    return { original, truth: 'gone', remnant: { start: lo, end: hi + 1 } };
  }
  return { original, truth: 'gone' };
}

/** How one re-anchoring result compares with the ground truth. */
export type Verdict =
  /** Anchored at the true range, or orphaned when the quote is gone. */
  | 'correct'
  /** Orphaned although the quote is still there, unchanged. */
  | 'orphaned'
  /** Anchored anywhere else, or anchored at all when the quote is gone. */
  | 'misanchored';

export function verdict(result: AnchorResult, claim: ClaimTruth): Verdict {
  if (claim.truth === 'gone') return result.kind === 'orphaned' ? 'correct' : 'misanchored';
  if (result.kind === 'orphaned') return 'orphaned';
  return result.start === claim.truth.start && result.end === claim.truth.end
    ? 'correct'
    : 'misanchored';
}

/**
 * Whether a result for a gone quote is the claim following an edit: anchored by fuzzy match on
 * what is left of its own passage (overlapping its surviving characters), not on another
 * passage. Reported apart from mis-anchoring, as annotation tools count it anchored.
 */
export function followedEdit(result: AnchorResult, claim: ClaimTruth): boolean {
  const { remnant } = claim;
  return (
    claim.truth === 'gone' &&
    result.kind === 'anchored' &&
    result.method === 'fuzzy' &&
    remnant !== undefined &&
    result.start < remnant.end &&
    remnant.start < result.end
  );
}

/**
 * Why a result at the wrong place went there, as far as the text shows it:
 * - 'edited-quote': the quote is gone, and the result overlaps what is left of it (the edited
 *   passage it came from);
 * - 'identical-copy': the result reads the quote, with the saved prefix and suffix around it,
 *   so nothing in the selectors tells it from the claim's own passage;
 * - 'verbatim-copy': the result reads the quote, but its surroundings differ;
 * ("reads" in matching form, see normalizeText: a paragraph break reads as a space.)
 * - 'other': a passage that is neither the quote verbatim nor its edited version.
 */
export type MisanchorKind = 'edited-quote' | 'identical-copy' | 'verbatim-copy' | 'other';

export function misanchorKind(
  edited: string,
  range: TextRange,
  claim: ClaimTruth,
  quote: { readonly exact: string; readonly prefix: string; readonly suffix: string },
): MisanchorKind {
  const { remnant } = claim;
  if (claim.truth === 'gone' && remnant && range.start < remnant.end && remnant.start < range.end) {
    return 'edited-quote';
  }
  const same = (a: string, b: string) => normalizeText(a).text === normalizeText(b).text;
  if (!same(edited.slice(range.start, range.end), quote.exact)) return 'other';
  const prefix = edited.slice(Math.max(0, range.start - quote.prefix.length), range.start);
  const suffix = edited.slice(range.end, range.end + quote.suffix.length);
  return same(prefix, quote.prefix) && same(suffix, quote.suffix)
    ? 'identical-copy'
    : 'verbatim-copy';
}
