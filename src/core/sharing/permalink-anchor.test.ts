import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../claims/claim.ts';
import { prepareText, type AnchorResult } from '../anchoring/match-quote.ts';
import { SPAN_ORPHAN_REASONS, anchorSharedClaim } from './permalink-anchor.ts';
import {
  decodeClaimPermalink,
  encodeClaimPermalink,
  type SharedClaimLink,
} from './permalink-codec.ts';
import { biText, businessInsider, newstalk, ntText } from '../test-fixtures/seed-articles.ts';
import { targetFor } from '../anchoring/text-selectors.ts';

const ABUNDANT = 'abundant evidence';
const LAVROV_AGGRESSIVE =
  'After the talks, Mr Lavrov said London made a series of aggressive and insulting statements.';
// The longest Newstalk paragraph (314 characters): sent as its opening and closing words.
const DIFFICULTIES = ntText.slice(
  ntText.indexOf('"And when I look'),
  ntText.indexOf('moment."') + 8,
);
// Two Newstalk paragraphs, 473 characters.
const COOPERATION_AND_DIFFICULTIES = ntText.slice(
  ntText.indexOf('"Where we can I think'),
  ntText.indexOf('moment."') + 8,
);
// Two Business Insider paragraphs, curly apostrophe included.
const BI_RELATIONS = biText.slice(
  biText.indexOf('UK Foreign Secretary Johnson is in Moscow'),
  biText.indexOf('journalists in attendance.') + 'journalists in attendance.'.length,
);
const INSERTED = 'This paragraph was added to the article after the link was shared.\n\n';

/** The link a reader would get for a claim on `quote` in `text`, through the real codec. */
function sharedLink(
  articleId: string,
  text: string,
  quote: string,
  start = text.indexOf(quote),
): SharedClaimLink {
  if (start === -1) throw new Error(`${quote} not in text`);
  const claim: Claim = {
    id: 'claim-1',
    target: targetFor(articleId, text, { start, end: start + quote.length }),
    status: 'disputed',
    note: '',
    evidence: [],
    createdAt: '2025-11-23T09:15:00.000Z',
    updatedAt: '2025-11-23T09:15:00.000Z',
  };
  const result = decodeClaimPermalink(encodeClaimPermalink(claim));
  if (!result.ok) throw new Error(result.error);
  return result.link;
}

function anchorIn(text: string, link: SharedClaimLink): AnchorResult {
  return anchorSharedClaim(prepareText(text), link);
}

function sliceOf(text: string, result: AnchorResult): string | undefined {
  return result.kind === 'anchored' ? text.slice(result.start, result.end) : undefined;
}

/** `text` with a paragraph inserted before the block containing `before`. */
function insertParagraphBefore(text: string, before: string): string {
  const at = text.lastIndexOf('\n\n', text.indexOf(before)) + 2;
  return text.slice(0, at) + INSERTED + text.slice(at);
}

describe('anchorSharedClaim with a whole quote', () => {
  it('anchors at the old position in the text the link was made on', () => {
    const link = sharedLink(newstalk.id, ntText, ABUNDANT);
    expect(link.quote.kind).toBe('exact');
    const start = ntText.indexOf(ABUNDANT);
    expect(anchorIn(ntText, link)).toEqual({
      kind: 'anchored',
      start,
      end: start + ABUNDANT.length,
      method: 'position',
      score: 1,
    });
  });

  it('follows the quote after a paragraph was inserted before it', () => {
    const link = sharedLink(newstalk.id, ntText, ABUNDANT);
    const edited = insertParagraphBefore(ntText, 'Mr Johnson insisted');
    const result = anchorIn(edited, link);
    expect(result).toMatchObject({ kind: 'anchored', method: 'quote' });
    expect(result.kind === 'anchored' && result.start).toBe(edited.indexOf(ABUNDANT));
  });

  it('follows Lavrov’s curly-quoted words in Business Insider', () => {
    const quote = '“some aggressive statements”';
    const link = sharedLink(businessInsider.id, biText, quote);
    const edited = insertParagraphBefore(biText, 'Lavrov later denied');
    expect(sliceOf(edited, anchorIn(edited, link))).toBe(quote);
  });

  it('orphans a deleted sentence rather than move to its look-alike', () => {
    const link = sharedLink(newstalk.id, ntText, LAVROV_AGGRESSIVE);
    const edited = ntText.replace(`${LAVROV_AGGRESSIVE}\n\n`, '');
    expect(edited).toContain(
      'Mr Lavrov added, after mentioning the series of insulting statements',
    );
    expect(anchorIn(edited, link)).toMatchObject({ kind: 'orphaned' });
  });

  it('anchors a whole quote across two paragraphs', () => {
    const quote = 'insulting statements.\n\nMr Johnson was in Moscow';
    const link = sharedLink(newstalk.id, ntText, quote);
    const edited = insertParagraphBefore(ntText, 'After the talks, Mr Lavrov');
    expect(sliceOf(edited, anchorIn(edited, link))).toBe(quote);
  });
});

