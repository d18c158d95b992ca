import type { ClaimTarget, TextRange } from '../claims/claim.ts';
import {
  certainAnchor,
  fullContextMatchAt,
  fullContextMatches,
  matchQuote,
  matchQuoteAt,
  prepareQuote,
  prepareText,
  type AnchorResult,
  type PreparedText,
  type QuoteHints,
} from './match-quote.ts';
import { ORPHAN_REASONS } from './match-tuning.ts';
import { firstIndexAbove } from '../text/sorted-search.ts';
import { SubstringIndex } from './substring-index.ts';
import { unchangedAnchor } from './unchanged-anchor.ts';

/** Re-exported so that callers of the re-anchoring API need only this module. */
export type { AnchorResult } from './match-quote.ts';

/**
 * How much of the old text (in characters) must be shown to read unchanged around a place
 * before a quote that also reads elsewhere is put there: the claim's own saved quote and context
 * plus those of neighbouring claims, all at the same shift; only saved text counts, not the gaps
 * between windows. A copy of a deleted or edited passage, the only way such a match goes wrong,
 * would have to repeat all of that. In the re-anchoring benchmark, whose text repeats sentence
 * by sentence, wrong places showed at most about 320 when the stretch's uniqueness was not asked.
 */
export const MIN_PROVEN_SPAN = 500;

/**
 * The widest stretch (in characters) between two neighbouring claims' saved windows that a
 * proven stretch may bridge without reading it (about two sentences): what is unread there does
 * not count towards MIN_PROVEN_SPAN, but farther apart claims are less likely to have moved
 * together. Measured on the benchmark: 40 left twice as many surviving claims orphaned as 400,
 * and no wrong place was added up to 400.
 */
const MAX_UNSEEN_GAP = 400;

/**
 * How far (in characters) the proven stretch must reach past both ends of a claim's saved
 * window when that window crosses a line or paragraph break: paragraphs are what gets moved, and
 * a moved paragraph can land just before another copy of the sentence that used to follow it.
 */
const BREAK_MARGIN = 200;

/** At most this many places of one quote with its full context are weighed; beyond, none is. */
const MAX_PLACES = 200;

/**
 * Finds where a claim's quote is in the current text. When the text is the one the claim was
 * made on (same hash) and the old offsets still slice out the quote, that is the answer;
 * otherwise the quote is matched with its context and old position as hints (see matchQuote).
 */
export function reanchorClaim(prepared: PreparedText, target: ClaimTarget): AnchorResult {
  return (
    unchangedAnchor(prepared, target) ?? matchQuote(prepared, target.quote.exact, hintsOf(target))
  );
}

function hintsOf(target: ClaimTarget): QuoteHints {
  const { quote, position } = target;
  return {
    prefix: quote.prefix,
    suffix: quote.suffix,
    position: { start: position.start, end: position.end },
  };
}

/** The old text a claim's selectors describe: its quote widened by the saved context. */
function windowOf(target: ClaimTarget): TextRange {
  const { quote, position } = target;
  return { start: position.start - quote.prefix.length, end: position.end + quote.suffix.length };
}

/**
 * Re-anchors every target against one text, normalising and hashing the text only once.
 *
 * In repetitive text a quote and its saved context can recur, and a passage that was moved
 * looks just like one that was deleted while a copy survives: nearness to the old offset cannot
 * tell them apart. So a claim is placed only on evidence, in three rounds:
 * 1. where nothing else could be it (see certainAnchor);
 * 2. at the one place where its quote reads with its full context and the saved selectors of
 *    the claims around it read at the same shift, over at least MIN_PROVEN_SPAN of old text,
 *    in a stretch that occurs only once, not even with a small edit (see hasNearCopy), and
 *    reaching BREAK_MARGIN either side of a window that crosses a break; and only when no
 *    other place of the quote with its context is nearer its old offset, since the claim's own
 *    passage may be the one that was edited since;
 * 3. exactly where the nearest placed claims before and after it put it, possibly edited in
 *    place between its intact saved prefix and suffix (see matchQuoteAt); as it reads, across
 *    a line break, only within what they proved.
 * After rounds 2 and 3, a passage given to claims from two places of the old text goes to the
 * nearer-moved ones only (see doublyClaimed).
 * A claim with no other claim within MIN_PROVEN_SPAN of it has no one to ask, and gets
 * matchQuote's single-claim answer, which trusts nearness.
 */
