import type { TextRange } from '../claims/claim.ts';
import { NUMBER_WORD_VALUES } from './english-words.ts';

/**
 * Words of a text in comparison form, for finding what two reports say alike.
 *
 * A token is a run of letters, digits and combining marks with single apostrophes inside
 * (`Lavrov’s`, `doesn't`); hyphens and dashes split words (`UK-Russia` is `UK` and `Russia`), so
 * a hyphen typed as an en dash compares equal. A number is digits with optional thousands
 * separators or decimals (`2006`, `1,000`, `5.5`). Offsets are UTF-16 offsets into the input.
 *
 * Each token gets a comparison `stem`:
 *   - lower-cased, with curly apostrophes folded to `'`;
 *   - numbers: digits without thousands separators; the number words one … twenty become their
 *     digits, so "five years" and "5 years" share the stem `5`;
 *   - names (see below): only a possessive `'s` or `'` is removed;
 *   - other words go through `stemWord`, a small suffix stripper (rules on that function).
 *
 * A word is a name when it starts with a capital letter and is not a stop word, or is written in
 * capitals (`UK`, `GCHQ`). A capital at a sentence start says nothing, but such a word is flagged
 * too: in news the first word of a sentence that is not a function word is most often a name
 * ("Lavrov said", "Johnson is"). The known cost: a plural noun opening a sentence ("Relations
 * were …") keeps its -s. A capitalised stop word ("May", "Will") stays a stop word: losing a rare
 * name costs less than matching on the verb.
 *
 * A stop word (`stop: true`) is a function word, pronoun, auxiliary, honorific (Mr, Mrs, Dr),
 * reporting verb (said, told, added) or light verb or noun (go, get, make, take, use, way, thing),
 * or a word used as a preposition where it stands ("following the talks", "in front of"):
 * words that appear in any sentence and say nothing about which fact it reports. Negations (not, no, never, cannot) are deliberately not stop words: they
 * reverse a statement. Words written in capitals are never stop words ("US" is not "us").
 */

/** What a token is. */
export type TokenKind = 'word' | 'number' | 'name';

/** One word or number of a text, with its comparison form. */
export interface Token {
  /** The token as written in the input. */
  readonly text: string;
  /** Comparison form (see the top of this file). */
  readonly stem: string;
  /** Offset of the token's first character in the input. */
  readonly start: number;
  /** Offset just past the token's last character. */
  readonly end: number;
  readonly kind: TokenKind;
  /** Whether the token is a stop word (never for numbers and names). */
  readonly stop: boolean;
}

