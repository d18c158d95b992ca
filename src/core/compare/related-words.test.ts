import { describe, expect, it } from 'vitest';
import { relatedWordsFrom } from './related-words.ts';
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
