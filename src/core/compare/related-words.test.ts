import { describe, expect, it } from 'vitest';
import { parseRelatedWordsTable, relatedWordsFrom } from './related-words.ts';
import table from './wordnet-related.json';

const words = relatedWordsFrom(table);

describe('related words from the WordNet table', () => {
  it('brings inflected words to their lemmas by morphy rules', () => {
    expect(words.lemmasOf('relations')).toContain('relation');
    expect(words.lemmasOf('denied')).toContain('deny');
    expect(words.lemmasOf('travelled')).toContain('travel');
    expect(words.lemmasOf('xqzt')).toEqual([]);
  });

  it('knows synonyms and near words, and leaves unrelated words apart', () => {
    expect(words.relation(['improve'], ['better'])).toBe('synonym');
    expect(words.relation(['repair'], ['improve'])).toBe('near');
    expect(words.relation(words.lemmasOf('travelled'), ['visit'])).toBe('near');
    expect(words.relation(['aggressive'], ['referendum'])).toBeNull();
  });

  it('says how everyday a word is', () => {
    expect(words.commonness(['see'])).toBeGreaterThan(words.commonness(['aggressive']));
    expect(words.commonness(['xqzt'])).toBe(0);
  });

  it('relates no names: a capitalised lemma only ever meets itself', () => {
    expect(words.relation(['moscow'], ['london'])).toBeNull();
  });

  it('knows which words are words for people (roles a report names its people by)', () => {
    expect(words.isPerson(words.lemmasOf('minister'))).toBe(true);
    expect(words.isPerson(words.lemmasOf('journalists'))).toBe(true);
    expect(words.isPerson(words.lemmasOf('statements'))).toBe(false);
    expect(words.isPerson(words.lemmasOf('conference'))).toBe(false);
  });
});

describe('a related-word table read from a file', () => {
  it('accepts the shipped table as it is', () => {
    expect(parseRelatedWordsTable(JSON.parse(JSON.stringify(table)))).toEqual(table);
  });

  it('refuses what is not the table, instead of relating the wrong words', () => {
    expect(parseRelatedWordsTable(null)).toBeNull();
    expect(parseRelatedWordsTable('<!doctype html><title>Not found</title>')).toBeNull();
    expect(parseRelatedWordsTable({ ...table, near: [[0, -1]] })).toBeNull();
    const count = table.words.split(' ').length;
    expect(parseRelatedWordsTable({ ...table, synonyms: [[0, count]] })).toBeNull();
    expect(parseRelatedWordsTable({ ...table, frequency: table.frequency.slice(1) })).toBeNull();
  });
});
