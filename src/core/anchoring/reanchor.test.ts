import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimTarget } from '../claims/claim.ts';
import { prepareText } from './match-quote.ts';
import { reanchorAll, reanchorClaim } from './reanchor.ts';
import { biText, businessInsider, newstalk, ntText } from '../test-fixtures/seed-articles.ts';
import {
  editArticle,
  followedEdit,
  reportSentences,
  syntheticArticle,
  syntheticClaims,
  verdict,
  type ClaimTruth,
} from '../test-fixtures/synthetic-edits.ts';
import { targetFor } from './text-selectors.ts';

function targetOn(articleId: string, text: string, quote: string): ClaimTarget {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`not in text: ${quote}`);
  return targetFor(articleId, text, { start, end: start + quote.length });
}

describe('reanchorClaim', () => {
  it('short-circuits when the text is unchanged and the position still reads the quote', () => {
    const target = targetOn(newstalk.id, ntText, 'abundant evidence');
    expect(reanchorClaim(prepareText(ntText), target)).toEqual({
      kind: 'anchored',
      start: target.position.start,
      end: target.position.end,
      method: 'position',
      score: 1,
    });
  });

  it('matches by quote when the hash agrees but the stored position is wrong', () => {
    const target = targetOn(businessInsider.id, biText, '“some aggressive statements”');
    const broken = { ...target, position: { ...target.position, start: 0, end: 28 } };
    const result = reanchorClaim(prepareText(biText), broken);
    expect(result).toMatchObject({
      kind: 'anchored',
      start: target.position.start,
      method: 'quote',
    });
  });

  it('matches against an edited text whose hash differs', () => {
    const target = targetOn(
      newstalk.id,
      ntText,
      'Lavrov denied claims that Moscow had used the internet',
    );
    const edited = `Update: corrected.\n\n${ntText}`;
    const result = reanchorClaim(prepareText(edited), target);
    expect(result).toMatchObject({
      kind: 'anchored',
      start: target.position.start + 'Update: corrected.\n\n'.length,
      method: 'quote',
    });
  });
});

describe('reanchorAll', () => {
  it('anchors the seed claims of both articles and orphans the deleted one', () => {
    const deleted =
      'After the talks, Mr Lavrov said London made a series of aggressive and insulting statements.';
    const targets = [
      targetOn(newstalk.id, ntText, 'abundant evidence'),
      targetOn(newstalk.id, ntText, deleted),
      targetOn(newstalk.id, ntText, 'hard headed'),
    ];
    const edited = ntText.replace(`${deleted}\n\n`, '');
    const results = reanchorAll(edited, targets);
    expect(results.map((r) => r.kind)).toEqual(['anchored', 'orphaned', 'anchored']);
    expect(results[0]).toMatchObject({ method: 'position' });
    const hard = results[2];
    expect(hard?.kind === 'anchored' && edited.slice(hard.start, hard.end)).toBe('hard headed');
  });

  it('gives back the same range for any range described on the unchanged text', () => {
    const articles = [
      { id: newstalk.id, text: ntText },
      { id: businessInsider.id, text: biText },
    ] as const;
    const range = fc
      .record({ article: fc.constantFrom(...articles), at: fc.nat(), length: fc.nat(400) })
      .map(({ article, at, length }) => {
        const { id, text } = article;
        const start = at % text.length;
        return { id, text, start, end: Math.min(text.length, start + 1 + length) };
      })
      .filter(({ text, start, end }) => text.slice(start, end).trim() !== '');
    fc.assert(
      fc.property(fc.array(range, { minLength: 1, maxLength: 20 }), (ranges) => {
        for (const { text } of articles) {
          const mine = ranges.filter((r) => r.text === text);
          const targets = mine.map((r) => targetFor(r.id, text, r));
          const results = reanchorAll(text, targets);
          // Without the hash short-cut the matcher itself must also land on the same range.
          const unhashed = reanchorAll(
            text,
            targets.map((t) => ({ ...t, textHash: 'fnv1a64:0000000000000000' })),
          );
          mine.forEach((r, i) => {
            expect(results[i]).toEqual({
              kind: 'anchored',
              start: r.start,
              end: r.end,
              method: 'position',
              score: 1,
            });
            expect(unhashed[i]).toMatchObject({ kind: 'anchored', start: r.start, end: r.end });
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('puts no claim of a 300 KB edited synthetic article in a wrong place', () => {
    const article = syntheticArticle(reportSentences(), 300_000, 11);
    const ranges = syntheticClaims(article.text, 3_000, 12);
    const edit = editArticle(article, ranges, 13);
    const targets = ranges.map((range) => targetFor('synthetic', article.text, range));
    const results = reanchorAll(edit.edited, targets);
    const verdicts = { correct: 0, orphaned: 0, misanchored: 0, followedEdit: 0 };
    results.forEach((result, i) => {
      const claim = edit.claims[i] as ClaimTruth;
      const v = verdict(result, claim);
      if (v === 'misanchored' && followedEdit(result, claim)) verdicts.followedEdit++;
      else verdicts[v]++;
    });
    expect(verdicts.misanchored).toBe(0);
    expect(verdicts.correct).toBeGreaterThan(0.8 * targets.length);
  });
});
