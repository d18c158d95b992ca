/**
 * The messages between the page and the counterpart worker (counterpart-worker.ts), as valibot
 * schemas: each side parses what it receives, so a message from an older or newer copy of the
 * other side, or a damaged one, is refused with a reason rather than acted on.
 */
import * as v from 'valibot';
import type { ArticleText } from '../../core/articles/article-text.ts';
import type { Counterpart } from '../../core/compare/counterparts.ts';

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const requestId = v.pipe(v.number(), v.integer(), v.minValue(0));
/** An article as the worker knows it: its id and the hash of its text (see articleKey). */
const articleKey = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

const rangeSchema = v.pipe(
  v.strictObject({ start: offset, end: offset }),
  v.check((r) => r.start <= r.end, 'a range must not end before it starts'),
);

const blockSchema = v.strictObject({
  key: v.string(),
  kind: v.picklist(['headline', 'standfirst', 'paragraph', 'subheading', 'line']),
  speaker: v.optional(v.string()),
  start: offset,
  end: offset,
});

/** An article's canonical text and its blocks' places in it (their texts are slices of it). */
const articleSchema = v.pipe(
  v.strictObject({
    key: articleKey,
    text: v.string(),
    blocks: v.array(blockSchema),
  }),
  v.check(
    (a) =>
      a.blocks.every(
        (b, i) =>
          b.start <= b.end && b.end <= a.text.length && b.start >= (a.blocks[i - 1]?.end ?? 0),
      ),
    'blocks must lie in the text, in order',
  ),
);

const passageSchema = v.strictObject({
  source: articleKey,
  other: articleKey,
  range: rangeSchema,
});

/** What the page sends the worker. */
export const requestSchema = v.variant('kind', [
  // An article to keep, sent once before the first request that names it.
  v.strictObject({ kind: v.literal('article'), article: articleSchema }),
  // The counterparts of one passage, as findCounterparts gives them.
  v.strictObject({ kind: v.literal('counterparts'), id: requestId, passage: passageSchema }),
  // The counterparts of many passages (the coverage grid), in the order asked.
  v.strictObject({
    kind: v.literal('coverage'),
    id: requestId,
    passages: v.array(passageSchema),
  }),
  // The page no longer wants request `id`: drop it, and stop its work unless another needs it.
  v.strictObject({ kind: v.literal('cancel'), id: requestId }),
  // A comparison of these two articles is likely soon: prepare them now, unasked, and answer
  // nothing. Any request puts this aside (its work so far is kept).
  v.strictObject({ kind: v.literal('prepare'), source: articleKey, other: articleKey }),
]);

const reasonSchema = v.strictObject({
  kind: v.picklist([
    'quote',
    'wording',
    'words',
    'related',
    'numbers',
    'names',
    'speaker',
    'position',
    'mutual',
  ]),
  terms: v.array(v.string()),
  weight: v.number(),
  explain: v.string(),
});

const counterpartSchema = v.pipe(
  v.strictObject({
    start: offset,
    end: offset,
    score: v.pipe(v.number(), v.minValue(0)),
    reasons: v.array(reasonSchema),
  }),
  v.check((c) => c.start <= c.end, 'a counterpart must not end before it starts'),
);

/** What the worker sends back about request `id`. */
export const responseSchema = v.variant('kind', [
  // Sentences searched of those to search while two articles are first prepared.
  v.strictObject({
    kind: v.literal('progress'),
    id: requestId,
    done: v.pipe(v.number(), v.integer(), v.minValue(0)),
    total: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  // `relatedWords`: false when the related-word table could not be loaded, so that only words
  // of the same stem met (no synonyms); the page tells the reader.
  v.strictObject({
    kind: v.literal('counterparts'),
    id: requestId,
    counterparts: v.array(counterpartSchema),
    relatedWords: v.boolean(),
  }),
  v.strictObject({
    kind: v.literal('coverage'),
    id: requestId,
    counterparts: v.array(v.array(counterpartSchema)),
    relatedWords: v.boolean(),
  }),
  v.strictObject({ kind: v.literal('failed'), id: requestId, message: v.string() }),
  // A message the worker could not read: which request it was, if that much could be read.
  v.strictObject({ kind: v.literal('refused'), id: v.nullable(requestId), reason: v.string() }),
]);

/** A message to the worker. */
export type CounterpartRequest = v.InferOutput<typeof requestSchema>;
/** A message from the worker. */
export type CounterpartResponse = v.InferOutput<typeof responseSchema>;
/** An article as sent to the worker. */
export type ArticleMessage = v.InferOutput<typeof articleSchema>;
/** One passage to compare: its article, the other article, and where it is. */
export type PassageMessage = v.InferOutput<typeof passageSchema>;

/** The message's value if it is one the schema allows, else why not (one line). */
function parseWith<T>(
  schema: v.GenericSchema<unknown, T>,
  data: unknown,
): { ok: true; value: T } | { ok: false; reason: string } {
  const result = v.safeParse(schema, data);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, reason: path ? `${path}: ${issue.message}` : issue.message };
}

/** Parses a message the worker received. */
export function parseRequest(data: unknown) {
  return parseWith(requestSchema, data);
}

/** Parses a message the page received from the worker. */
export function parseResponse(data: unknown) {
  return parseWith(responseSchema, data);
}

/** The request id a message names, if it names one, even when the rest is not readable. */
export function idOf(data: unknown): number | null {
  if (typeof data !== 'object' || data === null || !Object.hasOwn(data, 'id')) return null;
  const id: unknown = (data as { id: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}

/** An article's text for the worker: blocks as places in the text, their texts not repeated. */
export function articleMessage(key: string, article: ArticleText): ArticleMessage {
  return {
    key,
    text: article.text,
    blocks: article.blocks.map(({ key: blockKey, kind, speaker, start, end }) => ({
      key: blockKey,
      kind,
      ...(speaker === undefined ? {} : { speaker }),
      start,
      end,
    })),
  };
}

/** The article a message carries, as core/articles builds it. */
export function articleFromMessage(message: ArticleMessage): ArticleText {
  return {
    text: message.text,
    blocks: message.blocks.map((block) => ({
      ...block,
      text: message.text.slice(block.start, block.end),
    })),
  };
}

/** One counterpart as the worker sends it. */
export type CounterpartMessage = v.InferOutput<typeof counterpartSchema>;

/** A counterpart as a message (the schema's arrays are not read-only, core's are). */
export function counterpartMessage(counterpart: Counterpart): CounterpartMessage {
  return {
    start: counterpart.start,
    end: counterpart.end,
    score: counterpart.score,
    reasons: counterpart.reasons.map((r) => ({ ...r, terms: [...r.terms] })),
  };
}

/** Articles the worker keeps; the page mirrors the list to know which it must send again. */
export const KEPT_ARTICLES = 4;

/**
 * Marks `key` as just used in a list of kept articles, oldest first, and returns the key that
 * fell out, if one did. Both sides call it for every article message and for each article a
 * request names, in the order sent, so their lists stay the same.
 */
export function keepArticle(kept: string[], key: string): string | null {
  const at = kept.indexOf(key);
  if (at >= 0) kept.splice(at, 1);
  kept.push(key);
  return kept.length > KEPT_ARTICLES ? (kept.shift() ?? null) : null;
}
