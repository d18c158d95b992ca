import { autoUpdate, flip, offset, shift, useFloating } from '@floating-ui/react-dom';
import { useEffect, useId, useRef } from 'react';
import { speakerLabel } from '../../core/suggestions/quote-attribution.ts';
import { quotePreview } from '../../core/claims/quote-preview.ts';
import { targetFor } from '../../core/anchoring/text-selectors.ts';
import { useAppStore } from '../../store/app-store.ts';
import { useClaimAnchors } from '../reader/use-reader-data.ts';
import { useSuggestion, type KeyedSuggestion } from './suggestion-analysis.ts';
import { FloatingDialog } from '../ui/FloatingDialog.tsx';

function buttonOf(key: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-suggestion-button="${CSS.escape(key)}"]`);
}

/** Why a sentence was suggested, with Accept (as an open claim), Compare and Dismiss. */
export function SuggestionPopover({ entry }: { entry: KeyedSuggestion }) {
  const { key, articleId, suggestion } = entry;
  const openSuggestion = useAppStore((s) => s.openSuggestion);
  const dismissSuggestion = useAppStore((s) => s.dismissSuggestion);
  const addClaim = useAppStore((s) => s.addClaim);
  const showToast = useAppStore((s) => s.showToast);
  const requestFocus = useAppStore((s) => s.requestFocus);
  const setComparison = useAppStore((s) => s.setComparison);
  const { loaded } = useClaimAnchors();
  const headingId = useId();
  const ref = useRef<HTMLDivElement | null>(null);
  const text = loaded.get(articleId)?.text.text ?? '';
  const sentence = text.slice(suggestion.start, suggestion.end);

  const { refs, floatingStyles } = useFloating({
    placement: 'bottom',
    strategy: 'fixed',
    middleware: [offset(8), flip({ padding: 8 }), shift({ padding: 8 })],
    whileElementsMounted: autoUpdate,
  });
  useEffect(() => {
    refs.setReference(buttonOf(key));
    ref.current?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  }, [key, refs]);

  const close = () => {
    openSuggestion(null);
    buttonOf(key)?.focus({ preventScroll: true });
  };
  const accept = () => {
    const id = addClaim(targetFor(articleId, text, suggestion), 'open');
    if (id === null) return; // refused: the store has said why
    openSuggestion(null);
    showToast(`Suggestion accepted as an open claim: “${quotePreview(sentence)}”`);
    requestFocus(id);
  };
  const dismiss = () => {
    dismissSuggestion(key);
    openSuggestion(null);
    showToast('Suggestion dismissed');
  };

  return (
    <FloatingDialog
      elementRef={ref}
      setFloating={refs.setFloating}
      headingId={headingId}
      style={floatingStyles}
      onClose={close}
      className="z-30 w-[min(24rem,calc(100vw-1rem))] rounded-xl border border-stone-300 bg-white p-4 text-sm shadow-xl dark:border-stone-600 dark:bg-stone-800"
    >
      <h2 id={headingId} className="text-base font-bold">
        Suggested claim
      </h2>
      <p className="mt-1 font-serif">“{quotePreview(sentence, 200)}”</p>
      <h3 className="mt-2 font-semibold">Why it was suggested</h3>
      <ul className="mt-1 list-disc pl-5">
        {suggestion.reasons.map((reason, i) => (
          <li key={i}>{reason.label}</li>
        ))}
      </ul>
      {suggestion.speakerKey && (
        <p className="mt-2">Speaker: {speakerLabel(suggestion.speakerKey)}</p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={accept}
          className="min-h-11 rounded-md bg-teal-800 px-3 font-semibold text-white dark:bg-teal-300 dark:text-teal-950"
        >
          Accept as open claim
        </button>
        <button
          type="button"
          onClick={() => {
            openSuggestion(null);
            setComparison({ articleId, start: suggestion.start, end: suggestion.end });
          }}
          className="min-h-11 rounded-md border border-stone-400 px-3 font-semibold"
        >
          Compare
        </button>
        <button
          type="button"
          onClick={dismiss}
          className="min-h-11 rounded-md border border-stone-400 px-3 font-semibold"
        >
          Dismiss
        </button>
        <button type="button" onClick={close} className="min-h-11 rounded-md px-3 underline">
          Close
        </button>
      </div>
    </FloatingDialog>
  );
}

/** The popover of the suggestion whose reasons are open, if it is still an open suggestion. */
export function OpenSuggestionPopover({ suggestionKey }: { suggestionKey: string }) {
  const entry = useSuggestion(suggestionKey);
  return entry ? <SuggestionPopover key={entry.key} entry={entry} /> : null;
}
