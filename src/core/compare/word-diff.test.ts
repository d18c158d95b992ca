import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff.ts';

describe('wordDiff', () => {
  const ntVisit = 'the first visit by a Foreign Secretary for five years';
  const biVisit = 'the first UK foreign secretary to visit Russia in five years';

  it('shows what each outlet added and dropped, word by word', () => {
    const parts = wordDiff(ntVisit, biVisit);
    expect(parts).toEqual([
      { kind: 'same', text: 'the first ' },
      { kind: 'removed', text: 'visit by a ' },
      { kind: 'added', text: 'UK ' },
      { kind: 'same', text: 'Foreign Secretary ' },
      { kind: 'removed', text: 'for ' },
      { kind: 'added', text: 'to visit Russia in ' },
      { kind: 'same', text: 'five years' },
    ]);
  });

  it('gives back each side: same and removed parts are a, same and added parts are b', () => {
    const a = 'Lavrov said London made a series of aggressive and insulting statements.';
    const b = 'we hear some aggressive statements from London';
    const parts = wordDiff(a, b);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(a);
    const words = (text: string) => text.toLowerCase().match(/[a-z]+/g);
    const bSide = parts.filter((p) => p.kind !== 'removed').map((p) => p.text);
    expect(words(bSide.join(' '))).toEqual(words(b));
    expect(parts.find((p) => p.kind === 'added')?.text).toBe('we hear some ');
  });

  it('folds quotes, dashes and case but keeps each side’s spelling', () => {
    expect(wordDiff('“some aggressive statements”', '"Some aggressive statements"')).toEqual([
      { kind: 'same', text: '“some aggressive statements”' },
    ]);
    expect(wordDiff('five years', '5 years')).toEqual([
      { kind: 'removed', text: 'five ' },
      { kind: 'added', text: '5 ' },
      { kind: 'same', text: 'years' },
    ]);
    expect(wordDiff('', 'new text')).toEqual([{ kind: 'added', text: 'new text' }]);
    expect(wordDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });
});
