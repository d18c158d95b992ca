/**
 * How far a counterpart's score can be trusted, in words a reader can act on. The bands come from
 * how often matches of such scores were right on the whole hand-made answer key (its three parts,
 * 81 passages asked about; test-data/), counting every match the Compare panel listed, on
 * 2 December 2026:
 *   - score ≥ 0.4: 8 of 8 right (close);
 *   - 0.2 ≤ score < 0.4: 14 of 17 right (likely);
 *   - below 0.2 (listed only as each other's best match): 1 of 5 right (weak).
 * The percentage shown beside it is the score, not a probability: a match "23% similar" was right
 * about four times in five.
 */

/** A counterpart's score, in three bands a reader can act on. */
export type MatchStrength = 'close' | 'likely' | 'weak';

/** The lowest score of each band above `weak`. */
export const MATCH_STRENGTH_FLOORS = { close: 0.4, likely: 0.2 } as const;

/** The band a counterpart's score falls in. */
export function matchStrength(score: number): MatchStrength {
  if (score >= MATCH_STRENGTH_FLOORS.close) return 'close';
  if (score >= MATCH_STRENGTH_FLOORS.likely) return 'likely';
  return 'weak';
}

/** What each band tells a reader, short (a label) and whole (why to trust it or not). */
export const MATCH_STRENGTH_TEXT: Readonly<
  Record<MatchStrength, { readonly label: string; readonly advice: string }>
> = {
  close: { label: 'close match', advice: 'Matches this close were right every time we tested.' },
  likely: {
    label: 'likely match',
    advice: 'Matches like this were right about four times in five.',
  },
  weak: {
    label: 'weak match, check it',
    advice: 'Matches this weak were mostly wrong when we tested: read both before relying on it.',
  },
};

/** What a counterpart's score tells a reader (MATCH_STRENGTH_TEXT of its band). */
export function matchStrengthText(score: number): {
  readonly label: string;
  readonly advice: string;
} {
  return MATCH_STRENGTH_TEXT[matchStrength(score)];
}
