import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';
import { TEXT_HASH_PREFIX, textHash } from './text-hash.ts';

/** Straightforward BigInt FNV-1a 64 over TextEncoder's UTF-8, the reference to agree with. */
function referenceHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return TEXT_HASH_PREFIX + h.toString(16).padStart(16, '0');
}

describe('textHash', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(textHash('')).toBe('fnv1a64:cbf29ce484222325');
    expect(textHash('a')).toBe('fnv1a64:af63dc4c8601ec8c');
    expect(textHash('foobar')).toBe('fnv1a64:85944171f73967e8');
  });

  it('hashes UTF-8 bytes: curly quotes, ellipsis, astral characters and lone surrogates', () => {
    for (const text of [
      '“some aggressive statements”',
      'UK … we',
      'a😀b',
      'x\ud800y',
      'end\udc00',
    ]) {
      expect(textHash(text)).toBe(referenceHash(text));
    }
  });

  it('hashes texts longer than its internal buffer, with characters straddling its edge', () => {
    for (const unit of ['a', '’', 'a😀', 'ab…']) {
      const text = unit.repeat(Math.ceil(70_000 / unit.length));
      expect(textHash(text)).toBe(referenceHash(text));
    }
  });

  it('agrees with the reference on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (text) => {
        expect(textHash(text)).toBe(referenceHash(text));
      }),
    );
  });

  it('is stable for the articles and changes with a one-character edit', () => {
    for (const article of [newstalk, businessInsider]) {
      const { text } = articleText(article);
      expect(textHash(text)).toBe(referenceHash(text));
      expect(textHash(text)).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
      expect(textHash(text.replace('Lavrov', 'Lavroff'))).not.toBe(textHash(text));
    }
    expect(textHash(articleText(newstalk).text)).not.toBe(
      textHash(articleText(businessInsider).text),
    );
  });
});
