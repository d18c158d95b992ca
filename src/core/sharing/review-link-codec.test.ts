import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import type { Claim } from '../claims/claim.ts';
import {
  MAX_REVIEW_HASH_LENGTH,
  REVIEW_TOO_LARGE,
  decodeReviewHash,
  encodeReviewHash,
  fromBase64Url,
  parseReviewPayload,
  reviewPayload,
  toBase64Url,
} from './review-link-codec.ts';
import { newstalk } from '../test-fixtures/seed-articles.ts';
import { targetFor } from '../anchoring/text-selectors.ts';

const text = articleText(newstalk).text;
const start = text.indexOf('abundant evidence');

const claim: Claim = {
  id: '3f1c2a4e-8b7d-4c61-9a0e-5d2b7c9e1f04',
  target: targetFor(newstalk.id, text, { start, end: start + 'abundant evidence'.length }),
  status: 'disputed',
  note: 'Which elections? <b>none</b> cited',
  evidence: ['https://www.gov.uk/'],
  createdAt: '2025-11-20T09:14:03.512Z',
  updatedAt: '2025-11-20T09:20:41.007Z',
};

describe('base64url', () => {
  it('round-trips any bytes using only link-safe characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = toBase64Url(bytes);
        expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(encoded)).toEqual(bytes);
      }),
    );
  });

  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });
});

describe('review hash', () => {
  const bytes = new Uint8Array([1, 2, 3, 250, 251, 252, 0]);

  it('round-trips the compressed bytes', () => {
    const hash = encodeReviewHash(bytes);
    expect(hash).toMatch(/^#review\?v=1&d=[A-Za-z0-9_-]+&k=[0-9a-f]{8}$/);
    expect(decodeReviewHash(hash)).toEqual({ ok: true, compressed: bytes });
  });

  it('refuses a cut-off or altered link with a clear message', () => {
    const hash = encodeReviewHash(bytes);
    const cut = decodeReviewHash(hash.slice(0, -3));
    const altered = decodeReviewHash(hash.replace('d=A', 'd=B'));
    expect(cut).toMatchObject({ ok: false, error: expect.stringMatching(/incomplete/) });
    expect(altered.ok).toBe(false);
    expect(decodeReviewHash('#review?v=7&d=AA&k=0')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/newer version/),
    });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        const result = decodeReviewHash(`#review?${tail}`);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});

describe('review payload', () => {
  it('round-trips claims', () => {
    expect(parseReviewPayload(reviewPayload([claim]))).toEqual({
      ok: true,
      claims: [claim],
      invalid: 0,
    });
  });

  it('counts claims that fail validation instead of taking them', () => {
    const json = JSON.stringify({
      claims: [claim, { ...claim, id: 'x2', evidence: ['javascript:alert(1)'] }, 42],
    });
    expect(parseReviewPayload(json)).toMatchObject({ ok: true, claims: [claim], invalid: 2 });
  });

  it('refuses what is not a review', () => {
    expect(parseReviewPayload('{"claims":{}}').ok).toBe(false);
    expect(parseReviewPayload('nope').ok).toBe(false);
    expect(parseReviewPayload('null').ok).toBe(false);
  });
});

describe('an over-large review link', () => {
  it('is called too large, not cut off', () => {
    const huge = encodeReviewHash(new Uint8Array(MAX_REVIEW_HASH_LENGTH));
    expect(decodeReviewHash(huge)).toEqual({ ok: false, error: REVIEW_TOO_LARGE });
    expect(REVIEW_TOO_LARGE).not.toMatch(/cut off/);
  });
});
