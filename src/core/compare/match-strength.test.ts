import { describe, expect, it } from 'vitest';
import { matchStrength } from './match-strength.ts';

describe('match strength', () => {
  it('puts a score in its band, bounds included in the band above', () => {
    expect(matchStrength(0.83)).toBe('close');
    expect(matchStrength(0.4)).toBe('close');
    expect(matchStrength(0.39)).toBe('likely');
    expect(matchStrength(0.2)).toBe('likely');
    expect(matchStrength(0.15)).toBe('weak');
  });
});
