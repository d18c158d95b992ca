import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { speakerPrefix, type ArticleText, type TextBlock } from '../articles/article-text.ts';
import { segmentBlock, type Segment } from './claim-segments.ts';
import {
  biArticleText as biText,
  ntArticleText as newstalkText,
} from '../test-fixtures/seed-articles.ts';

function blockOf(text: ArticleText, key: string): TextBlock {
  const block = text.blocks.find((b) => b.key === key);
  if (!block) throw new Error(`no block ${key}`);
  return block;
}

/** A highlight on the first occurrence of `quote`. */
function claim(text: ArticleText, id: string, quote: string) {
  const start = text.text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { id, start, end: start + quote.length };
}

/** Each segment as its text and the ids covering it, for readable expectations. */
function show(text: ArticleText, segments: readonly Segment[]) {
  return segments.map((s) => [text.text.slice(s.start, s.end), s.ids.join(',')]);
}

describe('segmentBlock', () => {
  const body2 = blockOf(newstalkText, 'body-2');

  it('returns the whole block as one bare segment when nothing is highlighted', () => {
    expect(segmentBlock(body2, [])).toEqual([{ start: body2.start, end: body2.end, ids: [] }]);
  });

  it('splits overlapping claims into the parts each covers and the part both cover', () => {
    const a = claim(newstalkText, 'a', 'Mr Johnson insisted there was "abundant evidence"');
    const b = claim(newstalkText, 'b', '"abundant evidence" that Russia had attempted');
    expect(show(newstalkText, segmentBlock(body2, [b, a]))).toEqual([
      ['Mr Johnson insisted there was ', 'a'],
      ['"abundant evidence"', 'a,b'],
      [' that Russia had attempted', 'b'],
      [' to influence polls in the US, Germany, Denmark and France.', ''],
    ]);
  });

  it('lists the enclosing claim before a nested one, whatever order they come in', () => {
    const outer = claim(newstalkText, 'z-outer', 'influence polls in the US, Germany, Denmark');
    const inner = claim(newstalkText, 'a-inner', 'Germany');
    const sameStart = claim(newstalkText, 'm-same-start', 'influence polls');
    const segments = segmentBlock(body2, [inner, sameStart, outer]);
    expect(show(newstalkText, segments).slice(1, -1)).toEqual([
      ['influence polls', 'z-outer,m-same-start'],
      [' in the US, ', 'z-outer'],
      ['Germany', 'z-outer,a-inner'],
      [', Denmark', 'z-outer'],
    ]);
  });

  it('orders claims on the same range by id, so nesting is stable', () => {
    const x = claim(newstalkText, 'x', 'abundant evidence');
    const y = { ...x, id: 'y' };
    const segments = segmentBlock(body2, [y, x]);
    expect(segments.find((s) => s.ids.length > 0)?.ids).toEqual(['x', 'y']);
  });

  it('gives a claim that crosses a paragraph break a segment in each block', () => {
    const crossing = claim(newstalkText, 'c', 'Denmark and France.\n\nHe also told Mr Lavrov');
    const body3 = blockOf(newstalkText, 'body-3');
    expect(show(newstalkText, segmentBlock(body2, [crossing])).at(-1)).toEqual([
      'Denmark and France.',
      'c',
    ]);
    expect(show(newstalkText, segmentBlock(body3, [crossing]))).toEqual([
      ['He also told Mr Lavrov', 'c'],
      [' that Russia had been unable to successfully meddle in the Brexit referendum.', ''],
    ]);
  });

  it('covers a whole exchange line, split at the end of the speaker prefix', () => {
    const line = blockOf(biText, 'body-5');
    expect(line.text).toBe('Johnson: Not successfully!');
    const prefixEnd = line.start + speakerPrefix('Johnson').trimEnd().length;
    const whole = { id: 'w', start: line.start, end: line.end };
    expect(show(biText, segmentBlock(line, [whole], [prefixEnd]))).toEqual([
      ['Johnson:', 'w'],
      [' Not successfully!', 'w'],
    ]);
  });

  it('keeps adjacent claims apart at their shared edge', () => {
    const body0 = blockOf(biText, 'body-0');
    const first = claim(biText, 'first', 'involving Boris Johnson');
    const second = claim(biText, 'second', ' and his Russian counterpart');
    expect(second.start).toBe(first.end);
    expect(show(biText, segmentBlock(body0, [second, first])).slice(1, 3)).toEqual([
      ['involving Boris Johnson', 'first'],
      [' and his Russian counterpart', 'second'],
    ]);
  });

  it('ignores empty claims, claims elsewhere, and boundaries outside the block', () => {
    const body3 = blockOf(newstalkText, 'body-3');
    const empty = { id: 'e', start: body2.start + 5, end: body2.start + 5 };
    const elsewhere = claim(newstalkText, 'x', 'Brexit referendum');
    expect(segmentBlock(body2, [empty, elsewhere], [body2.start, body3.start])).toEqual([
      { start: body2.start, end: body2.end, ids: [] },
    ]);
    expect(segmentBlock({ start: 10, end: 10 }, [])).toEqual([]);
  });

  it('tiles the block exactly, with each segment covered by exactly the claims over it', () => {
    const block = blockOf(biText, 'body-9');
    const offset = fc.integer({ min: block.start - 20, max: block.end + 20 });
    const highlight = fc
      .record({ id: fc.string({ minLength: 1, maxLength: 3 }), a: offset, b: offset })
      .map(({ id, a, b }) => ({ id, start: Math.min(a, b), end: Math.max(a, b) }));
    fc.assert(
      fc.property(
        fc.array(highlight, { maxLength: 8 }),
        fc.array(offset, { maxLength: 3 }),
        (highlights, extra) => {
          const segments = segmentBlock(block, highlights, extra);
          expect(segments[0]?.start).toBe(block.start);
          expect(segments.at(-1)?.end).toBe(block.end);
          segments.forEach((segment, i) => {
            expect(segment.end).toBeGreaterThan(segment.start);
            if (i > 0) expect(segment.start).toBe(segments[i - 1]?.end);
            const covering = highlights.filter(
              (h) => h.start < h.end && h.start <= segment.start && h.end >= segment.end,
            );
            expect([...segment.ids].sort()).toEqual(covering.map((h) => h.id).sort());
            // No edge of a non-empty highlight, nor an extra boundary, falls inside a segment.
            const edges = [
              ...highlights.filter((h) => h.start < h.end).flatMap((h) => [h.start, h.end]),
              ...extra,
            ];
            expect(edges.filter((e) => e > segment.start && e < segment.end)).toEqual([]);
          });
        },
      ),
    );
  });
});
