import type { Article } from '../articles/article-schema.ts';
import type { Claim, ClaimStatus, ClaimTarget } from '../claims/claim.ts';
import { parseClaim } from '../claims/claim-schema.ts';
import {
  matchQuote,
  prepareText,
  type AnchorResult,
  type PreparedText,
  type QuoteHints,
} from '../anchoring/match-quote.ts';
import { MATCH_TUNING } from '../anchoring/match-tuning.ts';
import { reanchorClaim } from '../anchoring/reanchor.ts';
import { targetFor } from '../anchoring/text-selectors.ts';
import {
  annotationsIn,
  comparableUrl,
  field,
  isObject,
  parseJson,
  typesOf,
  utf8Length,
} from './annotation-document.ts';
import {
  claimIdFor,
  findQuote,
  readBodies,
  validTimestamp,
  type FoundQuote,
} from './annotation-reading.ts';
import { UNKNOWN_ARTICLE_PREFIX } from './web-annotation-export.ts';

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
  /** Already among the reader's claims (same id, or same passage and status). */
  readonly alreadyPresent: number;
  /** Repeats of an earlier annotation in the same file (same id). */
  readonly repeatedInFile: number;
  readonly notAnchored: { quote: string; reason: string }[];
  readonly invalid: { index: number; reason: string }[];
}

/** An article the import can anchor to: its data and its canonical text. */
export interface ImportableArticle {
  readonly article: Article;
  readonly text: string;
}

/** Options for planImport. */
export interface PlanImportOptions {
  /** Told how many annotations are done, out of how many, every PROGRESS_EVERY of them. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** How many annotations are planned between two progress reports. */
export const PROGRESS_EVERY = 250;

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
  options: PlanImportOptions = {},
): ImportPlan {
  try {
    return plan(input, existing, articles, now, options);
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
  { onProgress }: PlanImportOptions,
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
    .map((key) => (Object.hasOwn(existing, key) ? existing[key] : undefined))
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
  let repeatedInFile = 0;
  const notAnchored: { quote: string; reason: string }[] = [];
  const invalid: { index: number; reason: string }[] = [];

  const total = found.items.length;
  onProgress?.(0, total);
  found.items.forEach((item, index) => {
    if (index > 0 && index % PROGRESS_EVERY === 0) onProgress?.(index, total);
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
    if (existingIds.has(id)) {
      alreadyPresent++;
      return;
    }
    if (addedIds.has(id)) {
      repeatedInFile++;
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
      ...(bodies.tags.length > 0 ? { tags: bodies.tags } : {}),
      ...(bodies.reviewer !== undefined ? { reviewer: bodies.reviewer } : {}),
    };
    const checked = parseClaim(candidate);
    if (!checked.ok) {
      invalid.push({ index, reason: `The claim would be invalid: ${checked.reason}.` });
      return;
    }
    toAdd.push(checked.claim);
    addedIds.add(id);
  });
  onProgress?.(total, total);

  return {
    ok: true,
    toAdd,
    summary: { imported: toAdd.length, alreadyPresent, repeatedInFile, notAnchored, invalid },
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