export function reanchorAll(
  current: string | PreparedText,
  targets: readonly ClaimTarget[],
): AnchorResult[] {
  const prepared = typeof current === 'string' ? prepareText(current) : current;
  const { text } = prepared;
  let substrings: SubstringIndex | undefined;
  const results: (AnchorResult | undefined)[] = targets.map((target) =>
    unchangedAnchor(prepared, target),
  );
  // The common case: the text is the one every claim was made on.
  if (results.every((result) => result !== undefined)) return results;
  const probes = targets.map((target) =>
    prepareQuote(prepared, target.quote.exact, hintsOf(target)),
  );
  const windows = targets.map(windowOf);
  const crossesBreak = targets.map(({ quote }) =>
    /\n/.test(quote.prefix + quote.exact + quote.suffix),
  );
  const order = targets
    .map((_, index) => index)
    .sort(
      (a, b) =>
        (targets[a]?.position.start ?? 0) - (targets[b]?.position.start ?? 0) ||
        (targets[a]?.position.end ?? 0) - (targets[b]?.position.end ?? 0),
    );
  // A loop, not Math.max(...spread): the spread overflows the stack past ~100,000 claims.
  const longestWindow = windows.reduce((longest, w) => Math.max(longest, w.end - w.start), 0);
  const rank = new Int32Array(targets.length);
  order.forEach((index, r) => (rank[index] = r));

  /**
   * Whether at least MIN_PROVEN_SPAN of saved text around claim `index` reads unchanged at
   * `shift` (neighbouring claims' windows, at most MAX_UNSEEN_GAP apart, all reading there), and
   * that stretch of the current text occurs nowhere else, not even with a small edit.
   */
  const proven = (index: number, shift: number): boolean => {
    const own = windows[index] as TextRange;
    const side = crossesBreak[index] ? BREAK_MARGIN : 0;
    let from = own.start;
    let to = own.end;
    let read = own.end - own.start;
    const reads = (other: number): boolean => {
      const probe = probes[other];
      const target = targets[other];
      return (
        probe !== undefined &&
        target !== undefined &&
        fullContextMatchAt(probe, target.position.start + shift) !== undefined
      );
    };
    for (
      let r = (rank[index] ?? 0) - 1;
      r >= 0 && (from > own.start - side || read < MIN_PROVEN_SPAN);
      r--
    ) {
      const other = order[r] ?? 0;
      const window = windows[other] as TextRange;
      // Ordered by start, an earlier claim can still reach further right than this one.
      if (window.end < from - MAX_UNSEEN_GAP) {
        if (window.start < from - longestWindow) break;
        continue;
      }
      if (!reads(other)) break;
      if (window.start < from) read += Math.min(from, window.end) - window.start;
      from = Math.min(from, window.start);
    }
    for (
      let r = (rank[index] ?? 0) + 1;
      r < order.length && (to < own.end + side || read < MIN_PROVEN_SPAN);
      r++
    ) {
      const other = order[r] ?? 0;
      const window = windows[other] as TextRange;
      if (window.start > to + MAX_UNSEEN_GAP || !reads(other)) break;
      if (window.end > to) read += window.end - Math.max(to, window.start);
      to = Math.max(to, window.end);
    }
    if (read < MIN_PROVEN_SPAN || from > own.start - side || to < own.end + side) return false;
    substrings ??= new SubstringIndex(text);
    const stretch = text.slice(from + shift, to + shift);
    return (
      substrings.findAll(stretch, 2).length === 1 &&
      !hasNearCopy(substrings, from + shift, to + shift)
    );
  };

  const isolated = (index: number): boolean => {
    const own = windows[index] as TextRange;
    const previous = windows[order[(rank[index] ?? 0) - 1] ?? -1];
    const next = windows[order[(rank[index] ?? 0) + 1] ?? -1];
    return (
      (!previous || own.start - previous.end > MIN_PROVEN_SPAN) &&
      (!next || next.start - own.end > MIN_PROVEN_SPAN)
    );
  };

  // Placements that moved a claim, as opposed to finding it where it was.
  const moved: number[] = [];
  probes.forEach((probe, index) => {
    if (results[index] || !probe) return;
    const result = certainAnchor(probe);
    results[index] = result;
    if (result && result.method !== 'position') moved.push(index);
  });
  probes.forEach((probe, index) => {
    const target = targets[index];
    if (results[index] || !probe || !target || isolated(index)) return;
    const places = fullContextMatches(probe, MAX_PLACES);
    if (places.length >= MAX_PLACES) return;
    const shown = places.filter((place) => proven(index, place.start - target.position.start));
    const only = shown.length === 1 ? shown[0] : undefined;
    if (!only) return;
    const distance = (place: { start: number }) => Math.abs(place.start - target.position.start);
    if (places.some((place) => distance(place) < distance(only))) return;
    results[index] = only;
    if (only.method !== 'position') moved.push(index);
  });
  for (const index of doublyClaimed(moved, results, targets)) results[index] = undefined;

  // Placed claims in old order, grouped into runs that moved by the same amount, for round 3.
  const placed: Placed[] = [];
  for (const index of order) {
    const result = results[index];
    const target = targets[index];
    const window = windows[index];
    if (result?.kind !== 'anchored' || !target || !window) continue;
    const shift = result.start - target.position.start;
    const last = placed[placed.length - 1];
    const run = last?.shift === shift ? last.run : { start: window.start, end: window.end };
    run.end = Math.max(run.end, window.end);
    placed.push({ old: target.position.start, shift, run });
  }
  const final = targets.map((target, index) => {
    const known = results[index];
    if (known) return known;
    const probe = probes[index];
    let result: AnchorResult;
    if (!probe || placed.length === 0 || isolated(index)) {
      result = matchQuote(prepared, target.quote.exact, hintsOf(target));
    } else {
      const window = windows[index] as TextRange;
      const starts = expectedStarts(placed, target.position.start, window, !!crossesBreak[index]);
      result = matchQuoteAt(probe, starts.exact, starts.edited);
    }
    if (result.kind === 'anchored' && result.method !== 'position') moved.push(index);
    return result;
  });
  // Round 3 can place claims from two old passages on one current one, too.
  for (const index of doublyClaimed(moved, final, targets)) {
    final[index] = { kind: 'orphaned', reason: ORPHAN_REASONS.ambiguous };
  }
  return final;
}

