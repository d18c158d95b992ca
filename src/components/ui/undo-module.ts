import { lazyModule } from './lazy-module.ts';

/** Undo (undo.ts), loaded on first use: the Undo button of a message, or Ctrl/Cmd+Z. */
export const undoModule = lazyModule('undo', () => import('./undo.ts'));
