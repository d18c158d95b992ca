import type { ImportPlan, ImportSummary } from './web-annotation-import.ts';

/** Most entries of each list shown on screen; the rest are counted and can be downloaded. */
export const SHOWN_LIST_LENGTH = 100;

/**
 * An import plan as the screen shows it: counts, the first entries of each list, the full list
 * as text. The claims to add are not part of it: they stay with the planner until confirmed.
 */
export type ImportReport =
  | { readonly ok: false; readonly error: string }
  | {
      readonly ok: true;
      readonly counts: {
        readonly imported: number;
        readonly alreadyPresent: number;
        readonly repeatedInFile: number;
        readonly notAnchored: number;
        readonly invalid: number;
      };
      /** The first SHOWN_LIST_LENGTH of each list. */
      readonly notAnchored: ImportSummary['notAnchored'];
      readonly invalid: ImportSummary['invalid'];
      /** Every not-anchored and invalid entry as plain text, one a line (empty when none). */
      readonly fullList: string;
    };

/** Lists every entry that will not be imported, as plain text for a downloadable file. */
export function fullListText(summary: ImportSummary): string {
  const lines: string[] = [];
  if (summary.notAnchored.length > 0) {
    lines.push(`Could not be anchored (${summary.notAnchored.length}):`);
    for (const item of summary.notAnchored) lines.push(`“${item.quote}” — ${item.reason}`);
  }
  if (summary.invalid.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(`Invalid (${summary.invalid.length}):`);
    for (const item of summary.invalid) lines.push(`Entry ${item.index + 1}: ${item.reason}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Shortens a plan's lists for the screen, keeping exact counts and the full list as text. */
export function importReport(plan: ImportPlan): ImportReport {
  if (!plan.ok) return plan;
  const { summary } = plan;
  return {
    ok: true,
    counts: {
      imported: summary.imported,
      alreadyPresent: summary.alreadyPresent,
      repeatedInFile: summary.repeatedInFile,
      notAnchored: summary.notAnchored.length,
      invalid: summary.invalid.length,
    },
    notAnchored: summary.notAnchored.slice(0, SHOWN_LIST_LENGTH),
    invalid: summary.invalid.slice(0, SHOWN_LIST_LENGTH),
    fullList: fullListText(summary),
  };
}
