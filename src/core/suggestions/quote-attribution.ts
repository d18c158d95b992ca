/**
 * Who said each direct quote in an article, by rules a reader can check.
 *
 * A direct quote is the words between quotation marks (“…”, "…", ‘…’, '…') inside one block, or
 * the spoken words of an exchange line. A quote whose closing mark is missing runs to the end of
 * its paragraph (newspapers leave it open when the quote goes on in the next paragraph).
 *
 * Rules, first match wins:
 *   1. an exchange line is said by its speaker;
 *   2. a speech verb right after the quote (`," Mr Lavrov said`, `," added Mr Johnson`);
 *   3. the nearest speech verb before the quote in the same sentence, said by the person named
 *      just before that verb (`Mr Johnson insisted there was "abundant evidence"`);
 *   4. a quote of one or two words with no speech verb is a scare quote or term: no speaker;
 *   5. a quote that opens its paragraph, or follows another quote in it, continues that quote;
 *   6. otherwise no speaker.
 * People are found through an alias table (names, surnames with or without Mr/Mrs, titles);
 * `he`/`she` is the person the text last made the subject of a sentence.
 */
import type { ArticleText, TextBlock } from '../articles/article-text.ts';
import { speakerPrefix } from '../articles/article-text.ts';
import type { TextRange } from '../claims/claim.ts';
import { sentenceRanges } from '../text/text-boundaries.ts';

/** One direct quote and who said it. */
export interface AttributedQuote extends TextRange {
  /** The speaker as the article names them near the quote (e.g. `Mr Johnson`), or null. */
  readonly speaker: string | null;
  /** Normalised speaker id (`johnson`, `lavrov`, `theresa-may`, `gchq`, …), or null. */
  readonly speakerKey: string | null;
  /** Why this speaker, in plain English. */
  readonly evidence: string;
}

/** One person (or body) the article may quote, with the ways the text names them. */
export interface SpeakerAlias {
  readonly key: string;
  readonly label: string;
  /** Names as written, case-sensitive; a surname also matches after Mr/Mrs/Ms/Dr. */
  readonly names: readonly string[];
  /** Role titles, matched without regard to case. */
  readonly titles: readonly string[];
}

/** A person named (or a pronoun standing for one) in the text outside quotes. */
export interface SpeakerMention extends TextRange {
  readonly text: string;
  /** Null for a pronoun the text gives no antecedent for. */
  readonly key: string | null;
  /** Set for `he`/`she`: the name it stands for, as last written. */
  readonly antecedent?: string;
}

/** Key of the article's own voice: unquoted, unattributed statements. */
export const REPORTER_KEY = 'reporter';

// Who held which office at the 22 December 2017 press conference: the texts often name a
// person only by role ("the prime minister"), which no rule could resolve from the text alone.
const KNOWN_SPEAKERS: readonly SpeakerAlias[] = [
  {
    key: 'johnson',
    label: 'Boris Johnson',
    names: ['Boris Johnson', 'Johnson', 'Boris'],
    titles: ['foreign secretary', 'british counterpart', 'conservative minister'],
  },
  {
    key: 'lavrov',
    label: 'Sergei Lavrov',
    names: ['Sergei Lavrov', 'Sergey Lavrov', 'Lavrov', 'Sergei', 'Sergey'],
    titles: [
      'russian foreign minister',
      'russia’s foreign minister',
      "russia's foreign minister",
      'russian counterpart',
    ],
  },
  { key: 'theresa-may', label: 'Theresa May', names: ['Theresa May'], titles: ['prime minister'] },
  { key: 'putin', label: 'Vladimir Putin', names: ['Vladimir Putin', 'Putin'], titles: [] },
  { key: 'gchq', label: 'GCHQ', names: ['GCHQ'], titles: [] },
];

const SPEECH_VERBS = [
  'said',
  'says',
  'insisted',
  'insists',
  'added',
  'adds',
  'told',
  'tells',
  'warned',
  'warns',
  'accused',
  'accuses',
  'claimed',
  'claims',
  'denied',
  'denies',
  'replied',
  'asked',
  'promised',
  'stated',
  'argued',
  'explained',
  'declared',
  'admitted',
  'suggested',
  'noted',
  'urged',
  'described',
];

