// Where an article names the people it quotes: every alias occurrence, other capitalised names,
// and he/she resolved to the person the text last made the subject of a sentence. The people
// and their aliases themselves are derived in quote-attribution-speakers.ts.
import type { ArticleText } from '../articles/article-text.ts';
import type { TextRange } from '../claims/claim.ts';
import { STOP_WORDS } from '../text/text-tokens.ts';
import {
  articleSentenceRanges,
  escape,
  matchesOf,
  outsideQuotes,
  quoteSpans,
  wordCount,
  type Match,
  type QuoteSpan,
} from './quote-attribution-spans.ts';
import {
  CAPITALISED_NAME,
  HONORIFIC,
  slug,
  speakerAliases,
  speechVerbsOutsideQuotes,
  type SpeakerAlias,
  type SpeakerMention,
} from './quote-attribution-speakers.ts';

const PRONOUN = /(?<![\p{L}\p{N}])(?:[Hh]e|[Ss]he)(?![\p{L}\p{N}'’])/gu;

const mentionCache = new WeakMap<ArticleText, SpeakerMention[]>();

/** Every named person and pronoun outside quotes, pronouns resolved (see quote-attribution-speakers.ts). */
export function speakerMentions(articleText: ArticleText): SpeakerMention[] {
  let mentions = mentionCache.get(articleText);
  if (mentions === undefined) {
    mentions = findMentions(articleText, speakerAliases(articleText), quoteSpans(articleText));
    mentionCache.set(articleText, mentions);
  }
  return [...mentions];
}

/** Named people, capitalised names and resolved pronouns outside quotes, in order. */
export function findMentions(
  articleText: ArticleText,
  aliases: readonly SpeakerAlias[],
  spans: readonly QuoteSpan[],
): SpeakerMention[] {
  const { text } = articleText;
  const named = outsideQuotes(namedMentions(text, aliases), spans);
  const others = outsideQuotes(
    matchesOf(text, CAPITALISED_NAME)
      // "The Russian" opening a sentence is not a name.
      .filter((m) => !STOP_WORDS.has(m.text.split(/\s/u)[0]?.toLowerCase() ?? ''))
      .map((m) => ({ ...m, key: slug(m.text) })),
    spans,
  ).filter((m) => !overlapsAny(m, named));
  const pronouns = outsideQuotes(matchesOf(text, PRONOUN), spans);

  const sorted = [...named, ...others].sort((a, b) => a.start - b.start);
  return resolvePronouns(articleText, sorted, pronouns, spans);
}

/**
 * Whether `range` overlaps any of `ranges`. Ranges sorted by start (as mentions are) with the
 * largest end so far: a binary search per question, not a scan of every mention, which made
 * finding mentions quadratic in a long article's names.
 */
function overlapsAny(range: TextRange, ranges: readonly TextRange[]): boolean {
  let index = overlapIndexes.get(ranges);
  if (!index) {
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    const maxEnd: number[] = [];
    let max = -Infinity;
    for (const r of sorted) {
      max = Math.max(max, r.end);
      maxEnd.push(max);
    }
    index = { starts: sorted.map((r) => r.start), maxEnd };
    overlapIndexes.set(ranges, index);
  }
  // The ranges starting before `range` ends; one of them overlaps it if any ends after it starts.
  let low = 0;
  let high = index.starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((index.starts[mid] ?? Infinity) < range.end) low = mid + 1;
    else high = mid;
  }
  return low > 0 && (index.maxEnd[low - 1] ?? -Infinity) > range.start;
}
const overlapIndexes = new WeakMap<
  readonly TextRange[],
  { starts: readonly number[]; maxEnd: readonly number[] }
>();

/** Every alias occurrence, longest first where two overlap; a title right before a name joins it. */
function namedMentions(text: string, aliases: readonly SpeakerAlias[]): SpeakerMention[] {
  const found: SpeakerMention[] = [];
  // Every name in one pattern, longest first, so that at each place the longest name is found
  // (`Boris Johnson` before `Johnson`): one pass over the text, not one per name, which made a
  // long article with many names quadratic. A name two people share goes to the first.
  const keyOfName = new Map<string, string>();
  for (const alias of aliases) {
    for (const name of alias.names) if (!keyOfName.has(name)) keyOfName.set(name, alias.key);
  }
  const names = [...keyOfName.keys()].sort((a, b) => b.length - a.length);
  if (names.length > 0) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${HONORIFIC}(${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`,
      'gu',
    );
    for (const m of text.matchAll(pattern)) {
      const key = keyOfName.get(m[1] ?? '');
      if (key === undefined) continue;
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], key });
    }
  }
  // Titles alike, in one case-blind pattern.
  const keyOfTitle = new Map<string, string>();
  for (const alias of aliases) {
    for (const title of alias.titles) {
      if (!keyOfTitle.has(title.toLowerCase())) keyOfTitle.set(title.toLowerCase(), alias.key);
    }
  }
  const titles = [...keyOfTitle.keys()].sort((a, b) => b.length - a.length);
  if (titles.length > 0) {
    const pattern = new RegExp(
      // "a foreign secretary" is any holder of the office, not this one.
      `(?<![\\p{L}\\p{N}])(?<!(?:^|[^\\p{L}])an?\\s+)(?:(?:the|his|her|UK|British|Russian)\\s+)?(${titles.map(escape).join('|')})(?![\\p{L}\\p{N}])`,
      'giu',
    );
    for (const m of text.matchAll(pattern)) {
      const key = keyOfTitle.get((m[1] ?? '').toLowerCase());
      if (key === undefined) continue;
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], key });
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
  const verbs = speechVerbsOutsideQuotes(text, spans);
  const sentenceStarts = new Set(articleSentenceRanges(articleText).map((s) => s.start));
  const sentenceStartBefore = (at: number): number => {
    let i = at;
    while (i > 0 && !sentenceStarts.has(i)) i--;
    return i;
  };

  // The first speech verb at or after `at` (verbs are in text order).
  const verbFrom = (at: number): Match | undefined => {
    let low = 0;
    let high = verbs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((verbs[mid]?.start ?? Infinity) < at) low = mid + 1;
      else high = mid;
    }
    return verbs[low];
  };
  // Whether a mention after `all[index]` lies wholly before `end` (only those up to `end` are
  // looked at: mentions are in text order, so this stays local in a long article).
  const mentionBetween = (index: number, end: number): boolean => {
    const from = all[index]?.start ?? Infinity;
    for (let i = index + 1; i < all.length; i++) {
      const m = all[i];
      if (!m || m.start >= end) return false;
      if (m.start > from && m.end <= end) return true;
    }
    return false;
  };

  const resolved: SpeakerMention[] = [];
  let subject: SpeakerMention | undefined;
  for (const [index, item] of all.entries()) {
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
    // Mentions come in text order, so the one before this has the latest start of all before.
    const previous = resolved.at(-2);
    const leadsSentence =
      wordCount(text.slice(sentenceStart, mention.start)) <= 3 &&
      !(previous && previous.start >= sentenceStart);
    const nextVerb = verbFrom(mention.end);
    const beforeVerb =
      nextVerb !== undefined &&
      !/[.!?]/u.test(text.slice(mention.end, nextVerb.start)) &&
      !mentionBetween(index, nextVerb.start);
    if (mention.key !== null && (leadsSentence || beforeVerb)) subject = mention;
  }
  return resolved;
}
