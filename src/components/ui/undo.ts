import { appStore } from '../../store/app-store.ts';
import type { UndoEntry } from '../../store/ui-slice.ts';
import { STATUS_LABELS } from '../claims/claim-status-labels.ts';

/**
 * Undoes `entry` (the toast's Undo button), or the newest change when none is given (Ctrl/Cmd+Z),
 * and returns what to announce; null if there was nothing (left) to undo.
 */
export function undoChange(entry?: UndoEntry): string | null {
  const state = appStore.getState();
  const taken = entry ? (state.takeUndo(entry) ? entry : undefined) : state.popUndo();
  if (!taken) return null;
  switch (taken.kind) {
    case 'delete':
      state.restoreClaim(taken.claim);
      return 'Deleted claim restored.';
    case 'status': {
      const { id, status } = taken.claim;
      if (!Object.hasOwn(state.claims, id)) return null;
      state.setStatus(id, status);
      return `Status set back to ${STATUS_LABELS[status].label}.`;
    }
    case 'filters':
      state.setClaimFilters(taken.filters);
      return 'Filters restored.';
  }
}
