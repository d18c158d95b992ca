import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextRange } from '../claims/claim.ts';
import {
  firstSentenceIn,
  firstWordIn,
  lastWordIn,
  sentenceRanges,
  stepOver,
  unitRanges,
  wordRanges,
} from './text-boundaries.ts';
import { biText, ntText } from '../test-fixtures/seed-articles.ts';

const words = (text: string) => wordRanges(text).map((r) => text.slice(r.start, r.end));
const sentences = (text: string) => sentenceRanges(text).map((r) => text.slice(r.start, r.end));
const slice = (text: string, range: TextRange | null) =>
  range === null ? null : text.slice(range.start, range.end);

/** The range of the first occurrence of `quote` in `text`. */
function at(text: string, quote: string): TextRange {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { start, end: start + quote.length };
}

const JOHNSON_INSISTED =
  'Mr Johnson insisted there was "abundant evidence" that Russia had attempted to influence polls in the US, Germany, Denmark and France.';
const LAVROV_HONESTLY =
  '“Honestly I cannot remember any actions of Russia that would have been aggressive towards the UK … we hear some aggressive statements from London … despite all that we have never taken any aggressive measures to reciprocate,” Lavrov reportedly told media.';

describe('wordRanges', () => {
  it('finds words without the quotes and punctuation around them', () => {
    expect(words(JOHNSON_INSISTED).slice(0, 7)).toEqual([
      'Mr',
      'Johnson',
      'insisted',
      'there',
      'was',
      'abundant',
      'evidence',
    ]);
    expect(words(JOHNSON_INSISTED).slice(-4)).toEqual(['Germany', 'Denmark', 'and', 'France']);
  });

  it('keeps apostrophes and hyphens inside words, but not dashes or ellipses', () => {
    expect(words('Johnson: It’s your reputation')).toEqual([
      'Johnson',
      'It’s',
      'your',
      'reputation',
    ]);
    expect(words("the both countries' ability")).toEqual(['the', 'both', 'countries', 'ability']);
    expect(words('LONDON – A joint press conference')).toEqual([
      'LONDON',
      'A',
      'joint',
      'press',
      'conference',
    ]);
    expect(words('on UK-Russia ties')).toEqual(['on', 'UK-Russia', 'ties']);
    expect(words('towards the UK … we hear')).toEqual(['towards', 'the', 'UK', 'we', 'hear']);
    expect(words("'hostage' to")).toEqual(['hostage', 'to']);
  });

  it('is Unicode-aware', () => {
    expect(words('Müller café naïve 2006 Ελλάδα Москва')).toEqual([
      'Müller',
      'café',
      'naïve',
      '2006',
      'Ελλάδα',
      'Москва',
    ]);
  });
});

describe('sentenceRanges', () => {
  it('keeps a sentence with a quotation inside as one', () => {
    expect(sentences(JOHNSON_INSISTED)).toEqual([JOHNSON_INSISTED]);
  });

  it('does not end a sentence at an ellipsis followed by lower case', () => {
    expect(sentences(LAVROV_HONESTLY)).toEqual([LAVROV_HONESTLY]);
    expect(sentenceRanges(biText)).toContainEqual(at(biText, LAVROV_HONESTLY));
  });

  it('ends a sentence after closing quotes and at the end of a block', () => {
    expect(
      sentences('said the press conference was “extraordinary.” Johnson warns Russia'),
    ).toEqual(['said the press conference was “extraordinary.”', 'Johnson warns Russia']);
    expect(sentences('Not successfully!\n\nLavrov: He’s afraid. So? Yes… "No!" Done')).toEqual([
      'Not successfully!',
      'Lavrov: He’s afraid.',
      'So?',
      'Yes…',
      '"No!"',
      'Done',
    ]);
  });

  it('never crosses a block boundary, even after a headline with no full stop', () => {
    const found = sentences(ntText);
    expect(found[0]).toBe('Boris Johnson and Sergei Lavrov clash during Moscow news conference');
    expect(found).toContain(JOHNSON_INSISTED);
    for (const s of found) expect(s).not.toContain('\n');
  });

  it('does not end a sentence at common abbreviations', () => {
    expect(
      sentences('Mr. Johnson met Mrs. May and Dr. Who on St. Petersburg St. Then he left.'),
    ).toEqual(['Mr. Johnson met Mrs. May and Dr. Who on St. Petersburg St. Then he left.']);
    expect(sentences('He met Mr. Lavrov. They talked.')).toEqual([
      'He met Mr. Lavrov.',
      'They talked.',
    ]);
  });

  it('continues after a quoted question or exclamation followed by lower case', () => {
    expect(sentences('“Why?” he asked. “Not successfully!” she said.')).toEqual([
      '“Why?” he asked.',
      '“Not successfully!” she said.',
    ]);
  });

  it('covers every non-space character of the real texts exactly once', () => {
    for (const text of [ntText, biText]) {
      const found = sentenceRanges(text);
      expect(
        found
          .map((r) => text.slice(r.start, r.end))
          .join('')
          .replace(/\s/g, ''),
      ).toBe(text.replace(/\s/g, ''));
      found.forEach((r, i) => {
        if (i > 0) expect(r.start).toBeGreaterThan(found[i - 1]?.end ?? -1);
      });
    }
  });
});

