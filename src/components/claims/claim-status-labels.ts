import type { ClaimStatus } from '../../core/claims/claim.ts';

/** How each status is named and marked, so status is never shown by colour alone. */
export const STATUS_LABELS: Record<ClaimStatus, { label: string; icon: string; verb: string }> = {
  disputed: { label: 'Disputed', icon: '✗', verb: 'marked disputed' },
  confirmed: { label: 'Confirmed', icon: '✓', verb: 'marked confirmed' },
  open: { label: 'Open', icon: '?', verb: 'marked open' },
};

/** Tailwind classes of a small status badge (colour plus icon and word). */
export const STATUS_BADGE_CLASSES: Record<ClaimStatus, string> = {
  disputed:
    'border-rose-700 bg-rose-50 text-rose-900 dark:border-rose-300 dark:bg-rose-950 dark:text-rose-100',
  confirmed:
    'border-emerald-700 bg-emerald-50 text-emerald-900 dark:border-emerald-300 dark:bg-emerald-950 dark:text-emerald-100',
  open: 'border-amber-700 bg-amber-50 text-amber-900 dark:border-amber-300 dark:bg-amber-950 dark:text-amber-100',
};
