import { Lexer, type Token, type Tokens } from 'marked';
import type { Article, ArticleBlock } from './article-schema.ts';
import { ArticleInputError, blocksOfParagraphs, buildOwnArticle, tidyText } from './own-article.ts';

const NAMED_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
]);

// Markdown leaves character references to the HTML it would make; here they become characters.
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES.get(name.toLowerCase()) ?? whole;
  });
}

/** The words of inline tokens: emphasis, links and code kept as their text; markup and images dropped. */
function inlineText(tokens: readonly Token[] | undefined, fallback: string): string {
  if (!tokens) return decodeEntities(fallback);
  let text = '';
  // The words inside inline <script> or <style> tags are code, not article text.
  let inCode = false;
  for (const token of tokens) {
    if (token.type === 'html') {
      if (/^<(script|style)\b/i.test(token.raw)) inCode = true;
      else if (/^<\/(script|style)\b/i.test(token.raw)) inCode = false;
      continue;
    }
    if (inCode) continue;
    switch (token.type) {
      case 'image':
        break;
      case 'br':
        text += ' ';
        break;
      case 'codespan':
      case 'escape':
        text += (token as Tokens.Codespan | Tokens.Escape).text;
        break;
      default: {
        const inner = (token as { tokens?: Token[]; text?: string }).tokens;
        const own = (token as { text?: string }).text ?? '';
        text += inner ? inlineText(inner, own) : decodeEntities(own);
      }
    }
  }
  return text;
}

function collect(tokens: readonly Token[], out: { kind: 'heading' | 'text'; text: string }[]) {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        out.push({ kind: 'heading', text: inlineText(token.tokens, token.text) });
        break;
      case 'paragraph':
      case 'text':
        out.push({ kind: 'text', text: inlineText(token.tokens, token.text) });
        break;
      case 'code':
        out.push({ kind: 'text', text: token.text });
        break;
      case 'blockquote':
        collect(token.tokens ?? [], out);
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) collect(item.tokens, out);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          out.push({
            kind: 'text',
            text: row.map((cell) => inlineText(cell.tokens, cell.text)).join(' · '),
          });
        }
        break;
      }
      default:
        // Raw HTML, rules, spaces and the like carry no article text.
        break;
    }
  }
}

/**
 * A Markdown file as an article: the first heading is the title (unless `title` is given),
 * later headings subheadings, everything else paragraphs; all markup is dropped.
 */
export function markdownArticle(
  markdown: string,
  options: { title?: string; url?: string } = {},
): Article {
  const parts: { kind: 'heading' | 'text'; text: string }[] = [];
  collect(Lexer.lex(markdown.replace(/\r\n?/g, '\n')), parts);
  const blocks = parts
    .map((part) => ({ ...part, text: tidyText(part.text) }))
    .filter((part) => part.text !== '');
  if (blocks.length === 0) throw new ArticleInputError('The text is empty.');
  let headline = tidyText(options.title ?? '');
  if (headline === '') {
    const first = blocks.findIndex((b) => b.kind === 'heading');
    const titleAt = first === -1 ? 0 : first;
    headline = blocks[titleAt]?.text ?? '';
    blocks.splice(titleAt, 1);
  }
  const body: ArticleBlock[] = [];
  let run: string[] = [];
  const flush = () => {
    body.push(...blocksOfParagraphs(run));
    run = [];
  };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      flush();
      body.push({ type: 'subheading', text: block.text });
    } else run.push(block.text);
  }
  flush();
  return buildOwnArticle({
    headline,
    body,
    ...(options.url === undefined ? {} : { url: options.url }),
  });
}
