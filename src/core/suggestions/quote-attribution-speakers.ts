/**
 * The people an article quotes, found from its own text, and where it names them.
 *
 * Aliases are derived, not listed by hand:
 *   - a person is a name of two or more capitalised words (`Boris Johnson`, `Amber de Botton`),
 *     an exchange line's speaker (`Lavrov:`) or a capitalised acronym that speaks (`GCHQ
 *     told`); leading words the text also writes in lower case are titles, not names
 *     (`Foreign Secretary Boris Johnson`);
 *   - a person is also named by their surname, with or without Mr/Mrs/Ms/Dr; names that share a
 *     surname are one person (`Sergei Lavrov`, `Sergey Lavrov`), keyed by the surname;
 *   - a title belongs to a person only when the text ties it to their name, written right before
 *     it on the same line (`British foreign secretary Boris Johnson`, `his Russian counterpart
 *     Sergey Lavrov`); a title tied to two people is dropped. A role the text never ties to a
 *     name ("the prime minister") stays unresolved.
 * `he`/`she` is the person the text last made the subject of a sentence.
 */
import type { ArticleText } from '../articles/article-text.ts';
import type { TextRange } from '../claims/claim.ts';
import { STOP_WORDS } from '../text/text-tokens.ts';
import {
  escape,
  matchesOf,
  outsideQuotes,
  type Match,
  type QuoteSpan,
} from './quote-attribution-spans.ts';

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

/** The verbs of saying outside the article's quotes. */
export function speechVerbsOutsideQuotes(text: string, spans: readonly QuoteSpan[]): Match[] {
  return outsideQuotes(matchesOf(text, SPEECH_VERB), spans);
}

/** Two or more capitalised words, name particles allowed inside: `Amber de Botton`. */
export const CAPITALISED_NAME =
  /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:\s+(?:(?:de|van|von|da|di|le|la|al|bin)\s+)?\p{Lu}\p{Ll}+)+(?![\p{L}\p{N}])/gu;

export const HONORIFIC = '(?:(?:Mr|Mrs|Ms|Dr)\\.?\\s+)?';

const PARTICLE = /^(?:de|van|von|da|di|le|la|al|bin)$/u;

// Labels of the keys seen so far: components label a key without its article at hand. When two
// reports spell one person differently the longer form wins, then the alphabetically first,
// so a label does not depend on which report was read first.
const labels = new Map<string, string>();

function rememberLabel(key: string, label: string): void {
  const known = labels.get(key);
  if (
    known === undefined ||
    label.length > known.length ||
    (label.length === known.length && label < known)
  ) {
    labels.set(key, label);
  }
}

/** The surname of a full name: its last word, with a particle before it (`de Botton`). */
function surnameOf(name: string): string {
  const words = name.split(/\s+/u);
  const last = words.at(-1) ?? name;
  const before = words.at(-2);
  return before !== undefined && PARTICLE.test(before) ? `${before} ${last}` : last;
}

/** The title written right before `at` on the same line, up to three words, or null. */
function titleBefore(text: string, at: number): string | null {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const words = text.slice(lineStart, at).split(/(\s+)/u);
  const title: string[] = [];
  // Walk back over whole words separated by plain spaces.
  for (let i = words.length - 1; i >= 0 && title.length < 3; i--) {
    const word = words[i] ?? '';
    if (/^\s+$/u.test(word) || word === '') continue;
    if (!/^\p{L}+$/u.test(word) || STOP_WORDS.has(word.toLowerCase()) || SPEECH_WORD.test(word))
      break;
    // A verb before a name is what someone did to them, not a title.
    if (/(?:ed|ing)$/u.test(word)) break;
    title.unshift(word);
  }
  // A title ends in a lower-case word or a capitalised role (`Foreign Secretary`), never a name.
  while (
    title.length > 0 &&
    /^\p{Lu}/u.test(title[0] ?? '') &&
    !/^\p{Lu}+$/u.test(title[0] ?? '')
  ) {
    if (title.slice(1).some((w) => /^\p{Ll}/u.test(w))) title.shift();
    else break;
  }
  return title.length > 0 && title.some((w) => /^\p{Ll}/u.test(w)) ? title.join(' ') : null;
}

const SPEECH_WORD = new RegExp(`^(?:${SPEECH_VERBS.join('|')})$`, 'u');

/** The people this article names (see the top of this file), in order of first mention. */
export function speakerAliases(articleText: ArticleText): SpeakerAlias[] {
  let aliases = aliasCache.get(articleText);
  if (aliases === undefined) {
    aliases = deriveAliases(articleText);
    aliasCache.set(articleText, aliases);
  }
  return [...aliases];
}

// An article's text never changes: its people and mentions are worked out once.
const aliasCache = new WeakMap<ArticleText, SpeakerAlias[]>();

