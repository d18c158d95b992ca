import { useId, useMemo } from 'react';
import type { ClaimStatus } from '../../core/claims/claim.ts';
import { matchStrengthText } from '../../core/compare/match-strength.ts';
import { quotePreview } from '../../core/claims/quote-preview.ts';
import { claimAboutPassage } from '../../core/compare/passage-verdict.ts';
import { useAppStore } from '../../store/app-store.ts';
import { STATUS_LABELS } from '../claims/claim-status-labels.ts';
import { useCoverage, type Passage } from './use-counterparts.ts';
import { CompareProgress } from './CompareProgress.tsx';
import { useClaimAnchors } from '../reader/use-reader-data.ts';
import {
  speakerName,
  speakerOfPassage,
  useOpenSuggestions,
} from '../suggestions/suggestion-analysis.ts';
import { RelatedWordsNotice } from './RelatedWordsNotice.tsx';

interface Cell {
  readonly state: 'source' | 'same-quote' | 'reworded' | 'missing' | 'pending' | 'unknown';
  readonly start?: number;
  readonly end?: number;
  readonly score?: number;
  /** The reader's verdict on the passage in this outlet, if they have one. */
  readonly status?: ClaimStatus;
  readonly claimId?: string;
}

interface Row {
  readonly key: string;
  readonly label: string;
  readonly kind: 'claim' | 'suggestion';
  readonly speaker: string;
  readonly cells: Readonly<Record<string, Cell>>;
}

const CELL_TEXT: Record<Cell['state'], string> = {
  source: 'Reports it',
  'same-quote': 'Same quote',
  reworded: 'Reworded',
  missing: 'Not reported',
  pending: 'Comparing…',
  unknown: 'Not compared',
};

/** A claim or suggested claim to show as a row. */
interface RowPassage extends Passage {
  readonly key: string;
  readonly kind: Row['kind'];
  readonly status?: ClaimStatus | undefined;
  readonly claimId?: string | undefined;
}

/**
 * What each outlet reported, omitted or reworded: one row per claim and suggested claim (grouped
 * by speaker), one column per outlet; each cell jumps to the passage.
 */
