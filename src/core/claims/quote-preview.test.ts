import { describe, expect, it } from 'vitest';
import { quotePreview } from './quote-preview.ts';

describe('quotePreview', () => {
  it('keeps a short quote whole', () => {
    expect(quotePreview('abundant evidence')).toBe('abundant evidence');
  });
  it('flattens a quote across paragraphs to one line', () => {
    expect(quotePreview('Johnson: Not successfully!\n\nLavrov: He’s afraid')).toBe(
      'Johnson: Not successfully! Lavrov: He’s afraid',
    );
  });
  it('cuts a long quote with an ellipsis at the limit', () => {
    const quote =
      'Mr Johnson insisted there was "abundant evidence" that Russia had attempted to influence polls';
    const preview = quotePreview(quote, 40);
    expect(preview.length).toBeLessThanOrEqual(40);
    expect(preview.endsWith('…')).toBe(true);
    expect(quote.startsWith(preview.slice(0, -1))).toBe(true);
  });
});
