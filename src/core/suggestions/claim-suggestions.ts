/**
 * Sentences worth fact-checking, each with the plain-English reasons it was picked.
 *
 * Every sentence of every block (headline and standfirst included; an exchange line without its
 * speaker prefix) is checked for: a direct quote, a speech verb, a number, a date, a word about
 * evidence, a superlative, and an accusation. A sentence with none of them is not suggested.
 */
import type { ArticleText } from '../articles/article-text.ts';
import { speakerPrefix } from '../articles/article-text.ts';
import type { TextRange } from '../claims/claim.ts';
import {
  REPORTER_KEY,
  speakerLabel,
  speakerMentions,
  type AttributedQuote,
  type SpeakerMention,
} from './quote-attribution.ts';
import { sentenceRanges } from '../text/text-boundaries.ts';
import { MONTH_NAMES, NUMBER_WORD_VALUES } from '../text/english-words.ts';
import { TEXT_HASH_PREFIX, textHash } from '../text/text-hash.ts';

/** What made a sentence check-worthy. */
export type SuggestionReasonKind =
  'direct-quote' | 'attribution' | 'number' | 'date' | 'evidence' | 'superlative' | 'accusation';

/** One reason, with a label for the reader (`Attribution verb “insisted”`). */
export interface SuggestionReason {
  readonly kind: SuggestionReasonKind;
  readonly label: string;
}

/** A check-worthy sentence of an article's canonical text. */
export interface Suggestion extends TextRange {
  /** `s-` and a hash of the sentence's text and start: the same sentence keeps its id. */
  readonly id: string;
  readonly reasons: readonly SuggestionReason[];
  /** Sum of the reasons' weights (see REASON_WEIGHTS). */
  readonly score: number;
  /** Who makes the claim: the quoted or reporting speaker, `reporter` if none, null if unknown. */
  readonly speakerKey: string | null;
}

/** How much each kind of reason adds to a suggestion's score. */
export const REASON_WEIGHTS: Readonly<Record<SuggestionReasonKind, number>> = {
  'direct-quote': 3,
  attribution: 1,
  number: 2,
  date: 1,
  evidence: 2,
  superlative: 1,
  accusation: 2,
};

const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{N}])';

function wordsPattern(words: readonly string[], flags = 'giu'): RegExp {
  return new RegExp(`${WORD_EDGE_BEFORE}(?:${words.join('|')})${WORD_EDGE_AFTER}`, flags);
}

// Neutral reporting verbs; "accused" and "denied" are accusations (below), not neutral.
const ATTRIBUTION = wordsPattern([
  'said',
  'says',
  'insisted',
  'insists',
  'added',
  'told',
  'warned',
  'warns',
  'claimed',
  'replied',
  'asked',
  'promised',
  'stated',
  'argued',
  'declared',
  'admitted',
  'according to',
]);

const ACCUSATION = wordsPattern([
  'accus(?:e|ed|es|ing|ation|ations)',
  'alleg(?:e|ed|es|ation|ations)',
  'den(?:y|ied|ies|ial)',
  'blam(?:e|ed|es)',
  'condemn(?:ed|s)?',
  'aggressi(?:ve|on)',
  'insult(?:ing|s|ed)?',
  'hostil(?:e|ity)',
  'contradict(?:ing|s|ed)?',
  'propaganda',
  'fake news',
]);

const EVIDENCE = wordsPattern([
  'evidence',
  'proof',
  'prove[dn]?',
  'documents?',
  'intelligence',
  'investigations?',
  'reports?',
  'reportedly',
  'data',
  'hack(?:ing|ed|s)?',
  'interfer(?:e|ed|ence)',
  'meddl(?:e|ed|ing)',
  'cyber(?:attacks?| activities| warfare)',
]);

const SUPERLATIVE_WORDS = ['first', 'last', 'most', 'least', 'worst', 'best', 'biggest', 'only'];

