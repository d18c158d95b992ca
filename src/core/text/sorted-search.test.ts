import { describe, expect, it } from 'vitest';
import { firstIndexAbove } from './sorted-search.ts';

describe('firstIndexAbove', () => {
  const ends = [3, 7, 7, 12].map((end) => ({ end }));
  const byEnd = (item: { end: number }) => item.end;

  it('finds the first item past the value, after any equal ones', () => {
    expect(firstIndexAbove(ends, 7, byEnd)).toBe(3);
    expect(firstIndexAbove(ends, 6, byEnd)).toBe(1);
  });

  it('gives 0 before all and the length past all, and 0 for no items', () => {
    expect(firstIndexAbove(ends, 0, byEnd)).toBe(0);
    expect(firstIndexAbove(ends, 12, byEnd)).toBe(4);
    expect(firstIndexAbove([], 5, byEnd)).toBe(0);
  });
});
