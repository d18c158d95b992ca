import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextRange } from '../claims/claim.ts';
import { biText, businessInsider, newstalk, ntText } from '../test-fixtures/seed-articles.ts';
import { FRAGMENT_LONG_QUOTE, textFragmentUrl } from './text-fragment.ts';

const NT_URL = newstalk.url;
const BI_URL = businessInsider.url;

function rangeOf(text: string, quote: string, nth = 0): TextRange {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`occurrence ${nth} of ${quote} not in text`);
  }
  return { start: at, end: at + quote.length };
}

function fragmentOf(url: string): string {
  const at = url.indexOf('#:~:text=');
  if (at === -1) throw new Error(`no text fragment in ${url}`);
  return url.slice(at + '#:~:text='.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where a browser would highlight a text directive in `text`: the first place where prefix,
 * textStart, textEnd (the first after textStart) and suffix follow one another, ignoring case
 * and treating any whitespace run as one space. Word boundaries are not checked.
 */
function resolveDirective(text: string, directive: string): TextRange | undefined {
  const parts = directive.split(',').map((part) => decodeURIComponent(part));
  const prefix = parts[0]?.endsWith('-') ? parts.shift()?.slice(0, -1) : undefined;
  const suffix = parts[parts.length - 1]?.startsWith('-') ? parts.pop()?.slice(1) : undefined;
  const [start = '', end] = parts;
  const term = (t: string) => escapeRegExp(t).replace(/ /g, '\\s+');
  const pattern =
    (prefix === undefined ? '' : `${term(prefix)}\\s*`) +
    `(${term(start)}${end === undefined ? '' : `[\\s\\S]*?${term(end)}`})` +
    (suffix === undefined ? '' : `\\s*${term(suffix)}`);
  const match = new RegExp(pattern, 'id').exec(text);
  const indices = match?.indices?.[1];
  return indices ? { start: indices[0], end: indices[1] } : undefined;
}

describe('textFragmentUrl', () => {
  it('links a unique quote by itself', () => {
    const url = textFragmentUrl(NT_URL, ntText, rangeOf(ntText, 'abundant evidence'));
    expect(url).toBe(`${NT_URL}#:~:text=abundant%20evidence`);
  });

  it('replaces a fragment already on the address', () => {
    const range = rangeOf(ntText, 'abundant evidence');
    expect(textFragmentUrl('https://example.org/a?b=1#comments', ntText, range)).toBe(
      'https://example.org/a?b=1#:~:text=abundant%20evidence',
    );
    expect(textFragmentUrl('https://example.org/a#:~:text=old', ntText, range)).toBe(
      'https://example.org/a#:~:text=abundant%20evidence',
    );
  });

  it('gives each repeated "Mr Lavrov" the fewest context words that make it unique', () => {
    const count = ntText.split('Mr Lavrov').length - 1;
    expect(count).toBeGreaterThan(3);
    expect(fragmentOf(textFragmentUrl(NT_URL, ntText, rangeOf(ntText, 'Mr Lavrov', 0)))).toBe(
      'Mr%20Lavrov,-that',
    );
    for (let nth = 0; nth < count; nth++) {
      const range = rangeOf(ntText, 'Mr Lavrov', nth);
      const directive = fragmentOf(textFragmentUrl(NT_URL, ntText, range));
      expect(directive).toMatch(/-,Mr%20Lavrov|Mr%20Lavrov,-/);
      expect(resolveDirective(ntText, directive)).toEqual(range);
    }
  });

  it('links a quote across two paragraphs by its part in each', () => {
    const quote = 'insulting statements.\n\nMr Johnson was in Moscow';
    const url = textFragmentUrl(NT_URL, ntText, rangeOf(ntText, quote));
    expect(fragmentOf(url)).toBe('insulting%20statements.,Mr%20Johnson%20was%20in%20Moscow');
  });

  it('links a quote across three paragraphs by its first and last parts, long parts shortened', () => {
    const start = ntText.indexOf('"Where we can');
    const end = ntText.indexOf('After the talks finished,') + 'After the talks finished,'.length;
    const directive = fragmentOf(textFragmentUrl(NT_URL, ntText, { start, end }));
    const [first = '', last = ''] = directive.split(',').map(decodeURIComponent);
    expect(first).toBe(
      '"Where we can I think we can find positive cooperation on issues we have substantial interests in common," he said, referring to Iran, North Korea and Syria.',
    );
    expect(last).toBe('After the talks finished,');
    expect(resolveDirective(ntText, directive)).toEqual({ start, end });
  });

  it('links the longest paragraph by its first and last words', () => {
    const paragraph = ntText.split('\n\n').reduce((a, b) => (b.length > a.length ? b : a));
    expect(paragraph.length).toBeGreaterThan(FRAGMENT_LONG_QUOTE);
    const range = rangeOf(ntText, paragraph);
    const directive = fragmentOf(textFragmentUrl(NT_URL, ntText, range));
    expect(directive).toBe(
      '%22And%20when%20I%20look%20at%20the%20difficulties,our%20relationship%20at%20the%20moment.%22',
    );
    expect(resolveDirective(ntText, directive)).toEqual(range);
  });

  it('links a paragraph of up to 300 characters whole, brackets and hyphens encoded', () => {
    const paragraph = biText.split('\n\n').reduce((a, b) => (b.length > a.length ? b : a));
    expect(paragraph.length).toBeLessThanOrEqual(FRAGMENT_LONG_QUOTE);
    const range = rangeOf(biText, paragraph);
    const directive = fragmentOf(textFragmentUrl(BI_URL, biText, range));
    expect(directive).toContain('%E2%80%9Cfrom%20tactical%20stuff%20%5Bredacted%5D%20right');
    expect(directive).toContain('counter%2Dstate');
    expect(directive).not.toContain(',');
    expect(resolveDirective(biText, directive)).toEqual(range);
  });

  it('percent-encodes curly quotes, dashes, commas and apostrophes exactly', () => {
    const quote =
      'UK-Russia relations had reached a low.\n\nLavrov said problems between the countries had “piled up,”';
    expect(fragmentOf(textFragmentUrl(BI_URL, biText, rangeOf(biText, quote)))).toBe(
      'UK%2DRussia%20relations%20had%20reached%20a%20low.,' +
        'Lavrov%20said%20problems%20between%20the%20countries%20had%20%E2%80%9Cpiled%20up%2C%E2%80%9D',
    );
    const dash = 'LONDON – A joint press conference';
    expect(fragmentOf(textFragmentUrl(BI_URL, biText, rangeOf(biText, dash)))).toBe(
      'LONDON%20%E2%80%93%20A%20joint%20press%20conference',
    );
    const apostrophes = "an 'extraordinary' diplomatic spat";
    expect(fragmentOf(textFragmentUrl(BI_URL, biText, rangeOf(biText, apostrophes)))).toBe(
      'an%20%27extraordinary%27%20diplomatic%20spat',
    );
    expect(fragmentOf(textFragmentUrl(BI_URL, biText, rangeOf(biText, 'Not successfully!')))).toBe(
      'Not%20successfully%21',
    );
  });

  it('drops whitespace around the quote and collapses it inside', () => {
    const text = 'One claim.\n\nThe  minister\u00a0said\nso.\n\nEnd.';
    const start = text.indexOf('\n\nThe') + 2;
    const url = textFragmentUrl('https://example.org/', text, {
      start: start - 1,
      end: text.indexOf('so.') + 3,
    });
    expect(url).toBe('https://example.org/#:~:text=The%20minister%20said%20so.');
  });

  it('refuses a range with no text, or outside the text', () => {
    expect(() => textFragmentUrl(NT_URL, ntText, { start: 67, end: 69 })).toThrow(RangeError);
    expect(() => textFragmentUrl(NT_URL, ntText, { start: 0, end: ntText.length + 1 })).toThrow(
      RangeError,
    );
  });

  it('leads the browser to the chosen passage for any run of whole words in either article', () => {
    for (const [url, text] of [
      [NT_URL, ntText],
      [BI_URL, biText],
    ] as const) {
      const words = [...text.matchAll(/\S+/g)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
      }));
      fc.assert(
        fc.property(
          fc.nat({ max: words.length - 1 }),
          fc.integer({ min: 1, max: 80 }),
          (first, count) => {
            const last = Math.min(words.length - 1, first + count - 1);
            const range = { start: words[first]?.start ?? 0, end: words[last]?.end ?? 0 };
            const directive = fragmentOf(textFragmentUrl(url, text, range));
            expect(directive).toMatch(/^(?:[A-Za-z0-9._~,]|%[0-9A-F]{2}|-,|,-)+$/);
            expect(resolveDirective(text, directive)).toEqual(range);
          },
        ),
        { numRuns: 300 },
      );
    }
  });
});
