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
import { firstIndexAbove } from '../text/sorted-search.ts';
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
  let subject: SpeakerMention | undefined;
  const from = firstIndexAbove(voices.mentions, sentence.start - 1, (m) => m.start);
  for (let i = from; i < voices.mentions.length; i++) {
    const mention = voices.mentions[i];
    if (mention === undefined || mention.end > verb.start) break;
    if (mention.key !== null) subject = mention;
  }
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
  const found: PassageVoice[] = [];
  const add = (voice: PassageVoice | null) => {
    if (voice !== null && !found.some((v) => v.person === voice.person && v.mode === voice.mode))
      found.push(voice);
  };
  // Quotes the passage mostly is, or that are mostly in it.
  let quoted = 0;
  const from = firstIndexAbove(voices.quotes, range.start, (q) => q.end);
  for (let i = from; i < voices.quotes.length; i++) {
    const quote = voices.quotes[i];
    if (quote === undefined || quote.start >= range.end) break;
    const overlap = Math.min(quote.end, range.end) - Math.max(quote.start, range.start);
    if (2 * overlap < Math.min(quote.end - quote.start, range.end - range.start)) continue;
    quoted += overlap;
    add(quotedVoice(quote));
  }
  if (2 * quoted >= range.end - range.start && found.length > 0) return found;
  const first = firstIndexAbove(voices.sentences, range.start, (s) => s.end);
  for (let i = first; i < voices.sentences.length; i++) {
    const sentence = voices.sentences[i];
    if (sentence === undefined || sentence.start >= range.end) break;
    const inSentence: TextRange[] = [];
    const firstVerb = firstIndexAbove(voices.verbs, sentence.start - 1, (v) => v.start);
    for (let j = firstVerb; j < voices.verbs.length; j++) {
      const verb = voices.verbs[j];
      if (verb === undefined || verb.end > sentence.end) break;
      inSentence.push(verb);
    }
    const inside = inSentence.filter((v) => v.start >= range.start && v.end <= range.end);
    const before = inSentence.filter((v) => v.end <= range.start).at(-1);
    for (const verb of inside.length > 0 ? inside : before ? [before] : []) {
      add(reportedVoice(voices, sentence, verb));
    }
  }
  return found.length > 0 ? found : [REPORTER];
}
