import * as v from 'valibot';
import type { Article } from '../articles/article-schema.ts';
import { CLAIM_STATUSES, type Claim, type ClaimStatus, type ClaimTarget } from '../claims/claim.ts';
import { isEvidenceLink, parseClaim, timestampSchema } from '../claims/claim-schema.ts';
import {
  matchQuote,
  prepareText,
  type AnchorResult,
  type PreparedText,
  type QuoteHints,
} from '../anchoring/match-quote.ts';
import { MATCH_TUNING } from '../anchoring/match-tuning.ts';
import { reanchorClaim } from '../anchoring/reanchor.ts';
import { textHash } from '../text/text-hash.ts';
import { targetFor } from '../anchoring/text-selectors.ts';
import {
  ARTICLE_ID_TERM,
  CLAIM_URN_PREFIX,
  FCR_NAMESPACE,
  TEXT_HASH_TERM,
  UNKNOWN_ARTICLE_PREFIX,
  isUuid,
} from './web-annotation-export.ts';

/** Largest file accepted, in UTF-8 bytes. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Longest note kept, in UTF-16 code units; longer notes are cut. */
export const MAX_IMPORTED_NOTE_LENGTH = 10_000;

/** What an import would do; nothing is written until the caller applies `toAdd`. */
export type ImportPlan =
  | { readonly ok: false; readonly error: string }
  | {
      readonly ok: true;
      readonly toAdd: Claim[];
      readonly summary: ImportSummary;
    };

/** Counts and reasons for every annotation in the file: each lands in exactly one bucket. */
export interface ImportSummary {
  readonly imported: number;
  readonly alreadyPresent: number;
  readonly notAnchored: { quote: string; reason: string }[];
  readonly invalid: { index: number; reason: string }[];
}

