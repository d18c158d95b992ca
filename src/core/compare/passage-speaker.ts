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

/** One voice of a passage. */
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

function quotedVoice(quote: AttributedQuote): PassageVoice {
  if (quote.speakerKey === null) return { mode: 'quoted', person: null, label: null };
  return {
    mode: 'quoted',
    person: personOf(quote.speakerKey),
    label: speakerLabel(quote.speakerKey),
  };
}

/** The person named as the subject of `verb` in its sentence, as a reported voice. */
function reportedVoice(voices: Voices, sentence: TextRange, verb: TextRange): PassageVoice | null {
  const subject = voices.mentions
    .filter((m) => m.start >= sentence.start && m.end <= verb.start && m.key !== null)
    .at(-1);
  if (subject?.key == null) return null;
  return { mode: 'reported', person: personOf(subject.key), label: speakerLabel(subject.key) };
}

/**
 * The voices of `range` of `article` (see the top of this file), first the one it opens with:
 * a passage of several sentences or clauses may hold several ("Lavrov said …, while Johnson
 * said …"). Never empty: the reporter's voice when no one else's.
 */
export function passageVoices(article: ArticleText, range: TextRange): PassageVoice[] {
  const voices = voicesOf(article);
  const length = Math.max(1, range.end - range.start);
  const found: PassageVoice[] = [];
  const add = (voice: PassageVoice | null) => {
    if (voice !== null && !found.some((v) => v.person === voice.person && v.mode === voice.mode))
      found.push(voice);
  };
  const within = voices.quotes.find(
    (q) => 2 * (Math.min(q.end, range.end) - Math.max(q.start, range.start)) >= length,
  );
  if (within !== undefined) return [quotedVoice(within)];
  for (const sentence of voices.sentences) {
    if (sentence.end <= range.start || sentence.start >= range.end) continue;
    const inSentence = voices.verbs.filter(
      (v) => v.start >= sentence.start && v.end <= sentence.end,
    );
    const inside = inSentence.filter((v) => v.start >= range.start && v.end <= range.end);
    const before = inSentence.filter((v) => v.end <= range.start).at(-1);
    for (const verb of inside.length > 0 ? inside : before ? [before] : []) {
      add(reportedVoice(voices, sentence, verb));
    }
  }
  for (const quote of voices.quotes) {
    if (quote.start >= range.start && quote.end <= range.end) add(quotedVoice(quote));
  }
  return found.length > 0 ? found : [REPORTER];
}
