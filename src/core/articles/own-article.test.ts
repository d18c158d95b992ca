import { describe, expect, it } from 'vitest';
import { articleText } from './article-text.ts';
import { markdownArticle } from './markdown-article.ts';
import {
  ArticleInputError,
  MAX_ARTICLE_TEXT_CHARS,
  ownArticleId,
  plainTextArticle,
} from './own-article.ts';
import { isOwnArticleId } from './own-article-id.ts';

// From the Newstalk report of the Johnson–Lavrov press conference (data/articles).
const PASTED = `Johnson and Lavrov clash over Russian interference

The UK Foreign Secretary Boris Johnson has clashed with Russia's foreign minister over
allegations of Russian meddling in the Brexit referendum.

Speaking at a press conference in Moscow, Mr Lavrov said that there was no evidence of Russian
involvement.

Lavrov: You said we are interfering in your elections.

Johnson: Not successfully, I said.`;

describe('plainTextArticle', () => {
  it('splits blank-line paragraphs, takes the first as title, keeps exchange lines', () => {
    const article = plainTextArticle(PASTED);
    expect(article.headline).toBe('Johnson and Lavrov clash over Russian interference');
    expect(article.body).toEqual([
      {
        type: 'paragraph',
        text: "The UK Foreign Secretary Boris Johnson has clashed with Russia's foreign minister over allegations of Russian meddling in the Brexit referendum.",
      },
      {
        type: 'paragraph',
        text: 'Speaking at a press conference in Moscow, Mr Lavrov said that there was no evidence of Russian involvement.',
      },
      { type: 'line', speaker: 'Lavrov', text: 'You said we are interfering in your elections.' },
      { type: 'line', speaker: 'Johnson', text: 'Not successfully, I said.' },
    ]);
    expect(article.outlet).toBe('Added article');
    expect(article.url).toBeUndefined();
  });

  it('keeps a given title and source address, and names the site', () => {
    const article = plainTextArticle(PASTED, {
      title: 'My title',
      url: 'https://www.newstalk.com/news/johnson-lavrov',
    });
    expect(article.headline).toBe('My title');
    expect(article.body[0]).toEqual({
      type: 'paragraph',
      text: 'Johnson and Lavrov clash over Russian interference',
    });
    expect(article.outlet).toBe('newstalk.com');
    expect(article.url).toBe('https://www.newstalk.com/news/johnson-lavrov');
  });

  it('gives the same text the same id, and another text another', () => {
    const a = plainTextArticle(PASTED);
    expect(plainTextArticle(PASTED.replace(/\n/g, '\r\n')).id).toBe(a.id);
    expect(a.id).toBe(ownArticleId(articleText(a).text));
    expect(isOwnArticleId(a.id)).toBe(true);
    expect(a.id).toMatch(/^own-[0-9a-f]{16}$/);
    expect(plainTextArticle(`${PASTED}.`).id).not.toBe(a.id);
  });

  it('refuses empty text, a title alone and text over the limit', () => {
    expect(() => plainTextArticle(' \n\n ')).toThrow(ArticleInputError);
    expect(() => plainTextArticle('Only a title')).toThrow(/only a title/i);
    const long = `Title\n\n${'Mr Lavrov said that there was no evidence. '.repeat(MAX_ARTICLE_TEXT_CHARS / 40)}`;
    expect(() => plainTextArticle(long)).toThrow(/too large/);
  });
});

describe('markdownArticle', () => {
  it('keeps headings and paragraphs, drops markup', () => {
    const article = markdownArticle(
      [
        '# Johnson and Lavrov clash',
        '',
        'The UK Foreign Secretary **Boris Johnson** has [clashed](https://example.com) with',
        "Russia's foreign minister &amp; `others`.<script>alert(1)</script>",
        '',
        '## At the press conference',
        '',
        '- Mr Lavrov said there was *no evidence*.',
        '- ![photo](x.png) Photo caption',
        '',
        '> Not successfully, I said.',
      ].join('\n'),
    );
    expect(article.headline).toBe('Johnson and Lavrov clash');
    expect(article.body).toEqual([
      {
        type: 'paragraph',
        text: "The UK Foreign Secretary Boris Johnson has clashed with Russia's foreign minister & others.",
      },
      { type: 'subheading', text: 'At the press conference' },
      { type: 'paragraph', text: 'Mr Lavrov said there was no evidence.' },
      { type: 'paragraph', text: 'Photo caption' },
      { type: 'paragraph', text: 'Not successfully, I said.' },
    ]);
  });
});
