import { describe, expect, it } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import type { Claim } from '../claims/claim.ts';
import { anchorArticleClaims, withClaimsReplaced } from './claim-anchors.ts';
import { reanchorAll } from './reanchor.ts';
import { newstalk } from '../test-fixtures/seed-articles.ts';
import { targetFor } from './text-selectors.ts';

const text = articleText(newstalk).text;

function claimOn(id: string, quote: string): Claim {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`not in text: ${quote}`);
  const target = targetFor(newstalk.id, text, { start, end: start + quote.length });
  const at = '2026-11-23T08:00:00.000Z';
  return { id, target, status: 'open', note: '', evidence: [], createdAt: at, updatedAt: at };
}

const claims = [
  claimOn('a', 'abundant evidence'),
  claimOn('b', 'hard headed'),
  claimOn('c', 'aggressive and insulting statements'),
];

describe('anchorArticleClaims', () => {
  it('keeps the saved offsets on the text the claims were made on', () => {
    const { anchored, orphaned } = anchorArticleClaims(text, claims);
    expect(orphaned).toEqual([]);
    expect(anchored.map(({ claim, start, end, edited }) => [claim.id, start, end, edited])).toEqual(
      claims.map((c) => [c.id, c.target.position.start, c.target.position.end, false]),
    );
  });

  it('follows a corrected article: a new opening paragraph and one quote reworded', () => {
    const opening = 'Correction: an earlier version of this report misstated a date.\n\n';
    const corrected =
      opening +
      text.replace('aggressive and insulting statements', 'aggressive and insulting comments');
    const { anchored, orphaned } = anchorArticleClaims(corrected, claims, reanchorAll);
    expect(orphaned).toEqual([]);
    const byId = new Map(anchored.map((a) => [a.claim.id, a]));
    for (const id of ['a', 'b']) {
      const found = byId.get(id);
      const claim = claims.find((c) => c.id === id);
      expect(found && corrected.slice(found.start, found.end)).toBe(claim?.target.quote.exact);
      expect(found?.edited).toBe(false);
    }
    const reworded = byId.get('c');
    expect(reworded && corrected.slice(reworded.start, reworded.end)).toBe(
      'aggressive and insulting comments',
    );
    expect(reworded?.edited).toBe(true);
  });

  it('holds claims made on another text as pending until the re-anchoring code is given', () => {
    const changed = `Update.\n\n${text}`;
    const before = anchorArticleClaims(changed, claims);
    expect(before.pending.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(before.anchored).toEqual([]);
    expect(before.orphaned).toEqual([]);
    const after = anchorArticleClaims(changed, claims, reanchorAll);
    expect(after.pending).toEqual([]);
    expect(after.anchored.map((a) => changed.slice(a.start, a.end))).toEqual(
      claims.map((c) => c.target.quote.exact),
    );
  });

  it('lists a claim whose sentence was deleted as orphaned, not dropped', () => {
    const sentence = text.slice(
      text.lastIndexOf('\n', text.indexOf('hard headed')) + 1,
      text.indexOf('\n', text.indexOf('hard headed')),
    );
    const { anchored, orphaned } = anchorArticleClaims(
      text.replace(sentence, ''),
      claims,
      reanchorAll,
    );
    expect(orphaned.map((c) => c.id)).toEqual(['b']);
    expect(anchored.map((a) => a.claim.id).sort()).toEqual(['a', 'c']);
  });
});

describe('withClaimsReplaced', () => {
  it('swaps a re-tagged claim in at the same place and keeps every other entry as it was', () => {
    const before = anchorArticleClaims(text, claims);
    const disputed: Claim = { ...claimOn('b', 'hard headed'), status: 'disputed' };
    const after = withClaimsReplaced(before, [disputed]);
    expect(after.anchored.map((a) => [a.claim.status, a.start, a.end])).toEqual(
      before.anchored.map((a) => [
        a.claim.id === 'b' ? 'disputed' : a.claim.status,
        a.start,
        a.end,
      ]),
    );
    expect(after.anchored[0]).toBe(before.anchored[0]);
    expect(after.anchored[2]).toBe(before.anchored[2]);
    expect(after.orphaned).toBe(before.orphaned);
  });

  it('returns the same object when none of its claims changed', () => {
    const before = anchorArticleClaims(text, claims);
    expect(withClaimsReplaced(before, [])).toBe(before);
    expect(withClaimsReplaced(before, [{ ...claimOn('elsewhere', 'hard headed') }])).toBe(before);
  });
});
