import { describe, expect, it } from 'vitest';
import { QUOTE_CONTEXT_LENGTH } from '../claims/claim.ts';
import { biText, businessInsider, ntText } from '../test-fixtures/seed-articles.ts';
import { textHash } from '../text/text-hash.ts';
import { describeRange, targetFor } from './text-selectors.ts';

function rangeOf(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`not in text: ${quote}`);
  return { start, end: start + quote.length };
}

describe('describeRange', () => {
  it('takes 32 characters of context either side of "abundant evidence"', () => {
    const range = rangeOf(ntText, 'abundant evidence');
    const { quote, position } = describeRange(ntText, range);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'abundant evidence',
      prefix: '\nMr Johnson insisted there was "',
      suffix: '" that Russia had attempted to i',
    });
    expect(quote.prefix).toHaveLength(QUOTE_CONTEXT_LENGTH);
    expect(quote.suffix).toHaveLength(QUOTE_CONTEXT_LENGTH);
    expect(position).toEqual({ type: 'TextPositionSelector', ...range });
  });

  it('keeps curly quotes verbatim and crosses block separators in the context', () => {
    const { quote } = describeRange(biText, rangeOf(biText, '“some aggressive statements”'));
    expect(quote.prefix).toBe('sed the UK government of making ');
    const { quote: line } = describeRange(biText, rangeOf(biText, 'Not successfully!'));
    expect(line.prefix).toBe('interfered on Brexit.\n\nJohnson: ');
    expect(line.suffix).toBe('\n\nLavrov: He’s afraid that if he');
  });

  it('shortens the context at the start and the end of the text', () => {
    const head = describeRange(ntText, { start: 0, end: 13 });
    expect(head.quote.exact).toBe('Boris Johnson');
    expect(head.quote.prefix).toBe('');
    const tail = describeRange(ntText, { start: ntText.length - 11, end: ntText.length });
    expect(tail.quote.exact).toBe('Mr Johnson.');
    expect(tail.quote.suffix).toBe('');
  });

  it('rejects empty, whitespace-only, out-of-bounds and broken ranges', () => {
    const separator = ntText.indexOf('\n\n');
    const bad = [
      { start: 5, end: 5 },
      { start: 6, end: 5 },
      { start: -1, end: 4 },
      { start: 0, end: ntText.length + 1 },
      { start: 0.5, end: 4 },
      { start: Number.NaN, end: 4 },
      { start: separator, end: separator + 2 },
    ];
    for (const range of bad) expect(() => describeRange(ntText, range)).toThrow(RangeError);
    expect(() => describeRange('a😀b', { start: 0, end: 2 })).toThrow(RangeError);
    expect(() => describeRange('a😀b', { start: 2, end: 4 })).toThrow(RangeError);
    expect(describeRange('a😀b', { start: 1, end: 3 }).quote.exact).toBe('😀');
  });
});

describe('targetFor', () => {
  it('records the article, the hash of the text and both selectors', () => {
    const range = rangeOf(biText, 'It’s your reputation I worry about!');
    const target = targetFor(businessInsider.id, biText, range);
    expect(target.articleId).toBe('business-insider-johnson-lavrov-spat');
    expect(target.textHash).toBe(textHash(biText));
    expect(target.quote.exact).toBe('It’s your reputation I worry about!');
    expect(target.quote.prefix.endsWith('Johnson: ')).toBe(true);
    expect(target.position).toEqual({ type: 'TextPositionSelector', ...range });
  });
});
