import { describe, expect, it } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import { quotedRanges, stemWord, tokenize } from './text-tokens.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';

const ntText = articleText(newstalk).text;
const biText = articleText(businessInsider).text;

const stems = (text: string) => tokenize(text).map((t) => t.stem);
const contentStems = (text: string) =>
  tokenize(text)
    .filter((t) => !t.stop)
    .map((t) => t.stem);

describe('tokenize', () => {
  it('gives each token its offsets in the input', () => {
    const sentence = 'Johnson is the first UK foreign secretary to visit Russia in five years';
    expect(biText).toContain(sentence);
    for (const token of tokenize(biText)) {
      expect(biText.slice(token.start, token.end)).toBe(token.text);
    }
    expect(tokenize(sentence).slice(0, 3)).toEqual([
      { text: 'Johnson', stem: 'johnson', start: 0, end: 7, kind: 'name', stop: false },
      { text: 'is', stem: 'is', start: 8, end: 10, kind: 'word', stop: true },
      { text: 'the', stem: 'the', start: 11, end: 14, kind: 'word', stop: true },
    ]);
  });

  it('makes "five years" and "5 years" the same, as the two reports word the visit', () => {
    const newstalkVisit = 'the first visit by a Foreign Secretary for five years.';
    const biVisit = 'the first UK foreign secretary to visit Russia in five years';
    expect(ntText).toContain(newstalkVisit);
    expect(biText).toContain(biVisit);
    expect(stems('for five years')).toEqual(stems('for 5 years'));
    expect(tokenize('five')[0]).toMatchObject({ kind: 'number', stem: '5', stop: false });
    expect(tokenize('twenty')[0]?.stem).toBe('20');
    const shared = contentStems(newstalkVisit).filter((s) => contentStems(biVisit).includes(s));
    expect(shared).toEqual(['first', 'visit', 'foreign', 'secretary', '5', 'year']);
  });

  it('reads digits with separators as one number', () => {
    expect(tokenize('in 2006, 1,000 people and 5.5%')).toEqual([
      expect.objectContaining({ stem: 'in', kind: 'word' }),
      expect.objectContaining({ text: '2006', stem: '2006', kind: 'number' }),
      expect.objectContaining({ text: '1,000', stem: '1000', kind: 'number' }),
      expect.objectContaining({ text: 'people', stem: 'peopl' }),
      expect.objectContaining({ stem: 'and' }),
      expect.objectContaining({ text: '5.5', stem: '5.5', kind: 'number' }),
    ]);
    expect(tokenize('10am')[0]).toMatchObject({ text: '10am', kind: 'word' });
  });

  it('folds curly apostrophes and drops possessives', () => {
    expect(stems('Lavrov’s reputation')).toEqual(['lavrov', 'reputation']);
    expect(stems("Lavrov's")).toEqual(['lavrov']);
    expect(stems("the both countries' ability")).toEqual(['the', 'both', 'country', 'ability']);
    expect(tokenize('doesn’t')[0]?.stem).toBe("doesn't");
  });

  it('splits at hyphens and dashes, so UK-Russia and UK–Russia compare equal', () => {
    expect(stems('UK-Russia relations')).toEqual(['uk', 'russia', 'relation']);
    expect(stems('UK–Russia relations')).toEqual(stems('UK-Russia relations'));
  });

  it('flags capitalised words as names, and keeps capitals from being stop words', () => {
    const tokens = tokenize('Mr Lavrov said the US and us');
    expect(tokens.map((t) => [t.text, t.kind, t.stop])).toEqual([
      ['Mr', 'word', true],
      ['Lavrov', 'name', false],
      ['said', 'word', true],
      ['the', 'word', true],
      ['US', 'name', false],
      ['and', 'word', true],
      ['us', 'word', true],
    ]);
    // Names are not suffix-stripped: "Jones" is not the plural of "Jone".
    expect(tokenize('Tom Jones')[1]?.stem).toBe('jones');
  });

  it('keeps negations as content: they reverse the statement', () => {
    expect(tokenize('Johnson: Not successfully!').map((t) => [t.stem, t.stop])).toEqual([
      ['johnson', false],
      ['not', false],
      ['successful', false],
    ]);
    expect(tokenize('I cannot remember')[1]?.stop).toBe(false);
  });

  it('counts "following" and "front" as content only where they are not prepositions', () => {
    const headline = biText.slice(0, biText.indexOf('\n'));
    expect(headline).toContain('in front of some journalists');
    expect(contentStems(headline)).not.toContain('front');
    const period = 'following a period which has seen relations between London and Moscow';
    expect(biText).toContain(period);
    expect(contentStems(period)).not.toContain('follow');
    expect(contentStems('the following day, on the western front')).toEqual([
      'follow',
      'day',
      'western',
      'front',
    ]);
  });
});

describe('stemWord', () => {
  it('brings the usual forms of a word to one stem', () => {
    const same = (...words: string[]) =>
      expect(new Set(words.map(stemWord)).size, words.join(' ')).toBe(1);
    same('accuse', 'accused', 'accuses', 'accusing');
    same('interfere', 'interfered', 'interferes', 'interfering');
    same('worry', 'worries', 'worried', 'worrying');
    same('deny', 'denies', 'denied');
    same('country', 'countries');
    same('statement', 'statements');
    same('stop', 'stopped', 'stopping');
    same('agree', 'agreed');
    same('report', 'reported', 'reportedly');
    same('relation', 'relations');
    same('year', 'years');
  });

  it('leaves short words and -ss, -us, -is endings alone', () => {
    expect(stemWord('this')).toBe('this');
    expect(stemWord('press')).toBe('press');
    expect(stemWord('status')).toBe('status');
    expect(stemWord('crisis')).toBe('crisis');
    expect(stemWord('bring')).toBe('bring');
    expect(stemWord('successfully')).toBe('successful');
  });
});

describe('quotedRanges', () => {
  const quoted = (text: string) => quotedRanges(text).map((r) => text.slice(r.start, r.end));

  it('finds straight, curly and single quotes in the real reports', () => {
    expect(
      quoted(
        'Mr Johnson insisted there was "abundant evidence" that Russia had attempted to influence polls',
      ),
    ).toEqual(['abundant evidence']);
    expect(
      quoted('accused the UK government of making “some aggressive statements” towards'),
    ).toEqual(['some aggressive statements']);
    expect(quoted("accused his British counterpart of being 'hostage' to allegations")).toEqual([
      'hostage',
    ]);
  });

  it('leaves apostrophes alone', () => {
    expect(quoted('Lavrov’s reputation and the both countries’ ability')).toEqual([]);
    expect(quoted("the both countries' ability, doesn't it")).toEqual([]);
  });

  it('ends an unclosed quote with its paragraph, as news style leaves it open', () => {
    const opening =
      'He told Mr Lavrov before the talks got under way: "Things are difficult but we want to work together';
    expect(ntText).toContain(opening);
    const text = `${opening}.\n\nNext paragraph.`;
    expect(quoted(text)).toEqual(['Things are difficult but we want to work together.']);
  });

  it('finds every quote of the Newstalk report inside one paragraph', () => {
    for (const range of quotedRanges(ntText)) {
      expect(ntText.slice(range.start, range.end)).not.toContain('\n');
    }
    expect(quoted(ntText)).toContain('hard headed');
    expect(quoted(ntText)).toContain('very difficult patch');
  });
});
