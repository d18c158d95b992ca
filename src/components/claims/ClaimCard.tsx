import { autoUpdate, flip, offset, shift, size, useFloating } from '@floating-ui/react-dom';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
} from 'react';
import {
  CLAIM_STATUSES,
  type Claim,
  type ClaimStatus,
  type TextRange,
} from '../../core/claims/claim.ts';
import { matchStrength } from '../../core/compare/match-strength.ts';
import { parseEvidenceUrl } from '../../core/claims/evidence-url.ts';
import { quotePreview } from '../../core/claims/quote-preview.ts';
import { textFragmentUrl } from '../../core/sharing/text-fragment.ts';
import { useAppStore } from '../../store/app-store.ts';
import { STATUS_BADGE_CLASSES, STATUS_LABELS } from './claim-status-labels.ts';
import { CopyLinkButton } from '../sharing/CopyLinkButton.tsx';
import { useCounterparts } from '../compare/use-counterparts.ts';
import { CompareProgress } from '../compare/CompareProgress.tsx';
import { RelatedWordsNotice } from '../compare/RelatedWordsNotice.tsx';
import { useClaimAnchors } from '../reader/use-reader-data.ts';
import { makeRoomBelow } from '../reader/column-scroll.ts';
import { FloatingDialog } from '../ui/FloatingDialog.tsx';

// Height the card needs to show its quote, status and note without scrolling inside itself.
const CARD_ROOM = 460;

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function markOf(claimId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`mark[data-claim-id="${CSS.escape(claimId)}"]`);
}

/** The box around every line of the claim, so that the card is placed clear of all of them. */
function claimRect(claimId: string): DOMRect {
  const marks = document.querySelectorAll(`mark[data-claim-id="${CSS.escape(claimId)}"]`);
  let top = Infinity;
  let left = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const mark of marks) {
    for (const rect of mark.getClientRects()) {
      top = Math.min(top, rect.top);
      left = Math.min(left, rect.left);
      right = Math.max(right, rect.right);
      bottom = Math.max(bottom, rect.bottom);
    }
  }
  return top === Infinity ? new DOMRect() : new DOMRect(left, top, right - left, bottom - top);
}

