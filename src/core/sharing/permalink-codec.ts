import * as v from 'valibot';
import {
  CLAIM_STATUSES,
  QUOTE_CONTEXT_LENGTH,
  type Claim,
  type ClaimStatus,
} from '../claims/claim.ts';
import { isClaimPermalinkHash } from './shared-link-hash.ts';
import {
  encodePermalinkComponent,
  formatPermalink,
  PERMALINK_HASH_MAX,
  PERMALINK_HASH_PREFIX,
  PERMALINK_VERSION,
  readPermalinkParams,
  type PermalinkWireError,
} from './permalink-wire.ts';

// A claim link is a URL hash, so that it works under any sub-path and nothing reaches a server:
//
//   #claim?v=1&a=ARTICLE&q=QUOTE&pre=PREFIX&suf=SUFFIX&s=START&e=END&st=STATUS[&n=NOTE|&nt=1][&id=ID]&k=CHECK
//
// A quote longer than PERMALINK_EXACT_QUOTE_MAX is sent as `qs` and `qe` (its opening and
// closing words, as text fragments' textStart and textEnd) instead of `q`. Values are
// percent-encoded down to the unreserved characters `A-Za-z0-9-._~`, because chat apps and
// linkifiers mangle or trim `'()*!` and the like. `k` is the FNV-1a 32 checksum of the canonical
// form of everything before `&k=` (see formatPermalink), so that a cut-off or edited link is
// recognised; it also makes every link end in a letter or digit.
//
// A link to a claim on an article the reader added also carries `t=TITLE[&u=SOURCE]&h=HASH`
// (before `k`), so that where that article is not stored the quote can still be shown with
// its title and source. Links without them (all older links) read as before.

/** Longest quote (and longest opening or closing words) a link may carry, in UTF-16 units. */
export const PERMALINK_QUOTE_MAX = 5000;

/** Quotes longer than this are sent as their opening and closing words only. */
export const PERMALINK_EXACT_QUOTE_MAX = 120;

/** Longest note a link carries; a longer note is left out and `nt=1` says so. */
export const PERMALINK_NOTE_MAX = 280;

/** Longest article or claim id a link may carry. */
export const PERMALINK_ID_MAX = 200;

/** Longest article title a link carries; a longer one is cut. */
export const PERMALINK_TITLE_MAX = 300;

/** Longest source address a link carries; a longer one is left out. */
export const PERMALINK_SOURCE_MAX = 2000;

/** Longest value of a parameter this app does not know (a newer app's) that a link may carry. */
export const PERMALINK_UNKNOWN_PARAM_MAX = 2000;

// Slugs and UUIDs; nothing that could read as markup, a path or another parameter.
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** What the reader is told when a link cannot be opened. */
export const PERMALINK_ERRORS: Readonly<Record<PermalinkWireError | 'unknownTooLong', string>> = {
  notClaimLink: 'This is not a link to a claim.',
  tooLong: 'This link is too long to be a link to a claim.',
  incomplete: 'This link is incomplete — it may have been cut off when it was copied.',
  tampered: 'This link was changed after it was made, so it cannot be trusted.',
  newer: 'This link was made by a newer version of the app. Update the app to open it.',
  damaged: 'This link is damaged — some of its characters are not written correctly.',
  unknownTooLong:
    'This link carries a part this app does not know that is far longer than any link to a claim, so it was not opened.',
};

/** The quote of a shared claim: the whole quote, or (for long quotes) its two ends. */
export type SharedQuote =
  | { readonly kind: 'exact'; readonly exact: string }
  | { readonly kind: 'span'; readonly startWords: string; readonly endWords: string };

/** Everything a claim link carries, validated. */
export interface SharedClaimLink {
  readonly articleId: string;
  readonly quote: SharedQuote;
  readonly prefix: string;
  readonly suffix: string;
  /** Offsets of the quote in the text the link was made on. */
  readonly position: { readonly start: number; readonly end: number };
  readonly status: ClaimStatus;
  /** The note, when it was short enough to send. */
  readonly note?: string;
  /** True when the claim had a note too long to send. */
  readonly noteOmitted: boolean;
  readonly claimId?: string;
  /** For an added article: its title, source address and text hash, as the link carried them. */
  readonly article?: SharedArticleInfo;
}

/** What a link says about an added article, so it can be named where it is not stored. */
export interface SharedArticleInfo {
  readonly title: string;
  readonly url?: string;
  readonly textHash?: string;
}

/** The outcome of reading a claim link: the link, or a reason to show the reader. */
export type PermalinkResult =
  | { readonly ok: true; readonly link: SharedClaimLink }
  | { readonly ok: false; readonly error: string };