describe('anchorSharedClaim with a long quote sent as its two ends', () => {
  it('anchors at the old offsets when the text there still opens and closes with them', () => {
    const link = sharedLink(newstalk.id, ntText, DIFFICULTIES);
    expect(link.quote.kind).toBe('span');
    const start = ntText.indexOf(DIFFICULTIES);
    expect(anchorIn(ntText, link)).toEqual({
      kind: 'anchored',
      start,
      end: start + DIFFICULTIES.length,
      method: 'position',
      score: 1,
    });
  });

  it('accepts the old offsets when the text differs only in typography there', () => {
    const link = sharedLink(newstalk.id, ntText, DIFFICULTIES);
    const curly = DIFFICULTIES.replace('"And', '“And').replace('moment."', 'moment.”');
    const edited = ntText.replace(DIFFICULTIES, curly);
    expect(sliceOf(edited, anchorIn(edited, link))).toBe(curly);
  });

  it('follows the quote after a paragraph was inserted before it and a word changed inside', () => {
    const link = sharedLink(newstalk.id, ntText, DIFFICULTIES);
    const changed = DIFFICULTIES.replace('to be frank about them', 'to be candid about them');
    const edited = insertParagraphBefore(ntText, DIFFICULTIES).replace(DIFFICULTIES, changed);
    const result = anchorIn(edited, link);
    expect(result).toMatchObject({ kind: 'anchored', method: 'quote' });
    expect(sliceOf(edited, result)).toBe(changed);
  });

  it('matches closing words that were edited, fuzzily', () => {
    const link = sharedLink(newstalk.id, ntText, DIFFICULTIES);
    const changed = DIFFICULTIES.replace('at the moment."', 'at this moment."');
    const edited = insertParagraphBefore(ntText, DIFFICULTIES).replace(DIFFICULTIES, changed);
    const result = anchorIn(edited, link);
    expect(result).toMatchObject({ kind: 'anchored', method: 'fuzzy' });
    expect(sliceOf(edited, result)).toBe(changed);
  });

  it('anchors a quote spanning two Newstalk paragraphs, after an insertion before it', () => {
    const link = sharedLink(newstalk.id, ntText, COOPERATION_AND_DIFFICULTIES);
    expect(link.quote.kind).toBe('span');
    expect(sliceOf(ntText, anchorIn(ntText, link))).toBe(COOPERATION_AND_DIFFICULTIES);
    const edited = insertParagraphBefore(ntText, 'We have a duty');
    expect(sliceOf(edited, anchorIn(edited, link))).toBe(COOPERATION_AND_DIFFICULTIES);
  });

  it('anchors a quote spanning two Business Insider paragraphs with a word changed', () => {
    const link = sharedLink(businessInsider.id, biText, BI_RELATIONS);
    expect(link.quote.kind).toBe('span');
    const changed = BI_RELATIONS.replace('frosty relationship', 'icy relationship');
    const edited = insertParagraphBefore(biText, 'LONDON').replace(BI_RELATIONS, changed);
    expect(sliceOf(edited, anchorIn(edited, link))).toBe(changed);
  });

  it('orphans the quote when its paragraph was deleted', () => {
    const link = sharedLink(newstalk.id, ntText, DIFFICULTIES);
    const edited = ntText.replace(`${DIFFICULTIES}\n\n`, '');
    expect(anchorIn(edited, link)).toEqual({
      kind: 'orphaned',
      reason: SPAN_ORPHAN_REASONS.start,
    });
  });

  it('orphans the quote when its closing words are gone', () => {
    const link = sharedLink(newstalk.id, ntText, DIFFICULTIES);
    const cut = DIFFICULTIES.slice(0, DIFFICULTIES.indexOf(' and to accept')) + '."';
    const edited = ntText.replace(DIFFICULTIES, cut);
    expect(anchorIn(edited, link)).toEqual({ kind: 'orphaned', reason: SPAN_ORPHAN_REASONS.end });
  });

  it('orphans the quote when its closing words are now more than twice its length away', () => {
    const link = sharedLink(newstalk.id, ntText, COOPERATION_AND_DIFFICULTIES);
    const filler = `${'The talks went on. '.repeat(60)}\n\n`;
    const edited = ntText.replace('"And when I look', `${filler}"And when I look`);
    expect(anchorIn(edited, link)).toEqual({ kind: 'orphaned', reason: SPAN_ORPHAN_REASONS.end });
    // A shorter insertion is still within reach.
    const nearby = ntText.replace(
      '"And when I look',
      `${'The talks went on. '.repeat(5)}"And when I look`,
    );
    expect(anchorIn(nearby, link)).toMatchObject({ kind: 'anchored' });
  });

  it('orphans opening words that survive only as a look-alike with other surroundings', () => {
    const link = sharedLink(newstalk.id, ntText, DIFFICULTIES);
    const rewritten = ntText.replace(
      DIFFICULTIES,
      'Asked about the difficulties, he said the relationship had seen better days.',
    );
    const result = anchorIn(rewritten, link);
    expect(result).toEqual({ kind: 'orphaned', reason: SPAN_ORPHAN_REASONS.start });
  });
});

describe('anchorSharedClaim on any shared claim', () => {
  it('gives back the shared range, in the text it was made on and after an insertion at the top', () => {
    for (const [articleId, text] of [
      [newstalk.id, ntText],
      [businessInsider.id, biText],
    ] as const) {
      const words = [...text.matchAll(/\S+/g)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
      }));
      const edited = INSERTED + text;
      fc.assert(
        fc.property(
          fc.nat({ max: words.length - 1 }),
          fc.integer({ min: 1, max: 90 }),
          (first, count) => {
            const last = Math.min(words.length - 1, first + count - 1);
            const start = words[first]?.start ?? 0;
            const end = words[last]?.end ?? 0;
            const link = sharedLink(articleId, text, text.slice(start, end), start);
            expect(anchorIn(text, link)).toMatchObject({ kind: 'anchored', start, end });
            expect(anchorIn(edited, link)).toMatchObject({
              kind: 'anchored',
              start: start + INSERTED.length,
              end: end + INSERTED.length,
            });
          },
        ),
        { numRuns: 200 },
      );
    }
  });
});
