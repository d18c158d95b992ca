/**
 * Who says what a passage says, and how the report gives it: in their own quoted words, as
 * reported speech ("Mr Lavrov said London made …"), or in the reporter's own voice.
 *
 *   - quoted: the passage lies mostly inside a direct quote; the speaker is the quote's (see
 *     quote-attribution.ts, which also covers exchange lines such as "Lavrov: …");
 *   - reported: outside quotes, a speech verb of the passage's sentence with a named subject:
 *     the first such verb inside the passage, else the last one before it ("Mr Lavrov added,
 *     after mentioning the series of insulting statements" is Lavrov's);
 *   - the reporter otherwise.
 * Speakers compare across reports by surname, the part two outlets spell alike ("Sergei" and
 * "Sergey" Lavrov are one person).
 */
import type { ArticleText } from '../articles/article-text.ts';
import type { TextRange } from '../claims/claim.ts';
import {
  SPEECH_VERB,
  attributeQuotes,
  speakerLabel,
  speakerMentions,
  type AttributedQuote,
  type SpeakerMention,
} from '../suggestions/quote-attribution.ts';
import { sentenceRanges } from '../text/text-boundaries.ts';

/** How a passage reaches the reader. */
export type SpeechMode = 'quoted' | 'reported' | 'reporter';

/** The voice of a passage. */
export interface PassageVoice {
  readonly mode: SpeechMode;
  /** The speaker's surname key (`lavrov`, `may`), null for the reporter or an unknown speaker. */
  readonly person: string | null;
  /** The speaker as a reader knows them (`Sergei Lavrov`), when known. */
  readonly label: string | null;
}

/** What an article's voices are worked out from, computed once per article. */
interface Voices {
  readonly quotes: readonly AttributedQuote[];
  readonly mentions: readonly SpeakerMention[];
  readonly verbs: readonly TextRange[];
  readonly sentences: readonly TextRange[];
}

const cache = new WeakMap<ArticleText, Voices>();

function voicesOf(article: ArticleText): Voices {
  let voices = cache.get(article);
  if (voices === undefined) {
    const quotes = attributeQuotes(article);
    const inQuote = (at: number) => quotes.some((q) => q.start <= at && at < q.end);
    voices = {
      quotes,
      mentions: speakerMentions(article),
      verbs: [...article.text.matchAll(SPEECH_VERB)]
        .map((m) => ({ start: m.index, end: m.index + m[0].length }))
        .filter((v) => !inQuote(v.start)),
      sentences: article.blocks.flatMap((block) =>
        sentenceRanges(block.text).map((s) => ({
          start: block.start + s.start,
          end: block.start + s.end,
        })),
      ),
    };
    cache.set(article, voices);
  }
  return voices;
}

/** The comparable part of a speaker key: its last word (`theresa-may` → `may`). */
function personOf(key: string): string {
  return key.split('-').at(-1) ?? key;
}

const REPORTER: PassageVoice = { mode: 'reporter', person: null, label: null };

/** The voice of `range` of `article` (see the top of this file). */
export function passageVoice(article: ArticleText, range: TextRange): PassageVoice {
  const { quotes, mentions, verbs, sentences } = voicesOf(article);
  const length = Math.max(1, range.end - range.start);
  for (const quote of quotes) {
    const inside = Math.min(quote.end, range.end) - Math.max(quote.start, range.start);
    if (inside * 2 < length) continue;
    if (quote.speakerKey === null) return { mode: 'quoted', person: null, label: null };
    return {
      mode: 'quoted',
      person: personOf(quote.speakerKey),
      label: speakerLabel(quote.speakerKey),
    };
  }
  const sentence = sentences.find((s) => s.start <= range.start && range.start < s.end);
  if (sentence === undefined) return REPORTER;
  const inSentence = verbs.filter((v) => v.start >= sentence.start && v.end <= sentence.end);
  const verb =
    inSentence.find((v) => v.start >= range.start && v.end <= range.end) ??
    inSentence.filter((v) => v.end <= range.start).at(-1);
  if (verb === undefined) return REPORTER;
  const subject = mentions
    .filter((m) => m.start >= sentence.start && m.end <= verb.start && m.key !== null)
    .at(-1);
  if (subject?.key == null) return REPORTER;
  return { mode: 'reported', person: personOf(subject.key), label: speakerLabel(subject.key) };
}
