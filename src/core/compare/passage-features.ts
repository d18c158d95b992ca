/**
 * What counterpart scoring knows of a passage: its content terms (stop words left out, see
 * text-tokens.ts) with their WordNet lemmas, its direct quotes, its numbers and its voice.
 * An article is prepared once: tokens, the quotation each token is in, its sentences and their
 * features, and an index from stem and from related-word group to sentences.
 */
import { sentencesOf, type Sentence } from '../articles/article-sentences.ts';
import type { ArticleText } from '../articles/article-text.ts';
import type { TextRange } from '../claims/claim.ts';
import { quotedRanges, tokenize, type Token, type TokenKind } from '../text/text-tokens.ts';
import { firstIndexAbove } from '../text/sorted-search.ts';
import { SPEECH_VERB, speakerMentions } from '../suggestions/quote-attribution.ts';
import { passageVoices, type PassageVoice } from './passage-speaker.ts';
import type { RelatedWords } from './related-words.ts';

/** A content term of a passage: its stem, kind and how the passage first writes it. */
export interface Term {
  readonly stem: string;
  readonly kind: TokenKind;
  readonly display: string;
  /** Offset of the first occurrence, for ordering. */
  readonly start: number;
  /** Whether the first occurrence is negated ("no evidence", "not successfully"). */
  readonly negated: boolean;
  /** WordNet lemmas of a word (none for names and numbers, or without a table). */
  readonly lemmas: readonly string[];
  /** The related-word groups of those lemmas. */
  readonly groups: readonly string[];
  /** How everyday the word is, 0..1 (RelatedWords.commonness; 0 without a table). */
  readonly commonness: number;
}

/** The content tokens inside one quotation, in order. */
export interface QuoteSequence {
  readonly quoteId: number;
  readonly tokens: readonly Token[];
}

/** What scoring needs to know about a passage. */
export interface Features {
  readonly terms: ReadonlyMap<string, Term>;
  /** The passage's content tokens, in order. */
  readonly sequence: readonly Token[];
  readonly quotes: readonly QuoteSequence[];
  /** Who says it, the voice it opens with first (see passage-speaker.ts). */
  readonly voices: readonly PassageVoice[];
}

