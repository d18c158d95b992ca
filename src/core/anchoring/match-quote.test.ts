import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextRange } from '../claims/claim.ts';
import { matchQuote, prepareText, type AnchorResult, type QuoteHints } from './match-quote.ts';
import { MATCH_TUNING, ORPHAN_REASONS } from './match-tuning.ts';
import { biText, ntText } from '../test-fixtures/seed-articles.ts';
import { describeRange } from './text-selectors.ts';

const LAVROV_AGGRESSIVE =
  'After the talks, Mr Lavrov said London made a series of aggressive and insulting statements.';
const LAVROV_INSULTING = 'Mr Lavrov added, after mentioning the series of insulting statements';
const JOHNSON_MOSCOW =
  'Mr Johnson was in Moscow in an attempt to open up communication channels after years of hostility.';

/** Start offset of the `nth` (0-based) occurrence of `quote`. */
function offsetOf(text: string, quote: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`occurrence ${nth} of ${quote} not in text`);
  }
  return at;
}

/** The quote and hints a claim on the `nth` occurrence of `quote` in `text` would save. */
function claimOn(text: string, quote: string, nth = 0): { exact: string; hints: QuoteHints } {
  const start = offsetOf(text, quote, nth);
  const selectors = describeRange(text, { start, end: start + quote.length });
  const { exact, prefix, suffix } = selectors.quote;
  return { exact, hints: { prefix, suffix, position: selectors.position } };
}

/** Matches a claim made on `original` against `current`. */
function rematch(original: string, current: string, quote: string, nth = 0): AnchorResult {
  const { exact, hints } = claimOn(original, quote, nth);
  return matchQuote(prepareText(current), exact, hints);
}

function sliceOf(text: string, result: AnchorResult): string | undefined {
  return result.kind === 'anchored' ? text.slice(result.start, result.end) : undefined;
}

