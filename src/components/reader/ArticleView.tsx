import { Fragment, memo, useMemo, type ReactNode } from 'react';
import type { Article } from '../../core/articles/article-schema.ts';
import { articleText, speakerPrefix, type TextBlock } from '../../core/articles/article-text.ts';
import { segmentBlock } from '../../core/anchoring/claim-segments.ts';
import type { ClaimStatus } from '../../core/claims/claim.ts';
import { formatIsoDate } from '../articles/format-date.ts';

/** Id of the visually hidden hint that tells keyboard users how to select text in an article. */
export const KEYBOARD_HINT_ID = 'keyboard-selection-hint';

/** A claim as drawn in the text: where it is anchored and its status. */
export interface Highlight {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly status: ClaimStatus;
  /** Someone else's claim, opened from a link: drawn apart from the reader's own. */
  readonly shared?: boolean;
  /**
   * What is drawn: a claim (default); a passage being shown (a counterpart); or a suggested
   * claim, underlined with a button at its end that explains why it was suggested.
   */
  readonly kind?: 'claim' | 'passage' | 'suggestion';
  /** For suggestions: the button's accessible name. */
  readonly label?: string;
}

/** Highlight id of the passage being shown (there is at most one per article). */
export const PASSAGE_HIGHLIGHT_ID = 'passage';

/** Highlight id of the passage whose counterparts are being compared. */
export const COMPARISON_SOURCE_ID = 'comparison-source';

/** Highlights that touch each block, by block key (blocks are in canonical order). */
function highlightsByBlock(
  blocks: readonly TextBlock[],
  highlights: readonly Highlight[],
): Map<string, Highlight[]> {
  const byBlock = new Map<string, Highlight[]>();
  for (const highlight of highlights) {
    // Binary search for the first block that ends after the highlight starts.
    let low = 0;
    let high = blocks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((blocks[middle]?.end ?? 0) <= highlight.start) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < blocks.length; i++) {
      const block = blocks[i];
      if (!block || block.start >= highlight.end) break;
      const list = byBlock.get(block.key);
      if (list) list.push(highlight);
      else byBlock.set(block.key, [highlight]);
    }
  }
  return byBlock;
}

interface BlockTextProps {
  readonly block: TextBlock;
  /** The highlights that touch this block, with their whole extent. */
  readonly highlights: readonly Highlight[];
  /** The flashing claim, if it is in this block. */
  readonly flashId: string | null;
}

const NO_BLOCK_HIGHLIGHTS: readonly Highlight[] = [];

/** Highlights are immutable and reused while their claim is unchanged, so identity suffices. */
function sameBlockProps(before: BlockTextProps, after: BlockTextProps): boolean {
  return (
    before.block === after.block &&
    before.flashId === after.flashId &&
    before.highlights.length === after.highlights.length &&
    before.highlights.every((h, i) => h === after.highlights[i])
  );
}

/** Renders one annotatable block's text, split into segments so overlapping claims all show. */
function BlockTextView({ block, highlights, flashId }: BlockTextProps): ReactNode {
  const prefixEnd =
    block.kind === 'line' && block.speaker !== undefined
      ? block.start + speakerPrefix(block.speaker).trimEnd().length
      : null;
  if (highlights.length === 0 && prefixEnd === null) return block.text;
  const bounds = new Map(highlights.map((h) => [h.id, h]));
  const segments = segmentBlock(block, highlights, prefixEnd === null ? [] : [prefixEnd]);
  return segments.map((segment) => {
    const text = block.text.slice(segment.start - block.start, segment.end - block.start);
    let node: ReactNode =
      prefixEnd !== null && segment.end <= prefixEnd ? (
        <span className="font-semibold">{text}</span>
      ) : (
        text
      );
    // Innermost claim first, so the outermost mark is the claim that starts earliest.
    for (const id of [...segment.ids].reverse()) {
      const claim = bounds.get(id);
      if (!claim) continue;
      const first = segment.start === claim.start;
      const last = segment.end === claim.end;
      if (claim.kind === 'suggestion') {
        node = (
          <span data-suggestion={id} data-last={last ? '' : undefined}>
            {node}
            {last && (
              // Empty text, so the block's text stays the canonical text; the icon is CSS.
              <button
                type="button"
                data-suggestion-button={id}
                aria-label={claim.label}
                className="suggestion-button"
              />
            )}
          </span>
        );
        continue;
      }
      if (claim.kind === 'passage') {
        node = (
          <mark
            data-passage={id}
            data-first={first ? '' : undefined}
            tabIndex={first ? -1 : undefined}
          >
            {node}
          </mark>
        );
        continue;
      }
      node = (
        <mark
          data-claim-id={id}
          data-status={claim.status}
          data-shared={claim.shared ? '' : undefined}
          data-first={first ? '' : undefined}
          data-last={last ? '' : undefined}
          data-flash={flashId === id ? '' : undefined}
          // A highlight is a stop for Tab and opens its card with Enter (see ArticleColumn).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={first ? 0 : -1}
        >
          {node}
        </mark>
      );
    }
    return <Fragment key={segment.start}>{node}</Fragment>;
  });
}

// With thousands of claims, a status change must redraw only the blocks it touches.
const BlockText = memo(BlockTextView, sameBlockProps);

