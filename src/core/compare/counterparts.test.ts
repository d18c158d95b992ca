import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../articles/article-sentences.ts';
import { articleText } from '../articles/article-text.ts';
import type { TextRange } from '../claims/claim.ts';
import {
  COUNTERPART_THRESHOLD,
  compareArticles,
  findCounterparts,
  wordDiff,
  type Counterpart,
} from './counterparts.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';
import { plainArticle, syntheticPair } from '../test-fixtures/synthetic-articles.ts';

const nt = articleText(newstalk);
const bi = articleText(businessInsider);
const ntSide = { text: nt.text, sentences: sentencesOf(nt) };
const biSide = { text: bi.text, sentences: sentencesOf(bi) };

/** The range of the first occurrence of `quote` in `text`. */
function at(text: string, quote: string): TextRange {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { start, end: start + quote.length };
}

const sliceOf = (text: string, c: Counterpart | undefined) => c && text.slice(c.start, c.end);

/** A text made of plain paragraphs, with its sentences, as an article would give them. */
const FOOTBALL =
  'Liverpool beat Everton 3-1 at Anfield on Saturday, with Mohamed Salah scoring twice before half-time. ' +
  'The visitors pulled one back through a late header, but the home side held on to move second in the table.';

describe('findCounterparts', () => {
  it('finds the Business Insider sentence on the first visit in five years', () => {
    const visit = 'the first visit by a Foreign Secretary for five years.';
    const [top, ...rest] = findCounterparts({ text: nt.text, range: at(nt.text, visit) }, biSide);
    expect(sliceOf(bi.text, top)).toContain(
      'Johnson is the first UK foreign secretary to visit Russia in five years',
    );
    expect(top?.score).toBeGreaterThan(0.4);
    expect(top?.score).toBeLessThanOrEqual(1);
    const explains = top?.reasons.map((r) => r.explain) ?? [];
    expect(explains).toContain('Same wording: “five years”');
    expect(explains).toContain('Shared numbers: five');
    expect(explains.find((e) => e.startsWith('Shared words:'))).toBe(
      'Shared words: first, visit, Foreign, Secretary, years',
    );
    // The reasons account for the whole score, strongest first.
    const weights = top?.reasons.map((r) => r.weight) ?? [];
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(top?.score ?? 0, 10);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    for (const other of rest) expect(other.score).toBeLessThanOrEqual(top?.score ?? 0);
  });

  it('matches "aggressive and insulting statements" to "some aggressive statements"', () => {
    const newstalkLine =
      'After the talks, Mr Lavrov said London made a series of aggressive and insulting statements.';
    const found = findCounterparts({ text: nt.text, range: at(nt.text, newstalkLine) }, biSide);
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.every((c) => bi.text.slice(c.start, c.end).includes('aggressive statements')),
    ).toBe(true);
    expect(found[0]?.reasons.map((r) => r.explain)).toContain(
      'Shared words: aggressive, statements',
    );
  });

  it('answers "Not successfully!" with the Brexit meddling sentence', () => {
    const [top] = findCounterparts(
      { text: bi.text, range: at(bi.text, 'Johnson: Not successfully!') },
      ntSide,
    );
    expect(sliceOf(nt.text, top)).toBe(
      'He also told Mr Lavrov that Russia had been unable to successfully meddle in the Brexit referendum.',
    );
  });

  it('does not take a negated word for the same report: “abundant evidence” is not “no evidence”', () => {
    expect(
      findCounterparts({ text: nt.text, range: at(nt.text, 'abundant evidence') }, biSide),
    ).toEqual([]);
  });

  it('can take a window of two adjacent sentences, here two exchange lines', () => {
    const meddle =
      'He also told Mr Lavrov that Russia had been unable to successfully meddle in the Brexit referendum.';
    const [top] = findCounterparts({ text: nt.text, range: at(nt.text, meddle) }, biSide);
    expect(sliceOf(bi.text, top)).toBe(
      'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.\n\nJohnson: Not successfully!',
    );
  });

  it('finds the other wording of "It’s your reputation I worry about" in the same report', () => {
    const line = at(bi.text, 'Johnson: It’s your reputation I worry about!');
    const others = biSide.sentences.filter((s) => s.end <= line.start || s.start >= line.end);
    const found = findCounterparts(
      { text: bi.text, range: line },
      { ...biSide, sentences: others },
    );
    expect(found.map((c) => bi.text.slice(c.start, c.end))).toContain(
      'Lavrov accused Johnson of deliberately contradicting him in order to protect his reputation, to which the Conservative minister said it was Lavrov’s reputation which he worries about, according to reports from journalists in attendance.',
    );
  });

  it('names a direct quote both reports share', () => {
    const other = plainArticle([
      'The foreign secretary said there was "abundant evidence" of Russian meddling in elections.',
      'Mr Lavrov rejected that.',
    ]);
    const source =
      'Mr Johnson insisted there was "abundant evidence" that Russia had attempted to influence polls in the US, Germany, Denmark and France.';
    const [top] = findCounterparts({ text: nt.text, range: at(nt.text, source) }, other);
    expect(sliceOf(other.text, top)).toContain('abundant evidence');
    expect(top?.reasons[0]?.explain).toBe('Same quote: “abundant evidence”');
  });

  it('gives nothing for an unrelated football report, either way', () => {
    const football = plainArticle([FOOTBALL]);
    for (const sentence of ntSide.sentences) {
      expect(findCounterparts({ text: nt.text, range: sentence }, football)).toEqual([]);
    }
    for (const sentence of football.sentences) {
      expect(findCounterparts({ text: football.text, range: sentence }, biSide)).toEqual([]);
      expect(findCounterparts({ text: football.text, range: sentence }, ntSide)).toEqual([]);
    }
  });

  it('gives nothing for a passage that shares only names', () => {
    const other = plainArticle(['Boris Johnson and Sergei Lavrov were both in Moscow on Friday.']);
    const source =
      'Theresa May had earlier promised that Mr Johnson would take a "hard headed" approach';
    expect(findCounterparts({ text: nt.text, range: at(nt.text, source) }, other)).toEqual([]);
  });

  it('honours the threshold and limit options', () => {
    const statements =
      'After the talks, Mr Lavrov said London made a series of aggressive and insulting statements.';
    const source = { text: nt.text, range: at(nt.text, statements) };
    expect(findCounterparts(source, biSide, { threshold: 0.99 })).toEqual([]);
    expect(findCounterparts(source, biSide, { limit: 1 })).toHaveLength(1);
    const many = findCounterparts(source, biSide, { threshold: 0, limit: 5 });
    expect(many.length).toBeGreaterThan(1);
    expect(many.length).toBeLessThanOrEqual(5);
    for (let i = 0; i < many.length; i++) {
      for (let j = i + 1; j < many.length; j++) {
        const [a, b] = [many[i], many[j]];
        expect(a && b && a.start < b.end && b.start < a.end).toBe(false);
      }
    }
    expect(COUNTERPART_THRESHOLD).toBeGreaterThan(0);
  });
});

