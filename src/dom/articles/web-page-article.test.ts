// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../core/articles/article-text.ts';
import { inertMarkup, webPageArticle } from './web-page-article.ts';

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../../../e2e/fixtures/own-articles', name), 'utf8');

describe('webPageArticle', () => {
  it('keeps a saved news page’s report and none of its furniture', () => {
    const article = webPageArticle(fixture('saved-news-page.html'));
    const text = articleText(article).text;
    expect(article.headline).toBe('Council approves £48m flood wall after heated meeting');
    expect(article.outlet).toBe('Harbour Gazette');
    expect(article.published).toBe('2026-03-11');
    expect(article.url).toBe(
      'https://www.harbourgazette.example/news/2026/03/11/council-approves-flood-wall',
    );
    expect(text).toContain('Harbourside councillors have approved a £48 million flood wall');
    expect(text).toContain(
      'Engineers said the gates could be closed by two staff in under an hour.',
    );
    expect(text).toContain('asking for a judicial review of the decision.');
    expect(article.body).toContainEqual({ type: 'subheading', text: 'Glass panels and gates' });
    for (const furniture of [
      'cookies',
      'Sign up',
      'ADVERTISEMENT',
      'Compare energy deals',
      'Ferry timetable',
      'SeaView62',
      'Log in to comment',
      'Share on X',
      'All rights reserved',
      'dataLayer',
    ]) {
      expect(text).not.toContain(furniture);
    }
  });

  it('keeps only the text of a hostile page', () => {
    const article = webPageArticle(fixture('hostile-page.html'));
    const text = articleText(article).text;
    expect(text).toContain('scrupulously fair');
    expect(text).toContain('did not change the ranking of the bids.');
    expect(text).not.toMatch(/javascript|__hostileRan|tracker\.invalid|<script/i);
  });

  it('says when a page has no readable article', () => {
    expect(() =>
      webPageArticle(
        '<html><head><title>Log in</title></head><body><nav><a href="/">Home</a></nav><form><input></form></body></html>',
      ),
    ).toThrow(/Could not find a readable article/);
  });
});

describe('inertMarkup', () => {
  it('renames handlers and styles in tags, in any case, and leaves the text alone', () => {
    expect(
      inertMarkup(
        '<BODY OnLoad="x()"><p style="color:red" onclick=\'y()\'>Carry on=regardless</p><STYLE>p{}</style><base href="http://t.invalid/"><svg/onload=z()>',
      ),
    ).toBe(
      '<BODY data-inert-OnLoad="x()"><p data-inert-style="color:red" data-inert-onclick=\'y()\'>Carry on=regardless</p><template>p{}</template><x-inert-base href="http://t.invalid/"><svg/data-inert-onload=z()>',
    );
  });
});
