import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import { CLAIM_STATUSES, type Claim, type ClaimStatus } from '../claims/claim.ts';
import {
  PERMALINK_ERRORS,
  PERMALINK_EXACT_QUOTE_MAX,
  PERMALINK_NOTE_MAX,
  PERMALINK_UNKNOWN_PARAM_MAX,
  decodeClaimPermalink,
  encodeClaimPermalink,
  encodePermalinkComponent,
  formatPermalink,
  isClaimPermalinkHash,
  quoteEnds,
  type PermalinkResult,
  type SharedClaimLink,
} from './permalink-codec.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';
import { targetFor } from '../anchoring/text-selectors.ts';

const ntText = articleText(newstalk).text;
const biText = articleText(businessInsider).text;

const CLAIM_ID = '3f1c9a2e-7b4d-4e8a-9c1f-2d6b8e0a4f17';
const NOTE_280 = (
  'The Guardian and the BBC reported the same exchange; neither quotes Lavrov saying this. ' +
  'Check the Russian foreign ministry transcript, which has the full news conference. '
)
  .repeat(3)
  .slice(0, PERMALINK_NOTE_MAX);

function claimOn(
  article: { id: string },
  text: string,
  quote: string,
  options: { status?: ClaimStatus; note?: string; id?: string } = {},
): Claim {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`${quote} not in text`);
  return {
    id: options.id ?? CLAIM_ID,
    target: targetFor(article.id, text, { start, end: start + quote.length }),
    status: options.status ?? 'disputed',
    note: options.note ?? '',
    evidence: ['https://www.example.org/transcript'],
    createdAt: '2025-11-23T09:15:00.000Z',
    updatedAt: '2025-11-23T09:15:00.000Z',
  };
}

function linkOf(result: PermalinkResult): SharedClaimLink {
  if (!result.ok) throw new Error(result.error);
  return result.link;
}

function longestParagraph(text: string): string {
  return text.split('\n\n').reduce((a, b) => (b.length > a.length ? b : a));
}

/** The link's parameters, decoded, in order (k included). */
function paramsOf(hash: string): [string, string][] {
  return hash
    .slice('#claim?'.length)
    .split('&')
    .map((piece) => {
      const [key = '', value = ''] = piece.split('=');
      return [key, decodeURIComponent(value)];
    });
}

/** A correctly signed link with `params` changed (undefined removes a parameter). */
function resigned(hash: string, changes: Record<string, string | undefined>): string {
  const params = paramsOf(hash).filter(([key]) => key !== 'k');
  const changed: [string, string][] = [];
  for (const [key, value] of params) {
    if (!(key in changes)) changed.push([key, value]);
    else if (changes[key] !== undefined) changed.push([key, changes[key] ?? '']);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined && !params.some(([k]) => k === key)) changed.push([key, value]);
  }
  return formatPermalink(changed);
}

const UNRESERVED_LINK = /^#claim\?(?:[A-Za-z0-9\-._~=&]|%[0-9A-F]{2})+$/;