function blockProps(block: TextBlock) {
  return { 'data-block': block.key, 'data-start': block.start };
}

/** Groups consecutive exchange lines so the "Lavrov: … / Johnson: …" exchange keeps its form. */
function groupBody(blocks: readonly TextBlock[]): (TextBlock | TextBlock[])[] {
  const groups: (TextBlock | TextBlock[])[] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.kind === 'line' && Array.isArray(last)) last.push(block);
    else groups.push(block.kind === 'line' ? [block] : block);
  }
  return groups;
}

/** One report: outlet, headline, standfirst, dates, caption, body and a link to the original. */
export function ArticleView({
  article,
  highlights = [],
  flashId = null,
}: {
  article: Article;
  highlights?: readonly Highlight[];
  flashId?: string | null;
}) {
  const { blocks } = useMemo(() => articleText(article), [article]);
  const byBlock = useMemo(() => highlightsByBlock(blocks, highlights), [blocks, highlights]);
  const textOf = (block: TextBlock) => {
    const inBlock = byBlock.get(block.key) ?? NO_BLOCK_HIGHLIGHTS;
    const flash = flashId !== null && inBlock.some((h) => h.id === flashId) ? flashId : null;
    return <BlockText block={block} highlights={inBlock} flashId={flash} />;
  };
  const headline = blocks[0];
  const standfirst = blocks.filter((b) => b.kind === 'standfirst');
  const body = blocks.filter((b) => b.kind !== 'headline' && b.kind !== 'standfirst');
  const headlineId = `headline-${article.id}`;

  return (
    <article
      aria-labelledby={headlineId}
      aria-describedby={KEYBOARD_HINT_ID}
      // Focusable so a reader without a pointer can select text with the keys (ShortcutsHelp).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className="rounded-sm"
      data-article={article.id}
    >
      <div
        aria-hidden="true"
        data-sticky-heading=""
        className="sticky top-0 z-10 -mx-4 mb-4 hidden border-b border-stone-300 bg-stone-50/95 px-4 py-2 backdrop-blur select-none sm:-mx-6 sm:px-6 lg:block dark:border-stone-700 dark:bg-stone-900/95"
      >
        <p className="text-xs font-bold tracking-wide text-teal-800 uppercase dark:text-teal-300">
          {article.outlet}
        </p>
        <p className="truncate text-sm text-stone-700 dark:text-stone-300">{article.headline}</p>
      </div>
      <p className="text-sm font-bold tracking-wide text-teal-800 uppercase dark:text-teal-300">
        {article.outlet}
      </p>
      {headline && (
        <h2
          id={headlineId}
          className="mt-1 font-serif text-2xl leading-tight font-bold text-balance sm:text-3xl"
          {...blockProps(headline)}
        >
          {textOf(headline)}
        </h2>
      )}
      {article.standfirst.kind === 'bullets' ? (
        <ul className="mt-3 list-disc space-y-1 pl-5 text-base text-stone-700 sm:mt-4 sm:text-lg dark:text-stone-300">
          {standfirst.map((block) => (
            <li key={block.key} {...blockProps(block)}>
              {textOf(block)}
            </li>
          ))}
        </ul>
      ) : (
        standfirst.map((block) => (
          <p
            key={block.key}
            className="mt-3 text-base text-stone-700 sm:mt-4 sm:text-lg dark:text-stone-300"
            {...blockProps(block)}
          >
            {textOf(block)}
          </p>
        ))
      )}
      <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
        Published <time dateTime={article.published}>{formatIsoDate(article.published)}</time>
        {article.eventDate && (
          <>
            {' · '}Event{' '}
            <time dateTime={article.eventDate}>{formatIsoDate(article.eventDate)}</time>
          </>
        )}
      </p>
      {article.caption && (
        <figure className="mt-4 border-l-4 border-stone-300 pl-3 text-sm text-stone-600 dark:border-stone-600 dark:text-stone-400">
          <figcaption>
            <span className="font-semibold">Photo caption (image not shown): </span>
            {article.caption.text}
            {article.caption.credit && (
              <>
                {' '}
                <span className="italic">{article.caption.credit}</span>
              </>
            )}
          </figcaption>
        </figure>
      )}
      <div className="mt-6 space-y-4 font-serif text-lg leading-relaxed">
        {groupBody(body).map((group) =>
          Array.isArray(group) ? (
            <blockquote
              key={group[0]?.key}
              className="space-y-2 border-l-4 border-teal-700 pl-4 dark:border-teal-400"
            >
              {group.map((block) => (
                <p key={block.key} {...blockProps(block)}>
                  {textOf(block)}
                </p>
              ))}
            </blockquote>
          ) : group.kind === 'subheading' ? (
            <h3 key={group.key} className="pt-2 font-sans text-xl font-bold" {...blockProps(group)}>
              {textOf(group)}
            </h3>
          ) : (
            <p key={group.key} {...blockProps(group)}>
              {textOf(group)}
            </p>
          ),
        )}
      </div>
      <p className="mt-8 border-t border-stone-300 pt-4 dark:border-stone-700">
        <a
          href={article.url}
          target="_blank"
          rel="noopener noreferrer"
          className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-950 dark:text-teal-300 dark:hover:text-teal-100"
        >
          Read the original on {article.outlet}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      </p>
    </article>
  );
}