/** An article ready for counterpart search. */
export interface PreparedArticle {
  readonly article: ArticleText;
  readonly tokens: readonly Token[];
  /** The quotation each token is in, -1 when none. */
  readonly quoteIds: Int32Array;
  readonly sentences: readonly Sentence[];
  readonly features: readonly Features[];
  /**
   * Stems of the words the article writes right before a person's name, as titles are
   * ("foreign secretary Boris Johnson", "counterpart Sergey Lavrov"), and of role words heading
   * a definite description ("Russia's foreign minister"): like names, two reports of one event
   * repeat them whatever the fact.
   */
  readonly titles: ReadonlySet<string>;
  /** Stem or related-word group (`s12`, `n40`) → the sentences that have it, in order. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  readonly words: RelatedWords | null;
}

// Words that turn what follows into its opposite: "no evidence" does not report "evidence".
const NEGATORS: ReadonlySet<string> = new Set([
  'no',
  'not',
  'never',
  'without',
  'unable',
  'nor',
  'cannot',
  "n't",
  'neither',
]);

/** Whether one of the two tokens before `index` negates it. */
function isNegated(tokens: readonly Token[], index: number): boolean {
  for (let i = Math.max(0, index - 2); i < index; i++) {
    const text = tokens[i]?.text.toLowerCase().replace('’', "'") ?? '';
    if (NEGATORS.has(text) || text.endsWith("n't")) return true;
  }
  return false;
}

/** A verb of saying, as a whole token. */
export const SPEECH_WORD = new RegExp(`^(?:${SPEECH_VERB.source})$`, 'iu');

const cache = new WeakMap<ArticleText, Map<RelatedWords | null, PreparedArticle>>();

/** The article tokenised and indexed, once per article and table. */
export function prepareArticle(article: ArticleText, words: RelatedWords | null): PreparedArticle {
  const byTable = cache.get(article) ?? new Map<RelatedWords | null, PreparedArticle>();
  cache.set(article, byTable);
  const known = byTable.get(words);
  if (known !== undefined) return known;
  const tokens = tokenize(article.text);
  const quotes = quotedRanges(article.text);
  const quoteIds = new Int32Array(tokens.length).fill(-1);
  let q = 0;
  tokens.forEach((token, i) => {
    while (q < quotes.length && (quotes[q]?.end ?? 0) <= token.start) q++;
    const quote = quotes[q];
    if (quote !== undefined && quote.start <= token.start && token.end <= quote.end) {
      quoteIds[i] = q;
    }
  });
  const sentences = sentencesOf(article);
  const partial = { article, tokens, quoteIds, words };
  const features = sentences.map((s) => featuresOf(partial, s));
  const postings = new Map<string, number[]>();
  const post = (key: string, i: number) => {
    const list = postings.get(key);
    if (list === undefined) postings.set(key, [i]);
    else if (list.at(-1) !== i) list.push(i);
  };
  features.forEach((f, i) => {
    for (const term of f.terms.values()) {
      post(term.stem, i);
      for (const group of term.groups) post(group, i);
    }
  });
  const prepared = {
    ...partial,
    sentences,
    features,
    postings,
    titles: titleStems(article, tokens, words),
  };
  byTable.set(words, prepared);
  return prepared;
}

/**
 * Words that are titles (see PreparedArticle.titles): the lower-case words of a mention of a
 * person that ends in their name ("foreign secretary Boris Johnson"), and up to two words
 * right before such a mention on the same line. Verbs before a name ("accused Johnson",
 * "said Lavrov") are what someone did, not a title, and end the search.
 */
function titleStems(
  article: ArticleText,
  tokens: readonly Token[],
  words: RelatedWords | null,
): Set<string> {
  const titles = new Set<string>();
  if (words !== null) for (const stem of roleStems(article, tokens, words)) titles.add(stem);
  for (const mention of speakerMentions(article)) {
    if (mention.key === null || mention.antecedent !== undefined) continue;
    const first = firstTokenAfter(tokens, mention.start);
    let end = first;
    while ((tokens[end]?.end ?? Infinity) <= mention.end) end++;
    // A mention by title alone ("the prime minister") ties no title to a name.
    if (tokens[end - 1]?.kind !== 'name') continue;
    for (let i = first; i < end; i++) {
      const token = tokens[i];
      if (token?.kind === 'word' && !token.stop && token.text.length > 2) titles.add(token.stem);
    }
    let next = mention.start;
    for (let i = first - 1, taken = 0; taken < 2 && i >= 0; i--) {
      const token = tokens[i];
      if (token === undefined || !/^[ \t]+$/u.test(article.text.slice(token.end, next))) break;
      next = token.start;
      if (/^(?:mr|mrs|ms|dr)$/iu.test(token.text)) continue;
      if (token.kind !== 'word' || token.stop) break;
      if (/(?:ed|ing)$/u.test(token.text) || SPEECH_WORD.test(token.text)) break;
      titles.add(token.stem);
      taken++;
    }
  }
  return titles;
}

// What opens a definite description of someone: "the", a possessive pronoun ("his British
// counterpart") or a possessive name ("Russia's foreign minister").
const DEFINITE = /^(?:the|his|her|their|its|our|your)$|['’]s$/iu;

/** Most modifiers between a definite opener and the role word ("the UK Foreign Secretary"). */
const MAX_MODIFIERS = 3;

/**
 * Role words: a word for a person (RelatedWords.isPerson) heading a definite description ("the
 * Russian foreign minister", "Russia's foreign minister", "the Conservative minister"). A
 * report names the people it is about by their roles as often as by their names, whatever
 * the fact it tells, so such words count as titles.
 */
function roleStems(article: ArticleText, tokens: readonly Token[], words: RelatedWords): string[] {
  const stems: string[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'word' || token.stop) return;
    const lower = token.text.toLowerCase();
    if (!words.isPerson(words.lemmasOf(lower))) return;
    let next = token.start;
    let modifiers = 0;
    for (let j = i - 1; j >= 0 && modifiers <= MAX_MODIFIERS; j--) {
      const before = tokens[j];
      if (before === undefined || !/^[ \t]+$/u.test(article.text.slice(before.end, next))) return;
      next = before.start;
      if (DEFINITE.test(before.text)) {
        // Only the role word: a modifier may be what the fact is ("the first foreign secretary").
        stems.push(token.stem);
        return;
      }
      if (before.stop || before.kind === 'number') return;
      // A verb before the role word ("accused Johnson") is what someone did, not a title.
      if (/(?:ed|ing)$/u.test(before.text) || SPEECH_WORD.test(before.text)) return;
      modifiers++;
    }
  });
  return stems;
}