/** An article the import can anchor to: its data and its canonical text. */
export interface ImportableArticle {
  readonly article: Article;
  readonly text: string;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One or many: a JSON-LD value may be a single item or an array of them. */
function many(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function field(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function stringField(object: JsonObject, key: string): string | undefined {
  const value = field(object, key);
  return typeof value === 'string' ? value : undefined;
}

function typesOf(object: JsonObject): string[] {
  return many(field(object, 'type') ?? field(object, '@type')).filter(
    (t): t is string => typeof t === 'string',
  );
}

/** UTF-8 length of a string, stopping early once past `limit`. */
function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

type ParseOutcome = { ok: true; value: unknown } | { ok: false; error: string };

function parseJson(input: string): ParseOutcome {
  if (input.trim() === '') return { ok: false, error: 'The file is empty.' };
  try {
    // A reviver that drops `__proto__` keys, so nothing built from the data can reach a prototype.
    const value: unknown = JSON.parse(input, (key, item: unknown) =>
      key === '__proto__' ? undefined : item,
    );
    return { ok: true, value };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The file is not valid JSON (${detail}).` };
  }
}

/** The annotations in any accepted shape, or why the document is not one. */
function annotationsIn(
  document: unknown,
): { ok: true; items: unknown[] } | { ok: false; error: string } {
  if (Array.isArray(document)) return { ok: true, items: document };
  if (!isObject(document)) {
    return {
      ok: false,
      error: 'The file holds no Web Annotations (expected an object or a list).',
    };
  }
  const types = typesOf(document);
  const first = field(document, 'first');
  if (types.includes('AnnotationCollection') || first !== undefined) {
    if (isObject(first) && Array.isArray(field(first, 'items'))) {
      return { ok: true, items: field(first, 'items') as unknown[] };
    }
    if (Array.isArray(field(document, 'items'))) {
      return { ok: true, items: field(document, 'items') as unknown[] };
    }
    if (first === undefined && field(document, 'total') === 0) return { ok: true, items: [] };
    return {
      ok: false,
      error:
        'The collection does not embed its annotations (its first page must be included in the file).',
    };
  }
  // An AnnotationPage, or a Hypothesis API search result ({ total, rows }).
  for (const key of ['items', 'rows']) {
    const list = field(document, key);
    if (Array.isArray(list)) return { ok: true, items: list };
  }
  if (field(document, 'target') !== undefined || types.includes('Annotation')) {
    return { ok: true, items: [document] };
  }
  return {
    ok: false,
    error: 'The file holds no Web Annotations (no annotation or collection found).',
  };
}

/** Lower-cased host without `www.`, plus path without trailing slashes; query and hash dropped. */
export function comparableUrl(url: string): string {
  const withoutScheme = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const withoutExtras = withoutScheme.replace(/[?#].*$/s, '');
  const slash = withoutExtras.indexOf('/');
  const host = (slash === -1 ? withoutExtras : withoutExtras.slice(0, slash))
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/:(80|443)$/, '');
  const path = slash === -1 ? '' : withoutExtras.slice(slash).replace(/\/+$/, '');
  return host + path;
}

interface FoundQuote {
  readonly exact: string;
  readonly prefix: string | undefined;
  readonly suffix: string | undefined;
  readonly position: { start: number; end: number } | undefined;
  readonly source: string | undefined;
  readonly articleId: string | undefined;
  readonly textHash: string | undefined;
}

// Selectors nest through refinedBy; real files go two or three levels deep.
const MAX_SELECTOR_DEPTH = 8;

function collectSelectors(value: unknown, into: JsonObject[], depth: number): void {
  if (depth > MAX_SELECTOR_DEPTH) return;
  for (const selector of many(value)) {
    if (!isObject(selector)) continue;
    into.push(selector);
    collectSelectors(field(selector, 'refinedBy'), into, depth + 1);
  }
}

function offset(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function sourceOf(target: JsonObject): string | undefined {
  const source = field(target, 'source');
  if (typeof source === 'string') return source;
  if (isObject(source)) return stringField(source, 'id') ?? stringField(source, '@id');
  return stringField(target, 'id') ?? stringField(target, '@id');
}

function articleIdOf(target: JsonObject): string | undefined {
  return stringField(target, ARTICLE_ID_TERM) ?? stringField(target, `${FCR_NAMESPACE}articleId`);
}

/** The first target with a TextQuoteSelector, with its position selector if any. */
function findQuote(annotation: JsonObject): FoundQuote | undefined {
  const fallbackSource = stringField(annotation, 'uri');
  for (const target of many(field(annotation, 'target'))) {
    if (!isObject(target)) continue;
    const selectors: JsonObject[] = [];
    collectSelectors(field(target, 'selector'), selectors, 0);
    const quote = selectors.find(
      (s) => typesOf(s).includes('TextQuoteSelector') && typeof field(s, 'exact') === 'string',
    );
    if (!quote) continue;
    const positionSelector = selectors.find((s) => typesOf(s).includes('TextPositionSelector'));
    const start = positionSelector ? offset(field(positionSelector, 'start')) : undefined;
    const end = positionSelector ? offset(field(positionSelector, 'end')) : undefined;
    return {
      exact: stringField(quote, 'exact') ?? '',
      prefix: stringField(quote, 'prefix'),
      suffix: stringField(quote, 'suffix'),
      position:
        start !== undefined && end !== undefined && end >= start ? { start, end } : undefined,
      source: sourceOf(target) ?? fallbackSource,
      articleId: articleIdOf(target),
      textHash:
        stringField(target, TEXT_HASH_TERM) ?? stringField(target, `${FCR_NAMESPACE}textHash`),
    };
  }
  return undefined;
}

interface Bodies {
  status: ClaimStatus | undefined;
  notes: string[];
  evidence: string[];
}

const LINK_PURPOSES = new Set(['linking']);

function addEvidence(bodies: Bodies, link: string | undefined): void {
  const trimmed = link?.trim();
  if (trimmed && isEvidenceLink(trimmed) && !bodies.evidence.includes(trimmed)) {
    bodies.evidence.push(trimmed);
  }
}

function statusFrom(value: string): ClaimStatus | undefined {
  const normalized = value.trim().toLowerCase();
  return CLAIM_STATUSES.find((status) => status === normalized);
}

/** Reads status, note and evidence from `body`/`bodyValue` and Hypothesis-style `text`/`tags`. */
function readBodies(annotation: JsonObject): Bodies {
  const bodies: Bodies = { status: undefined, notes: [], evidence: [] };
  const motivations = many(field(annotation, 'motivation')).filter(
    (m): m is string => typeof m === 'string',
  );
  // A body without a purpose takes the annotation's motivation when there is only one.
  const defaultPurpose = motivations.length === 1 ? motivations[0] : undefined;
  for (const body of many(field(annotation, 'body'))) {
    if (typeof body === 'string') {
      // A bare IRI body is the linked resource itself.
      addEvidence(bodies, body);
      continue;
    }
    if (!isObject(body)) continue;
    const purposes = many(field(body, 'purpose')).filter((p): p is string => typeof p === 'string');
    if (purposes.length === 0 && defaultPurpose) purposes.push(defaultPurpose);
    const value = stringField(body, 'value') ?? stringField(body, 'chars');
    if (value !== undefined) {
      if (purposes.includes('tagging')) {
        bodies.status ??= statusFrom(value);
      } else if (
        purposes.length === 0 ||
        purposes.some((p) => p === 'commenting' || p === 'describing' || p === 'assessing')
      ) {
        if (value.trim() !== '') bodies.notes.push(value);
      }
      continue;
    }
    if (purposes.length === 0 || purposes.some((p) => LINK_PURPOSES.has(p))) {
      addEvidence(bodies, sourceOf(body));
    }
  }
  const bodyValue = field(annotation, 'bodyValue');
  if (typeof bodyValue === 'string' && bodyValue.trim() !== '') bodies.notes.push(bodyValue);
  // Hypothesis API annotations carry the note in `text` and labels in `tags`.
  const text = stringField(annotation, 'text');
  if (bodies.notes.length === 0 && text !== undefined && text.trim() !== '')
    bodies.notes.push(text);
  for (const tag of many(field(annotation, 'tags'))) {
    if (typeof tag === 'string') bodies.status ??= statusFrom(tag);
  }
  return bodies;
}

function validTimestamp(value: unknown): string | undefined {
  return typeof value === 'string' && v.is(timestampSchema, value) ? value : undefined;
}

const UUID_URN = /^urn:uuid:(.+)$/i;

/** The claim id for an annotation: its UUID, our own claim urn, or a hash of its id or content. */
function claimIdFor(annotation: JsonObject): string {
  const id = stringField(annotation, 'id') ?? stringField(annotation, '@id');
  if (id !== undefined) {
    const uuid = UUID_URN.exec(id)?.[1];
    if (uuid !== undefined && isUuid(uuid)) return uuid;
    if (id.startsWith(CLAIM_URN_PREFIX)) {
      try {
        const decoded = decodeURIComponent(id.slice(CLAIM_URN_PREFIX.length));
        if (decoded !== '') return decoded;
      } catch {
        // A malformed escape falls through to a hashed id.
      }
    }
    if (id.trim() !== '') return `imported-${textHash(id).slice(-16)}`;
  }
  return `imported-${textHash(JSON.stringify(annotation)).slice(-16)}`;
}

function shorten(text: string, length = 200): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

interface ArticleContext {
  readonly id: string;
  readonly text: string;
  readonly prepared: PreparedText;
  /** `start:end:status` of every existing claim on the article, re-anchored to the current text. */
  readonly taken: Set<string>;
}

function rangeKey(start: number, end: number, status: ClaimStatus): string {
  return `${start}:${end}:${status}`;
}

/**
 * Plans an import of Web Annotations (`input`, the file's text) into the claims in `existing`,
 * anchoring each quote to the current text of `articles` (keyed by article id). Writes nothing.
 *
 * Accepts this app's AnnotationCollection (items in `first.items` or `items`), an
 * AnnotationPage, a bare list, a single Annotation, and other tools' annotations (Hypothesis
 * style: targets and selectors as one or many, selectors inside `refinedBy`, bodies as strings,
 * objects or lists, no motivation). Never throws: a file that cannot be read at all gives
 * `{ ok: false, error }`; otherwise each annotation is imported, already present, not anchored,
 * or invalid, with a reason.
 */
export function planImport(
  input: string,
  existing: Readonly<Record<string, Claim>>,
  articles: ReadonlyMap<string, ImportableArticle>,
  now: string,
): ImportPlan {
  try {
    return plan(input, existing, articles, now);
  } catch (error) {
    // Nothing above should throw; this keeps the promise if something unforeseen does.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The file could not be imported (${detail}).` };
  }
}

function plan(
  input: string,
  existing: Readonly<Record<string, Claim>>,
  articles: ReadonlyMap<string, ImportableArticle>,
  now: string,
): ImportPlan {
  if (utf8Length(input, MAX_IMPORT_BYTES) > MAX_IMPORT_BYTES) {
    return { ok: false, error: 'The file is larger than 5 MB, too large to import.' };
  }
  const parsed = parseJson(input);
  if (!parsed.ok) return parsed;
  const found = annotationsIn(parsed.value);
  if (!found.ok) return found;

  const byUrl = new Map<string, string>();
  for (const [id, { article }] of articles) byUrl.set(comparableUrl(article.url), id);
  const existingClaims = Object.keys(existing)
    .map((key) => existing[key])
    .filter((claim): claim is Claim => claim !== undefined);
  const existingIds = new Set(existingClaims.map((claim) => claim.id));
  for (const key of Object.keys(existing)) existingIds.add(key);

  const contexts = new Map<string, ArticleContext>();
  const contextFor = (id: string): ArticleContext | undefined => {
    const known = contexts.get(id);
    if (known) return known;
    const entry = articles.get(id);
    if (!entry) return undefined;
    const prepared = prepareText(entry.text);
    const taken = new Set<string>();
    for (const claim of existingClaims) {
      if (claim.target.articleId !== id) continue;
      const anchor = reanchorClaim(prepared, claim.target);
      if (anchor.kind === 'anchored') taken.add(rangeKey(anchor.start, anchor.end, claim.status));
    }
    const context: ArticleContext = { id, text: entry.text, prepared, taken };
    contexts.set(id, context);
    return context;
  };

  const articleFor = (quote: FoundQuote): ArticleContext | undefined => {
    if (quote.articleId !== undefined && articles.has(quote.articleId)) {
      return contextFor(quote.articleId);
    }
    if (quote.source === undefined) return undefined;
    if (quote.source.startsWith(UNKNOWN_ARTICLE_PREFIX)) {
      try {
        const id = decodeURIComponent(quote.source.slice(UNKNOWN_ARTICLE_PREFIX.length));
        if (articles.has(id)) return contextFor(id);
      } catch {
        return undefined;
      }
      return undefined;
    }
    const id = byUrl.get(comparableUrl(quote.source));
    return id === undefined ? undefined : contextFor(id);
  };

  const toAdd: Claim[] = [];
  const addedIds = new Set<string>();
  let alreadyPresent = 0;
  const notAnchored: { quote: string; reason: string }[] = [];
  const invalid: { index: number; reason: string }[] = [];

  found.items.forEach((item, index) => {
    if (!isObject(item)) {
      invalid.push({ index, reason: 'Not an annotation (expected an object).' });
      return;
    }
    const types = typesOf(item);
    if (types.length > 0 && !types.some((t) => t === 'Annotation' || t === 'oa:Annotation')) {
      invalid.push({ index, reason: `Not an annotation (type ${types.join(', ')}).` });
      return;
    }
    const quote = findQuote(item);
    if (!quote) {
      invalid.push({ index, reason: 'The annotation has no text quote (TextQuoteSelector).' });
      return;
    }
    if (quote.exact.trim() === '') {
      invalid.push({ index, reason: 'The annotation quotes no text.' });
      return;
    }
    const id = claimIdFor(item);
    if (existingIds.has(id) || addedIds.has(id)) {
      alreadyPresent++;
      return;
    }
    const context = articleFor(quote);
    if (!context) {
      notAnchored.push({
        quote: shorten(quote.exact),
        reason: 'The annotated page is not one of the articles in this reader.',
      });
      return;
    }
    const anchor = anchorQuote(context, quote);
    if (anchor.kind !== 'anchored') {
      notAnchored.push({ quote: shorten(quote.exact), reason: anchor.reason });
      return;
    }
    const bodies = readBodies(item);
    const status = bodies.status ?? 'open';
    const key = rangeKey(anchor.start, anchor.end, status);
    if (context.taken.has(key)) {
      alreadyPresent++;
      return;
    }
    let target: ClaimTarget;
    try {
      target = targetFor(context.id, context.text, anchor);
    } catch (error) {
      notAnchored.push({
        quote: shorten(quote.exact),
        reason: error instanceof Error ? error.message : 'The quote cannot be anchored.',
      });
      return;
    }
    const createdAt =
      validTimestamp(field(item, 'created')) ?? validTimestamp(field(item, 'updated')) ?? now;
    const updatedAt =
      validTimestamp(field(item, 'modified')) ??
      validTimestamp(field(item, 'updated')) ??
      createdAt;
    const candidate: Claim = {
      id,
      target,
      status,
      note: bodies.notes.join('\n\n').slice(0, MAX_IMPORTED_NOTE_LENGTH),
      evidence: bodies.evidence,
      createdAt,
      updatedAt,
    };
    const checked = parseClaim(candidate);
    if (!checked.ok) {
      invalid.push({ index, reason: `The claim would be invalid: ${checked.reason}.` });
      return;
    }
    toAdd.push(checked.claim);
    addedIds.add(id);
    context.taken.add(key);
  });

  return {
    ok: true,
    toAdd,
    summary: { imported: toAdd.length, alreadyPresent, notAnchored, invalid },
  };
}

/** Matches a quote in the current text with whatever context and position it came with. */
function anchorQuote(context: ArticleContext, quote: FoundQuote): AnchorResult {
  const { prepared, text } = context;
  // Far longer than the article cannot match even approximately, and would be slow to try.
  if (quote.exact.length > text.length + MATCH_TUNING.maxErrors) {
    return { kind: 'orphaned', reason: 'The quote is longer than the article.' };
  }
  // Offsets past the end come from another version of the page: the quote is matched without them.
  const position = quote.position && quote.position.end <= text.length ? quote.position : undefined;
  if (position && quote.prefix !== undefined && quote.suffix !== undefined) {
    return reanchorClaim(prepared, {
      articleId: context.id,
      textHash: quote.textHash ?? '',
      quote: {
        type: 'TextQuoteSelector',
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
      },
      position: { type: 'TextPositionSelector', ...position },
    });
  }
  const hints: QuoteHints = {
    ...(quote.prefix !== undefined ? { prefix: quote.prefix } : {}),
    ...(quote.suffix !== undefined ? { suffix: quote.suffix } : {}),
    ...(position ? { position } : {}),
  };
  return matchQuote(prepared, quote.exact, hints);
}
