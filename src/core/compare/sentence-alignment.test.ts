import { describe, expect, it } from 'vitest';
import { expectedSpan, monotoneChain } from './sentence-alignment.ts';

describe('monotoneChain', () => {
  it('keeps the heaviest chain that rises in both reports', () => {
    const chain = monotoneChain(
      [
        { a: 0, b: 0, score: 0.5 },
        { a: 1, b: 5, score: 0.4 },
        { a: 1, b: 1, score: 0.3 },
        { a: 2, b: 2, score: 0.6 },
        { a: 3, b: 0, score: 0.9 },
      ],
      6,
    );
    expect(chain.map((p) => [p.a, p.b])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('never pairs one source sentence twice, nor two with one other sentence', () => {
    const chain = monotoneChain(
      [
        { a: 0, b: 0, score: 0.5 },
        { a: 0, b: 1, score: 0.5 },
        { a: 1, b: 1, score: 0.5 },
      ],
      2,
    );
    expect(chain).toHaveLength(2);
    expect(new Set(chain.map((p) => p.a)).size).toBe(2);
    expect(new Set(chain.map((p) => p.b)).size).toBe(2);
  });

  it('is empty without pairs', () => {
    expect(monotoneChain([], 3)).toEqual([]);
  });
});

describe('expectedSpan', () => {
  const chain = [
    { a: 0, b: 0, score: 1 },
    { a: 4, b: 3, score: 1 },
    { a: 9, b: 20, score: 1 },
  ];

  it('is the stretch between the counterparts of the neighbours, theirs included', () => {
    expect(expectedSpan(chain, 2, 2, 30)).toEqual({ start: 0, end: 4 });
  });

  it('says nothing when the neighbours leave too wide a stretch', () => {
    expect(expectedSpan(chain, 6, 6, 30)).toBeNull();
  });
});