/** A speech verb, as a whole word (global: use with matchAll). */
export const SPEECH_VERB = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${SPEECH_VERBS.join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

const PRONOUN = /(?<![\p{L}\p{N}])(?:[Hh]e|[Ss]he)(?![\p{L}\p{N}'’])/gu;

/** Two or more capitalised words, name particles allowed inside: `Amber de Botton`. */
const CAPITALISED_NAME =
  /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:\s+(?:(?:de|van|von|da|di|le|la|al|bin)\s+)?\p{Lu}\p{Ll}+)+(?![\p{L}\p{N}])/gu;

const HONORIFIC = '(?:(?:Mr|Mrs|Ms|Dr)\\.?\\s+)?';

/** A quote of at most this many words with no speech verb is taken as a scare quote. */
const SCARE_QUOTE_MAX_WORDS = 2;

/** Between a closing mark and the speaker or verb that follows it: only a comma or dash. */
const AFTER_QUOTE_GAP = /^[\s,—–-]*$/u;

/** Between a speaker and their verb after a quote: at most an adverb (`Lavrov reportedly told`). */
const BEFORE_VERB_GAP = /^\s+(?:\p{Ll}+ly\s+)?$/u;

/** The alias table for this article: the known people it names, then its other exchange speakers. */
export function speakerAliases(articleText: ArticleText): SpeakerAlias[] {
  const text = articleText.text;
  const lower = text.toLowerCase();
  const aliases = KNOWN_SPEAKERS.filter(
    (person) =>
      person.names.some((name) => wholeWordIndex(text, name) >= 0) ||
      person.titles.some((title) => wholeWordIndex(lower, title) >= 0),
  );
  for (const block of articleText.blocks) {
    if (block.speaker === undefined || aliasFor(aliases, block.speaker) !== undefined) continue;
    aliases.push({
      key: slug(block.speaker),
      label: block.speaker,
      names: [block.speaker],
      titles: [],
    });
  }
  return aliases;
}

/** Display name for a speaker key: `Boris Johnson`, `GCHQ`, `The reporter`. */
export function speakerLabel(key: string): string {
  if (key === REPORTER_KEY) return 'The reporter';
  const known = KNOWN_SPEAKERS.find((person) => person.key === key);
  if (known) return known.label;
  return key
    .split('-')
    .map((word, i) =>
      i > 0 && /^(?:de|van|von|da|di|le|la|al|bin)$/u.test(word)
        ? word
        : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(' ');
}

/** A quote's marks and words, before attribution. */
interface QuoteSpan extends TextRange {
  /** Offsets of the marks themselves (the spoken words of an exchange line have none). */
  readonly outerStart: number;
  readonly outerEnd: number;
  readonly block: TextBlock;
}

/** Every direct quote in the article with its speaker, in reading order. */
export function attributeQuotes(articleText: ArticleText): AttributedQuote[] {
  const { text } = articleText;
  const aliases = speakerAliases(articleText);
  const spans = quoteSpans(articleText);
  const mentions = findMentions(articleText, aliases, spans);
  const verbs = outsideQuotes(matchesOf(text, SPEECH_VERB), spans);
  const sentences = articleText.blocks.flatMap((block) =>
    sentenceRanges(block.text).map((s) => ({
      start: block.start + s.start,
      end: block.start + s.end,
    })),
  );

  const quotes: AttributedQuote[] = [];
  for (const span of spans) {
    const previous = quotes.at(-1);
    const previousSpan = spans[quotes.length - 1];
    quotes.push({
      start: span.start,
      end: span.end,
      ...attribute(text, span, { mentions, verbs, sentences, previous, previousSpan }),
    });
  }
  return quotes;
}

/** Every named person and pronoun outside quotes, pronouns resolved (see the top of this file). */
export function speakerMentions(articleText: ArticleText): SpeakerMention[] {
  const spans = quoteSpans(articleText);
  return findMentions(articleText, speakerAliases(articleText), spans);
}

interface AttributionContext {
  readonly mentions: readonly SpeakerMention[];
  readonly verbs: readonly Match[];
  readonly sentences: readonly TextRange[];
  readonly previous: AttributedQuote | undefined;
  readonly previousSpan: QuoteSpan | undefined;
}

type Attribution = Pick<AttributedQuote, 'speaker' | 'speakerKey' | 'evidence'>;

function attribute(text: string, span: QuoteSpan, context: AttributionContext): Attribution {
  const { block } = span;
  if (block.kind === 'line' && block.speaker !== undefined) {
    const speaker = block.speaker;
    const key = context.mentions.find((m) => m.start === block.start)?.key ?? slug(speaker);
    return { speaker, speakerKey: key, evidence: `exchange line “${speaker}:”` };
  }
  const window = sentenceWindow(context.sentences, span);
  return (
    attributeAfter(text, span, window, context) ??
    attributeBefore(text, span, window, context) ??
    attributeWithoutVerb(text, span, context)
  );
}

/** Rule 2: `," Mr Lavrov said`, `,” Lavrov reportedly told`, `," he added`, `," added Mr Johnson`. */
function attributeAfter(
  text: string,
  span: QuoteSpan,
  window: TextRange,
  { mentions, verbs }: AttributionContext,
): Attribution | undefined {
  const verb = verbs.find((v) => v.start >= span.outerEnd && v.end <= window.end);
  if (!verb) return undefined;
  const subjectBefore = mentions.find(
    (m) =>
      m.start >= span.outerEnd &&
      AFTER_QUOTE_GAP.test(text.slice(span.outerEnd, m.start)) &&
      BEFORE_VERB_GAP.test(text.slice(m.end, verb.start)),
  );
  const subjectAfter = AFTER_QUOTE_GAP.test(text.slice(span.outerEnd, verb.start))
    ? mentions.find((m) => m.start >= verb.end && /^\s+$/u.test(text.slice(verb.end, m.start)))
    : undefined;
  const subject = subjectBefore ?? subjectAfter;
  if (!subject) return undefined;
  const phrase = text.slice(Math.min(subject.start, verb.start), Math.max(subject.end, verb.end));
  return fromMention(subject, `“${phrase}” after the quote`);
}

/** Rule 3: the nearest speech verb before the quote, and the person named just before it. */
function attributeBefore(
  text: string,
  span: QuoteSpan,
  window: TextRange,
  { mentions, verbs }: AttributionContext,
): Attribution | undefined {
  const verb = findLast(verbs, (v) => v.start >= window.start && v.end <= span.outerStart);
  if (!verb) return undefined;
  const subject = findLast(mentions, (m) => m.start >= window.start && m.end <= verb.start);
  if (!subject) return undefined;
  return fromMention(subject, `subject of “${text.slice(verb.start, verb.end)}” before the quote`);
}

/** Rules 4 to 6. */
function attributeWithoutVerb(
  text: string,
  span: QuoteSpan,
  { previous, previousSpan }: AttributionContext,
): Attribution {
  if (wordCount(text.slice(span.start, span.end)) <= SCARE_QUOTE_MAX_WORDS) {
    return {
      speaker: null,
      speakerKey: null,
      evidence: 'short quote with no speech verb: a scare quote or term',
    };
  }
  if (previous?.speakerKey && previousSpan && continues(text, previousSpan, span)) {
    return {
      speaker: previous.speaker,
      speakerKey: previous.speakerKey,
      evidence: `continues the previous quote by ${previous.speaker ?? speakerLabel(previous.speakerKey)}`,
    };
  }
  return { speaker: null, speakerKey: null, evidence: 'no speaker named near the quote' };
}

/** Whether `span` carries on the quote `previous`: in the same paragraph, or opening the next. */
function continues(text: string, previous: QuoteSpan, span: QuoteSpan): boolean {
  if (previous.block === span.block) return true;
  const opensParagraph = span.outerStart === span.block.start;
  const nextParagraph = text.slice(previous.block.end, span.block.start).trim() === '';
  return opensParagraph && nextParagraph && previous.block.kind === 'paragraph';
}

function fromMention(subject: SpeakerMention, evidence: string): Attribution | undefined {
  if (subject.key === null) return undefined;
  if (subject.antecedent !== undefined) {
    return {
      speaker: subject.antecedent,
      speakerKey: subject.key,
      evidence: `${evidence}; “${subject.text}” is ${subject.antecedent}, the last person named as a subject`,
    };
  }
  return { speaker: subject.text, speakerKey: subject.key, evidence };
}

/** From the start of the sentence where the quote opens to the end of the one where it closes. */
function sentenceWindow(sentences: readonly TextRange[], span: QuoteSpan): TextRange {
  const first = findLast(sentences, (s) => s.start <= span.outerStart) ?? span;
  const last = sentences.find((s) => s.end >= span.outerEnd) ?? span;
  return {
    start: Math.max(first.start, span.block.start),
    end: Math.min(Math.max(last.end, span.outerEnd), span.block.end),
  };
}

/** The quotes of every block, in reading order (see the top of this file). */
function quoteSpans(articleText: ArticleText): QuoteSpan[] {
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

interface Match extends TextRange {
  readonly text: string;
}

function matchesOf(text: string, pattern: RegExp): Match[] {
  return [...text.matchAll(pattern)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

function outsideQuotes<T extends TextRange>(items: readonly T[], spans: readonly QuoteSpan[]): T[] {
  return items.filter(
    (item) => !spans.some((span) => item.start < span.outerEnd && item.end > span.outerStart),
  );
}

/** Named people, capitalised names and resolved pronouns outside quotes, in order. */
function findMentions(
  articleText: ArticleText,
  aliases: readonly SpeakerAlias[],
  spans: readonly QuoteSpan[],
): SpeakerMention[] {
  const { text } = articleText;
  const named = outsideQuotes(namedMentions(text, aliases), spans);
  const others = outsideQuotes(
    matchesOf(text, CAPITALISED_NAME).map((m) => ({ ...m, key: slug(m.text) })),
    spans,
  ).filter((m) => !named.some((n) => m.start < n.end && m.end > n.start));
  const pronouns = outsideQuotes(matchesOf(text, PRONOUN), spans);

  const sorted = [...named, ...others].sort((a, b) => a.start - b.start);
  return resolvePronouns(articleText, sorted, pronouns, spans);
}

/** Every alias occurrence, longest first where two overlap; a title right before a name joins it. */
function namedMentions(text: string, aliases: readonly SpeakerAlias[]): SpeakerMention[] {
  const found: SpeakerMention[] = [];
  for (const alias of aliases) {
    for (const name of alias.names) {
      const pattern = new RegExp(
        `(?<![\\p{L}\\p{N}])${HONORIFIC}${escape(name)}(?![\\p{L}\\p{N}])`,
        'gu',
      );
      for (const m of matchesOf(text, pattern)) found.push({ ...m, key: alias.key });
    }
    for (const title of alias.titles) {
      const pattern = new RegExp(
        `(?<![\\p{L}\\p{N}])(?:(?:the|his|her|UK|British|Russian)\\s+)?${escape(title)}(?![\\p{L}\\p{N}])`,
        'giu',
      );
      for (const m of matchesOf(text, pattern)) found.push({ ...m, key: alias.key });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SpeakerMention[] = [];
  for (const mention of found) {
    const last = kept.at(-1);
    if (last && mention.start < last.end) continue;
    // "Foreign Secretary Boris Johnson" is one mention.
    if (last && last.key === mention.key && /^\s+$/u.test(text.slice(last.end, mention.start))) {
      kept[kept.length - 1] = {
        ...last,
        end: mention.end,
        text: text.slice(last.start, mention.end),
      };
      continue;
    }
    kept.push(mention);
  }
  return kept;
}

/**
 * Gives each pronoun the person the text last made a subject: the first person named near the
 * start of a sentence, or the person named just before a speech verb.
 */
function resolvePronouns(
  articleText: ArticleText,
  named: readonly SpeakerMention[],
  pronouns: readonly Match[],
  spans: readonly QuoteSpan[],
): SpeakerMention[] {
  const { text } = articleText;
  const all: (SpeakerMention | (Match & { pronoun: true }))[] = [
    ...named,
    ...pronouns.map((p) => ({ ...p, pronoun: true as const })),
  ].sort((a, b) => a.start - b.start);
  const verbs = outsideQuotes(matchesOf(text, SPEECH_VERB), spans);
  const sentenceStarts = new Set(
    articleText.blocks.flatMap((block) =>
      sentenceRanges(block.text).map((s) => block.start + s.start),
    ),
  );
  const sentenceStartBefore = (at: number): number => {
    let i = at;
    while (i > 0 && !sentenceStarts.has(i)) i--;
    return i;
  };

  const resolved: SpeakerMention[] = [];
  let subject: SpeakerMention | undefined;
  for (const item of all) {
    const mention: SpeakerMention =
      'pronoun' in item
        ? subject && subject.key !== null
          ? {
              start: item.start,
              end: item.end,
              text: item.text,
              key: subject.key,
              antecedent: subject.antecedent ?? subject.text,
            }
          : { start: item.start, end: item.end, text: item.text, key: null }
        : item;
    resolved.push(mention);
    const sentenceStart = sentenceStartBefore(mention.start);
    const leadsSentence =
      wordCount(text.slice(sentenceStart, mention.start)) <= 3 &&
      !resolved.slice(0, -1).some((m) => m.start >= sentenceStart);
    const nextVerb = verbs.find((v) => v.start >= mention.end);
    const beforeVerb =
      nextVerb !== undefined &&
      !/[.!?]/u.test(text.slice(mention.end, nextVerb.start)) &&
      !all.some((m) => m.start > mention.start && m.end <= nextVerb.start);
    if (mention.key !== null && (leadsSentence || beforeVerb)) subject = mention;
  }
  return resolved;
}

function aliasFor(aliases: readonly SpeakerAlias[], name: string): SpeakerAlias | undefined {
  const bare = name.replace(/^(?:Mr|Mrs|Ms|Dr)\.?\s+/u, '');
  return aliases.find((alias) => alias.names.includes(bare));
}

function wholeWordIndex(text: string, word: string): number {
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'u').exec(text);
  return m ? m.index : -1;
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(?:mr|mrs|ms|dr)\.?\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/gu, '');
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The last item matching `test` (Array.prototype.findLast is ES2023). */
function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && test(item)) return item;
  }
  return undefined;
}
