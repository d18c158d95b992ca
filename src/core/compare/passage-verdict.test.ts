import { describe, expect, it } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import { newstalk } from '../test-fixtures/seed-articles.ts';
import { claimAboutPassage } from './passage-verdict.ts';

const text = articleText(newstalk).text;

function range(quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`${quote} is not in the Newstalk text`);
  return { start, end: start + quote.length };
}

const sentence =
  'Mr Johnson insisted there was "abundant evidence" that Russia had attempted to influence polls in the US, Germany, Denmark and France.';

describe('claimAboutPassage', () => {
  it('gives the verdict of the claim on the passage, not of an overlapping neighbour', () => {
    // Overlapping claims: one on the previous sentence running into this one's first words,
    // one on a single phrase inside it, one on the whole sentence.
    const spill = {
      id: 'spill',
      ...range('Western narratives on the issue.\n\nMr Johnson insisted'),
    };
    const phrase = { id: 'phrase', ...range('abundant evidence') };
    const whole = { id: 'whole', ...range(sentence) };
    const passage = range(sentence);
    expect(claimAboutPassage(passage, [spill, phrase, whole])?.id).toBe('whole');
    expect(claimAboutPassage(passage, [spill, phrase])).toBeUndefined();
  });

  it('takes a claim that covers most of the passage, in whichever order claims come', () => {
    const passage = range(sentence);
    const most = {
      id: 'most',
      ...range('Mr Johnson insisted there was "abundant evidence" that Russia'),
    };
    const all = { id: 'all', ...range(sentence.slice(0, -1)) };
    expect(claimAboutPassage(passage, [most, all])?.id).toBe('all');
    expect(claimAboutPassage(passage, [all, most])?.id).toBe('all');
  });
});