describe('encodeClaimPermalink and decodeClaimPermalink', () => {
  it('round-trips a short quote from Newstalk with its context, position, status and note', () => {
    const claim = claimOn(newstalk, ntText, 'abundant evidence', {
      note: 'Which evidence? None is cited.',
    });
    const hash = encodeClaimPermalink(claim);
    expect(hash.startsWith('#claim?v=1&a=newstalk-johnson-lavrov-clash&q=abundant%20evidence&'));
    expect(linkOf(decodeClaimPermalink(hash))).toEqual({
      articleId: 'newstalk-johnson-lavrov-clash',
      quote: { kind: 'exact', exact: 'abundant evidence' },
      prefix: claim.target.quote.prefix,
      suffix: claim.target.quote.suffix,
      position: { start: claim.target.position.start, end: claim.target.position.end },
      status: 'disputed',
      note: 'Which evidence? None is cited.',
      noteOmitted: false,
      claimId: CLAIM_ID,
    });
  });

  it('writes the parameters in the documented order and ends with the checksum', () => {
    const claim = claimOn(businessInsider, biText, 'Not successfully!', {
      status: 'confirmed',
      note: 'Said, per BuzzFeed.',
    });
    const hash = encodeClaimPermalink(claim);
    expect(paramsOf(hash).map(([key]) => key)).toEqual([
      'v',
      'a',
      'q',
      'pre',
      'suf',
      's',
      'e',
      'st',
      'n',
      'id',
      'k',
    ]);
    expect(hash).toMatch(/&k=[0-9a-f]{8}$/);
  });

  it('round-trips Business Insider’s curly quotes, ellipsis and exchange lines', () => {
    for (const quote of [
      '“some aggressive statements”',
      'Johnson: It’s your reputation I worry about!',
      'UK … we hear some aggressive statements from London …',
      'LONDON – A joint press conference',
    ]) {
      const claim = claimOn(businessInsider, biText, quote, { status: 'open' });
      const link = linkOf(decodeClaimPermalink(encodeClaimPermalink(claim)));
      expect(link.quote).toEqual({ kind: 'exact', exact: quote });
      expect(link.prefix).toBe(claim.target.quote.prefix);
      expect(link.suffix).toBe(claim.target.quote.suffix);
      expect(link.status).toBe('open');
      expect(link.note).toBeUndefined();
    }
  });

  it("percent-encodes everything but unreserved characters, including !'()*", () => {
    expect(encodePermalinkComponent("it's (really) *that* bad! ~ok_-.")).toBe(
      'it%27s%20%28really%29%20%2Athat%2A%20bad%21%20~ok_-.',
    );
    const claim = claimOn(businessInsider, biText, 'Johnson: Not successfully!', {
      note: "(It wasn't!) *sigh*",
    });
    const hash = encodeClaimPermalink(claim);
    expect(hash).toMatch(UNRESERVED_LINK);
    expect(hash).toMatch(/[A-Za-z0-9]$/);
  });

  it('sends a long quote as its opening and closing words, which do not overlap', () => {
    const quote = longestParagraph(ntText);
    expect(quote.length).toBeGreaterThan(PERMALINK_EXACT_QUOTE_MAX);
    const claim = claimOn(newstalk, ntText, quote);
    const link = linkOf(decodeClaimPermalink(encodeClaimPermalink(claim)));
    expect(link.quote).toEqual({
      kind: 'span',
      startWords: '"And when I look at the difficulties',
      endWords: 'our relationship at the moment."',
    });
    expect(link.position).toEqual({
      start: claim.target.position.start,
      end: claim.target.position.end,
    });
  });

  it('keeps a quote of exactly 120 characters whole', () => {
    const start = ntText.indexOf('Sergei Lavrov denied');
    const quote = ntText.slice(start, start + PERMALINK_EXACT_QUOTE_MAX);
    const link = linkOf(
      decodeClaimPermalink(encodeClaimPermalink(claimOn(newstalk, ntText, quote))),
    );
    expect(link.quote).toEqual({ kind: 'exact', exact: quote });
  });

  it('leaves out a note longer than 280 characters and says so', () => {
    const claim = claimOn(newstalk, ntText, 'abundant evidence', { note: `${NOTE_280}!` });
    const hash = encodeClaimPermalink(claim);
    const link = linkOf(decodeClaimPermalink(hash));
    expect(link.note).toBeUndefined();
    expect(link.noteOmitted).toBe(true);
    expect(hash).toContain('&nt=1&');
  });

  it('sends a note of exactly 280 characters', () => {
    const claim = claimOn(newstalk, ntText, 'abundant evidence', { note: NOTE_280 });
    const link = linkOf(decodeClaimPermalink(encodeClaimPermalink(claim)));
    expect(link.note).toBe(NOTE_280);
    expect(link.noteOmitted).toBe(false);
  });

  it('leaves out a claim id that is not a slug or UUID', () => {
    const claim = claimOn(newstalk, ntText, 'abundant evidence', { id: 'claim <1>' });
    const link = linkOf(decodeClaimPermalink(encodeClaimPermalink(claim)));
    expect(link.claimId).toBeUndefined();
  });

  it('keeps links from both articles well under 2,000 characters', () => {
    for (const [article, text] of [
      [newstalk, ntText],
      [businessInsider, biText],
    ] as const) {
      const quote = longestParagraph(text);
      const hash = encodeClaimPermalink(claimOn(article, text, quote, { note: NOTE_280 }));
      expect(hash.length).toBeLessThan(1000);
      expect(linkOf(decodeClaimPermalink(hash)).note).toBe(NOTE_280);
      // The longest quote still sent whole, with the same note.
      const whole = text.slice(text.indexOf(quote), text.indexOf(quote) + 120);
      const wholeHash = encodeClaimPermalink(claimOn(article, text, whole, { note: NOTE_280 }));
      expect(wholeHash.length).toBeLessThan(1200);
    }
  });

  it('accepts the hash without its #, and with punctuation that prose put after it', () => {
    const hash = encodeClaimPermalink(claimOn(newstalk, ntText, 'abundant evidence'));
    expect(decodeClaimPermalink(hash.slice(1)).ok).toBe(true);
    expect(decodeClaimPermalink(`${hash}).`).ok).toBe(true);
    expect(decodeClaimPermalink(`${hash} \n`).ok).toBe(true);
  });

  it('accepts escapes written differently (lower-case hex, escaped unreserved characters, +)', () => {
    const hash = encodeClaimPermalink(
      claimOn(businessInsider, biText, '“some aggressive statements”', { note: 'a b~c' }),
    );
    const rewritten = hash
      .replace('%E2%80%9C', '%e2%80%9c')
      .replace('a%20b~c', 'a+b%7Ec')
      .replace('v=1', '%76=1');
    expect(rewritten).not.toBe(hash);
    expect(decodeClaimPermalink(rewritten)).toEqual(decodeClaimPermalink(hash));
  });
});

