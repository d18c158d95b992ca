import { useEffect, useId, useMemo, useState } from 'react';
import type { Counterpart } from '../../core/compare/counterparts.ts';
import { matchStrengthText } from '../../core/compare/match-strength.ts';
import { wordDiff } from '../../core/compare/word-diff.ts';
import { quotePreview } from '../../core/claims/quote-preview.ts';
import { useAppStore } from '../../store/app-store.ts';
import type { ComparisonSource } from '../../store/ui-slice.ts';
import { useCounterparts } from './use-counterparts.ts';
import { CompareProgress } from './CompareProgress.tsx';
import { useClaimAnchors } from '../reader/use-reader-data.ts';
import { COMPARISON_SOURCE_ID } from '../reader/ArticleView.tsx';
import { BOTTOM_DOCK_ATTRIBUTE, isReadable, revealPassage } from '../reader/column-scroll.ts';
import { RelatedWordsNotice } from './RelatedWordsNotice.tsx';

function sourceMark(): HTMLElement | null {
  return document.querySelector<HTMLElement>(
    `mark[data-passage="${COMPARISON_SOURCE_ID}"][data-first]`,
  );
}

function isNarrow(): boolean {
  return window.matchMedia('(max-width: 1023px)').matches;
}

/**
 * The two passages word by word: what the other outlet dropped (struck) and added (underlined).
 * Each column is diffed from its own side, so that each shows its outlet's exact wording.
 */
