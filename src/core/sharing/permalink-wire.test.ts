import { describe, expect, it } from 'vitest';
import { formatPermalink, readPermalinkParams } from './permalink-wire.ts';

// The boot script reads links with this alone; permalink-codec.test.ts covers the schema on top.
const PARAMS: [string, string][] = [
  ['v', '1'],
  ['a', 'newstalk-johnson-lavrov-clash'],
  ['q', 'there was "abundant evidence" that Russia'],
  ['st', 'disputed'],
];

describe('readPermalinkParams', () => {
  it('reads back what formatPermalink wrote, in order', () => {
    expect(readPermalinkParams(formatPermalink(PARAMS))).toEqual({ ok: true, params: PARAMS });
  });

  it('ignores the prose punctuation a copied link picks up', () => {
    expect(readPermalinkParams(`${formatPermalink(PARAMS)}).`)).toMatchObject({ ok: true });
  });

  it('names why a link cannot be read', () => {
    const link = formatPermalink(PARAMS);
    expect(readPermalinkParams('#review?x')).toEqual({ ok: false, error: 'notClaimLink' });
    expect(readPermalinkParams(link.slice(0, -3))).toEqual({ ok: false, error: 'incomplete' });
    expect(readPermalinkParams(link.replace('disputed', 'confirmed'))).toEqual({
      ok: false,
      error: 'tampered',
    });
    expect(readPermalinkParams(link.replace('v=1', 'v=2'))).toEqual({ ok: false, error: 'newer' });
    expect(readPermalinkParams(`#claim?${'a'.repeat(100_001)}`)).toEqual({
      ok: false,
      error: 'tooLong',
    });
  });
});
