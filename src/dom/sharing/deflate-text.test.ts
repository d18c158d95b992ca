import { describe, expect, it } from 'vitest';
import { articleText } from '../../core/articles/article-text.ts';
import type { Claim } from '../../core/claims/claim.ts';
import {
  decodeReviewHash,
  encodeReviewHash,
  MAX_REVIEW_LINK_LENGTH,
  parseReviewPayload,
  reviewPayload,
} from '../../core/sharing/review-link-codec.ts';
import { businessInsider } from '../../core/test-fixtures/seed-articles.ts';
import { targetFor } from '../../core/anchoring/text-selectors.ts';
import { deflateText, inflateText } from './deflate-text.ts';

const text = articleText(businessInsider).text;

function claimOn(quote: string, i: number): Claim {
  const start = text.indexOf(quote);
  return {
    id: `7c9e1f04-8b7d-4c61-9a0e-5d2b7c9e${String(1000 + i)}`,
    target: targetFor(businessInsider.id, text, { start, end: start + quote.length }),
    status: i % 2 === 0 ? 'disputed' : 'confirmed',
    note: `Checked against the Foreign Office transcript, item ${i}.`,
    evidence: [],
    createdAt: '2025-11-20T09:14:03.512Z',
    updatedAt: '2025-11-20T09:20:41.007Z',
  };
}

describe('deflateText / inflateText', () => {
  it('round-trips text, curly quotes and all', async () => {
    const original = text.slice(0, 2000);
    expect(await inflateText(await deflateText(original), 1_000_000)).toBe(original);
  });

  it('refuses output larger than allowed', async () => {
    const bomb = await deflateText('a'.repeat(100_000));
    await expect(inflateText(bomb, 10_000)).rejects.toThrow(RangeError);
  });

  it('rejects damaged data', async () => {
    await expect(inflateText(new Uint8Array([255, 0, 17, 3]), 1000)).rejects.toThrow();
  });

  it('fits a review of ten claims from a real article in one link, and reads it back', async () => {
    const words = text.split(/\s+/).filter((w) => w.length > 6);
    const claims = Array.from({ length: 10 }, (_, i) => claimOn(words[i * 7] ?? 'Lavrov', i));
    const hash = encodeReviewHash(await deflateText(reviewPayload(claims)));
    expect(hash.length).toBeLessThan(MAX_REVIEW_LINK_LENGTH / 2);
    const decoded = decodeReviewHash(hash);
    if (!decoded.ok) throw new Error(decoded.error);
    const json = await inflateText(decoded.compressed, 1_000_000);
    expect(parseReviewPayload(json)).toEqual({ ok: true, claims, invalid: 0 });
  });
});
