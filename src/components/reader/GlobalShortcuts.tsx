import { useEffect, useRef } from 'react';
import { claimsInReadingOrder, stepClaim } from '../../core/claims/claim-order.ts';
import { useAppStore } from '../../store/app-store.ts';
import { runUndo } from '../ui/undo-module.ts';
import { useClaimAnchors } from './use-reader-data.ts';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Page-wide keys: `?` help, `]`/`[` next/previous claim, Ctrl/Cmd+Z undo of the last change. */
export function GlobalShortcuts({ onHelp }: { onHelp: () => void }) {
  // Read when a key asks for the next claim, not sorted again on every change of a claim.
  const anchors = useClaimAnchors();
  const latest = useRef(anchors);
  useEffect(() => {
    latest.current = anchors;
  });
  const setActiveArticle = useAppStore((s) => s.setActiveArticle);
  const requestFocus = useAppStore((s) => s.requestFocus);
  const canUndo = useAppStore((s) => s.undoStack.length > 0);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
        if (!canUndo) return;
        event.preventDefault();
        void runUndo();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '?') {
        event.preventDefault();
        onHelp();
      } else if (event.key === ']' || event.key === '[') {
        const active = document.activeElement;
        const current =
          active instanceof HTMLElement ? (active.closest('mark')?.dataset.claimId ?? null) : null;
        const { ids, byArticle } = latest.current;
        const ordered = claimsInReadingOrder(ids, byArticle);
        const next = stepClaim(ordered, current, event.key === ']' ? 1 : -1);
        if (!next) return;
        event.preventDefault();
        const index = ids.indexOf(next.target.articleId);
        if (index >= 0) setActiveArticle(index);
        requestFocus(next.id);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onHelp, canUndo, setActiveArticle, requestFocus]);

  return null;
}