describe('decodeClaimPermalink refusing broken links', () => {
  const hash = encodeClaimPermalink(
    claimOn(newstalk, ntText, 'Mr Lavrov said London made a series of aggressive', {
      note: 'Aggressive how?',
    }),
  );

  it('says a link cut off anywhere is incomplete', () => {
    for (let length = '#claim'.length; length < hash.length; length++) {
      expect(decodeClaimPermalink(hash.slice(0, length))).toEqual({
        ok: false,
        error: PERMALINK_ERRORS.incomplete,
      });
    }
  });

  it('says a link with any character changed cannot be trusted', () => {
    const body = hash.indexOf('?') + 1;
    const checksum = hash.indexOf('&k=');
    for (let at = body; at < checksum; at++) {
      const original = hash[at] ?? '';
      const replacement = /[0-9]/.test(original)
        ? original === '9'
          ? '0'
          : '9'
        : original === 'x'
          ? 'y'
          : 'x';
      const changed = hash.slice(0, at) + replacement + hash.slice(at + 1);
      const result = decodeClaimPermalink(changed);
      expect(result.ok).toBe(false);
    }
    const changedNote = hash.replace('Aggressive', 'Peaceful');
    expect(decodeClaimPermalink(changedNote)).toEqual({
      ok: false,
      error: PERMALINK_ERRORS.tampered,
    });
    expect(decodeClaimPermalink(hash.replace('st=disputed', 'st=confirmed'))).toEqual({
      ok: false,
      error: PERMALINK_ERRORS.tampered,
    });
  });

  it('says a parameter appended after the checksum cannot be trusted', () => {
    expect(decodeClaimPermalink(`${hash}&st=confirmed`)).toEqual({
      ok: false,
      error: PERMALINK_ERRORS.tampered,
    });
  });

  it('says a link from a newer version needs a newer app', () => {
    expect(decodeClaimPermalink(resigned(hash, { v: '2', extra: 'x' }))).toEqual({
      ok: false,
      error: PERMALINK_ERRORS.newer,
    });
    // Even when the newer format signs differently.
    expect(decodeClaimPermalink(hash.replace('v=1', 'v=2'))).toEqual({
      ok: false,
      error: PERMALINK_ERRORS.newer,
    });
  });

  it('says a malformed escape is damaged, without throwing', () => {
    expect(decodeClaimPermalink(formatPermalink([['v', '1']]).replace('v=1', 'v=%E2%8'))).toEqual({
      ok: false,
      error: PERMALINK_ERRORS.damaged,
    });
    expect(decodeClaimPermalink('#claim?v=1&q=%ZZ&k=00000000').ok).toBe(false);
    expect(decodeClaimPermalink('#claim?v=1&q=%ED%A0%80&k=00000000').ok).toBe(false);
  });

  it('says a hash that is not a claim link is not one', () => {
    expect(decodeClaimPermalink('')).toEqual({ ok: false, error: PERMALINK_ERRORS.notClaimLink });
    expect(decodeClaimPermalink('#top').ok).toBe(false);
    expect(decodeClaimPermalink('#claims?v=1')).toEqual({
      ok: false,
      error: PERMALINK_ERRORS.notClaimLink,
    });
  });

  it('reads a hash of the longest accepted length, full of punctuation, quickly', () => {
    const started = Date.now();
    expect(decodeClaimPermalink(`#claim?v=1&q=${'.'.repeat(99_000)}a`).ok).toBe(false);
    expect(decodeClaimPermalink(`#claim?v=1${'&'.repeat(99_000)}&k=00000000`).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a hash far longer than any claim link', () => {
    expect(decodeClaimPermalink(`#claim?v=1&q=${'a'.repeat(200_000)}`)).toEqual({
      ok: false,
      error: PERMALINK_ERRORS.tooLong,
    });
  });

  it('explains, in plain words, a signed link whose fields are invalid', () => {
    const cases: [Record<string, string | undefined>, string][] = [
      [{ q: 'a'.repeat(5001) }, 'the quote is longer than 5,000 characters'],
      [{ q: '   ' }, 'the quote is empty'],
      [{ q: undefined }, 'the quote is missing, or given twice'],
      [{ qs: 'Mr Lavrov' }, 'the quote is missing, or given twice'],
      [{ q: undefined, qs: 'Mr Lavrov' }, 'only one end of the quote is given'],
      [{ n: 'x'.repeat(281) }, 'the note is longer than 280 characters'],
      [{ nt: '1' }, 'the note is both given and left out'],
      [{ a: '../../etc/passwd' }, 'the article name is not valid'],
      [{ a: 'a'.repeat(201) }, 'the article name is too long'],
      [{ id: '<script>' }, 'the claim id is not valid'],
      [{ s: '-1' }, 'the quote’s start position is not a whole number'],
      [{ e: '1.5' }, 'the quote’s end position is not a whole number'],
      [{ s: '9999', e: '10' }, 'the quote ends before it starts'],
      [{ st: 'false' }, 'the claim’s status is missing or not valid'],
      [{ pre: 'x'.repeat(33) }, 'the text before the quote is too long'],
      [{ suf: undefined }, 'the text after the quote is missing'],
      [{ v: '0' }, 'its version is missing or not valid'],
    ];
    for (const [changes, problem] of cases) {
      expect(decodeClaimPermalink(resigned(hash, changes))).toEqual({
        ok: false,
        error: `This link cannot be opened: ${problem}.`,
      });
    }
    expect(decodeClaimPermalink(`${resigned(hash, {}).split('&k=')[0]}&st=open`).ok).toBe(false);
    expect(
      decodeClaimPermalink(formatPermalink([...paramsOf(hash).slice(0, -1), ['st', 'open']])),
    ).toEqual({ ok: false, error: 'This link cannot be opened: a part of it is given twice.' });
  });

  it('ignores parameters it does not know, since they are signed', () => {
    expect(decodeClaimPermalink(resigned(hash, { later: 'x' }))).toEqual(
      decodeClaimPermalink(hash),
    );
  });

  it('refuses an unknown parameter far longer than any link to a claim, saying so', () => {
    const long = 'x'.repeat(PERMALINK_UNKNOWN_PARAM_MAX + 1);
    expect(decodeClaimPermalink(resigned(hash, { later: long }))).toEqual({
      ok: false,
      error: PERMALINK_ERRORS.unknownTooLong,
    });
    const fits = 'x'.repeat(PERMALINK_UNKNOWN_PARAM_MAX);
    expect(decodeClaimPermalink(resigned(hash, { later: fits })).ok).toBe(true);
  });
});

describe('isClaimPermalinkHash', () => {
  it('recognises claim links, broken ones included, and nothing else', () => {
    expect(isClaimPermalinkHash('#claim?v=1&a=x')).toBe(true);
    expect(isClaimPermalinkHash('#claim')).toBe(true);
    expect(isClaimPermalinkHash('claim?v=1')).toBe(true);
    expect(isClaimPermalinkHash('')).toBe(false);
    expect(isClaimPermalinkHash('#')).toBe(false);
    expect(isClaimPermalinkHash('#claims')).toBe(false);
    expect(isClaimPermalinkHash('#:~:text=claim')).toBe(false);
  });
});

describe('quoteEnds', () => {
  it('takes at least five words and 32 characters from each end, never overlapping', () => {
    const quote = longestParagraph(biText);
    const ends = quoteEnds(quote);
    expect(ends).toEqual({
      startWords: 'GCHQ recently told the Intelligence',
      endWords: 'capabilities which might never be used.”',
    });
  });

  it('splits a short run of words in half, and gives up on a single word', () => {
    expect(quoteEnds('one two three four five six seven')).toEqual({
      startWords: 'one two three',
      endWords: 'five six seven',
    });
    expect(quoteEnds('x'.repeat(200))).toBeUndefined();
  });
});

describe('permalink properties', () => {
  const status = fc.constantFrom(...CLAIM_STATUSES);
  const anyText = fc.string({ unit: 'binary', maxLength: 400 });

  it('never throws, whatever the hash', () => {
    fc.assert(
      fc.property(anyText, (tail) => {
        decodeClaimPermalink(tail);
        decodeClaimPermalink(`#claim?${tail}`);
        decodeClaimPermalink(`#claim?v=1&${tail}&k=12345678`);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any claim on either article, in unreserved characters only', () => {
    const texts = [
      [newstalk, ntText],
      [businessInsider, biText],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1),
        fc.nat(),
        fc.integer({ min: 1, max: 600 }),
        status,
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        (which, from, length, claimStatus, note) => {
          const [article, text] = texts[which] ?? texts[0];
          const start = from % (text.length - 1);
          const end = Math.min(text.length, start + length);
          if (text.slice(start, end).trim() === '') return;
          const claim: Claim = {
            ...claimOn(article, text, text.slice(start, end), { status: claimStatus, note }),
            target: targetFor(article.id, text, { start, end }),
          };
          const hash = encodeClaimPermalink(claim);
          expect(hash).toMatch(UNRESERVED_LINK);
          const link = linkOf(decodeClaimPermalink(hash));
          expect(link.position).toEqual({ start, end });
          expect(link.status).toBe(claimStatus);
          expect(link.prefix).toBe(claim.target.quote.prefix);
          expect(link.suffix).toBe(claim.target.quote.suffix);
          if (note.length <= PERMALINK_NOTE_MAX) expect(link.note ?? '').toBe(note);
          else expect(link.noteOmitted).toBe(true);
          const exact = claim.target.quote.exact;
          if (link.quote.kind === 'exact') {
            expect(link.quote.exact).toBe(exact);
          } else {
            expect(exact.startsWith(link.quote.startWords)).toBe(true);
            expect(exact.endsWith(link.quote.endWords)).toBe(true);
            expect(link.quote.startWords.length + link.quote.endWords.length).toBeLessThan(
              exact.length,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips any note in any script', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (note) => {
        const hash = formatPermalink([
          ['v', '1'],
          ['a', 'a'],
          ['q', 'quote'],
          ['pre', ''],
          ['suf', ''],
          ['s', '0'],
          ['e', '5'],
          ['st', 'open'],
          ['n', note],
        ]);
        const link = linkOf(decodeClaimPermalink(hash));
        expect(link.note).toBe(note);
      }),
    );
  });
});
