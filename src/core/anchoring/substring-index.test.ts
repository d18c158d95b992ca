import { describe, expect, it } from 'vitest';
import { SubstringIndex } from './substring-index.ts';
import { reportSentences, syntheticArticle } from '../test-fixtures/synthetic-edits.ts';

function naive(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

describe('SubstringIndex', () => {
  const { text } = syntheticArticle(reportSentences(), 60_000);
  const index = new SubstringIndex(text);

  it('finds every occurrence of long and short needles, as a scan does', () => {
    for (const [start, length] of [
      [0, 40],
      [1234, 23],
      [5001, 7],
      [20_000, 300],
      [text.length - 30, 30],
      [33_333, 100],
    ] as const) {
      const needle = text.slice(start, start + length);
      expect(index.findAll(needle)).toEqual(naive(text, needle));
    }
  });

  it('finds a sentence at each of its repeats and stops at the limit', () => {
    const sentence = reportSentences().find((s) => s.length > 60) ?? '';
    const all = naive(text, sentence);
    expect(all.length).toBeGreaterThan(1);
    expect(index.findAll(sentence)).toEqual(all);
    expect(index.findAll(sentence, 1)).toEqual(all.slice(0, 1));
  });

  it('finds nothing for a needle that is not there', () => {
    expect(index.findAll('Boris Johnson said nothing at all about cyberspace today')).toEqual([]);
    expect(index.findAll('zzzz')).toEqual([]);
  });
});
