// Reading one annotation: the quote it targets, its bodies (status, note, evidence, tags), who
// wrote it, its times and the claim id it becomes. Everything is read from untrusted JSON.
import * as v from 'valibot';
import type { ClaimStatus } from '../claims/claim.ts';
import { isEvidenceLink, timestampSchema } from '../claims/claim-schema.ts';
import { textHash } from '../text/text-hash.ts';
import {
  field,
  isObject,
  many,
  stringField,
  typesOf,
  type JsonObject,
} from './annotation-document.ts';
import { keptTags, reviewerOf, statusFromLabel } from './hypothesis-mapping.ts';
import {
  ARTICLE_ID_TERM,
  CLAIM_URN_PREFIX,
  FCR_NAMESPACE,
  TEXT_HASH_TERM,
  isUuid,
} from './web-annotation-export.ts';

/** The quote an annotation targets, with whatever context, position and page came with it. */
export interface FoundQuote {
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
export function findQuote(annotation: JsonObject): FoundQuote | undefined {
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

/** What an annotation says about its quote. */
export interface Bodies {
  status: ClaimStatus | undefined;
  notes: string[];
  evidence: string[];
  /** Labels from tagging bodies and Hypothesis `tags`, as kept on the claim. */
  tags: string[];
  reviewer: string | undefined;
}

const LINK_PURPOSES = new Set(['linking']);

function addEvidence(bodies: Bodies, link: string | undefined): void {
  const trimmed = link?.trim();
  if (trimmed && isEvidenceLink(trimmed) && !bodies.evidence.includes(trimmed)) {
    bodies.evidence.push(trimmed);
  }
}

/** Reads status, note, evidence and tags from `body`/`bodyValue` and Hypothesis `text`/`tags`. */
export function readBodies(annotation: JsonObject): Bodies {
  const bodies: Bodies = {
    status: undefined,
    notes: [],
    evidence: [],
    tags: [],
    reviewer: undefined,
  };
  const labels: string[] = [];
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
        labels.push(value);
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
    if (typeof tag === 'string') labels.push(tag);
  }
  for (const label of labels) bodies.status ??= statusFromLabel(label);
  bodies.tags = keptTags(labels);
  bodies.reviewer = reviewerOf(annotation);
  return bodies;
}

/** A field's value when it is a valid ISO 8601 timestamp. */
export function validTimestamp(value: unknown): string | undefined {
  return typeof value === 'string' && v.is(timestampSchema, value) ? value : undefined;
}

const UUID_URN = /^urn:uuid:(.+)$/i;

/** The claim id for an annotation: its UUID, our own claim urn, or a hash of its id or content. */
export function claimIdFor(annotation: JsonObject): string {
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