export function CoverageGrid({ onClose }: { onClose: () => void }) {
  const { ids, loaded, byArticle } = useClaimAnchors();
  const firstSuggestions = useOpenSuggestions(ids[0] ?? '');
  const secondSuggestions = useOpenSuggestions(ids[1] ?? '');
  const requestFocus = useAppStore((s) => s.requestFocus);
  const focusPassage = useAppStore((s) => s.focusPassage);
  const setActiveArticle = useAppStore((s) => s.setActiveArticle);
  const headingId = useId();

  const passages = useMemo(() => {
    const list: RowPassage[] = [];
    for (const id of ids) {
      for (const { claim, start, end } of byArticle.get(id)?.anchored ?? []) {
        list.push({
          articleId: id,
          start,
          end,
          key: claim.id,
          kind: 'claim',
          status: claim.status,
          claimId: claim.id,
        });
      }
    }
    for (const { key, articleId, suggestion } of [...firstSuggestions, ...secondSuggestions]) {
      list.push({
        articleId,
        start: suggestion.start,
        end: suggestion.end,
        key,
        kind: 'suggestion',
      });
    }
    return list.filter((p) => loaded.has(p.articleId));
  }, [ids, loaded, byArticle, firstSuggestions, secondSuggestions]);
  // Found off the page's thread, all at once: one request, one progress and one Cancel.
  const coverage = useCoverage(passages, ids, loaded);

  const rows = useMemo(() => {
    const result: Row[] = [];
    // The verdict in a cell is the reader's claim on that very passage, not on a neighbour that
    // merely overlaps it (see claimAboutPassage).
    const verdictAt = (articleId: string, start: number, end: number) =>
      claimAboutPassage({ start, end }, byArticle.get(articleId)?.anchored ?? []);
    const { status, others } = coverage;
    let answered = 0;
    passages.forEach(({ articleId, start, end, key, kind, status: verdict, claimId }, i) => {
      const entry = loaded.get(articleId);
      if (!entry) return;
      const cells: Record<string, Cell> = {
        [articleId]: {
          state: 'source',
          start,
          end,
          ...(verdict ? { status: verdict } : {}),
          ...(claimId ? { claimId } : {}),
        },
      };
      const otherId = others[i];
      if (otherId !== null && otherId !== undefined) {
        const found = status.state === 'done' ? status.value[answered] : undefined;
        answered++;
        const best = found?.[0];
        if (status.state !== 'done') {
          cells[otherId] = { state: status.state === 'pending' ? 'pending' : 'unknown' };
        } else if (best) {
          const theirs = verdictAt(otherId, best.start, best.end);
          cells[otherId] = {
            state: best.reasons.some((r) => r.kind === 'quote') ? 'same-quote' : 'reworded',
            start: best.start,
            end: best.end,
            score: best.score,
            ...(theirs ? { status: theirs.claim.status, claimId: theirs.claim.id } : {}),
          };
        } else cells[otherId] = { state: 'missing' };
      }
      result.push({
        key,
        kind,
        label: quotePreview(entry.text.text.slice(start, end), 90),
        speaker: speakerOfPassage(entry.text, start, end),
        cells,
      });
    });
    return result;
  }, [passages, coverage, loaded, byArticle]);

  const groups = useMemo(() => {
    const bySpeaker = new Map<string, Row[]>();
    for (const row of rows) {
      const list = bySpeaker.get(row.speaker) ?? [];
      list.push(row);
      bySpeaker.set(row.speaker, list);
    }
    return [...bySpeaker].sort(([a], [b]) => speakerName(a).localeCompare(speakerName(b)));
  }, [rows]);

  const jump = (articleId: string, cell: Cell) => {
    const index = ids.indexOf(articleId);
    if (index >= 0) setActiveArticle(index);
    if (cell.claimId) requestFocus(cell.claimId);
    else if (cell.start !== undefined && cell.end !== undefined) {
      focusPassage(articleId, cell.start, cell.end);
    }
  };

  return (
    <section
      aria-labelledby={headingId}
      // Wide screens: above the two columns, scrolling in itself so that the reports keep room.
      className="mx-auto my-6 w-full max-w-[92rem] rounded-lg border border-stone-300 bg-white p-4 lg:my-3 lg:max-h-[45%] lg:shrink-0 lg:overflow-y-auto dark:border-stone-700 dark:bg-stone-800"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id={headingId} className="text-lg font-bold">
          Coverage: what each outlet reported, omitted or reworded
        </h2>
        <button type="button" onClick={onClose} className="min-h-11 rounded-md px-3 underline">
          Close<span className="sr-only"> coverage</span>
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm">
          No claims or suggestions yet: tag a claim, or turn on suggested claims.
        </p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <RelatedWordsNotice className="mb-2 text-sm" />
          {coverage.status.state !== 'done' && (
            <CompareProgress
              status={coverage.status}
              onCancel={coverage.cancel}
              onRetry={coverage.retry}
              className="mb-2 text-sm"
            />
          )}
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">
              Each row is a claim or suggested claim; each column says whether that outlet carries
              it.
            </caption>
            <thead>
              <tr>
                <th scope="col" className="border-b p-1">
                  Passage
                </th>
                {ids.map((id) => (
                  <th key={id} scope="col" className="border-b p-1">
                    {loaded.get(id)?.article.outlet ?? id}
                  </th>
                ))}
              </tr>
            </thead>
            {groups.map(([speaker, list]) => (
              <tbody key={speaker}>
                <tr>
                  <th
                    colSpan={ids.length + 1}
                    scope="colgroup"
                    className="bg-stone-100 p-1 dark:bg-stone-700"
                  >
                    {speakerName(speaker)}
                  </th>
                </tr>
                {list.map((row) => (
                  <tr key={row.key} className="border-b border-stone-200 dark:border-stone-700">
                    <th scope="row" className="p-1 font-normal">
                      <span className="font-serif">“{row.label}”</span>{' '}
                      <span className="text-xs text-stone-600 dark:text-stone-400">
                        ({row.kind === 'claim' ? 'claim' : 'suggested'})
                      </span>
                    </th>
                    {ids.map((id) => {
                      const cell = row.cells[id];
                      if (!cell) return <td key={id} className="p-1" />;
                      const verdict = cell.status ? ` · ${STATUS_LABELS[cell.status].label}` : '';
                      const score =
                        cell.score !== undefined
                          ? ` (${Math.round(cell.score * 100)}%, ${matchStrengthText(cell.score).label})`
                          : '';
                      return (
                        <td key={id} className="p-1" data-coverage={cell.state}>
                          {cell.state === 'missing' ||
                          cell.state === 'pending' ||
                          cell.state === 'unknown' ? (
                            <span>
                              {cell.state === 'missing' && <span aria-hidden="true">— </span>}
                              {CELL_TEXT[cell.state]}
                            </span>
                          ) : (
                            <button
                              type="button"
                              onClick={() => jump(id, cell)}
                              className="min-h-11 rounded-md px-2 text-left underline hover:bg-stone-100 dark:hover:bg-stone-700"
                            >
                              <span aria-hidden="true">
                                {cell.state === 'reworded' ? '≈ ' : '✓ '}
                              </span>
                              {CELL_TEXT[cell.state]}
                              {score}
                              {verdict}
                            </button>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}