describe('compareArticles', () => {
  it('gives every Newstalk sentence its best Business Insider counterpart or none', () => {
    const overview = compareArticles(ntSide, biSide);
    expect(overview.map((o) => o.sentence)).toEqual(ntSide.sentences);
    const visit = overview.find((o) =>
      o.sentence.text.includes('first visit by a Foreign Secretary'),
    );
    expect(sliceOf(bi.text, visit?.counterpart ?? undefined)).toContain(
      'first UK foreign secretary',
    );
    const fsb = overview.find((o) => o.sentence.text.includes('FSB'));
    expect(fsb?.counterpart).toBeNull();
    const covered = overview.filter((o) => o.counterpart !== null).length;
    expect(covered).toBeGreaterThan(3);
    expect(covered).toBeLessThan(overview.length);
    expect(compareArticles(ntSide, biSide)).toEqual(overview);
  });

  it('compares two 50,000-word articles, finding the paragraphs they share', () => {
    const { a, b } = syntheticPair(1300);
    const left = plainArticle(a);
    const right = plainArticle(b);
    expect(left.text.split(' ').length).toBeGreaterThanOrEqual(50_000);
    // How long this takes is a benchmark figure (npm run bench), not a test.
    const overview = compareArticles(left, right);
    expect(overview).toHaveLength(2600);
    expect(overview[0]?.counterpart?.score).toBeCloseTo(1, 5);
  });
});

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
