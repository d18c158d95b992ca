// How other tools' labels map onto this app's claims: Hypothesis fact-check tags such as
// "false" or "accurate" become statuses, every other tag is kept, and the author is the reviewer.
import { CLAIM_STATUSES, type ClaimStatus } from '../claims/claim.ts';
import { MAX_TAG_LENGTH, MAX_TAGS } from '../claims/claim-schema.ts';
import { field, isObject, stringField, type JsonObject } from './annotation-document.ts';

// Lower-case labels fact-checkers use on Hypothesis and similar tools, and the status each means.
const STATUS_LABELS: ReadonlyMap<string, ClaimStatus> = new Map<string, ClaimStatus>([
  ['disputed', 'disputed'],
  ['false', 'disputed'],
  ['misleading', 'disputed'],
  ['inaccurate', 'disputed'],
  ['incorrect', 'disputed'],
  ['confirmed', 'confirmed'],
  ['true', 'confirmed'],
  ['accurate', 'confirmed'],
  ['correct', 'confirmed'],
  ['verified', 'confirmed'],
  ['open', 'open'],
]);

/** The status a tag stands for ("false" → disputed, "accurate" → confirmed), if any. */
export function statusFromLabel(label: string): ClaimStatus | undefined {
  return STATUS_LABELS.get(label.trim().toLowerCase());
}

/**
 * The tags to keep on an imported claim, in order: trimmed, without repeats, without this app's
 * own status words (they are the status itself), at most MAX_TAGS of at most MAX_TAG_LENGTH.
 */
export function keptTags(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const label of labels) {
    const tag = label.trim().slice(0, MAX_TAG_LENGTH);
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key) || CLAIM_STATUSES.some((s) => s === key)) continue;
    seen.add(key);
    kept.push(tag);
    if (kept.length === MAX_TAGS) break;
  }
  return kept;
}

const ACCOUNT = /^acct:([^@]+)@/i;

function personName(value: unknown): string | undefined {
  if (isObject(value)) return stringField(value, 'name') ?? stringField(value, 'nickname');
  // A bare string creator is an IRI naming the person, not a name to show.
  return undefined;
}

/** Who wrote an annotation: Hypothesis's display name or account, or a W3C creator's name. */
export function reviewerOf(annotation: JsonObject): string | undefined {
  const info = field(annotation, 'user_info');
  const display = isObject(info) ? stringField(info, 'display_name') : undefined;
  const account = ACCOUNT.exec(stringField(annotation, 'user') ?? '')?.[1];
  const creators = field(annotation, 'creator');
  const creator = Array.isArray(creators)
    ? creators.map(personName).find((name) => name !== undefined)
    : personName(creators);
  const name = [display, account, creator].find((n) => n !== undefined && n.trim() !== '');
  return name?.trim().slice(0, MAX_TAG_LENGTH);
}
