import type { Article } from '../articles/article-schema.ts';
import type {
  Claim,
  ClaimStatus,
  TextPositionSelector,
  TextQuoteSelector,
} from '../claims/claim.ts';

/** The W3C Web Annotation JSON-LD context. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Namespace of this app's JSON-LD extension terms (prefix `fcr:`). */
export const FCR_NAMESPACE = 'urn:fact-check-reader:ns:';

/** Extension term on a target naming the article id in this app. */
export const ARTICLE_ID_TERM = 'fcr:articleId';

/** Extension term on a target holding the hash of the text its selectors were made on. */
export const TEXT_HASH_TERM = 'fcr:textHash';

/** Prefix of the `source` IRI of a target whose article is unknown to the exporter. */
export const UNKNOWN_ARTICLE_PREFIX = 'urn:fact-check-reader:article:';

/**
 * Terms the W3C context lacks, defined inline: its motivation list has no `assessing` (the
 * model names oa:assessing, the published anno.jsonld omits it), so without this the motivation
 * would vanish when the JSON-LD is expanded.
 */
export const INLINE_CONTEXT = {
  fcr: FCR_NAMESPACE,
  assessing: 'http://www.w3.org/ns/oa#assessing',
} as const;

/** Prefix of an annotation id made from a claim id that is not a UUID. */
export const CLAIM_URN_PREFIX = 'urn:fact-check-reader:claim:';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID in its usual 8-4-4-4-12 hexadecimal form. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** The annotation id for a claim id: `urn:uuid:…` for UUIDs, else a urn in our namespace. */
export function annotationIdFor(claimId: string): string {
  return isUuid(claimId)
    ? `urn:uuid:${claimId}`
    : `${CLAIM_URN_PREFIX}${encodeURIComponent(claimId)}`;
}

/** A TextualBody: the status tag, another tag, or the note. */
export interface TextualBody {
  readonly type: 'TextualBody';
  readonly purpose: 'tagging' | 'commenting';
  readonly value: string;
  readonly format?: 'text/plain';
}

/** An evidence link as a body: a SpecificResource of the linked page, purpose `linking`. */
export interface LinkingBody {
  readonly type: 'SpecificResource';
  readonly purpose: 'linking';
  readonly source: string;
}

/** The quoted passage: the article as a SpecificResource with both selectors. */
export interface AnnotationTarget {
  readonly type: 'SpecificResource';
  readonly source: string;
  readonly selector: readonly [TextQuoteSelector, TextPositionSelector];
  readonly [ARTICLE_ID_TERM]: string;
  readonly [TEXT_HASH_TERM]?: string;
}

/** One claim as a W3C Web Annotation. */
export interface WebAnnotation {
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'assessing';
  readonly created: string;
  readonly modified: string;
  readonly generated: string;
  /** Who reviewed the claim, when it came from someone else (e.g. a Hypothesis user). */
  readonly creator?: { readonly type: 'Person'; readonly name: string };
  readonly generator?: {
    readonly type: 'Software';
    readonly name: string;
    readonly homepage: string;
  };
  readonly body: readonly (TextualBody | LinkingBody)[];
  readonly target: AnnotationTarget;
}

/** A W3C AnnotationCollection with every annotation embedded in its first page. */
export interface WebAnnotationCollection {
  readonly '@context': readonly [typeof ANNOTATION_CONTEXT, typeof INLINE_CONTEXT];
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  readonly first: {
    readonly type: 'AnnotationPage';
    readonly startIndex: 0;
    readonly items: readonly WebAnnotation[];
  };
}

/** The name the export gives this app, as generator and in the collection label. */
export const APP_NAME = 'Fact-check reader';

function bodiesFor(claim: Claim): (TextualBody | LinkingBody)[] {
  const status: ClaimStatus = claim.status;
  const bodies: (TextualBody | LinkingBody)[] = [
    { type: 'TextualBody', purpose: 'tagging', value: status },
  ];
  for (const tag of claim.tags ?? [])
    bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  if (claim.note.trim() !== '') {
    bodies.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: claim.note,
      format: 'text/plain',
    });
  }
  for (const link of claim.evidence) {
    bodies.push({ type: 'SpecificResource', purpose: 'linking', source: link });
  }
  return bodies;
}

/** One claim as a Web Annotation (see toWebAnnotationCollection). */
export function toWebAnnotation(
  claim: Claim,
  article: Article | undefined,
  options: { generated: string; appUrl?: string },
): WebAnnotation {
  const { target } = claim;
  const source = article?.url ?? `${UNKNOWN_ARTICLE_PREFIX}${encodeURIComponent(target.articleId)}`;
  return {
    id: annotationIdFor(claim.id),
    type: 'Annotation',
    motivation: 'assessing',
    created: claim.createdAt,
    modified: claim.updatedAt,
    generated: options.generated,
    ...(claim.reviewer !== undefined
      ? { creator: { type: 'Person' as const, name: claim.reviewer } }
      : {}),
    ...(options.appUrl
      ? { generator: { type: 'Software', name: APP_NAME, homepage: options.appUrl } }
      : {}),
    body: bodiesFor(claim),
    target: {
      type: 'SpecificResource',
      source,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: target.quote.exact,
          prefix: target.quote.prefix,
          suffix: target.quote.suffix,
        },
        { type: 'TextPositionSelector', start: target.position.start, end: target.position.end },
      ],
      [ARTICLE_ID_TERM]: target.articleId,
      ...(target.textHash ? { [TEXT_HASH_TERM]: target.textHash } : {}),
    },
  };
}

/**
 * All claims as one W3C Web Annotation `AnnotationCollection` (JSON-LD), in the given order.
 *
 * Each claim is an Annotation with motivation `assessing` (defined in the inline context, so it
 * expands to oa:assessing): a `tagging` TextualBody holding the status, one per other tag, a
 * `commenting` TextualBody for a non-empty note, and a `linking` SpecificResource per evidence
 * link; an imported claim's reviewer is its `creator`. The target is the article page (or `urn:fact-check-reader:article:<id>` when
 * the article is unknown) with a TextQuoteSelector and a TextPositionSelector. The article id
 * and text hash travel as `fcr:` extension terms, declared in the collection's `@context`.
 */
export function toWebAnnotationCollection(
  claims: readonly Claim[],
  articles: ReadonlyMap<string, Article>,
  options: { generated: string; appUrl?: string },
): WebAnnotationCollection {
  const items = claims.map((claim) =>
    toWebAnnotation(claim, articles.get(claim.target.articleId), options),
  );
  return {
    '@context': [ANNOTATION_CONTEXT, INLINE_CONTEXT],
    type: 'AnnotationCollection',
    label: `${APP_NAME}: claims exported ${options.generated}`,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
