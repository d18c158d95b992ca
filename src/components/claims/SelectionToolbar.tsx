import { autoUpdate, flip, inline, offset, shift, useFloating } from '@floating-ui/react-dom';
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import {
  CLAIM_STATUSES,
  type Claim,
  type ClaimStatus,
  type TextRange,
} from '../../core/claims/claim.ts';
import { targetFor } from '../../core/anchoring/text-selectors.ts';
import { readArticleSelection } from '../../dom/anchoring/text-offsets.ts';
import { quotePreview } from '../../core/claims/quote-preview.ts';
import { newClaimId, useAppStore } from '../../store/app-store.ts';
import { STATUS_LABELS } from './claim-status-labels.ts';
import { copyClaimLink } from '../sharing/copy-claim-link.ts';
import { useLoadedArticles } from '../reader/use-reader-data.ts';
import { SELECTION_TOOLBAR_ID } from '../reader/element-ids.ts';
import { useComparerWarmUp } from '../compare/use-comparer-warm-up.ts';

const BUTTON_CLASSES: Record<ClaimStatus, string> = {
  disputed: 'bg-rose-800 text-white hover:bg-rose-900 dark:bg-rose-300 dark:text-rose-950',
  confirmed:
    'bg-emerald-800 text-white hover:bg-emerald-900 dark:bg-emerald-300 dark:text-emerald-950',
  open: 'bg-amber-300 text-amber-950 hover:bg-amber-400 dark:bg-amber-200',
};

interface CapturedSelection {
  readonly articleId: string;
  readonly range: TextRange;
  readonly domRange: Range;
}

/**
 * The toolbar that appears beside a text selection inside an article (mouse, touch or keyboard)
 * and turns it into a claim. It stays on screen and follows scrolling (Floating UI).
 */
