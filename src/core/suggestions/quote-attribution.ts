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
 * People and their aliases are derived from the article itself (quote-attribution-speakers.ts);
 * the quotes are found by quote-attribution-spans.ts.
 */
import type { ArticleText } from '../articles/article-text.ts';
import type { TextRange } from '../claims/claim.ts';
import {
  articleSentenceRanges,
  findLast,
  quoteSpans,
  wordCount,
  type Match,
  type QuoteSpan,
} from './quote-attribution-spans.ts';
import { speakerMentions } from './quote-attribution-mentions.ts';
import {
  slug,
  speakerLabel,
  speechVerbsOutsideQuotes,
  type SpeakerMention,
} from './quote-attribution-speakers.ts';

export {
  REPORTER_KEY,
  SPEECH_VERB,
  speakerAliases,
  speakerLabel,
  type SpeakerAlias,
  type SpeakerMention,
} from './quote-attribution-speakers.ts';
export { speakerMentions } from './quote-attribution-mentions.ts';

/** One direct quote and who said it. */
export interface AttributedQuote extends TextRange {
  /** The speaker as the article names them near the quote (e.g. `Mr Johnson`), or null. */
  readonly speaker: string | null;
  /** Normalised speaker id (`johnson`, `lavrov`, `theresa-may`, `gchq`, …), or null. */
  readonly speakerKey: string | null;
  /** Why this speaker, in plain English. */
  readonly evidence: string;
}

/** A quote of at most this many words with no speech verb is taken as a scare quote. */
const SCARE_QUOTE_MAX_WORDS = 2;

/** Between a closing mark and the speaker or verb that follows it: only a comma or dash. */
const AFTER_QUOTE_GAP = /^[\s,—–-]*$/u;

/** Between a speaker and their verb after a quote: at most an adverb (`Lavrov reportedly told`). */
const BEFORE_VERB_GAP = /^\s+(?:\p{Ll}+ly\s+)?$/u;

/** Every direct quote in the article with its speaker, in reading order. */
export function attributeQuotes(articleText: ArticleText): AttributedQuote[] {
  const { text } = articleText;
  const spans = quoteSpans(articleText);
  const mentions = speakerMentions(articleText);
  const verbs = speechVerbsOutsideQuotes(text, spans);
  const sentences = articleSentenceRanges(articleText);

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