export {
  encodePermalinkComponent,
  formatPermalink,
  isClaimPermalinkHash,
  PERMALINK_HASH_MAX,
  PERMALINK_HASH_PREFIX,
  PERMALINK_VERSION,
};

/**
 * Builds the claim link (a URL hash starting with `#`) for a claim. A claim id that is not a
 * slug or UUID is left out; throws a RangeError for such an article id, or for a quote over
 * PERMALINK_QUOTE_MAX characters that has no words to shorten it by.
 */
export function encodeClaimPermalink(claim: Claim, article?: SharedArticleInfo): string {
  const { target } = claim;
  if (!isSafeId(target.articleId)) {
    throw new RangeError(`Article id ${JSON.stringify(target.articleId)} cannot go in a link.`);
  }
  const exact = target.quote.exact;
  const params: [string, string][] = [
    ['v', String(PERMALINK_VERSION)],
    ['a', target.articleId],
  ];
  const span = exact.length > PERMALINK_EXACT_QUOTE_MAX ? quoteEnds(exact) : undefined;
  if (span) {
    params.push(['qs', span.startWords], ['qe', span.endWords]);
  } else if (exact.length <= PERMALINK_QUOTE_MAX) {
    params.push(['q', exact]);
  } else {
    throw new RangeError('The quote is too long for a link and has no words to shorten it by.');
  }
  params.push(
    ['pre', target.quote.prefix.slice(-QUOTE_CONTEXT_LENGTH)],
    ['suf', target.quote.suffix.slice(0, QUOTE_CONTEXT_LENGTH)],
    ['s', String(target.position.start)],
    ['e', String(target.position.end)],
    ['st', claim.status],
  );
  if (claim.note.length > PERMALINK_NOTE_MAX) params.push(['nt', '1']);
  else if (claim.note !== '') params.push(['n', claim.note]);
  if (isSafeId(claim.id)) params.push(['id', claim.id]);
  if (article) {
    params.push(['t', article.title.slice(0, PERMALINK_TITLE_MAX)]);
    if (article.url !== undefined && article.url.length <= PERMALINK_SOURCE_MAX) {
      params.push(['u', article.url]);
    }
    params.push(['h', article.textHash ?? target.textHash]);
  }
  return formatPermalink(params);
}

/** Reads a claim link (a URL hash, with or without `#`); never throws. */
export function decodeClaimPermalink(hash: string): PermalinkResult {
  const wire = readPermalinkParams(hash);
  if (!wire.ok) return failure(PERMALINK_ERRORS[wire.error]);
  const { params } = wire;

  // Every known key is present (if undefined), so that a missing one fails its own schema with
  // its own message rather than valibot's generic "Invalid key".
  const record: Record<string, string | undefined> = {};
  for (const key of Object.keys(paramsEntries)) record[key] = undefined;
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (seen.has(key)) return failure(invalid('a part of it is given twice'));
    seen.add(key);
    if (Object.hasOwn(paramsEntries, key)) record[key] = value;
    else if (value.length > PERMALINK_UNKNOWN_PARAM_MAX) {
      return failure(PERMALINK_ERRORS.unknownTooLong);
    }
  }
  const parsed = v.safeParse(paramsSchema, record);
  if (!parsed.success) return failure(invalid(parsed.issues[0]?.message ?? 'it is not valid'));
  const p = parsed.output;
  const quote: SharedQuote =
    p.q !== undefined
      ? { kind: 'exact', exact: p.q }
      : { kind: 'span', startWords: p.qs ?? '', endWords: p.qe ?? '' };
  const link: SharedClaimLink = {
    articleId: p.a,
    quote,
    prefix: p.pre,
    suffix: p.suf,
    position: { start: p.s, end: p.e },
    status: p.st,
    noteOmitted: p.nt === '1',
    ...(p.n === undefined ? {} : { note: p.n }),
    ...(p.id === undefined ? {} : { claimId: p.id }),
    ...(p.t === undefined
      ? {}
      : {
          article: {
            title: p.t,
            ...(p.u === undefined ? {} : { url: p.u }),
            ...(p.h === undefined ? {} : { textHash: p.h }),
          },
        }),
  };
  return { ok: true, link };
}

function failure(error: string): PermalinkResult {
  return { ok: false, error };
}

function invalid(problem: string): string {
  return `This link cannot be opened: ${problem}.`;
}

function isSafeId(id: string): boolean {
  return id.length <= PERMALINK_ID_MAX && ID_PATTERN.test(id);
}

