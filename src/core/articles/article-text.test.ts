import { describe, expect, it } from 'vitest';
import { articleText, BLOCK_SEPARATOR } from './article-text.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';

describe('articleText', () => {
  it('joins headline, standfirst and body with the block separator', () => {
    const { text, blocks } = articleText(newstalk);
    expect(
      text.startsWith(`${newstalk.headline}${BLOCK_SEPARATOR}${newstalk.standfirst.items[0]}`),
    ).toBe(true);
    expect(blocks.map((b) => b.kind).slice(0, 3)).toEqual(['headline', 'standfirst', 'paragraph']);
    expect(text.endsWith('"We have to find a way forward," added Mr Johnson.')).toBe(true);
  });

  it('gives offsets that slice each block out of the text', () => {
    for (const article of [newstalk, businessInsider]) {
      const { text, blocks } = articleText(article);
      for (const block of blocks) expect(text.slice(block.start, block.end)).toBe(block.text);
      expect(blocks.at(-1)?.end).toBe(text.length);
    }
  });

  it('prints exchange lines as "Speaker: words", the way the source does', () => {
    const { text, blocks } = articleText(businessInsider);
    expect(text).toContain(
      'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.',
    );
    expect(text).toContain('Johnson: It’s your reputation I worry about!');
    const lines = blocks.filter((b) => b.kind === 'line');
    expect(lines.map((b) => b.speaker)).toEqual(['Lavrov', 'Johnson', 'Lavrov', 'Johnson']);
  });

  it('keeps the text verbatim, including the stray "<" and curly quotes', () => {
    const { text } = articleText(businessInsider);
    expect(text).toContain('his Russian counterpart< that Britain');
    expect(text).toContain('“some aggressive statements”');
    expect(text.indexOf('abundant evidence')).toBe(-1);
    expect(articleText(newstalk).text).toContain('there was "abundant evidence" that Russia');
  });
});
