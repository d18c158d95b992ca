import { describe, expect, it } from 'vitest';
import type { ArticleText } from '../articles/article-text.ts';
import {
  attributeQuotes,
  speakerAliases,
  speakerLabel,
  speakerMentions,
  type AttributedQuote,
} from './quote-attribution.ts';
import {
  biArticleText as biText,
  ntArticleText as ntText,
} from '../test-fixtures/seed-articles.ts';
import { plainArticle } from '../test-fixtures/synthetic-articles.ts';

const ntQuotes = attributeQuotes(ntText);
const biQuotes = attributeQuotes(biText);

/** The quote whose words start with `words`, failing the test if there is none. */
function quoteStarting(
  article: ArticleText,
  quotes: readonly AttributedQuote[],
  words: string,
  nth = 0,
): AttributedQuote {
  const found = quotes.filter((q) => article.text.slice(q.start, q.end).startsWith(words))[nth];
  if (!found) throw new Error(`no quote starting ${words}`);
  return found;
}

function wordsOf(article: ArticleText, quote: AttributedQuote): string {
  return article.text.slice(quote.start, quote.end);
}

describe('attributeQuotes on the Newstalk report', () => {
  it('finds every quote, in reading order, without the quotation marks', () => {
    expect(ntQuotes.map((q) => wordsOf(ntText, q).slice(0, 24))).toEqual([
      'hostage',
      'hostage',
      'abundant evidence',
      'hard headed',
      'Things are difficult but',
      'We have a duty to work t',
      'Where we can I think we ',
      'And when I look at the d',
      'very difficult patch',
      'We are ready to develop ',
      'We have to find a way fo',
    ]);
    for (const q of ntQuotes) expect(wordsOf(ntText, q)).not.toMatch(/^["'“‘]|["'”’,]$/u);
  });

  it('gives "abundant evidence" to Mr Johnson, the subject of "insisted"', () => {
    expect(quoteStarting(ntText, ntQuotes, 'abundant evidence')).toMatchObject({
      speaker: 'Mr Johnson',
      speakerKey: 'johnson',
      evidence: 'subject of “insisted” before the quote',
    });
  });

  it('gives the second "hostage" quote to Sergei Lavrov, named before the verb', () => {
    expect(quoteStarting(ntText, ntQuotes, 'hostage', 1)).toMatchObject({
      speaker: 'Sergei Lavrov',
      speakerKey: 'lavrov',
      evidence: 'subject of “accused” before the quote',
    });
  });

  // Known limitation: aliases are derived from the text, and Newstalk never ties "the Russian
  // foreign minister" to Lavrov's name (only its photo caption does, which is not in the text).
  it.fails('gives the "hostage" quotes to Lavrov, named by title or by name', () => {
    expect(quoteStarting(ntText, ntQuotes, 'hostage', 0)).toMatchObject({
      speaker: 'The Russian foreign minister',
      speakerKey: 'lavrov',
    });
    expect(quoteStarting(ntText, ntQuotes, 'hostage', 1)).toMatchObject({
      speaker: 'Sergei Lavrov',
      speakerKey: 'lavrov',
      evidence: 'subject of “accused” before the quote',
    });
  });

  it('gives "hard headed" to Theresa May, who promised it', () => {
    expect(quoteStarting(ntText, ntQuotes, 'hard headed')).toMatchObject({
      speaker: 'Theresa May',
      speakerKey: 'may',
      evidence: 'subject of “promised” before the quote',
    });
  });

  it('resolves "he" to Mr Johnson, the last person named as a subject', () => {
    const told = quoteStarting(ntText, ntQuotes, 'Things are difficult');
    expect(told).toMatchObject({ speaker: 'Mr Johnson', speakerKey: 'johnson' });
    expect(told.evidence).toContain('subject of “told” before the quote');
    const added = quoteStarting(ntText, ntQuotes, 'We have a duty');
    expect(added).toMatchObject({ speakerKey: 'johnson' });
    expect(added.evidence).toContain('“he added” after the quote');
    expect(added.evidence).toContain('“he” is Mr Johnson');
  });

  it('runs an unclosed quote to the end of its paragraph', () => {
    const told = quoteStarting(ntText, ntQuotes, 'Things are difficult');
    expect(wordsOf(ntText, told).endsWith('to achieve a better future.')).toBe(true);
  });

  it('carries a whole-paragraph quote on from the quote before it', () => {
    expect(quoteStarting(ntText, ntQuotes, 'And when I look')).toMatchObject({
      speakerKey: 'johnson',
      evidence: 'continues the previous quote by Mr Johnson',
    });
  });

  it('reads speech verbs after the quote, with the speaker before or after the verb', () => {
    expect(quoteStarting(ntText, ntQuotes, 'We are ready')).toMatchObject({
      speaker: 'Mr Lavrov',
      speakerKey: 'lavrov',
      evidence: '“Mr Lavrov said” after the quote',
    });
    expect(quoteStarting(ntText, ntQuotes, 'We have to find')).toMatchObject({
      speaker: 'Mr Johnson',
      speakerKey: 'johnson',
      evidence: '“added Mr Johnson” after the quote',
    });
  });

  it("keeps apostrophes (Russia's, countries') out of the quotes", () => {
    expect(ntQuotes.some((q) => wordsOf(ntText, q).startsWith('s '))).toBe(false);
  });
});

describe('attributeQuotes on the Business Insider report', () => {
  it('gives each exchange line to its speaker, speaker prefix excluded', () => {
    const lines = biQuotes.filter((q) => q.evidence.startsWith('exchange line'));
    expect(lines.map((q) => [wordsOf(biText, q), q.speakerKey, q.evidence])).toEqual([
      [
        'Boris says he has no evidence that Russia interfered on Brexit.',
        'lavrov',
        'exchange line “Lavrov:”',
      ],
      ['Not successfully!', 'johnson', 'exchange line “Johnson:”'],
      [
        'He’s afraid that if he doesn’t contradict me his reputation is going to be ruined.',
        'lavrov',
        'exchange line “Lavrov:”',
      ],
      ['It’s your reputation I worry about!', 'johnson', 'exchange line “Johnson:”'],
    ]);
  });

  it('gives Lavrov "some aggressive statements" and the long denial', () => {
    expect(quoteStarting(biText, biQuotes, 'some aggressive statements')).toMatchObject({
      speaker: 'Lavrov',
      speakerKey: 'lavrov',
      evidence: 'subject of “accused” before the quote',
    });
    const denial = quoteStarting(biText, biQuotes, 'Honestly I cannot remember');
    expect(denial).toMatchObject({
      speakerKey: 'lavrov',
      evidence: '“Lavrov reportedly told” after the quote',
    });
    expect(wordsOf(biText, denial).endsWith('aggressive measures to reciprocate')).toBe(true);
  });

  it('splits one sentence between two speakers by the nearest verb', () => {
    expect(quoteStarting(biText, biQuotes, 'piled up')).toMatchObject({ speakerKey: 'lavrov' });
    expect(quoteStarting(biText, biQuotes, 'improvement')).toMatchObject({ speakerKey: 'johnson' });
  });

  it('gives both GCHQ quotes to GCHQ', () => {
    for (const words of ['the full spectrum', 'from tactical stuff']) {
      expect(quoteStarting(biText, biQuotes, words)).toMatchObject({
        speaker: 'GCHQ',
        speakerKey: 'gchq',
        evidence: 'subject of “told” before the quote',
      });
    }
  });

  it('gives Theresa May her words, named by name', () => {
    for (const words of ['sow discord', 'meddle in elections']) {
      expect(quoteStarting(biText, biQuotes, words)).toMatchObject({
        speaker: 'Theresa May',
        speakerKey: 'may',
      });
    }
  });

  // Known limitation: the text never ties "the prime minister" to Theresa May's name.
  it.fails('gives Theresa May her words, named by name and by title', () => {
    for (const words of ['sow discord', 'meddle in elections']) {
      expect(quoteStarting(biText, biQuotes, words)).toMatchObject({
        speaker: 'Theresa May',
        speakerKey: 'may',
      });
    }
    expect(quoteStarting(biText, biQuotes, 'open economies')).toMatchObject({
      speaker: 'The prime minister',
      speakerKey: 'theresa-may',
    });
  });

  it('names an unlisted speaker from the text', () => {
    // Named with the title the text gives her, keyed by surname like everyone.
    expect(quoteStarting(biText, biQuotes, 'extraordinary.')).toMatchObject({
      speaker: 'ITV News journalist Amber de Botton',
      speakerKey: 'de-botton',
    });
    expect(speakerLabel('de-botton')).toBe('Amber de Botton');
  });

  it('leaves the headline and standfirst scare quotes without a speaker', () => {
    const [headline, standfirst] = biQuotes;
    for (const quote of [headline, standfirst]) {
      expect(quote).toMatchObject({ speaker: null, speakerKey: null });
      expect(quote?.evidence).toContain('scare quote');
    }
    expect(biText.text.slice(headline?.start, headline?.end)).toBe('extraordinary');
  });
});

describe('speaker aliases and labels', () => {
  it('lists the people each article quotes or titles, derived from its text', () => {
    // North Korea and Vladimir Putin are named but never speak: they are not listed.
    expect(speakerAliases(ntText).map((a) => a.key)).toEqual(['johnson', 'lavrov', 'may']);
    expect(speakerAliases(biText).map((a) => a.key)).toEqual([
      'johnson',
      'lavrov',
      'de-botton',
      'may',
      'gchq',
    ]);
    const johnson = speakerAliases(ntText)[0];
    expect(johnson?.names).toEqual(['Boris Johnson', 'Johnson']);
    // The title comes from "British foreign secretary Boris Johnson".
    expect(johnson?.titles).toEqual(['foreign secretary']);
    expect(speakerAliases(biText)[1]?.titles).toEqual(['counterpart']);
  });

  it('joins a title to the name that follows it', () => {
    const mentions = speakerMentions(ntText).map((m) => [m.text, m.key]);
    expect(mentions).toContainEqual(['British foreign secretary Boris Johnson', 'johnson']);
  });

  // Known limitation: Newstalk never writes "foreign minister" next to Lavrov's name.
  it.fails('finds Lavrov by a title the text never ties to his name', () => {
    const mentions = speakerMentions(ntText).map((m) => [m.text, m.key]);
    expect(mentions).toContainEqual(["Russia's foreign minister", 'lavrov']);
  });

  it('labels keys for display', () => {
    expect(speakerLabel('johnson')).toBe('Boris Johnson');
    expect(speakerLabel('lavrov')).toBe('Sergei Lavrov');
    expect(speakerLabel('may')).toBe('Theresa May');
    expect(speakerLabel('gchq')).toBe('GCHQ');
    expect(speakerLabel('reporter')).toBe('The reporter');
  });
});

describe('attributeQuotes on small texts', () => {
  function textOf(...paragraphs: string[]): ArticleText {
    return plainArticle(paragraphs);
  }

  it('gives a pronoun with no antecedent no speaker', () => {
    const [quote] = attributeQuotes(textOf('"We will meet again in the spring," he said.'));
    expect(quote).toMatchObject({ speaker: null, speakerKey: null });
  });

  it('treats a "so-called" term as a scare quote', () => {
    const [quote] = attributeQuotes(textOf('Officials discussed the “so-called” reset at length.'));
    expect(quote).toMatchObject({ speakerKey: null });
    expect(quote?.evidence).toContain('scare quote');
  });
});
