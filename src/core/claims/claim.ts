/** A reader's verdict on a claim; `open` means highlighted, still to check. */
export type ClaimStatus = 'disputed' | 'confirmed' | 'open';

/** All statuses, in the order the UI offers them. */
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['disputed', 'confirmed', 'open'];

/** W3C Web Annotation TextQuoteSelector against an article's canonical text. */
export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  /** Up to QUOTE_CONTEXT_LENGTH characters before `exact`. */
  readonly prefix: string;
  /** Up to QUOTE_CONTEXT_LENGTH characters after `exact`. */
  readonly suffix: string;
}

/** W3C Web Annotation TextPositionSelector: UTF-16 offsets into the canonical text. */
export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

/** Characters of context saved on each side of a quote. */
export const QUOTE_CONTEXT_LENGTH = 32;

/** Where a claim points: the article, the text version it was made on, and both selectors. */
export interface ClaimTarget {
  readonly articleId: string;
  /** Hash of the canonical text the selectors were made against (see text-hash.ts). */
  readonly textHash: string;
  readonly quote: TextQuoteSelector;
  readonly position: TextPositionSelector;
}

/** The claim fields that tabs may change independently; each is merged on its own time. */
export type ClaimField = 'status' | 'note' | 'evidence' | 'tags';

/** Every independently merged field, in a fixed order. */
export const CLAIM_FIELDS: readonly ClaimField[] = ['status', 'note', 'evidence', 'tags'];

/** One highlighted, tagged claim as saved. */
export interface Claim {
  readonly id: string;
  readonly target: ClaimTarget;
  readonly status: ClaimStatus;
  /** Plain text, never markup. */
  readonly note: string;
  /** http(s) addresses only. */
  readonly evidence: readonly string[];
  /** ISO 8601 timestamps. */
  readonly createdAt: string;
  /** The latest of the field times: when anything about the claim last changed. */
  readonly updatedAt: string;
  /**
   * When each field last changed (ISO 8601), so two tabs editing different fields both keep
   * their edit. A missing time means the field last changed at `updatedAt`.
   */
  readonly fieldsUpdatedAt?: Readonly<Partial<Record<ClaimField, string>>>;
  /** Free labels, e.g. from a Hypothesis import ("needs-source"); plain text. */
  readonly tags?: readonly string[];
  /** Who reviewed the claim, when it came from someone else (e.g. a Hypothesis user). */
  readonly reviewer?: string;
}

/** A half-open character range [start, end) in an article's canonical text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}
