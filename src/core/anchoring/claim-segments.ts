/**
 * Segments for drawing claims in a block: offsets are absolute canonical offsets; the segments
 * tile [block.start, block.end) in order. Highlights may overlap, nest, or extend beyond the
 * block (they then cover their part of it); empty highlights are ignored; an empty block has
 * no segments.
 */
/** A stretch of a block's text covered by the same set of highlights. */
export interface Segment {
  /** Canonical offset of the segment's first character. */
  readonly start: number;
  /** Canonical offset just past the segment's last character. */
  readonly end: number;
  /** Highlights covering the whole segment, by start, then longer first, then id. */
  readonly ids: readonly string[];
}

/** Orders highlights so that one that encloses another always comes first. */
function compareHighlights(
  a: { readonly id: string; readonly start: number; readonly end: number },
  b: { readonly id: string; readonly start: number; readonly end: number },
): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.end !== b.end) return b.end - a.end;
  // Code-unit order, not localeCompare: server and browser must render the same nesting.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Splits a block into segments at every highlight edge and extra boundary inside it. */
export function segmentBlock(
  block: { readonly start: number; readonly end: number },
  highlights: readonly { readonly id: string; readonly start: number; readonly end: number }[],
  extraBoundaries: readonly number[] = [],
): Segment[] {
  if (block.end <= block.start) return [];
  const inBlock = highlights
    .filter((h) => h.start < h.end && h.start < block.end && h.end > block.start)
    .sort(compareHighlights);
  const cuts = new Set<number>([block.start, block.end]);
  for (const offset of [...inBlock.flatMap((h) => [h.start, h.end]), ...extraBoundaries]) {
    if (offset > block.start && offset < block.end) cuts.add(offset);
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 1; i < edges.length; i++) {
    const start = edges[i - 1];
    const end = edges[i];
    if (start === undefined || end === undefined) continue;
    const ids = inBlock.filter((h) => h.start <= start && h.end >= end).map((h) => h.id);
    segments.push({ start, end, ids });
  }
  return segments;
}
