import { CLAIM_FIELDS, type Claim, type ClaimField } from './claim.ts';
import type { ClaimsDocumentState, Tombstone } from './claim-schema.ts';

/** How long a deletion record is kept; after that an older copy of the claim could return. */
export const TOMBSTONE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Claims and deletion records keyed by claim id, as the store holds them. */
export interface ClaimSet {
  readonly claims: Readonly<Record<string, Claim>>;
  /** Claim id → ISO time of deletion. */
  readonly tombstones: Readonly<Record<string, string>>;
}

// Unparseable times sort before every real one, so a broken stamp never wins.
function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

/** The newer of two versions of one claim; ties are broken by content so every tab agrees. */
export function newerClaim(a: Claim, b: Claim): Claim {
  const ta = time(a.updatedAt);
  const tb = time(b.updatedAt);
  if (ta !== tb) return ta > tb ? a : b;
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja >= jb ? a : b;
}

/** When `field` of `claim` last changed: its own time, else the claim's `updatedAt`. */
export function fieldTime(claim: Claim, field: ClaimField): string {
  return claim.fieldsUpdatedAt?.[field] ?? claim.updatedAt;
}

/** `claim` with a time for every field, so a later edit of one field leaves the others' times. */
export function withFieldTimes(claim: Claim): Claim {
  const times: Partial<Record<ClaimField, string>> = {};
  for (const field of CLAIM_FIELDS) times[field] = fieldTime(claim, field);
  return { ...claim, fieldsUpdatedAt: times };
}

/** `claim` with `patch` applied, stamped `at` on the claim and on each changed field. */
export function editClaim(
  claim: Claim,
  patch: Partial<Pick<Claim, ClaimField>>,
  at: string,
): Claim {
  const times: Partial<Record<ClaimField, string>> = {};
  for (const field of CLAIM_FIELDS) {
    times[field] = Object.hasOwn(patch, field) ? at : fieldTime(claim, field);
  }
  return { ...claim, ...patch, updatedAt: at, fieldsUpdatedAt: times };
}

/** `claim` with every field stamped `at`, so this version beats older edits and deletions. */
export function stampAllFields(claim: Claim, at: string): Claim {
  const times: Partial<Record<ClaimField, string>> = {};
  for (const field of CLAIM_FIELDS) times[field] = at;
  return { ...claim, updatedAt: at, fieldsUpdatedAt: times };
}

function fieldValue(claim: Claim, field: ClaimField): unknown {
  return field === 'tags' ? (claim.tags ?? []) : claim[field];
}

/**
 * Merges two versions of one claim field by field: each of status, note, evidence and tags is
 * taken from the version that changed it last (ties broken by content, so every tab agrees);
 * everything else comes from the newer version as a whole. Returns `a` or `b` themselves when
 * the merge equals one of them.
 */
export function mergeClaim(a: Claim, b: Claim): Claim {
  if (a === b) return a;
  // The usual case across tabs: the same version, parsed twice.
  if (a.updatedAt === b.updatedAt && JSON.stringify(a) === JSON.stringify(b)) return a;
  const base = newerClaim(a, b);
  const other = base === a ? b : a;
  const times: Partial<Record<ClaimField, string>> = {};
  const fromOther: ClaimField[] = [];
  for (const field of CLAIM_FIELDS) {
    const tb = fieldTime(base, field);
    const to = fieldTime(other, field);
    const diff = time(to) - time(tb);
    const otherWins =
      diff > 0 ||
      (diff === 0 &&
        JSON.stringify(fieldValue(other, field)) > JSON.stringify(fieldValue(base, field)));
    times[field] = otherWins ? to : tb;
    if (otherWins) fromOther.push(field);
  }
  if (fromOther.length === 0) return base;
  const merged: { -readonly [K in keyof Claim]: Claim[K] } = { ...base };
  for (const field of fromOther) {
    if (field === 'tags') {
      if (other.tags === undefined) delete merged.tags;
      else merged.tags = other.tags;
    } else if (field === 'status') merged.status = other.status;
    else if (field === 'note') merged.note = other.note;
    else merged.evidence = other.evidence;
  }
  merged.fieldsUpdatedAt = times;
  return merged;
}