/** Words ending in -est that are not superlatives. */
const NOT_SUPERLATIVE = new Set([
  'interest',
  'west',
  'protest',
  'test',
  'rest',
  'honest',
  'suggest',
  'request',
  'arrest',
  'forest',
  'guest',
  'nest',
  'chest',
  'contest',
  'invest',
  'digest',
  'manifest',
  'modest',
  'earnest',
  'harvest',
  'quest',
  'conquest',
  'unrest',
  'attest',
  'detest',
  'inquest',
  'lest',
  'priest',
  'crest',
  'vest',
  'zest',
  'pest',
  'jest',
  'behest',
]);

const SUPERLATIVE = wordsPattern([...SUPERLATIVE_WORDS, '\\p{L}{2,}est']);

const MONTHS = MONTH_NAMES.filter((month) => month !== 'May');

// "May" is only a month beside a day or year: otherwise it is Theresa May or the verb.
const DATE = new RegExp(
  `${WORD_EDGE_BEFORE}(?:(?:\\d{1,2}\\s+)?(?:${MONTHS.join('|')})(?:\\s+\\d{1,2})?(?:,?\\s+(?:19|20)\\d{2})?` +
    `|\\d{1,2}\\s+May(?:\\s+(?:19|20)\\d{2})?|May\\s+(?:\\d{1,2}|(?:19|20)\\d{2})` +
    `|(?:19|20)\\d{2}s?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day` +
    `|[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow` +
    `|(?:[Ll]ast|[Tt]his|[Nn]ext)\\s+(?:week|month|year|morning|afternoon|evening|night|spring|summer|autumn|winter))` +
    WORD_EDGE_AFTER,
  'gu',
);

// "one" is too common to mark a sentence as numeric unless a unit follows it (below).
const NUMBER_WORDS = [...NUMBER_WORD_VALUES.keys()]
  .filter((word) => word !== 'zero' && word !== 'one')
  .map((word) => (/^(hundred|thousand|million|billion|dozen)$/.test(word) ? `${word}s?` : word));

const UNITS =
  '(?:\\s*%|\\s+(?:per\\s*cent|percent|years?|months?|weeks?|days?|hours?|people|times|countries|million|billion))';

/** A figure or number word, and the unit after it if any; "one" only with a unit. */
const NUMBER = new RegExp(
  `${WORD_EDGE_BEFORE}(?:(?:\\d[\\d,]*(?:\\.\\d+)?|${NUMBER_WORDS.join('|')})${UNITS}?|one${UNITS})${WORD_EDGE_AFTER}`,
  'giu',
);

/** Quoted words this short with no speaker are scare quotes, not a reason to check. */
const SHORT_QUOTE_WORDS = 2;

/** The check-worthy sentences of an article, in reading order. */
export function suggestClaims(
  articleText: ArticleText,
  quotes: readonly AttributedQuote[],
): Suggestion[] {
  const { text } = articleText;
  const mentions = speakerMentions(articleText);
  const suggestions: Suggestion[] = [];
  for (const sentence of blockSentences(articleText)) {
    const inSentence = quotes.filter((q) => q.start < sentence.end && q.end > sentence.start);
    const reasons = reasonsFor(text, sentence, inSentence);
    if (reasons.length === 0) continue;
    const sentenceText = text.slice(sentence.start, sentence.end);
    suggestions.push({
      id: `s-${textHash(`${sentence.start}:${sentenceText}`).slice(TEXT_HASH_PREFIX.length)}`,
      start: sentence.start,
      end: sentence.end,
      reasons,
      score: reasons.reduce((sum, reason) => sum + REASON_WEIGHTS[reason.kind], 0),
      speakerKey: claimant(text, sentence, inSentence, mentions),
    });
  }
  return suggestions;
}

/** By default at most one sentence in this many is suggested, so real claims are not drowned. */
export const SUGGESTED_SHARE = 4;

/**
 * The most check-worthy of `suggestions`: at most one sentence of the article in `share`, the
 * highest scores first (on equal scores the earlier sentence), returned in reading order.
 */
export function mostCheckWorthy(
  articleText: ArticleText,
  suggestions: readonly Suggestion[],
  share = SUGGESTED_SHARE,
): Suggestion[] {
  const limit = Math.floor(blockSentences(articleText).length / share);
  const best = [...suggestions]
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .slice(0, limit);
  const kept = new Set(best);
  return suggestions.filter((s) => kept.has(s));
}

