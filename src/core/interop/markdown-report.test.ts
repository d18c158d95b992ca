import { describe, expect, it } from 'vitest';
import { blockquote, escapeMarkdown, toMarkdownReport } from './markdown-report.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';
import { biText, ntText } from '../test-fixtures/seed-articles.ts';
import { claimOn, seedArticleMap } from '../test-fixtures/seed-claims.ts';

const articles = seedArticleMap;

const HOSTILE_NOTE = '**x** [y](javascript:alert(1)) <script>';

const claims = [
  claimOn(newstalk, ntText, 'insulting statements.\n\nMr Johnson was in Moscow', {
    id: 'c',
    status: 'open',
  }),
  claimOn(newstalk, ntText, 'abundant evidence', {
    id: 'a',
    status: 'disputed',
    note: HOSTILE_NOTE,
    evidence: ['https://example.org/report'],
  }),
  claimOn(businessInsider, biText, 'Johnson: Not successfully!', {
    id: 'b',
    status: 'confirmed',
    note: 'Matches the BuzzFeed transcript.\n# not a heading\n- not a list\n1. not a list',
  }),
  claimOn(newstalk, ntText, 'Sergei Lavrov denied claims', { id: 'd', status: 'disputed' }),
];

const report = toMarkdownReport(claims, articles, { generated: '2025-11-30T08:00:00.000Z' });

/** The lines strictly between the heading starting `from` and the next heading of level ≤ `level`. */
function section(markdown: string, from: string, level: number): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(from));
  if (start === -1) throw new Error(`no heading ${from}`);
  const stop = new RegExp(`^#{1,${level}} `);
  const end = lines.findIndex((line, i) => i > start && stop.test(line));
  return lines.slice(start + 1, end === -1 ? undefined : end).join('\n');
}

describe('toMarkdownReport', () => {
  it('starts with a title and a summary line', () => {
    expect(
      report.startsWith(
        '# Fact-check report\n\nGenerated 2025-11-30T08:00:00.000Z: 4 claims on 2 articles.\n',
      ),
    ).toBe(true);
  });

  it('groups by article, with outlet, headline and address', () => {
    const headings = report.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Newstalk: Boris Johnson and Sergei Lavrov clash during Moscow news conference',
      "## Business Insider Australia: Boris Johnson just had an 'extraordinary' diplomatic spat with Russia in front of some journalists",
    ]);
    expect(report).toContain(`\n<${newstalk.url}>\n`);
    expect(report).toContain(`\n<${businessInsider.url}>\n`);
  });

  it('groups by status in the order Disputed, Confirmed, Open, claims in text order', () => {
    const newstalkSection = section(report, '## Newstalk', 2);
    const statusHeadings = newstalkSection.split('\n').filter((line) => line.startsWith('### '));
    expect(statusHeadings).toEqual(['### Disputed (2)', '### Open (1)']);
    const disputed = section(newstalkSection, '### Disputed', 3);
    expect(disputed.indexOf('> Sergei Lavrov denied claims')).toBeLessThan(
      disputed.indexOf('> abundant evidence'),
    );
  });

  it('shows each claim as a blockquote, then its note and evidence links', () => {
    const disputed = section(report, '### Disputed', 3);
    expect(disputed).toContain(
      [
        '> abundant evidence',
        '',
        'Note: \\*\\*x\\*\\* \\[y\\]\\(javascript:alert\\(1\\)\\) \\<script\\>',
        '',
        'Evidence:',
        '',
        '- <https://example.org/report>',
      ].join('\n'),
    );
  });

  it('keeps a quote spanning paragraphs inside one blockquote', () => {
    expect(section(report, '### Open', 3)).toContain(
      '> insulting statements.\n>\n> Mr Johnson was in Moscow',
    );
  });

  it('escapes block markers at the start of a note’s lines', () => {
    expect(section(report, '### Confirmed', 3)).toContain(
      'Note: Matches the BuzzFeed transcript.\n\\# not a heading\n\\- not a list\n1\\. not a list',
    );
  });

  it('says so when there are no claims', () => {
    expect(toMarkdownReport([], articles, { generated: 'now' })).toContain('No claims yet.');
  });

  it('names an unknown article by its id', () => {
    const claim = claims[0];
    if (!claim) throw new Error('no claim');
    const orphan = { ...claim, target: { ...claim.target, articleId: 'gone_article' } };
    expect(toMarkdownReport([orphan], articles, { generated: 'now' })).toContain(
      '## Unknown article (gone\\_article)',
    );
  });
});

describe('escapeMarkdown', () => {
  it('leaves no unescaped markup in a hostile note', () => {
    const escaped = escapeMarkdown(HOSTILE_NOTE);
    expect(escaped).toBe('\\*\\*x\\*\\* \\[y\\]\\(javascript:alert\\(1\\)\\) \\<script\\>');
    // Removing the escapes gives the original text back: nothing was dropped or changed.
    expect(escaped.replace(/\\(.)/g, '$1')).toBe(HOSTILE_NOTE);
  });

  it('escapes HTML entities, code, tables and backslashes', () => {
    expect(escapeMarkdown('&lt; `code` a|b \\ ~~s~~')).toBe(
      '\\&lt; \\`code\\` a\\|b \\\\ \\~\\~s\\~\\~',
    );
  });
});

describe('blockquote', () => {
  it('prefixes every line, including blank ones and ones starting with markers', () => {
    expect(blockquote('Lavrov: He’s afraid\r\n\r\n> not nested\n  - not a list')).toBe(
      '> Lavrov: He’s afraid\n>\n> \\> not nested\n>   \\- not a list',
    );
  });
});