/** Index of the first token ending after `offset`. */
function firstTokenAfter(tokens: readonly Token[], offset: number): number {
  return firstIndexAbove(tokens, offset, (token) => token.end);
}

/** The features of the tokens of `prepared` that lie wholly within `range`. */
export function featuresOf(
  prepared: Pick<PreparedArticle, 'article' | 'tokens' | 'quoteIds' | 'words'>,
  range: TextRange,
): Features {
  const terms = new Map<string, Term>();
  const sequence: Token[] = [];
  const quotes: QuoteSequence[] = [];
  const { tokens, quoteIds, words } = prepared;
  for (let i = firstTokenAfter(tokens, range.start); i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || token.end > range.end) break;
    if (token.start < range.start || token.stop) continue;
    // A negation is not a fact of its own: it marks the word after it (see isNegated).
    if (NEGATORS.has(token.text.toLowerCase())) continue;
    sequence.push(token);
    const known = terms.get(token.stem);
    if (known === undefined) {
      const lemmas =
        words !== null && token.kind === 'word'
          ? words.lemmasOf(token.text.toLowerCase().replace(/['’]s$/u, ''))
          : [];
      terms.set(token.stem, {
        stem: token.stem,
        kind: token.kind,
        display: token.text,
        start: token.start,
        negated: isNegated(tokens, i),
        lemmas,
        groups: words !== null && lemmas.length > 0 ? words.groupKeys(lemmas) : [],
        commonness: words !== null ? words.commonness(lemmas) : 0,
      });
    } else if (known.kind === 'word' && token.kind === 'name') {
      // Written once with a capital mid-sentence is enough to show the word is a name.
      terms.set(token.stem, { ...known, kind: 'name', lemmas: [], groups: [] });
    }
    const quoteId = quoteIds[i] ?? -1;
    if (quoteId < 0) continue;
    const last = quotes[quotes.length - 1];
    if (last !== undefined && last.quoteId === quoteId) {
      quotes[quotes.length - 1] = { quoteId, tokens: [...last.tokens, token] };
    } else {
      quotes.push({ quoteId, tokens: [token] });
    }
  }
  return { terms, sequence, quotes, voices: passageVoices(prepared.article, range) };
}

const windowCache = new WeakMap<PreparedArticle, Map<string, Features>>();

/** The features of sentences `from`..`to` (inclusive) read as one passage, merged once. */
export function windowFeatures(prepared: PreparedArticle, from: number, to: number): Features {
  const only = prepared.features[from];
  if (from === to && only !== undefined) return only;
  const cached = windowCache.get(prepared) ?? new Map<string, Features>();
  windowCache.set(prepared, cached);
  const key = `${from}:${to}`;
  const known = cached.get(key);
  if (known !== undefined) return known;
  const terms = new Map<string, Term>();
  const sequence: Token[] = [];
  const quotes: QuoteSequence[] = [];
  const voices: PassageVoice[] = [];
  for (let i = from; i <= to; i++) {
    const f = prepared.features[i];
    if (f === undefined) continue;
    sequence.push(...f.sequence);
    for (const [stem, term] of f.terms) {
      const seen = terms.get(stem);
      if (seen === undefined) terms.set(stem, term);
      else if (seen.kind === 'word' && term.kind === 'name')
        terms.set(stem, { ...seen, kind: 'name', lemmas: [], groups: [] });
    }
    for (const quoted of f.quotes) {
      const last = quotes.at(-1);
      if (last !== undefined && last.quoteId === quoted.quoteId) {
        quotes[quotes.length - 1] = {
          quoteId: last.quoteId,
          tokens: [...last.tokens, ...quoted.tokens],
        };
      } else {
        quotes.push(quoted);
      }
    }
    for (const voice of f.voices) {
      if (!voices.some((v) => v.person === voice.person && v.mode === voice.mode))
        voices.push(voice);
    }
  }
  // The reporter's voice only stands when no one else speaks in the window.
  const speaking = voices.filter((v) => v.mode !== 'reporter');
  const features = { terms, sequence, quotes, voices: speaking.length > 0 ? speaking : voices };
  cached.set(key, features);
  return features;
}
