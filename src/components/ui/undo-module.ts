import { appStore } from '../../store/app-store.ts';
import type { UndoEntry } from '../../store/ui-slice.ts';
import { lazyModule } from './lazy-module.ts';
import { loadFailureReason } from './load-failure.ts';

/** Undo (undo.ts), loaded on first use: the Undo button of a message, or Ctrl/Cmd+Z. */
export const undoModule = lazyModule('undo', () => import('./undo.ts'));

/**
 * Undoes `entry` (a message's Undo) or the latest change (Ctrl/Cmd+Z), saying what was undone,
 * or why undo could not be loaded.
 */
export function runUndo(entry?: UndoEntry): Promise<'undone' | 'nothing' | 'unavailable'> {
  const { showToast } = appStore.getState();
  return undoModule.load().then(
    ({ undoChange }) => {
      const message = undoChange(entry);
      if (message === null) return 'nothing';
      showToast(message);
      return 'undone';
    },
    () => {
      showToast(`Undo could not be loaded (${loadFailureReason()}). Reload the page to try again.`);
      return 'unavailable';
    },
  );
}
