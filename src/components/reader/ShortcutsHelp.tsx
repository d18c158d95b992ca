import { useEffect, useRef } from 'react';
import { KEYBOARD_SELECTION_KEYS } from '../../dom/claims/keyboard-selection.ts';

/** Keys that work anywhere on the page, besides the article selection keys. */
export const GLOBAL_SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'Tab', action: 'Move to an article, a highlight or a control' },
  {
    keys: 'Enter (on a selection)',
    action: 'Move to the claim actions: Disputed, Confirmed, Open',
  },
  { keys: 'Enter (on a highlight)', action: 'Open the claim card' },
  { keys: ']  /  [', action: 'Next / previous claim, across both articles' },
  { keys: 'Ctrl+Z  /  ⌘Z', action: 'Undo the last deletion, status change or cleared filters' },
  { keys: 'Escape', action: 'Close the toolbar, card or dialog' },
  { keys: '?', action: 'Show this help' },
];

/** One group of shortcuts under its heading: each key beside what it does. */
function ShortcutList({
  title,
  shortcuts,
}: {
  title: string;
  shortcuts: readonly { keys: string; action: string }[];
}) {
  return (
    <>
      <h3 className="mt-3 font-semibold">{title}</h3>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {shortcuts.map(({ keys, action }) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="font-mono font-semibold">{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** The `?` dialog listing every keyboard shortcut. */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      className="m-auto max-w-lg rounded-xl bg-white p-5 text-stone-900 shadow-2xl backdrop:bg-black/40 dark:bg-stone-800 dark:text-stone-100"
    >
      <h2 id="shortcuts-title" className="text-lg font-bold">
        Keyboard shortcuts
      </h2>
      <ShortcutList
        title="Selecting text in an article (focus the article first)"
        shortcuts={KEYBOARD_SELECTION_KEYS}
      />
      <ShortcutList title="Everywhere" shortcuts={GLOBAL_SHORTCUTS} />
      <form method="dialog" className="mt-4 flex justify-end">
        <button
          type="submit"
          className="min-h-11 rounded-md bg-teal-800 px-4 font-semibold text-white dark:bg-teal-300 dark:text-teal-950"
        >
          Close
        </button>
      </form>
    </dialog>
  );
}
