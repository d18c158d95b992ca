import type { Article } from './article-schema.ts';

/**
 * The canonical plain text of an article is what every annotation offset and quote refers to.
 *
 * It is the article's annotatable blocks, in reading order, joined by BLOCK_SEPARATOR:
 *   1. the headline,
 *   2. each standfirst item (the paragraph, or each summary bullet without its bullet sign),
 *   3. each body block: a paragraph or subheading as written; an exchange line as
 *      `${speaker}: ${text}` (the form the source prints it in).
 * Block texts are kept verbatim (no trimming, no quote or whitespace normalisation). The photo
 * caption, credit, outlet, date and link are not part of it. Offsets are UTF-16 code units, the
 * unit of JavaScript string indices and DOM Range offsets.
 */
export const BLOCK_SEPARATOR = '\n\n';

/** What a block is, for rendering. */
export type TextBlockKind = 'headline' | 'standfirst' | 'paragraph' | 'subheading' | 'line';

/** One annotatable block and where it sits in the canonical text. */
export interface TextBlock {
  /** Stable key within the article, e.g. `body-4`. */
  readonly key: string;
  readonly kind: TextBlockKind;
  /** For exchange lines: the speaker, which is also the first characters of `text`. */
  readonly speaker?: string;
  /** The block's canonical text. */
  readonly text: string;
  /** Offset of the block's first character in the canonical text. */
  readonly start: number;
  /** Offset just past the block's last character. */
  readonly end: number;
}

/** An article's canonical text and its blocks. */
export interface ArticleText {
  readonly text: string;
  readonly blocks: readonly TextBlock[];
}

/** Prefix that an exchange line's speaker adds before the spoken words. */
export function speakerPrefix(speaker: string): string {
  return `${speaker}: `;
}

/** Builds the canonical text of an article (see BLOCK_SEPARATOR for the definition). */
export function articleText(article: Article): ArticleText {
  const parts: { key: string; kind: TextBlockKind; text: string; speaker?: string }[] = [
    { key: 'headline', kind: 'headline', text: article.headline },
    ...article.standfirst.items.map((text, i) => ({
      key: `standfirst-${i}`,
      kind: 'standfirst' as const,
      text,
    })),
    ...article.body.map((block, i) =>
      block.type === 'line'
        ? {
            key: `body-${i}`,
            kind: 'line' as const,
            speaker: block.speaker,
            text: speakerPrefix(block.speaker) + block.text,
          }
        : { key: `body-${i}`, kind: block.type, text: block.text },
    ),
  ];
  const blocks: TextBlock[] = [];
  let offset = 0;
  for (const part of parts) {
    if (blocks.length > 0) offset += BLOCK_SEPARATOR.length;
    blocks.push({ ...part, start: offset, end: offset + part.text.length });
    offset += part.text.length;
  }
  return { text: blocks.map((b) => b.text).join(BLOCK_SEPARATOR), blocks };
}