/** The card of one claim: quote, status, note, evidence links, times, Delete. */
export function ClaimCard({
  claim,
  outlet,
  originalUrl,
  range,
}: {
  claim: Claim;
  outlet: string;
  /** The outlet's page, scrolled to the quote with a text fragment. */
  originalUrl?: string | undefined;
  /** Where the claim is anchored in the current text, and whether it reads differently now. */
  range: TextRange & { readonly edited?: boolean };
}) {
  const setStatus = useAppStore((s) => s.setStatus);
  const setNote = useAppStore((s) => s.setNote);
  const setEvidence = useAppStore((s) => s.setEvidence);
  const deleteClaim = useAppStore((s) => s.deleteClaim);
  const openClaim = useAppStore((s) => s.openClaim);
  const focusFirst = useAppStore((s) => s.openClaimFocus);
  const showToast = useAppStore((s) => s.showToast);
  // Set while storage holds a newer version's data: edits are refused and the store says why.
  const readOnly = useAppStore((s) => s.readOnlyReason !== null);
  const setComparison = useAppStore((s) => s.setComparison);
  const { ids, loaded } = useClaimAnchors();
  const currentWording = loaded
    .get(claim.target.articleId)
    ?.text.text.slice(range.start, range.end);
  const passage = useMemo(
    () => ({ articleId: claim.target.articleId, start: range.start, end: range.end }),
    [claim.target.articleId, range.start, range.end],
  );
  // Found off the page's thread; "Comparing…" until then.
  const counterparts = useCounterparts(passage, ids, loaded);
  const headingId = useId();
  const [link, setLink] = useState('');
  const [linkError, setLinkError] = useState<string | null>(null);
  const cardRef = useRef<HTMLDivElement | null>(null);

  const { refs, floatingStyles, isPositioned } = useFloating({
    placement: 'bottom-start',
    strategy: 'fixed',
    // Below the claim, else above, else beside it (wide screens); never outside the window.
    middleware: [
      offset(8),
      flip({ padding: 8, fallbackPlacements: ['top-start', 'right-start', 'left-start'] }),
      shift({ padding: 8 }),
      size({
        padding: 8,
        apply({ availableHeight, elements }) {
          elements.floating.style.maxHeight = `${Math.max(0, availableHeight)}px`;
        },
      }),
    ],
    whileElementsMounted: autoUpdate,
  });

  // On a phone the card goes below or above the claim: make room for it when there is none, so
  // that it covers neither the claim nor runs off the window. (Wide screens can place it beside.)
  useLayoutEffect(() => {
    const mark = markOf(claim.id);
    if (!mark || window.matchMedia('(min-width: 1024px)').matches) return;
    makeRoomBelow(mark, claimRect(claim.id), CARD_ROOM);
  }, [claim.id]);

  useEffect(() => {
    const contextElement = markOf(claim.id) ?? undefined;
    refs.setReference({
      getBoundingClientRect: () => claimRect(claim.id),
      ...(contextElement ? { contextElement } : {}),
    });
  }, [claim.id, refs]);

  // Just tagged: straight to the note. Otherwise to the status, as a form starts.
  useEffect(() => {
    const card = cardRef.current;
    const first = card?.querySelector<HTMLElement>(
      focusFirst === 'note' ? 'textarea' : 'input:checked',
    );
    first?.focus({ preventScroll: true });
  }, [claim.id, focusFirst]);

  // The card scrolls inside itself when the window is short: once placed, show the field whole.
  useEffect(() => {
    const card = cardRef.current;
    const focused = document.activeElement;
    if (!isPositioned || !card || !(focused instanceof HTMLElement) || !card.contains(focused)) {
      return;
    }
    const field = focused.getBoundingClientRect();
    const box = card.getBoundingClientRect();
    if (field.bottom > box.bottom) card.scrollTop += field.bottom - box.bottom + 8;
    else if (field.top < box.top) card.scrollTop -= box.top - field.top + 8;
  }, [isPositioned]);

  const close = () => {
    openClaim(null);
    markOf(claim.id)?.focus({ preventScroll: true });
  };

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (cardRef.current?.contains(target)) return;
      if (target instanceof Element && target.closest(`mark[data-claim-id]`)) return;
      // Undo in a toast about this card's claim (a status change) keeps the card open.
      if (target instanceof Element && target.closest('[data-toast-layer]')) return;
      openClaim(null);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [openClaim]);

  const addLink = (event: FormEvent) => {
    event.preventDefault();
    const result = parseEvidenceUrl(link);
    if (!result.ok) {
      setLinkError(result.reason);
      return;
    }
    if (!claim.evidence.includes(result.url))
      setEvidence(claim.id, [...claim.evidence, result.url]);
    setLink('');
    setLinkError(null);
  };

  const remove = () => {
    deleteClaim(claim.id);
    if (readOnly) return;
    openClaim(null);
    showToast(`Claim deleted: “${quotePreview(claim.target.quote.exact)}”`, {
      kind: 'delete',
      claim,
    });
  };

  const changeStatus = (status: ClaimStatus) => {
    const before = claim;
    setStatus(claim.id, status);
    if (readOnly) return;
    showToast(`Status changed to ${STATUS_LABELS[status].label}`, {
      kind: 'status',
      claim: before,
    });
  };

  const label = STATUS_LABELS[claim.status];
  return (
    <FloatingDialog
      elementRef={cardRef}
      setFloating={refs.setFloating}
      headingId={headingId}
      style={floatingStyles}
      onClose={close}
      className="z-30 w-[min(26rem,calc(100vw-1rem))] overflow-y-auto rounded-xl border border-stone-300 bg-white p-4 text-stone-900 shadow-xl dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id={headingId} className="text-base font-bold">
          Claim in {outlet}
        </h2>
        <button
          type="button"
          onClick={close}
          className="rounded-md px-2 py-1 text-sm font-medium underline hover:bg-stone-100 dark:hover:bg-stone-700"
        >
          Close
        </button>
      </div>
      <blockquote className="mt-2 border-l-4 border-stone-400 pl-3 font-serif whitespace-pre-line">
        {claim.target.quote.exact}
      </blockquote>
      {range.edited && currentWording !== undefined && (
        <p className="mt-2 rounded-md border border-amber-700 p-2 text-sm dark:border-amber-400">
          <strong>The article now words this differently:</strong>{' '}
          <span className="font-serif whitespace-pre-line">“{currentWording}”</span>
        </p>
      )}
      {counterparts && (
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          {counterparts.status.state === 'done' ? (
            <span className="font-semibold" data-testid="counterpart-summary">
              {counterparts.status.value.length === 0
                ? `Not in ${counterparts.other.article.outlet}`
                : counterparts.status.value.every((c) => matchStrength(c.score) === 'weak')
                  ? `Perhaps in ${counterparts.other.article.outlet} (weak match)`
                  : `Also in ${counterparts.other.article.outlet}`}
            </span>
          ) : (
            <CompareProgress
              status={counterparts.status}
              onCancel={counterparts.cancel}
              onRetry={counterparts.retry}
            />
          )}
          <button
            type="button"
            onClick={() => {
              openClaim(null);
              setComparison(passage);
            }}
            className="min-h-11 rounded-md border border-stone-400 px-3 font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700"
          >
            Compare<span className="sr-only"> with {counterparts.other.article.outlet}</span>
          </button>
        </div>
      )}
      {counterparts?.status.state === 'done' && <RelatedWordsNotice className="mt-2 text-sm" />}
      <fieldset className="mt-3">
        <legend className="text-sm font-semibold">Status</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {CLAIM_STATUSES.map((status) => (
            <label
              key={status}
              className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-md border-2 px-3 text-sm font-semibold has-checked:ring-2 has-checked:ring-teal-600 ${STATUS_BADGE_CLASSES[status]}`}
            >
              <input
                type="radio"
                name={`status-${claim.id}`}
                value={status}
                checked={claim.status === status}
                onChange={() => changeStatus(status)}
              />
              <span aria-hidden="true">{STATUS_LABELS[status].icon}</span>
              {STATUS_LABELS[status].label}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="mt-3 block text-sm font-semibold" htmlFor={`note-${claim.id}`}>
        Note
      </label>
      <textarea
        id={`note-${claim.id}`}
        value={claim.note}
        onChange={(event) => setNote(claim.id, event.target.value)}
        rows={3}
        maxLength={5000}
        className="mt-1 w-full rounded-md border border-stone-400 bg-white p-2 text-sm dark:border-stone-500 dark:bg-stone-900"
      />
      <h3 className="mt-3 text-sm font-semibold">Evidence</h3>
      {claim.evidence.length > 0 ? (
        <ul className="mt-1 space-y-1 text-sm">
          {claim.evidence.map((url) => (
            <li key={url} className="flex items-start gap-2">
              <a
                href={url}
                target="_blank"
                rel="noopener noreferrer"
                className="min-w-0 flex-1 break-all text-teal-800 underline dark:text-teal-300"
              >
                {url}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
              <button
                type="button"
                onClick={() =>
                  setEvidence(
                    claim.id,
                    claim.evidence.filter((u) => u !== url),
                  )
                }
                className="rounded px-1 text-xs underline"
              >
                Remove<span className="sr-only"> {url}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">No evidence links yet.</p>
      )}
      <form onSubmit={addLink} className="mt-2 flex gap-2" noValidate>
        <label className="sr-only" htmlFor={`evidence-${claim.id}`}>
          Evidence link (http or https)
        </label>
        <input
          id={`evidence-${claim.id}`}
          type="url"
          inputMode="url"
          placeholder="https://…"
          value={link}
          onChange={(event) => setLink(event.target.value)}
          aria-invalid={linkError ? true : undefined}
          aria-describedby={linkError ? `evidence-error-${claim.id}` : undefined}
          className="min-w-0 flex-1 rounded-md border border-stone-400 bg-white px-2 text-sm dark:border-stone-500 dark:bg-stone-900"
        />
        <button
          type="submit"
          className="min-h-11 rounded-md bg-teal-800 px-3 text-sm font-semibold text-white dark:bg-teal-300 dark:text-teal-950"
        >
          Add link
        </button>
      </form>
      {linkError && (
        <p
          id={`evidence-error-${claim.id}`}
          className="mt-1 text-sm text-rose-800 dark:text-rose-300"
        >
          {linkError}
        </p>
      )}
      {(claim.tags?.length ?? 0) > 0 && (
        <p className="mt-3 text-sm">
          <span className="font-semibold">Tags:</span> {claim.tags?.join(', ')}
        </p>
      )}
      <p className="mt-3 text-xs text-stone-600 dark:text-stone-400">
        {claim.reviewer !== undefined && <>Reviewed by {claim.reviewer} · </>}
        Status: {label.label} · Created{' '}
        <time dateTime={claim.createdAt}>{timeFormat.format(new Date(claim.createdAt))}</time> ·
        Updated{' '}
        <time dateTime={claim.updatedAt}>{timeFormat.format(new Date(claim.updatedAt))}</time>
      </p>
      <div className="mt-3 flex flex-wrap items-center justify-end gap-2">
        <CopyLinkButton
          claim={claim}
          className="min-h-11 rounded-md border border-stone-400 px-3 text-sm font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700"
        />
        {originalUrl && (
          <a
            href={originalUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex min-h-11 items-center rounded-md border border-stone-400 px-3 text-sm font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700"
          >
            Open in original<span className="sr-only"> on {outlet} (opens in a new tab)</span>
          </a>
        )}
        <button
          type="button"
          onClick={remove}
          className="min-h-11 rounded-md border-2 border-rose-800 px-3 text-sm font-semibold text-rose-900 hover:bg-rose-50 dark:border-rose-300 dark:text-rose-100 dark:hover:bg-rose-950"
        >
          Delete claim
        </button>
      </div>
    </FloatingDialog>
  );
}

/** The card of the claim that is open, if it is anchored in a loaded article. */
export function OpenClaimCard({ claimId }: { claimId: string }) {
  const { byArticle, loaded } = useClaimAnchors();
  const entry = [...byArticle.values()]
    .flatMap((a) => a.anchored)
    .find((a) => a.claim.id === claimId);
  if (!entry) return null;
  const { claim, start, end } = entry;
  const article = loaded.get(claim.target.articleId);
  return (
    <ClaimCard
      key={claim.id}
      claim={claim}
      outlet={article?.article.outlet ?? ''}
      originalUrl={
        article?.article.url === undefined
          ? undefined
          : textFragmentUrl(article.article.url, article.text.text, { start, end })
      }
      range={entry}
    />
  );
}
