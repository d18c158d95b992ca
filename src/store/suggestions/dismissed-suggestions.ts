import * as v from 'valibot';
import type { ClaimsStorageArea } from '../storage/claims-storage.ts';

/** localStorage key of the suggestions the reader dismissed. */
export const DISMISSED_SUGGESTIONS_KEY = 'fact-check-reader:dismissed-suggestions';

const dismissedSchema = v.object({
  version: v.literal(1),
  keys: v.array(v.pipe(v.string(), v.maxLength(300))),
});

/** The dismissed suggestion keys saved in `area`; anything unreadable counts as none. */
export function readDismissedSuggestions(area: ClaimsStorageArea | undefined): string[] {
  let raw: string | null = null;
  try {
    raw = area?.getItem(DISMISSED_SUGGESTIONS_KEY) ?? null;
  } catch {
    return [];
  }
  if (raw === null) return [];
  try {
    const parsed = v.safeParse(dismissedSchema, JSON.parse(raw));
    return parsed.success ? parsed.output.keys : [];
  } catch {
    return [];
  }
}

/** Saves the dismissed suggestion keys; a failed write only means they show again next time. */
export function writeDismissedSuggestions(
  area: ClaimsStorageArea | undefined,
  keys: readonly string[],
): void {
  try {
    area?.setItem(DISMISSED_SUGGESTIONS_KEY, JSON.stringify({ version: 1, keys }));
  } catch {
    // Dismissals are a convenience, not the reader's work: nothing to warn about.
  }
}
