import type { ClaimsStorageArea } from '../storage/claims-storage.ts';

/** localStorage key of the reviewer name that ClaimReview exports give as author. */
export const REVIEWER_NAME_KEY = 'fact-check-reader:reviewer-name';

/** Longest reviewer name kept. */
export const MAX_REVIEWER_NAME_LENGTH = 200;

/** The saved reviewer name, or '' when none is saved or storage cannot be read. */
export function readReviewerName(area: ClaimsStorageArea | undefined): string {
  try {
    const raw = area?.getItem(REVIEWER_NAME_KEY) ?? '';
    return raw.trim().slice(0, MAX_REVIEWER_NAME_LENGTH);
  } catch {
    return '';
  }
}

/** Saves the reviewer name ('' forgets it); a failed write keeps it for this tab only. */
export function writeReviewerName(area: ClaimsStorageArea | undefined, name: string): void {
  try {
    if (name === '') area?.removeItem(REVIEWER_NAME_KEY);
    else area?.setItem(REVIEWER_NAME_KEY, name.slice(0, MAX_REVIEWER_NAME_LENGTH));
  } catch {
    // The name stays in memory; the export still uses it in this tab.
  }
}