describe('matchQuote on the text the claim was made on', () => {
  it('finds "abundant evidence" at its old position', () => {
    const result = rematch(ntText, ntText, 'abundant evidence');
    const start = offsetOf(ntText, 'abundant evidence');
    expect(result).toEqual({
      kind: 'anchored',
      start,
      end: start + 'abundant evidence'.length,
      method: 'position',
      score: 1,
    });
  });

  it('finds a quote across a paragraph boundary', () => {
    const quote = 'insulting statements.\n\nMr Johnson was in Moscow';
    const result = rematch(ntText, ntText, quote);
    expect(result).toMatchObject({ kind: 'anchored', method: 'position' });
    expect(sliceOf(ntText, result)).toBe(quote);
  });

  it('finds the exchange lines, speaker included', () => {
    for (const quote of [
      'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.',
      'Johnson: Not successfully!',
      'Johnson: It’s your reputation I worry about!',
    ]) {
      expect(sliceOf(biText, rematch(biText, biText, quote))).toBe(quote);
    }
  });

  it('gives back exactly the range it was made from, for any range', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(prepareText(ntText), prepareText(biText)),
        fc.nat(),
        fc.integer({ min: 1, max: 300 }),
        (prepared, at, length) => {
          const { text } = prepared;
          const start = at % text.length;
          const range = { start, end: Math.min(text.length, start + length) };
          fc.pre(text.slice(range.start, range.end).trim() !== '');
          const { quote, position } = describeRange(text, range);
          const result = matchQuote(prepared, quote.exact, { ...quote, position });
          expect(result).toMatchObject({ kind: 'anchored', ...range });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives back the range even in repetitive text with whitespace runs and typography', () => {
    const alphabet = fc.constantFrom('a', 'b', ' ', '\n', '\u00a0', '’', '…', '–', '"');
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 1, maxLength: 120 }),
        fc.nat(),
        fc.nat(),
        (chars, a, b) => {
          const text = chars.join('');
          const start = a % text.length;
          const range = { start, end: start + 1 + (b % (text.length - start)) };
          fc.pre(text.slice(range.start, range.end).trim() !== '');
          const { quote, position } = describeRange(text, range);
          const result = matchQuote(prepareText(text), quote.exact, { ...quote, position });
          expect(result).toMatchObject({ kind: 'anchored', ...range });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('matchQuote with typography and whitespace differences', () => {
  it('matches a straight-quoted quote to Business Insider’s curly quotes', () => {
    const prepared = prepareText(biText);
    const result = matchQuote(
      prepared,
      'accused the UK government of making "some aggressive statements"',
    );
    expect(result).toMatchObject({ kind: 'anchored', method: 'quote', score: 1 });
    expect(sliceOf(biText, result)).toBe(
      'accused the UK government of making “some aggressive statements”',
    );
  });

  it('matches an apostrophe typed straight in an exchange line', () => {
    const result = matchQuote(prepareText(biText), "Johnson: It's your reputation I worry about!");
    expect(sliceOf(biText, result)).toBe('Johnson: It’s your reputation I worry about!');
  });

  it('matches an ellipsis and en dash typed as ASCII', () => {
    const prepared = prepareText(biText);
    expect(sliceOf(biText, matchQuote(prepared, 'towards the UK ... we hear'))).toBe(
      'towards the UK … we hear',
    );
    expect(sliceOf(biText, matchQuote(prepared, 'LONDON - A joint press'))).toBe(
      'LONDON – A joint press',
    );
  });

  it('matches a curly-quoted claim after the text switched to straight quotes', () => {
    const straight = biText.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
    const result = rematch(biText, straight, 'Lavrov’s reputation which he worries about');
    expect(result).toMatchObject({ kind: 'anchored', method: 'position' });
    expect(sliceOf(straight, result)).toBe("Lavrov's reputation which he worries about");
  });

  it('matches across a paragraph boundary typed as one space, a line break or NBSP', () => {
    const prepared = prepareText(ntText);
    for (const gap of [' ', '\n', '\u00a0', '\n\n\n']) {
      const result = matchQuote(prepared, `insulting statements.${gap}Mr Johnson was in Moscow`);
      expect(sliceOf(ntText, result)).toBe('insulting statements.\n\nMr Johnson was in Moscow');
    }
  });

  it('keeps case: "may" does not match "May"', () => {
    const result = matchQuote(prepareText(ntText), 'theresa may');
    expect(result.kind).toBe('orphaned');
  });

  it('orphans a quote that is only whitespace once normalised', () => {
    expect(matchQuote(prepareText(ntText), ' \n\u00a0')).toEqual({
      kind: 'orphaned',
      reason: ORPHAN_REASONS.empty,
    });
  });
});

describe('matchQuote after the text was edited', () => {
  const inserted = 'An editor added this paragraph later.';
  const withParagraphBefore = (text: string, before: string): string =>
    text.replace(before, `${inserted}\n\n${before}`);

  it('follows a quote that moved because a paragraph was inserted before it', () => {
    const edited = withParagraphBefore(ntText, 'Mr Johnson insisted');
    const result = rematch(ntText, edited, 'abundant evidence');
    expect(result).toMatchObject({
      kind: 'anchored',
      method: 'quote',
      start: offsetOf(ntText, 'abundant evidence') + inserted.length + 2,
    });
    expect(sliceOf(edited, result)).toBe('abundant evidence');
  });

  it('follows Lavrov’s “some aggressive statements” line after an insertion', () => {
    const edited = withParagraphBefore(biText, 'Lavrov later denied');
    const quote = '“some aggressive statements”';
    const result = rematch(biText, edited, quote);
    expect(result).toMatchObject({ kind: 'anchored', method: 'quote' });
    expect(result.kind === 'anchored' && result.start).toBe(offsetOf(edited, quote));
  });

  it('resolves each repeated "Mr Lavrov" to its own occurrence after an insertion', () => {
    const edited = withParagraphBefore(ntText, 'Mr Johnson insisted');
    const count = ntText.split('Mr Lavrov').length - 1;
    expect(count).toBeGreaterThanOrEqual(5);
    for (let nth = 0; nth < count; nth++) {
      const result = rematch(ntText, edited, 'Mr Lavrov', nth);
      const shift = offsetOf(ntText, 'Mr Lavrov', nth) > edited.indexOf(inserted) ? 39 : 0;
      expect(result).toMatchObject({
        kind: 'anchored',
        start: offsetOf(ntText, 'Mr Lavrov', nth) + shift,
      });
    }
  });

  it('uses context, not the old offsets, when another "Mr Lavrov" slid into the old position', () => {
    const first = offsetOf(ntText, 'Mr Lavrov', 0);
    const second = offsetOf(ntText, 'Mr Lavrov', 1);
    const shift = second - first;
    // A paragraph exactly as long as the gap moves the first occurrence onto the second's old
    // offsets; the claim on the second must still follow the second.
    const paragraph = 'Editor’s note: this paragraph was added later'.padEnd(shift - 2, '.');
    const before = 'British foreign secretary';
    const edited = ntText.replace(before, `${paragraph}\n\n${before}`);
    expect(edited.slice(second, second + 'Mr Lavrov'.length)).toBe('Mr Lavrov');
    expect(rematch(ntText, edited, 'Mr Lavrov', 1)).toMatchObject({
      kind: 'anchored',
      start: second + shift,
      method: 'quote',
    });
    expect(rematch(ntText, edited, 'Mr Lavrov', 0)).toMatchObject({
      kind: 'anchored',
      start: second,
      method: 'quote',
    });
  });

  it('picks the occurrence nearest the old position when context cannot separate them', () => {
    const paragraph = 'Mr Lavrov said nothing.';
    const text = [paragraph, paragraph, paragraph, paragraph].join('\n\n');
    const prepared = prepareText(text);
    const hints = (position: TextRange): QuoteHints => ({ position });
    const third = offsetOf(text, 'Mr Lavrov', 2);
    expect(
      matchQuote(prepared, 'Mr Lavrov', hints({ start: third + 3, end: third + 12 })),
    ).toMatchObject({
      kind: 'anchored',
      start: third,
    });
    expect(matchQuote(prepared, 'Mr Lavrov')).toMatchObject({ kind: 'anchored', start: 0 });
  });

  it('re-anchors a long quote with one word changed, fuzzily', () => {
    const edited = ntText.replace('communication channels', 'diplomatic channels');
    const result = rematch(ntText, edited, JOHNSON_MOSCOW);
    expect(result).toMatchObject({ kind: 'anchored', method: 'fuzzy' });
    expect(sliceOf(edited, result)).toBe(
      'Mr Johnson was in Moscow in an attempt to open up diplomatic channels after years of hostility.',
    );
    expect(result.kind === 'anchored' && result.score).toBeGreaterThan(MATCH_TUNING.minScore);
  });

  it('re-anchors Lavrov’s curly-quoted sentence after a word change and re-typing', () => {
    const original =
      'accused the UK government of making “some aggressive statements” towards Vladimir';
    const edited = biText.replace(
      original,
      'accused the British government of making "some aggressive statements" towards Vladimir',
    );
    const result = rematch(biText, edited, original);
    expect(result).toMatchObject({ kind: 'anchored', method: 'fuzzy' });
    expect(sliceOf(edited, result)).toBe(
      'accused the British government of making "some aggressive statements" towards Vladimir',
    );
  });

  it('re-anchors a short quote with a typo when its context is intact', () => {
    const edited = ntText.replace('abundant evidence', 'abundent evidence');
    expect(sliceOf(edited, rematch(ntText, edited, 'abundant evidence'))).toBe('abundent evidence');
    const hyphenated = ntText.replace('hard headed', 'hard-headed');
    expect(sliceOf(hyphenated, rematch(ntText, hyphenated, 'hard headed'))).toBe('hard-headed');
  });

  it('does not fuzzy-match a short quote whose context changed', () => {
    const edited = ntText.replace(
      'Mr Johnson insisted there was "abundant evidence" that Russia had',
      'The minister said he saw "abundent evidence" suggesting Russia had',
    );
    expect(rematch(ntText, edited, 'abundant evidence')).toEqual({
      kind: 'orphaned',
      reason: ORPHAN_REASONS.weak,
    });
  });

  describe('when the quoted paragraph is deleted', () => {
    const edited = ntText.replace(`${LAVROV_AGGRESSIVE}\n\n`, '');

    it('orphans the whole sentence instead of moving to the similar "insulting statements" one', () => {
      expect(edited).toContain(LAVROV_INSULTING);
      expect(rematch(ntText, edited, LAVROV_AGGRESSIVE).kind).toBe('orphaned');
    });

    it('orphans every part of it that survives only in other sentences', () => {
      for (const quote of [
        'a series of aggressive and insulting statements',
        'series of aggressive and insulting statements.',
        'insulting statements',
        'Mr Lavrov said',
      ]) {
        const result = rematch(ntText, edited, quote);
        expect({ quote, result }).toEqual({
          quote,
          result: expect.objectContaining({ kind: 'orphaned' }),
        });
      }
    });
  });

  it('finds a long edited quote far from its old position by searching the whole text', () => {
    const filler = `${biText}\n\n`.repeat(3);
    const edited = `${filler}${ntText.replace('communication channels', 'diplomatic channels')}`;
    expect(filler.length).toBeGreaterThan(MATCH_TUNING.fuzzyWindow * 2);
    const result = rematch(ntText, edited, JOHNSON_MOSCOW);
    expect(result).toMatchObject({ kind: 'anchored', method: 'fuzzy' });
    expect(sliceOf(edited, result)).toContain('open up diplomatic channels');
  });

  it('orphans rather than choose between two equally good edited copies', () => {
    const edited = ntText.replace(
      JOHNSON_MOSCOW,
      [
        'Mr Johnson was in Moscow in an attempt to open up trade channels after years of hostility.',
        'Mr Johnson was in Moscow in an attempt to open up cultural channels after years of hostility.',
      ].join('\n\n'),
    );
    const { exact, hints } = claimOn(ntText, JOHNSON_MOSCOW);
    const result = matchQuote(prepareText(edited), exact, { position: hints.position });
    expect(result).toEqual({ kind: 'orphaned', reason: ORPHAN_REASONS.ambiguous });
  });

  it('chooses the edited copy whose context still matches over a look-alike', () => {
    const lookAlike =
      'Mr Johnson was in Moscow in an attempt to open up cultural channels after years of hostility.';
    const edited = ntText
      .replace('communication channels', 'trade channels')
      .replace(
        '"We have to find a way forward,"',
        `${lookAlike}\n\n"We have to find a way forward,"`,
      );
    const result = rematch(ntText, edited, JOHNSON_MOSCOW);
    expect(result).toMatchObject({ kind: 'anchored', method: 'fuzzy' });
    expect(sliceOf(edited, result)).toContain('open up trade channels');
  });
});