function deriveAliases(articleText: ArticleText): SpeakerAlias[] {
  const { text } = articleText;
  const lowerWords = new Set(text.match(/(?<![\p{L}\p{N}])\p{Ll}+/gu) ?? []);
  const people = new Map<string, { label: string; names: Set<string>; titles: Set<string> }>();
  const tiedTo = new Map<string, Set<string>>();
  const exchangeSpeakers = new Set<string>();
  const tie = (title: string, key: string) => {
    const keys = tiedTo.get(title.toLowerCase()) ?? new Set<string>();
    keys.add(key);
    tiedTo.set(title.toLowerCase(), keys);
  };
  const addPerson = (name: string, at: number) => {
    const surname = surnameOf(name);
    const key = slug(surname);
    const person = people.get(key) ?? { label: name, names: new Set<string>(), titles: new Set() };
    if (name.length > person.label.length) person.label = name;
    person.names.add(name);
    person.names.add(surname);
    people.set(key, person);
    const title = titleBefore(text, at);
    if (title !== null) tie(title, key);
  };
  // Full names first, then the surnames the text writes after a title (`Foreign Secretary
  // Johnson`): leading words the text also writes in lower case are a title, not a name.
  const surnamesAfterTitles: { surname: string; title: string }[] = [];
  for (const match of matchesOf(text, CAPITALISED_NAME)) {
    const words = match.text.split(/\s+/u);
    let skipped = 0;
    while (
      skipped < words.length &&
      (lowerWords.has((words[skipped] ?? '').toLowerCase()) ||
        /^(?:Mr|Mrs|Ms|Dr)$/u.test(words[skipped] ?? ''))
    ) {
      skipped++;
    }
    const title = words.slice(0, skipped).filter((w) => !STOP_WORDS.has(w.toLowerCase()));
    const name = words.slice(skipped);
    if (name.length === 1 && title.length > 0) {
      surnamesAfterTitles.push({ surname: name[0] ?? '', title: title.join(' ') });
    }
    if (name.length < 2) continue;
    const full = name.join(' ');
    const key = slug(surnameOf(full));
    if (title.length > 0) tie(title.join(' '), key);
    addPerson(full, match.start + match.text.lastIndexOf(full));
  }
  for (const { surname, title } of surnamesAfterTitles) {
    const key = slug(surname);
    if (people.has(key)) tie(title, key);
  }
  for (const block of articleText.blocks) {
    if (block.speaker === undefined) continue;
    const key = slug(surnameOf(block.speaker));
    if (!people.has(key))
      people.set(key, { label: block.speaker, names: new Set([block.speaker]), titles: new Set() });
    exchangeSpeakers.add(key);
  }
  // An acronym that is the subject of a speech verb speaks for itself (`GCHQ recently told`).
  for (const match of matchesOf(text, ACRONYM_SPEAKER)) {
    const acronym = match.text.split(/\s/u)[0] ?? '';
    const key = slug(acronym);
    if (!people.has(key))
      people.set(key, { label: acronym, names: new Set([acronym]), titles: new Set() });
  }
  for (const [title, keys] of tiedTo) {
    const [only] = keys;
    if (keys.size === 1 && only !== undefined) people.get(only)?.titles.add(bareTitle(title));
  }
  const aliases: SpeakerAlias[] = [];
  for (const [key, person] of people) {
    // Only those who speak, or whom the text gives a title: "North Korea" is named, not quoted.
    const quoted = exchangeSpeakers.has(key) || [...person.names].some((n) => speaks(text, n));
    if (person.titles.size === 0 && !quoted) {
      continue;
    }
    rememberLabel(key, person.label);
    aliases.push({
      key,
      label: person.label,
      // Longest first, so that `Boris Johnson` is found before `Johnson`.
      names: [...person.names].sort((a, b) => b.length - a.length),
      titles: [...person.titles],
    });
  }
  return aliases;
}

/** A capitalised acronym right before a speech verb, an adverb allowed between. */
const ACRONYM_SPEAKER = new RegExp(
  `(?<![\\p{L}\\p{N}])\\p{Lu}{2,}\\s+(?:\\p{Ll}+ly\\s+)?(?:${SPEECH_VERBS.join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Whether the text has `name` (or `Mr name`) as the subject of a speech verb. */
function speaks(text: string, name: string): boolean {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${HONORIFIC}${escape(name)}\\s+(?:\\p{Ll}+\\s+){0,2}(?:${SPEECH_VERBS.join('|')})(?![\\p{L}\\p{N}])`,
    'u',
  ).test(text);
}

/** A tied title without the nationality before it, so `UK Foreign Secretary` is found too. */
function bareTitle(title: string): string {
  const words = title.split(' ');
  while (words.length > 1 && /^\p{Lu}/u.test(words[0] ?? '') && /^\p{Ll}/u.test(words[1] ?? '')) {
    words.shift();
  }
  while (
    words.length > 1 &&
    /^(?:UK|US|British|Russian|American|French|German)$/u.test(words[0] ?? '')
  ) {
    words.shift();
  }
  return words.join(' ').toLowerCase();
}

/** Display name for a speaker key: `Boris Johnson`, `GCHQ`, `The reporter`. */
export function speakerLabel(key: string): string {
  if (key === REPORTER_KEY) return 'The reporter';
  const known = labels.get(key);
  if (known !== undefined) return known;
  return key
    .split('-')
    .map((word, i) =>
      i > 0 && PARTICLE.test(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(' ');
}

/** The alias that names `name`, Mr/Mrs/Ms/Dr aside. */
export function aliasFor(aliases: readonly SpeakerAlias[], name: string): SpeakerAlias | undefined {
  const bare = name.replace(/^(?:Mr|Mrs|Ms|Dr)\.?\s+/u, '');
  return aliases.find((alias) => alias.names.includes(bare));
}

/** A key for a name: lower case, words joined by hyphens, no honorific. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(?:mr|mrs|ms|dr)\.?\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/gu, '');
}