function sameEntries<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

// Maps, not objects, while merging: a stored id such as `__proto__` must stay an ordinary key.
function newestClaims(sources: Iterable<[string, Claim]>[]): Map<string, Claim> {
  const claims = new Map<string, Claim>();
  for (const source of sources) {
    for (const [id, claim] of source) {
      const known = claims.get(id);
      claims.set(id, known ? mergeClaim(known, claim) : claim);
    }
  }
  return claims;
}

function latestDeletions(
  sources: Iterable<[string, string]>[],
  cutoff: number,
): Map<string, string> {
  const tombstones = new Map<string, string>();
  for (const source of sources) {
    for (const [id, deletedAt] of source) {
      if (!(time(deletedAt) >= cutoff)) continue;
      const known = tombstones.get(id);
      if (known === undefined || time(deletedAt) > time(known)) tombstones.set(id, deletedAt);
    }
  }
  return tombstones;
}

/** Merges another tab's claims into `local` field by field; deletions beat older edits. */
export function mergeClaimSets(local: ClaimSet, incoming: ClaimSet, now: Date): ClaimSet {
  // Deletions older than TOMBSTONE_TTL_MS are dropped so the list cannot grow forever. Records of
  // `local` that come out unchanged are returned as they are, so callers can skip updates.
  const tombstones = latestDeletions(
    [Object.entries(local.tombstones), Object.entries(incoming.tombstones)],
    now.getTime() - TOMBSTONE_TTL_MS,
  );
  const claims = newestClaims([Object.entries(local.claims), Object.entries(incoming.claims)]);
  // Restoring (Undo) stamps the claim after its deletion, so the later of the two wins.
  const keptClaims = Object.fromEntries(
    [...claims].filter(([id, claim]) => {
      const deletedAt = tombstones.get(id);
      return deletedAt === undefined || time(claim.updatedAt) > time(deletedAt);
    }),
  );
  const keptTombstones = Object.fromEntries(
    [...tombstones].filter(([id, deletedAt]) => {
      const claim = claims.get(id);
      return !claim || time(deletedAt) >= time(claim.updatedAt);
    }),
  );
  return {
    claims: sameEntries(keptClaims, local.claims) ? local.claims : keptClaims,
    tombstones: sameEntries(keptTombstones, local.tombstones) ? local.tombstones : keptTombstones,
  };
}

/** Keys a saved document's claims and deletion records by id (duplicates are merged). */
export function claimSetFromDocument(state: ClaimsDocumentState, now: Date): ClaimSet {
  const claims = newestClaims([state.claims.map((claim): [string, Claim] => [claim.id, claim])]);
  const tombstones = latestDeletions(
    [state.tombstones.map(({ id, deletedAt }): [string, string] => [id, deletedAt])],
    -Infinity,
  );
  return mergeClaimSets(
    { claims: {}, tombstones: {} },
    { claims: Object.fromEntries(claims), tombstones: Object.fromEntries(tombstones) },
    now,
  );
}

/** Lists a claim set as the saved document's `state`. */
export function claimSetToDocument(set: ClaimSet): ClaimsDocumentState {
  return {
    claims: Object.values(set.claims),
    tombstones: Object.entries(set.tombstones).map(([id, deletedAt]): Tombstone => ({
      id,
      deletedAt,
    })),
  };
}

/** An ISO time that is now, or just after every given time if one of them is not yet past. */
export function timestampAfter(now: Date, ...earlier: readonly (string | undefined)[]): string {
  let t = now.getTime();
  for (const iso of earlier) {
    if (iso === undefined) continue;
    const e = time(iso);
    if (e >= t) t = e + 1;
  }
  return new Date(t).toISOString();
}