/** The number of sentences suggestions are chosen from (a block's sentences, speakers left out). */
export function sentenceCount(articleText: ArticleText): number {
  return blockSentences(articleText).length;
}

/** The key a dismissed suggestion is remembered by. */
export function suggestionKey(articleId: string, suggestion: Suggestion): string {
  return `${articleId}#${suggestion.id}`;
}

/** Every sentence within a block; an exchange line's first sentence starts after the speaker. */
function blockSentences(articleText: ArticleText): TextRange[] {
  return articleText.blocks.flatMap((block) => {
    const skip = block.speaker === undefined ? 0 : speakerPrefix(block.speaker).length;
    return sentenceRanges(block.text)
      .map((s) => ({ start: block.start + Math.max(s.start, skip), end: block.start + s.end }))
      .filter((s) => s.end > s.start);
  });
}

function reasonsFor(
  text: string,
  sentence: TextRange,
  quotes: readonly AttributedQuote[],
): SuggestionReason[] {
  const reasons: SuggestionReason[] = [];
  const add = (kind: SuggestionReasonKind, label: string) => {
    if (!reasons.some((r) => r.label === label)) reasons.push({ kind, label });
  };
  for (const quote of quotes) {
    const words = text.slice(quote.start, quote.end);
    if (quote.speakerKey !== null) {
      add('direct-quote', `Has a direct quote from ${speakerLabel(quote.speakerKey)}`);
    } else if (wordCount(words) > SHORT_QUOTE_WORDS) {
      add('direct-quote', 'Has a direct quote with no speaker named');
    }
  }
  const sentenceText = text.slice(sentence.start, sentence.end);
  const found = (pattern: RegExp) => [...sentenceText.matchAll(pattern)].map((m) => m[0]);

  for (const verb of found(ATTRIBUTION)) add('attribution', `Attribution verb “${verb}”`);
  const dates = found(DATE);
  for (const date of dates) add('date', `Date “${date}”`);
  for (const number of found(NUMBER)) {
    // A year is a date, not a figure to check on its own.
    if (!dates.some((date) => date.includes(number))) add('number', `Number “${number}”`);
  }
  for (const word of found(EVIDENCE)) add('evidence', `Evidence word “${word}”`);
  for (const word of found(SUPERLATIVE)) {
    const lower = word.toLowerCase();
    if (NOT_SUPERLATIVE.has(lower)) continue;
    // "last month" is a date.
    if (lower === 'last' && dates.some((date) => date.toLowerCase().startsWith('last'))) continue;
    add('superlative', `Superlative “${word}”`);
  }
  for (const word of found(ACCUSATION)) add('accusation', `Accusation word “${word}”`);
  return reasons;
}

/**
 * Who makes the sentence's claim: the speaker of its first attributed quote, else the person
 * named just before its first speech verb, else the reporter; null for an unattributed quote.
 */
function claimant(
  text: string,
  sentence: TextRange,
  quotes: readonly AttributedQuote[],
  mentions: readonly SpeakerMention[],
): string | null {
  const attributed = quotes.find((q) => q.speakerKey !== null);
  if (attributed) return attributed.speakerKey;
  const sentenceText = text.slice(sentence.start, sentence.end);
  const verbs = [...sentenceText.matchAll(ATTRIBUTION), ...sentenceText.matchAll(ACCUSATION)];
  const firstVerb = Math.min(...verbs.map((m) => sentence.start + m.index));
  if (Number.isFinite(firstVerb)) {
    const subject = findLast(mentions, (m) => m.start >= sentence.start && m.end <= firstVerb);
    if (subject?.key) return subject.key;
  }
  const unattributed = quotes.some(
    (q) => wordCount(text.slice(q.start, q.end)) > SHORT_QUOTE_WORDS,
  );
  return unattributed ? null : REPORTER_KEY;
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** The last item matching `test` (Array.prototype.findLast is ES2023). */
function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && test(item)) return item;
  }
  return undefined;
}
