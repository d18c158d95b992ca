import { describe, expect, it } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import type { TextRange } from '../claims/claim.ts';
import { passageVoices } from './passage-speaker.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';

const nt = articleText(newstalk);
const bi = articleText(businessInsider);

function at(text: string, passage: string): TextRange {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`not in the text: ${passage}`);
  return { start, end: start + passage.length };
}

const voices = (article: typeof nt, passage: string) =>
  passageVoices(article, at(article.text, passage)).map((v) => [v.mode, v.person]);

describe('passageVoices', () => {
  it('gives a quoted passage to the quote’s speaker', () => {
    expect(voices(nt, 'we want to work to achieve a better future.')).toEqual([
      ['quoted', 'johnson'],
    ]);
    expect(voices(bi, 'Johnson: Not successfully!')).toEqual([['quoted', 'johnson']]);
  });

  it('gives reported speech to the subject of the speech verb, before or inside the passage', () => {
    expect(voices(nt, 'after mentioning the series of insulting statements')).toEqual([
      ['reported', 'lavrov'],
    ]);
    expect(
      voices(nt, 'After the talks, Mr Lavrov said London made a series of aggressive'),
    ).toEqual([['reported', 'lavrov']]);
  });

  it('hears both speakers of a sentence that has two', () => {
    const both = voices(
      bi,
      'Lavrov said problems between the countries had “piled up,” while Johnson said he wanted to see an “improvement” in diplomatic ties.',
    ).map(([, person]) => person);
    expect(both).toContain('lavrov');
    expect(both).toContain('johnson');
  });

  it('leaves the reporter’s own statements to the reporter', () => {
    expect(voices(bi, 'Johnson is in Russia to try and repair UK-Russia relations.')).toEqual([
      ['reporter', null],
    ]);
  });
});
