import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import {
  isWhitespaceCode,
  normalizeText,
  toNormalizedOffset,
  toOriginalRange,
} from './normalize-text.ts';
import { biText, businessInsider, ntText } from '../test-fixtures/seed-articles.ts';

/** The same normalisation written with regular expressions, to check the fast loop against. */
function referenceNormalize(text: string): string {
  return text
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ');
}

describe('normalizeText', () => {
  it('folds the typography of real Business Insider sentences to what a keyboard types', () => {
    const sentence =
      'accused the UK government of making “some aggressive statements” towards Vladimir Putin’s';
    expect(biText).toContain(sentence);
    expect(normalizeText(sentence).text).toBe(
      'accused the UK government of making "some aggressive statements" towards Vladimir Putin\'s',
    );
    expect(normalizeText('towards the UK … we hear').text).toBe('towards the UK ... we hear');
    expect(normalizeText('LONDON – A joint press conference').text).toBe(
      'LONDON - A joint press conference',
    );
  });

  it('collapses NBSP, tabs and block separators into single spaces', () => {
    expect(normalizeText('Johnson:\u00a0It’s  your\n\nreputation\t\r\nI').text).toBe(
      "Johnson: It's your reputation I",
    );
  });

  it('keeps case, so "May" the prime minister stays distinct from "may"', () => {
    expect(normalizeText('Theresa May').text).toBe('Theresa May');
  });

  it('maps a match in matching form back to exact original offsets', () => {
    const { text } = articleText(businessInsider);
    const normalized = normalizeText(text);
    const typed =
      '"Honestly I cannot remember any actions of Russia that would have been aggressive towards the UK ... we hear some aggressive statements from London ...';
    const at = normalized.text.indexOf(typed);
    expect(at).toBeGreaterThan(0);
    const range = toOriginalRange(normalized, at, at + typed.length);
    expect(text.slice(range.start, range.end)).toBe(
      '“Honestly I cannot remember any actions of Russia that would have been aggressive towards the UK … we hear some aggressive statements from London …',
    );
  });

  it('maps a quote across a paragraph boundary, covering the whole separator', () => {
    const normalized = normalizeText(ntText);
    const typed = 'aggressive and insulting statements. Mr Johnson was in Moscow';
    const at = normalized.text.indexOf(typed);
    const range = toOriginalRange(normalized, at, at + typed.length);
    expect(ntText.slice(range.start, range.end)).toBe(
      'aggressive and insulting statements.\n\nMr Johnson was in Moscow',
    );
  });

  it('maps part of an ellipsis to the whole character', () => {
    const normalized = normalizeText('a…b');
    expect(normalized.text).toBe('a...b');
    expect(toOriginalRange(normalized, 2, 3)).toEqual({ start: 1, end: 2 });
    expect(toOriginalRange(normalized, 0, 2)).toEqual({ start: 0, end: 2 });
    expect(toNormalizedOffset(normalized, 1)).toBe(1);
    expect(toNormalizedOffset(normalized, 2)).toBe(4);
  });

  it('maps an offset inside a whitespace run to the run’s space', () => {
    const normalized = normalizeText('a \n\nb');
    expect(normalized.text).toBe('a b');
    expect([1, 2, 3].map((o) => toNormalizedOffset(normalized, o))).toEqual([1, 1, 1]);
    expect(toNormalizedOffset(normalized, 4)).toBe(2);
    expect(toNormalizedOffset(normalized, 5)).toBe(3);
  });

  it('defines whitespace exactly as \\s does', () => {
    const disagreements: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isWhitespaceCode(code) !== /\s/.test(String.fromCharCode(code))) disagreements.push(code);
    }
    expect(disagreements).toEqual([]);
  });

  it('agrees with the regular-expression reference and keeps the map consistent', () => {
    const alphabet = fc.constantFrom(
      ...'ab .,\'"-\n\t\u00a0‘’‚‛′“”„‟″‐‑‒–—―−…😀'.split(''),
      '\ud83d',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const original = chars.join('');
        const normalized = normalizeText(original);
        expect(normalized.text).toBe(referenceNormalize(original));
        expect(normalized.starts.length).toBe(normalized.text.length + 1);
        expect(normalized.starts[normalized.text.length]).toBe(original.length);
        for (let i = 0; i < normalized.text.length; i++) {
          const { start, end } = toOriginalRange(normalized, i, i + 1);
          expect(referenceNormalize(original.slice(start, end))).toContain(
            normalized.text[i] ?? '',
          );
          expect(toNormalizedOffset(normalized, start)).toBeLessThanOrEqual(i);
        }
      }),
    );
  });

  it('is identical for the ASCII Newstalk text except for block separators', () => {
    expect(normalizeText(ntText).text).toBe(ntText.replace(/\n\n/g, ' '));
  });
});