const SPAN_MIN_WORDS = 5;
const SPAN_MAX_WORDS = 12;
const SPAN_MIN_CHARS = QUOTE_CONTEXT_LENGTH;

/**
 * Words at each end of a long quote: at least SPAN_MIN_WORDS words and SPAN_MIN_CHARS
 * characters (quotes that long are matched wherever they are, see matchQuote), at most
 * SPAN_MAX_WORDS, and never more than half the words, so that the two ends do not overlap.
 * Undefined for a quote of fewer than two words. Both are verbatim slices of the quote.
 */
export function quoteEnds(quote: string): { startWords: string; endWords: string } | undefined {
  const words = [...quote.matchAll(/\S+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const half = Math.floor(words.length / 2);
  if (half === 0) return undefined;
  let startCount = 1;
  while (
    startCount < half &&
    (startCount < SPAN_MIN_WORDS || (words[startCount - 1]?.end ?? 0) < SPAN_MIN_CHARS) &&
    startCount < SPAN_MAX_WORDS
  ) {
    startCount++;
  }
  let endCount = 1;
  while (
    endCount < half &&
    (endCount < SPAN_MIN_WORDS ||
      quote.length - (words[words.length - endCount]?.start ?? 0) < SPAN_MIN_CHARS) &&
    endCount < SPAN_MAX_WORDS
  ) {
    endCount++;
  }
  const startWords = quote.slice(0, words[startCount - 1]?.end ?? 0);
  const endWords = quote.slice(words[words.length - endCount]?.start ?? quote.length);
  if (startWords.length > PERMALINK_QUOTE_MAX || endWords.length > PERMALINK_QUOTE_MAX) {
    return undefined;
  }
  return { startWords, endWords };
}

const quoteText = (name: string) =>
  v.pipe(
    v.string(`${name} is missing`),
    v.maxLength(PERMALINK_QUOTE_MAX, `${name} is longer than 5,000 characters`),
    v.check((text) => text.trim() !== '', `${name} is empty`),
  );

const context = (name: string) =>
  v.pipe(
    v.string(`the text ${name} the quote is missing`),
    v.maxLength(QUOTE_CONTEXT_LENGTH, `the text ${name} the quote is too long`),
  );

const offset = (name: string) =>
  v.pipe(
    v.string(`the quote’s ${name} position is missing`),
    v.regex(/^(0|[1-9][0-9]{0,8})$/, `the quote’s ${name} position is not a whole number`),
    v.transform(Number),
  );

const id = (name: string) =>
  v.pipe(
    v.string(`the ${name} is missing`),
    v.maxLength(PERMALINK_ID_MAX, `the ${name} is too long`),
    v.regex(ID_PATTERN, `the ${name} is not valid`),
  );

const paramsEntries = {
  v: v.literal('1', 'its version is missing or not valid'),
  a: id('article name'),
  q: v.optional(quoteText('the quote')),
  qs: v.optional(quoteText('the start of the quote')),
  qe: v.optional(quoteText('the end of the quote')),
  pre: context('before'),
  suf: context('after'),
  s: offset('start'),
  e: offset('end'),
  st: v.picklist(CLAIM_STATUSES, 'the claim’s status is missing or not valid'),
  n: v.optional(
    v.pipe(v.string(), v.maxLength(PERMALINK_NOTE_MAX, 'the note is longer than 280 characters')),
  ),
  nt: v.optional(v.literal('1', 'the note is not valid')),
  id: v.optional(id('claim id')),
  t: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(PERMALINK_TITLE_MAX, 'the article’s title is too long'),
      v.check((text) => text.trim() !== '', 'the article’s title is empty'),
    ),
  ),
  u: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(PERMALINK_SOURCE_MAX, 'the article’s source address is too long'),
      v.regex(
        /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i,
        'the article’s source address is not a web address',
      ),
    ),
  ),
  h: v.optional(
    v.pipe(v.string(), v.regex(/^fnv1a64:[0-9a-f]{16}$/, 'the article’s text hash is not valid')),
  ),
};

const paramsSchema = v.pipe(
  v.object(paramsEntries),
  v.check(
    (p) => (p.q === undefined) !== (p.qs === undefined && p.qe === undefined),
    'the quote is missing, or given twice',
  ),
  v.check(
    (p) => p.q !== undefined || (p.qs !== undefined && p.qe !== undefined),
    'only one end of the quote is given',
  ),
  v.check((p) => p.s <= p.e, 'the quote ends before it starts'),
  v.check((p) => p.n === undefined || p.nt === undefined, 'the note is both given and left out'),
  v.check(
    (p) => p.t !== undefined || (p.u === undefined && p.h === undefined),
    'it names a source without an article title',
  ),
);
