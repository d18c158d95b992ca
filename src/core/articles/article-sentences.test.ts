import { describe, expect, it } from 'vitest';
import { sentencesOf, splitSentences } from './article-sentences.ts';
import { articleText } from './article-text.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';

const nt = articleText(newstalk);
const bi = articleText(businessInsider);
const split = (text: string) => splitSentences(text).map((r) => text.slice(r.start, r.end));

describe('sentencesOf', () => {
  it('gives absolute, trimmed offsets into the canonical text, within one block each', () => {
    for (const article of [nt, bi]) {
      const sentences = sentencesOf(article);
      for (const sentence of sentences) {
        expect(article.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
        expect(sentence.text).toBe(sentence.text.trim());
        expect(sentence.text).not.toContain('\n');
        const block = article.blocks.find((b) => b.key === sentence.blockKey);
        expect(block).toBeDefined();
        expect(sentence.start).toBeGreaterThanOrEqual(block?.start ?? Infinity);
        expect(sentence.end).toBeLessThanOrEqual(block?.end ?? -Infinity);
      }
      // In reading order, and every block has at least one sentence.
      expect(sentences.map((s) => s.start)).toEqual(
        [...sentences.map((s) => s.start)].sort((a, b) => a - b),
      );
      expect(new Set(sentences.map((s) => s.blockKey)).size).toBe(article.blocks.length);
    }
  });

  it('keeps each exchange line as one passage, speaker included', () => {
    const lines = sentencesOf(bi).filter((s) => s.blockKey >= 'body-4' && s.blockKey <= 'body-7');
    expect(lines.map((s) => s.text)).toEqual([
      'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.',
      'Johnson: Not successfully!',
      'Lavrov: He’s afraid that if he doesn’t contradict me his reputation is going to be ruined.',
      'Johnson: It’s your reputation I worry about!',
    ]);
  });

  it('does not split at "Mr" and splits after a quote that ends with ."', () => {
    const body7 = sentencesOf(nt).filter((s) => s.blockKey === 'body-7');
    expect(body7.map((s) => s.text)).toEqual([
      'He told Mr Lavrov before the talks got under way: "Things are difficult but we want to work together with you on some issues, Sergei, and we want to work to achieve a better future.',
    ]);
    expect(split('He said "We are ready." Mr Lavrov agreed.')).toEqual([
      'He said "We are ready."',
      'Mr Lavrov agreed.',
    ]);
    expect(split('It was “extraordinary.” Johnson is in Russia.')).toEqual([
      'It was “extraordinary.”',
      'Johnson is in Russia.',
    ]);
  });

  it('keeps a Business Insider sentence with ellipses and a closing quote whole', () => {
    const body9 = sentencesOf(bi).filter((s) => s.blockKey === 'body-9');
    expect(body9).toHaveLength(1);
    expect(body9[0]?.text.endsWith('Lavrov reportedly told media.')).toBe(true);
  });

  it('splits the standfirst and paragraphs into sentences', () => {
    expect(sentencesOf(nt).find((s) => s.blockKey === 'body-5')?.text).toBe(
      'After the talks, Mr Lavrov said London made a series of aggressive and insulting statements.',
    );
    expect(sentencesOf(bi).filter((s) => s.blockKey.startsWith('standfirst'))).toHaveLength(3);
  });
});

describe('splitSentences', () => {
  it('does not split at Mrs, Dr, U.S. or U.K.', () => {
    expect(
      split('Mrs May met Dr Fox. Officials in the U.S. and the U.K. agreed. Then they left.'),
    ).toEqual([
      'Mrs May met Dr Fox.',
      'Officials in the U.S. and the U.K. agreed.',
      'Then they left.',
    ]);
    expect(split('Mr. Johnson met Mrs. May.')).toEqual(['Mr. Johnson met Mrs. May.']);
  });

  it('does not split before lower case, and always splits at a line break', () => {
    expect(split('“Why?” he asked. Nobody knew')).toEqual(['“Why?” he asked.', 'Nobody knew']);
    expect(split('first line\nsecond line')).toEqual(['first line', 'second line']);
    expect(split('  \n\n  ')).toEqual([]);
  });

  it('works on a part of a text, at the text’s offsets', () => {
    const text = 'Skip this. Take this one. And this.';
    const ranges = splitSentences(text, 11, text.length);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Take this one.', 'And this.']);
  });
});