// A number not glued to letters (`10am` is a word), else a word with apostrophes inside.
const TOKEN =
  /(\p{Nd}+(?:[.,]\p{Nd}+)*)(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}]+(?:['’‘ʼ][\p{L}\p{M}\p{N}]+)*/gu;

/** Words that say nothing about which fact a sentence reports (see the top of this file). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above across after again against all also am among an and any are as at be ' +
    'because been before being below between both but by can could did do does doing down ' +
    'during each either else even ever every few for from further had has have having he ' +
    "he'd he'll he's her here here's hers herself him himself his how however i i'd i'll i'm " +
    "i've if in into is it it's its itself just let's like many may me might more most much " +
    'must my myself neither of off on once only onto or other others otherwise ought our ' +
    "ours ourselves out over own per perhaps quite rather really same shall she she'd she'll " +
    "she's should since so some such than that that's the their theirs them themselves then " +
    "there there's these they they'd they'll they're they've this those though through thus " +
    "to too toward towards under until unto up upon us very via was we we'd we'll we're " +
    "we've were what what's when when's where where's whether which while who who's whom " +
    "whose why why's will with within without would yet you you'd you'll you're you've your " +
    'yours yourself yourselves mr mrs ms dr prof sir said say says saying told tell tells ' +
    'added add adds according reportedly go goes going gone went get gets got getting make ' +
    'makes made making take takes took taken come comes came use used uses using put puts ' +
    'way ways thing things lot lots despite amid amidst beyond beside besides'
  ).split(' '),
);

// Words that are prepositions in some phrases only: "following the talks", "in front of".
const PREPOSITION_BEFORE_DETERMINER = new Set([
  'following',
  'including',
  'regarding',
  'concerning',
  'considering',
  'excluding',
]);
const DETERMINER = new Set(
  'a an the this that these those his her its their our my your some any every each'.split(' '),
);

/**
 * Whether word `i` of `lower` (lower-cased words) is a preposition here, though a content word
 * elsewhere: "following" before a determiner ("following a period" is not "the following"), and
 * "front" in "in front of" (not "the western front"). Counted as content words, they related
 * passages through unrelated senses (WordNet: following ≈ people, front ≈ forward).
 */
function isPrepositionHere(tokens: readonly Token[], i: number): boolean {
  const lowerAt = (at: number) => tokens[at]?.text.toLowerCase() ?? '';
  const word = lowerAt(i);
  if (PREPOSITION_BEFORE_DETERMINER.has(word)) return DETERMINER.has(lowerAt(i + 1));
  return word === 'front' && lowerAt(i - 1) === 'in' && lowerAt(i + 1) === 'of';
}

const VOWEL = /[aeiouy]/;
// Doubled final consonants that inflection adds (stopp-ed, runn-ing); l, s and z double anyway.
const UNDOUBLE = /([bcdfghjkmnpqrtvwx])\1$/;
// The stems of words that are prepositions in some phrases (isPrepositionHere), to pick them out
// cheaply: stemWord needs the two patterns above.
const MAYBE_PREPOSITION = new Set(
  [...PREPOSITION_BEFORE_DETERMINER, 'front'].map((word) => stemWord(word)),
);

/** Removes one inflectional suffix; returns the word unchanged when none applies. */
function stripInflection(word: string): string {
  const n = word.length;
  if (n > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (n > 4 && word.endsWith('ied')) return word.slice(0, -3) + 'y';
  if (n > 4 && word.endsWith('eed')) return word.slice(0, -1);
  if (word.endsWith('ing') && n - 3 >= 3 && VOWEL.test(word.slice(0, -3))) {
    return word.slice(0, -3).replace(UNDOUBLE, '$1');
  }
  if (word.endsWith('ed') && n - 2 >= 3 && VOWEL.test(word.slice(0, -2))) {
    return word.slice(0, -2).replace(UNDOUBLE, '$1');
  }
  if (n > 4 && word.endsWith('sses')) return word.slice(0, -2);
  if (n > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  if (n > 5 && word.endsWith('ly')) return word.slice(0, -2);
  return word;
}

/**
 * Stem of a lower-case word, by these rules in order:
 *   1. a possessive `'s` or trailing `'` goes (`russia's` → `russia`);
 *   2. up to two inflectional suffixes go, one at a time (`reportedly` → `reported` → `report`):
 *      -ies and -ied become -y (`countries` → `country`, `denied` → `deny`); -eed becomes -ee
 *      (`agreed` → `agree`); -ing and -ed go when at least three letters with a vowel remain, and
 *      a doubled final consonant is undoubled (`stopped` → `stop`); -sses becomes -ss; a plural -s
 *      goes unless the word ends in -ss, -us or -is or has three letters; -ly goes from words of
 *      six letters or more (`successfully` → `successful`);
 *   3. a final silent -e goes from words of four letters or more, so that `accuse` and `accused`
 *      meet at `accus`.
 * The stems need not be words; they only have to agree between a word's usual forms.
 */
export function stemWord(word: string): string {
  let stem = word.replace(/'s$|'$/, '');
  for (let pass = 0; pass < 2; pass++) {
    const next = stripInflection(stem);
    if (next === stem) break;
    stem = next;
  }
  if (stem.length >= 4 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

/** The comparison form of a number token: digits, thousands separators removed. */
function numberStem(digits: string): string {
  return /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(digits) ? digits.replace(/,/g, '') : digits;
}

/** Every word and number of `text` in comparison form (see the top of this file). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    if (match[1] !== undefined) {
      tokens.push({ text: raw, stem: numberStem(raw), start, end, kind: 'number', stop: false });
      continue;
    }
    const lower = raw.toLowerCase().replace(/[’‘ʼ]/g, "'");
    const numberWord = NUMBER_WORD_VALUES.get(lower);
    if (numberWord !== undefined) {
      tokens.push({ text: raw, stem: numberWord, start, end, kind: 'number', stop: false });
      continue;
    }
    const capitals = raw.length >= 2 && raw === raw.toUpperCase() && raw !== lower;
    const capitalised = /^\p{Lu}/u.test(raw);
    const stop = !capitals && STOP_WORDS.has(lower);
    const name = capitals || (capitalised && !stop);
    tokens.push({
      text: raw,
      stem: name ? lower.replace(/'s$|'$/, '') : stemWord(lower),
      start,
      end,
      kind: name ? 'name' : 'word',
      stop,
    });
  }
  // Only the few words that may be prepositions are looked at again, with their neighbours.
  tokens.forEach((token, i) => {
    if (token.kind !== 'word' || token.stop || !MAYBE_PREPOSITION.has(token.stem)) return;
    if (isPrepositionHere(tokens, i)) tokens[i] = { ...token, stop: true };
  });
  return tokens;
}

/** Whether the character at `index` is a letter or digit. */
function isWordChar(text: string, index: number): boolean {
  return /[\p{L}\p{M}\p{N}]/u.test(text.charAt(index));
}

/**
 * The stretches of `text` inside quotation marks, the marks excluded, in order, overlaps merged.
 *
 * Double quotes: “ opens and ” closes; a straight " closes an open quote, else opens one. News
 * style leaves a quote that runs on into the next paragraph unclosed, so an unclosed double quote
 * ends with its paragraph (a line break). Single quotes: ‘ or a straight ' opens before a letter
 * when not preceded by one; ’ or ' closes an open single quote when not followed by a letter, so
 * the apostrophes of `Lavrov’s` and `doesn't` are left alone; an unclosed single quote is dropped
 * (it was an apostrophe, as in `countries' ability`).
 */
export function quotedRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let doubleFrom = -1;
  let singleFrom = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\n') {
      if (doubleFrom >= 0 && i > doubleFrom) ranges.push({ start: doubleFrom, end: i });
      doubleFrom = -1;
      singleFrom = -1;
    } else if (c === '“' || (c === '"' && doubleFrom < 0)) {
      doubleFrom = i + 1;
    } else if (c === '”' || c === '"') {
      if (doubleFrom >= 0 && i > doubleFrom) ranges.push({ start: doubleFrom, end: i });
      doubleFrom = -1;
    } else if (c === '‘' || c === "'" || c === '’') {
      const before = i > 0 && isWordChar(text, i - 1);
      const after = isWordChar(text, i + 1);
      if (singleFrom >= 0 && !after) {
        if (i > singleFrom) ranges.push({ start: singleFrom, end: i });
        singleFrom = -1;
      } else if (c !== '’' && !before && after) {
        singleFrom = i + 1;
      }
    }
  }
  if (doubleFrom >= 0 && text.length > doubleFrom) {
    ranges.push({ start: doubleFrom, end: text.length });
  }
  ranges.sort((x, y) => x.start - y.start || x.end - y.end);
  const merged: TextRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    } else {
      merged.push(range);
    }
  }
  return merged;
}