describe('stepOver', () => {
  const text = JOHNSON_INSISTED;
  const wordsOf = wordRanges(text);
  const mr = at(text, 'Mr');
  const johnson = at(text, 'Johnson');

  it('selects the next and previous word as a whole', () => {
    expect(slice(text, stepOver(wordsOf, mr, 'next'))).toBe('Johnson');
    expect(slice(text, stepOver(wordsOf, at(text, 'was'), 'next'))).toBe('abundant');
    expect(slice(text, stepOver(wordsOf, at(text, 'abundant'), 'previous'))).toBe('was');
    expect(stepOver(wordsOf, mr, 'previous')).toBeNull();
    expect(stepOver(wordsOf, at(text, 'France'), 'next')).toBeNull();
  });

  it('takes the word under or after a caret', () => {
    const caret = (offset: number) => ({ start: offset, end: offset });
    expect(slice(text, stepOver(wordsOf, caret(johnson.start + 2), 'next'))).toBe('Johnson');
    expect(slice(text, stepOver(wordsOf, caret(johnson.end), 'next'))).toBe('insisted');
    expect(slice(text, stepOver(wordsOf, caret(johnson.start), 'previous'))).toBe('Mr');
    expect(slice(text, stepOver(wordsOf, caret(johnson.start + 2), 'extend'))).toBe('hnson');
    expect(slice(text, stepOver(wordsOf, caret(johnson.end), 'shrink'))).toBe('Johnson');
  });

  it('extends and shrinks at the end, past quotes, never to nothing', () => {
    const toWas = { start: mr.start, end: at(text, 'was').end };
    const extended = stepOver(wordsOf, toWas, 'extend');
    expect(slice(text, extended)).toBe('Mr Johnson insisted there was "abundant');
    const quoted = { start: mr.start, end: at(text, 'evidence"').end };
    expect(slice(text, stepOver(wordsOf, quoted, 'shrink'))).toBe(
      'Mr Johnson insisted there was "abundant evidence',
    );
    expect(slice(text, stepOver(wordsOf, quoted, 'extend'))).toBe(
      'Mr Johnson insisted there was "abundant evidence" that',
    );
    expect(stepOver(wordsOf, mr, 'shrink')).toBeNull();
  });

  it('steps and extends by sentence across blocks', () => {
    const units = unitRanges(biText, 'sentence');
    const exchange = at(biText, 'BuzzFeed’s Emily Ashdown reports this extraordinary exchange:');
    const lavrov = stepOver(units, exchange, 'next');
    expect(slice(biText, lavrov)).toBe(
      'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.',
    );
    const both = lavrov && stepOver(units, lavrov, 'extend');
    expect(slice(biText, both)).toBe(
      'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.\n\nJohnson: Not successfully!',
    );
    expect(both && stepOver(units, both, 'shrink')).toEqual(lavrov);
    expect(lavrov && stepOver(units, lavrov, 'shrink')).toBeNull();
    expect(slice(biText, lavrov && stepOver(units, lavrov, 'previous'))).toBe(
      'BuzzFeed’s Emily Ashdown reports this extraordinary exchange:',
    );
    const word = at(biText, 'Boris says');
    expect(slice(biText, stepOver(units, word, 'extend'))).toBe(
      'Boris says he has no evidence that Russia interfered on Brexit.',
    );
  });

  it('always gives a non-empty range that keeps the start when extending or shrinking', () => {
    const units = unitRanges(biText, 'word');
    const offset = fc.integer({ min: 0, max: biText.length });
    fc.assert(
      fc.property(
        offset,
        offset,
        fc.constantFrom('next', 'previous', 'extend', 'shrink'),
        (a, b, d) => {
          const current = { start: Math.min(a, b), end: Math.max(a, b) };
          const next = stepOver(units, current, d);
          if (next === null) return;
          expect(next.end).toBeGreaterThan(next.start);
          if (d === 'extend') expect(next).toEqual({ start: current.start, end: next.end });
          if (d === 'extend') expect(next.end).toBeGreaterThan(current.end);
          if (d === 'shrink' && current.start < current.end) {
            expect(next.start).toBe(current.start);
            expect(next.end).toBeLessThan(current.end);
          }
        },
      ),
    );
  });
});

describe('firstWordIn / lastWordIn / firstSentenceIn', () => {
  it('finds the first and last word of a block', () => {
    const block = at(biText, LAVROV_HONESTLY);
    expect(slice(biText, firstWordIn(biText, block))).toBe('Honestly');
    expect(slice(biText, lastWordIn(biText, block))).toBe('media');
    expect(slice(biText, firstSentenceIn(biText, block))).toBe(LAVROV_HONESTLY);
    expect(firstWordIn(biText, { start: block.start, end: block.start + 1 })).toBeNull();
  });
});