/** A placed claim: its old start, how far it moved, and the run of claims that moved with it. */
interface Placed {
  readonly old: number;
  readonly shift: number;
  /** The old text the run's saved windows cover. */
  readonly run: { start: number; end: number };
}

/**
 * The starts that the nearest placed claims before and after an old start imply: `edited`, where
 * an edited quote may be taken between its intact saved prefix and suffix, and `exact`, where the
 * quote may be taken as it reads. Across a break, the latter only inside the stretch the run of
 * that neighbour covers: past its end the text may read the same by coincidence (BREAK_MARGIN).
 */
function expectedStarts(
  placed: readonly Placed[],
  old: number,
  window: TextRange,
  crossesBreak: boolean,
): { exact: number[]; edited: number[] } {
  const lo = firstIndexAbove(placed, old, (p) => p.old);
  const before = placed[lo - 1];
  const after = placed[lo];
  const exact: number[] = [];
  const edited: number[] = [];
  if (before) {
    edited.push(old + before.shift);
    if (!crossesBreak || window.end <= before.run.end) exact.push(old + before.shift);
  }
  if (after) {
    edited.push(old + after.shift);
    if (!crossesBreak || window.start >= after.run.start) exact.push(old + after.shift);
  }
  return { exact, edited };
}

/** How far (in old characters) a run placed on a doubly claimed passage is withdrawn around it. */
const WITHDRAW_REACH = 4 * MIN_PROVEN_SPAN;

