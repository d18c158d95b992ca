import type { Article } from '../articles/article-schema.ts';
import type { Claim, ClaimStatus } from '../claims/claim.ts';
import { isEvidenceLink } from '../claims/claim-schema.ts';

const SECTIONS: readonly { status: ClaimStatus; title: string }[] = [
  { status: 'disputed', title: 'Disputed' },
  { status: 'confirmed', title: 'Confirmed' },
  { status: 'open', title: 'Open' },
];

// Characters with a meaning anywhere in a line: emphasis, code, links, images, HTML, entities,
// tables, strikethrough and the escape itself.
const INLINE_SPECIAL = /[\\`*_[\]()<>#!|~&{}]/g;

/**
 * Escapes user text so that Markdown shows it literally: every inline special character gets a
 * backslash, and so does anything that would start a block (list, heading, quote, rule) at the
 * start of a line. Line breaks are kept; `\r\n` and `\r` become `\n`.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(INLINE_SPECIAL, (c) => `\\${c}`)
        // List markers, setext underlines and ordered-list numbers at the start of a line.
        .replace(/^(\s*)([-+=])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** Text as a blockquote: every line, blank ones too, starts with `>` so the quote cannot end early. */
export function blockquote(text: string): string {
  return escapeMarkdown(text)
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** A heading-safe single line: line breaks become spaces. */
function oneLine(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/** An http(s) address as an autolink; characters an autolink cannot hold are percent-encoded. */
function autolink(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
}

function claimMarkdown(claim: Claim): string {
  const parts = [blockquote(claim.target.quote.exact)];
  if (claim.note.trim() !== '') parts.push(`Note: ${escapeMarkdown(claim.note.trim())}`);
  if (claim.evidence.length > 0) {
    const links = claim.evidence.map(
      (link) => `- ${isEvidenceLink(link) ? autolink(link) : escapeMarkdown(link)}`,
    );
    parts.push(['Evidence:', '', ...links].join('\n'));
  }
  return parts.join('\n\n');
}

function articleHeading(articleId: string, article: Article | undefined): string {
  if (!article) return `## Unknown article (${oneLine(articleId)})`;
  const lines = [`## ${oneLine(article.outlet)}: ${oneLine(article.headline)}`];
  if (article.url !== undefined && isEvidenceLink(article.url)) {
    lines.push('', autolink(article.url));
  }
  return lines.join('\n');
}

/**
 * A readable Markdown report of the claims, grouped by article (in the order of `articles`,
 * then unknown articles by id) and then by status (Disputed, Confirmed, Open), each claim in
 * text order as a blockquote of the quote, then its note and evidence links. All user text is
 * escaped, so markup in a quote or note is shown, never interpreted.
 */
export function toMarkdownReport(
  claims: readonly Claim[],
  articles: ReadonlyMap<string, Article>,
  options: { generated: string },
): string {
  const byArticle = new Map<string, Claim[]>();
  for (const claim of claims) {
    const list = byArticle.get(claim.target.articleId);
    if (list) list.push(claim);
    else byArticle.set(claim.target.articleId, [claim]);
  }
  const known = [...articles.keys()].filter((id) => byArticle.has(id));
  const unknown = [...byArticle.keys()].filter((id) => !articles.has(id)).sort();
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

  const out: string[] = [
    '# Fact-check report',
    `Generated ${escapeMarkdown(options.generated)}: ${count(claims.length, 'claim')} on ${count(byArticle.size, 'article')}.`,
  ];
  if (claims.length === 0) out.push('No claims yet.');
  for (const articleId of [...known, ...unknown]) {
    const articleClaims = byArticle.get(articleId) ?? [];
    out.push(articleHeading(articleId, articles.get(articleId)));
    for (const { status, title } of SECTIONS) {
      const inSection = articleClaims
        .filter((claim) => claim.status === status)
        .sort(
          (a, b) =>
            a.target.position.start - b.target.position.start ||
            a.target.position.end - b.target.position.end,
        );
      if (inSection.length === 0) continue;
      out.push(`### ${title} (${inSection.length})`);
      for (const claim of inSection) out.push(claimMarkdown(claim));
    }
  }
  return `${out.join('\n\n')}\n`;
}
