import { describe, expect, it } from 'vitest';
import {
  editArticle,
  reportSentences,
  syntheticArticle,
  syntheticClaims,
} from '../test-fixtures/synthetic-edits.ts';

// Edits are made far more often than in the benchmark so that 20 KB sees every kind of them.
const rates = { insert: 0.1, delete: 0.1, changeWord: 0.15, moveParagraph: 0.1 };
const article = syntheticArticle(reportSentences(), 20_000, 11);
const ranges = syntheticClaims(article.text, 200, 12);
const edit = editArticle(article, ranges, 13, rates);

describe('synthetic edits (the re-anchoring benchmark data)', () => {
  it('builds a text of the requested size from whole sentences and paragraphs', () => {
    expect(article.text.length).toBeGreaterThanOrEqual(20_000);
    expect(article.text.length).toBeLessThan(21_500);
    expect(article.text).toBe(article.paragraphs.map((p) => p.join(' ')).join('\n\n'));
  });

  it('makes every kind of edit', () => {
    expect(edit.counts.inserted).toBeGreaterThan(0);
    expect(edit.counts.deleted).toBeGreaterThan(0);
    expect(edit.counts.changedWords).toBeGreaterThan(0);
    expect(edit.counts.movedParagraphs).toBeGreaterThan(0);
    expect(edit.edited).not.toBe(article.text);
  });

  it('makes word-aligned claims of 1–25 words', () => {
    for (const { start, end } of ranges) {
      const quote = article.text.slice(start, end);
      expect(quote).toMatch(/^\S(.*\S)?$/su);
      expect(/\s/u.test(article.text.charAt(start - 1) || ' ')).toBe(true);
      expect(/\s/u.test(article.text.charAt(end) || ' ')).toBe(true);
      expect(quote.split(/\s+/u).length).toBeLessThanOrEqual(25);
    }
  });

  it('tracks each surviving quote to a range of the edited text that reads the same', () => {
    let surviving = 0;
    for (const claim of edit.claims) {
      if (claim.truth === 'gone') continue;
      surviving++;
      const { start, end } = claim.original;
      expect(edit.edited.slice(claim.truth.start, claim.truth.end)).toBe(
        article.text.slice(start, end),
      );
    }
    // Both outcomes occur, so the check above means something.
    expect(surviving).toBeGreaterThan(50);
    expect(surviving).toBeLessThan(edit.claims.length);
  });

  it('marks a quote gone when its text no longer appears where it was', () => {
    for (const claim of edit.claims) {
      if (claim.truth !== 'gone' || !claim.remnant) continue;
      const { start, end } = claim.original;
      expect(edit.edited.slice(claim.remnant.start, claim.remnant.end)).not.toBe(
        article.text.slice(start, end),
      );
    }
  });
});