function PairDiff({
  left,
  right,
  leftOutlet,
  rightOutlet,
}: {
  left: string;
  right: string;
  leftOutlet: string;
  rightOutlet: string;
}) {
  const leftParts = useMemo(() => wordDiff(left, right), [left, right]);
  const rightParts = useMemo(() => wordDiff(right, left), [left, right]);
  return (
    <div className="mt-2 grid gap-2 sm:grid-cols-2">
      <div>
        <h4 className="text-xs font-semibold">{leftOutlet}</h4>
        <p className="font-serif">
          {leftParts.map((part, i) =>
            part.kind === 'added' ? null : part.kind === 'removed' ? (
              <del
                key={i}
                className="bg-rose-100 decoration-2 dark:bg-rose-950"
                title={`Not in ${rightOutlet}`}
              >
                {part.text}
              </del>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
      </div>
      <div>
        <h4 className="text-xs font-semibold">{rightOutlet}</h4>
        <p className="font-serif">
          {rightParts.map((part, i) =>
            part.kind === 'added' ? null : part.kind === 'removed' ? (
              <ins
                key={i}
                className="bg-emerald-100 decoration-2 dark:bg-emerald-950"
                title={`Not in ${leftOutlet}`}
              >
                {part.text}
              </ins>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
      </div>
    </div>
  );
}

/** How the other report tells the passage being compared: ranked counterparts, or none. */
export function ComparisonPanel() {
  const comparison = useAppStore((s) => s.comparison);
  const setComparison = useAppStore((s) => s.setComparison);
  const focusPassage = useAppStore((s) => s.focusPassage);
  const clearPassageFocus = useAppStore((s) => s.clearPassageFocus);
  const setActiveArticle = useAppStore((s) => s.setActiveArticle);
  const { ids, loaded } = useClaimAnchors();
  const headingId = useId();
  const activeArticle = useAppStore((s) => s.activeArticle);
  const claimsPanelOpen = useAppStore((s) => s.claimsPanelOpen);
  // Collapsed for one comparison only: comparing another passage opens the panel again.
  const [collapsedFor, setCollapsedFor] = useState<ComparisonSource | null>(null);
  const collapsed = collapsedFor !== null && collapsedFor === comparison;
  const setCollapsed = (value: boolean) => setCollapsedFor(value ? comparison : null);
  // Found off the page's thread: two long articles take seconds the first time.
  const result = useCounterparts(comparison, ids, loaded);
  // The compared passage stays readable beside the panel: the panel takes room from the columns
  // on wide screens and covers the bottom of a phone's screen.
  useEffect(() => {
    if (!comparison) return;
    const frame = requestAnimationFrame(() => {
      const mark = sourceMark();
      if (mark && !isReadable(mark)) revealPassage(mark);
    });
    return () => cancelAnimationFrame(frame);
  }, [comparison]);
  if (!comparison || !result) return null;
  const { source, other, status } = result;
  const sourceText = source.text.text.slice(comparison.start, comparison.end);

  const close = () => {
    setComparison(null);
    clearPassageFocus();
  };
  const show = (counterpart: Counterpart) => {
    const index = ids.indexOf(other.article.id);
    if (index >= 0) setActiveArticle(index);
    // On a phone the panel shrinks to a strip so that the passage shown is not under it.
    if (isNarrow()) setCollapsed(true);
    focusPassage(other.article.id, counterpart.start, counterpart.end);
  };
  const back = () => {
    const index = ids.indexOf(source.article.id);
    if (index >= 0) setActiveArticle(index);
    requestAnimationFrame(() => {
      const mark = sourceMark();
      if (!mark) return;
      revealPassage(mark, false);
      mark.focus({ preventScroll: true });
    });
  };
  const otherShown = activeArticle === ids.indexOf(other.article.id);

  return (
    // Escape closes the comparison from anywhere inside it. Wide screens: docked below the two
    // columns, in the page's flow, so it covers neither report. Phones: a sheet at the bottom,
    // or a strip once a passage is shown.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section
      aria-labelledby={headingId}
      {...{ [BOTTOM_DOCK_ATTRIBUTE]: '' }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
      className={`fixed bottom-0 left-0 z-20 w-full overflow-y-auto border-t-4 border-sky-700 bg-white text-sm shadow-2xl lg:static lg:z-auto lg:shrink-0 lg:shadow-none dark:border-sky-300 dark:bg-stone-800 ${collapsed ? 'px-4 py-2' : 'max-h-[50vh] p-4 lg:max-h-[32vh]'} ${claimsPanelOpen ? 'lg:pr-100' : ''}`}
    >
      <div className="mx-auto max-w-[92rem]">
        <div className="flex flex-wrap items-center justify-between gap-x-2">
          <h2 id={headingId} className="text-base font-bold">
            Compare with {other.article.outlet}
          </h2>
          <div className="flex flex-wrap gap-x-1">
            {otherShown && (
              <button
                type="button"
                onClick={back}
                className="min-h-11 rounded-md border border-stone-400 px-3 font-semibold lg:hidden dark:border-stone-500"
              >
                Back to {source.article.outlet}
              </button>
            )}
            <button
              type="button"
              aria-expanded={!collapsed}
              onClick={() => setCollapsed(!collapsed)}
              className="min-h-11 rounded-md px-3 underline"
            >
              {collapsed ? 'Show matches' : 'Hide matches'}
            </button>
            <button type="button" onClick={close} className="min-h-11 rounded-md px-3 underline">
              Close<span className="sr-only"> comparison</span>
            </button>
          </div>
        </div>
        {!collapsed && (
          <div>
            <p className="mt-1">
              <span className="font-semibold">{source.article.outlet}:</span>{' '}
              <span className="font-serif">“{quotePreview(sourceText, 240)}”</span>
            </p>
            <RelatedWordsNotice className="mt-3" />
            {status.state !== 'done' ? (
              <CompareProgress
                status={status}
                onCancel={result.cancel}
                onRetry={result.retry}
                className="mt-3"
              />
            ) : status.value.length === 0 ? (
              <p className="mt-3 rounded-md border-2 border-dashed border-stone-400 p-2">
                <span className="font-semibold">Not in {other.article.outlet}.</span> No passage
                there reports this — an omission is itself a finding.
              </p>
            ) : (
              <ol className="mt-3 space-y-4">
                {status.value.map((counterpart, rank) => (
                  <li
                    key={counterpart.start}
                    className="rounded-md border border-stone-300 p-2 dark:border-stone-600"
                  >
                    <p>
                      <span className="font-semibold">
                        Match {rank + 1} of {status.value.length}:{' '}
                        {Math.round(counterpart.score * 100)}% similar,{' '}
                        {matchStrengthText(counterpart.score).label}.
                      </span>{' '}
                      {matchStrengthText(counterpart.score).advice}
                    </p>
                    <ul className="mt-1 list-disc pl-5 text-stone-700 dark:text-stone-300">
                      {counterpart.reasons.map((reason, i) => (
                        <li key={i}>{reason.explain}</li>
                      ))}
                    </ul>
                    <PairDiff
                      left={sourceText}
                      right={other.text.text.slice(counterpart.start, counterpart.end)}
                      leftOutlet={source.article.outlet}
                      rightOutlet={other.article.outlet}
                    />
                    <button
                      type="button"
                      onClick={() => show(counterpart)}
                      className="mt-2 min-h-11 rounded-md border border-stone-400 px-3 font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700"
                    >
                      Show in {other.article.outlet}
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