export function SelectionToolbar({
  canonicalTextOf,
}: {
  canonicalTextOf: (articleId: string) => string | undefined;
}) {
  const [selection, setSelection] = useState<CapturedSelection | null>(null);
  const addClaim = useAppStore((s) => s.addClaim);
  const showToast = useAppStore((s) => s.showToast);
  const setComparison = useAppStore((s) => s.setComparison);
  const openClaim = useAppStore((s) => s.openClaim);
  const { ids, loaded } = useLoadedArticles();
  const pointerDown = useRef(false);
  const toolbarRef = useRef<HTMLDivElement | null>(null);
  const textOf = useRef(canonicalTextOf);
  useEffect(() => {
    textOf.current = canonicalTextOf;
  }, [canonicalTextOf]);

  const { refs, floatingStyles } = useFloating({
    placement: 'top',
    strategy: 'fixed',
    middleware: [inline(), offset(10), flip({ padding: 8 }), shift({ padding: 8 })],
    whileElementsMounted: autoUpdate,
  });

  useEffect(() => {
    let frame = 0;
    const read = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (pointerDown.current) return;
        // Focus inside the toolbar means the reader is using it: keep what it was opened for.
        if (toolbarRef.current?.contains(document.activeElement)) return;
        const next = readArticleSelection(document, textOf.current);
        setSelection(next);
      });
    };
    const onPointerDown = (event: PointerEvent) => {
      if (toolbarRef.current?.contains(event.target as Node)) return;
      pointerDown.current = true;
    };
    const onPointerUp = () => {
      pointerDown.current = false;
      read();
    };
    document.addEventListener('selectionchange', read);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('pointerup', onPointerUp);
    document.addEventListener('pointercancel', onPointerUp);
    // The toolbar loads lazily: a selection made while it was loading is read now.
    read();
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', read);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('pointerup', onPointerUp);
      document.removeEventListener('pointercancel', onPointerUp);
    };
  }, []);

  // A selection may be compared next: start the comparer (see use-comparer-warm-up.ts). This
  // toolbar mounts once the page is idle, which is when a reader with claims wants it too.
  useComparerWarmUp(selection !== null, ids, loaded);

  useEffect(() => {
    if (!selection) return;
    const range = selection.domRange;
    refs.setReference({
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
    });
  }, [selection, refs]);

  if (!selection) return null;

  const close = (returnFocus: boolean) => {
    const article = document.querySelector<HTMLElement>(
      `[data-article="${CSS.escape(selection.articleId)}"]`,
    );
    setSelection(null);
    if (returnFocus) article?.focus({ preventScroll: true });
  };

  const create = (status: ClaimStatus) => {
    const text = canonicalTextOf(selection.articleId);
    if (text === undefined) return;
    const id = addClaim(targetFor(selection.articleId, text, selection.range), status);
    // Refused (storage holds a newer version's data): the store has said why.
    if (id === null) return;
    const quote = text.slice(selection.range.start, selection.range.end);
    document.getSelection()?.removeAllRanges();
    setSelection(null);
    showToast(`Claim ${STATUS_LABELS[status].verb}: “${quotePreview(quote)}”`);
    // Straight on to the note: the card opens beside the new mark with its note field focused
    // (Escape then returns focus to the mark).
    openClaim(id, 'note');
  };

  const copyLink = () => {
    const text = canonicalTextOf(selection.articleId);
    if (text === undefined) return;
    const now = new Date().toISOString();
    // A link to the passage itself, as a highlight to check; nothing is saved here.
    const claim: Claim = {
      id: newClaimId(),
      target: targetFor(selection.articleId, text, selection.range),
      status: 'open',
      note: '',
      evidence: [],
      createdAt: now,
      updatedAt: now,
    };
    void copyClaimLink(claim, loaded.get(selection.articleId)?.article).then((message) => {
      if (message) showToast(message);
    });
  };

  const onKeyDown = (event: ReactKeyboardEvent) => {
    const buttons = [...(toolbarRef.current?.querySelectorAll('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const step = event.key === 'ArrowRight' ? 1 : -1;
      buttons[(index + step + buttons.length) % buttons.length]?.focus();
    }
  };

  return (
    <div
      ref={(el) => {
        toolbarRef.current = el;
        refs.setFloating(el);
      }}
      id={SELECTION_TOOLBAR_ID}
      role="toolbar"
      aria-label="Claim actions"
      aria-orientation="horizontal"
      style={floatingStyles}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        // Entering the toolbar (Enter on a selection) can beat the next frame's read: read now.
        if (
          event.relatedTarget instanceof Node &&
          toolbarRef.current?.contains(event.relatedTarget)
        )
          return;
        const latest = readArticleSelection(document, textOf.current);
        if (latest) setSelection(latest);
      }}
      // Keep the text selection when the toolbar is pressed.
      onMouseDown={(event) => event.preventDefault()}
      // Wraps onto a second row on narrow phones, so every button stays on screen.
      className="z-40 flex max-w-[calc(100vw-1rem)] flex-wrap gap-1 rounded-lg border border-stone-300 bg-white p-1 shadow-lg dark:border-stone-600 dark:bg-stone-800"
    >
      {CLAIM_STATUSES.map((status, i) => (
        <button
          key={status}
          type="button"
          tabIndex={i === 0 ? 0 : -1}
          onClick={() => create(status)}
          className={`min-h-11 rounded-md px-2.5 text-sm font-semibold ${BUTTON_CLASSES[status]}`}
        >
          <span aria-hidden="true">{STATUS_LABELS[status].icon} </span>
          {STATUS_LABELS[status].label}
        </button>
      ))}
      <button
        type="button"
        tabIndex={-1}
        onClick={() => {
          setComparison({ articleId: selection.articleId, ...selection.range });
          document.getSelection()?.removeAllRanges();
          setSelection(null);
        }}
        className="min-h-11 rounded-md border border-stone-400 px-2.5 text-sm font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700"
      >
        Compare
      </button>
      <button
        type="button"
        tabIndex={-1}
        onClick={copyLink}
        className="min-h-11 rounded-md border border-stone-400 px-2.5 text-sm font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700"
      >
        Copy link
      </button>
    </div>
  );
}