/**
 * The placements among `movable` (claims placed away from their old offsets) to withdraw because
 * the same characters of the current text were also given to claims from elsewhere in the old
 * text: then the old text held that passage twice and the evidence cannot say whose copy
 * survived. Of two overlapping placements the one that moved farther goes (with the claims that
 * moved with it, within WITHDRAW_REACH); equal moves, both.
 */
function doublyClaimed(
  movable: readonly number[],
  results: readonly (AnchorResult | undefined)[],
  targets: readonly ClaimTarget[],
): Set<number> {
  const spans: { index: number; start: number; end: number; shift: number }[] = [];
  results.forEach((result, index) => {
    const target = targets[index];
    if (result?.kind !== 'anchored' || !target) return;
    spans.push({
      index,
      start: result.start,
      end: result.end,
      shift: result.start - target.position.start,
    });
  });
  spans.sort((a, b) => a.start - b.start);
  const isMovable = new Set(movable);
  const losers: { index: number; shift: number }[] = [];
  for (let i = 0; i < spans.length; i++) {
    const a = spans[i];
    if (!a) continue;
    for (let j = i + 1; j < spans.length; j++) {
      const b = spans[j];
      if (!b || b.start >= a.end) break;
      // Within a quote's length, the two moved by an edit between them, not from two places.
      if (Math.abs(a.shift - b.shift) <= Math.max(a.end - a.start, b.end - b.start)) continue;
      const far = Math.abs(a.shift) - Math.abs(b.shift);
      if (far >= 0 && isMovable.has(a.index)) losers.push(a);
      if (far <= 0 && isMovable.has(b.index)) losers.push(b);
    }
  }
  const withdrawn = new Set<number>();
  for (const loser of losers) {
    const old = targets[loser.index]?.position.start ?? 0;
    for (const index of movable) {
      const result = results[index];
      const target = targets[index];
      if (result?.kind !== 'anchored' || !target) continue;
      if (
        result.start - target.position.start === loser.shift &&
        Math.abs(target.position.start - old) <= WITHDRAW_REACH
      ) {
        withdrawn.add(index);
      }
    }
  }
  return withdrawn;
}

/** Pieces a proven stretch is cut into to look for a near copy of it. */
const NEAR_COPY_PIECES = 4;

/**
 * Whether the text elsewhere holds the stretch [start, end) with a small edit: all but one of
 * its NEAR_COPY_PIECES pieces reading verbatim at about the same offsets from one another. When
 * the text repeats a passage, the claim's own copy may be the one edited since, and the other
 * reading unchanged does not make it the claim's.
 */
function hasNearCopy(index: SubstringIndex, start: number, end: number): boolean {
  const { text } = index;
  const length = Math.floor((end - start) / NEAR_COPY_PIECES);
  const starts: number[] = [];
  for (let piece = 0; piece < NEAR_COPY_PIECES; piece++) {
    const offset = piece * length;
    const needle = text.slice(start + offset, start + offset + length);
    for (const at of index.findAll(needle)) {
      const implied = at - offset;
      if (Math.abs(implied - start) > length) starts.push(implied);
    }
  }
  starts.sort((a, b) => a - b);
  const slack = Math.ceil(length / 2);
  for (let i = 0, j = 0; i < starts.length; i++) {
    while ((starts[i] ?? 0) - (starts[j] ?? 0) > slack) j++;
    if (i - j + 1 >= NEAR_COPY_PIECES - 1) return true;
  }
  return false;
}
