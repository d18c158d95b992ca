import { useId, useMemo, useState } from 'react';
import { claimsInReadingOrder } from '../../core/claims/claim-order.ts';
import { CLAIM_STATUSES, type Claim, type ClaimStatus } from '../../core/claims/claim.ts';
import { quotePreview } from '../../core/claims/quote-preview.ts';
import { useAppStore } from '../../store/app-store.ts';
import { NO_CLAIM_FILTERS } from '../../store/ui-slice.ts';
import { STATUS_BADGE_CLASSES, STATUS_LABELS } from './claim-status-labels.ts';
import { CopyLinkButton } from '../sharing/CopyLinkButton.tsx';
import { FeatureLoadError, LazyFeature } from '../ui/LazyFeature.tsx';
import { lazyModule } from '../ui/lazy-module.ts';
import { CLAIMS_PANEL_ID } from '../reader/element-ids.ts';
import { useClaimAnchors } from '../reader/use-reader-data.ts';
import {
  REPORTER_SPEAKER,
  speakerName,
  speakerOfPassage,
} from '../suggestions/suggestion-analysis.ts';
import { loadFailureReason } from '../ui/load-failure.ts';

// Sharing, export and import are not needed to read: they load when the panel first opens.
const reviewToolsModule = lazyModule(
  'share and export tools',
  () => import('../interop/ReviewTools.tsx'),
);

function StatusBadge({ status }: { status: ClaimStatus }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded border px-1.5 text-xs font-semibold ${STATUS_BADGE_CLASSES[status]}`}
    >
      <span aria-hidden="true">{STATUS_LABELS[status].icon}</span>
      {STATUS_LABELS[status].label}
    </span>
  );
}

function matches(claim: Claim, query: string): boolean {
  if (!query) return true;
  const needle = query.toLocaleLowerCase();
  return (
    claim.target.quote.exact.toLocaleLowerCase().includes(needle) ||
    claim.note.toLocaleLowerCase().includes(needle) ||
    (claim.tags ?? []).some((tag) => tag.toLocaleLowerCase().includes(needle))
  );
}

/** Every claim from both articles, with counts, filters, search and a jump to each claim. */
export function ClaimsPanel({ onClose }: { onClose: () => void }) {
  const { byArticle, unavailable, ids, loaded, reanchorFailed } = useClaimAnchors();
  const setActiveArticle = useAppStore((s) => s.setActiveArticle);
  const requestFocus = useAppStore((s) => s.requestFocus);
  // The filters live in the store, so that clearing them can be undone and they outlast the panel.
  const filters = useAppStore((s) => s.claimFilters);
  const setFilters = useAppStore((s) => s.setClaimFilters);
  const showToast = useAppStore((s) => s.showToast);
  const { status, article: articleFilter, speaker: speakerFilter, query } = filters;
  const setStatus = (value: ClaimStatus | 'all') => setFilters({ ...filters, status: value });
  const setArticleFilter = (value: string) => setFilters({ ...filters, article: value });
  const setSpeakerFilter = (value: string) => setFilters({ ...filters, speaker: value });
  const setQuery = (value: string) => setFilters({ ...filters, query: value });
  const filtered =
    status !== 'all' || articleFilter !== 'all' || speakerFilter !== 'all' || query !== '';
  const clearFilters = () => {
    setFilters(NO_CLAIM_FILTERS);
    showToast('Filters cleared', { kind: 'filters', filters });
  };
  const [groupBySpeaker, setGroupBySpeaker] = useState(false);
  const headingId = useId();

  const outletOf = (articleId: string) => loaded.get(articleId)?.article.outlet ?? articleId;
  const ordered = useMemo(
    () =>
      claimsInReadingOrder(ids, byArticle).map((entry) => {
        const text = loaded.get(entry.claim.target.articleId)?.text;
        const speaker = text ? speakerOfPassage(text, entry.start, entry.end) : REPORTER_SPEAKER;
        return { ...entry, speaker };
      }),
    [ids, byArticle, loaded],
  );
  const speakers = [...new Set(ordered.map((entry) => entry.speaker))].sort((a, b) =>
    speakerName(a).localeCompare(speakerName(b)),
  );
  const shown = ordered.filter(
    ({ claim, speaker }) =>
      (status === 'all' || claim.status === status) &&
      (articleFilter === 'all' || claim.target.articleId === articleFilter) &&
      (speakerFilter === 'all' || speaker === speakerFilter) &&
      matches(claim, query.trim()),
  );
  const groups: [string | null, typeof shown][] = groupBySpeaker
    ? speakers
        .map((speaker): [string, typeof shown] => [
          speaker,
          shown.filter((entry) => entry.speaker === speaker),
        ])
        .filter(([, list]) => list.length > 0)
    : [[null, shown]];
  const orphaned = ids.flatMap((id) => byArticle.get(id)?.orphaned ?? []);
  const pending = ids.reduce((n, id) => n + (byArticle.get(id)?.pending.length ?? 0), 0);

  const jump = (claim: Claim) => {
    const index = ids.indexOf(claim.target.articleId);
    if (index >= 0) setActiveArticle(index);
    // On narrow screens the panel covers the article: get it out of the way first.
    if (window.matchMedia('(max-width: 1023px)').matches) onClose();
    requestFocus(claim.id);
  };

  return (
    <section
      id={CLAIMS_PANEL_ID}
      aria-labelledby={headingId}
      className="fixed inset-y-0 right-0 z-30 flex w-full flex-col border-l border-stone-300 bg-white text-stone-900 shadow-xl sm:w-96 dark:border-stone-700 dark:bg-stone-800 dark:text-stone-100"
    >
      <div className="flex items-center justify-between border-b border-stone-300 p-3 dark:border-stone-700">
        <h2 id={headingId} className="text-lg font-bold">
          Claims
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="min-h-11 rounded-md px-3 text-sm font-semibold underline hover:bg-stone-100 dark:hover:bg-stone-700"
        >
          Close<span className="sr-only"> claims panel</span>
        </button>
      </div>
      <div className="overflow-y-auto p-3">
        <ul className="space-y-1 text-sm" aria-label="Counts per article">
          {ids.map((id) => {
            const list = byArticle.get(id)?.anchored ?? [];
            const counts = CLAIM_STATUSES.map(
              (s) => `${list.filter((a) => a.claim.status === s).length} ${s}`,
            );
            return (
              <li key={id}>
                <span className="font-semibold">{outletOf(id)}:</span> {counts.join(' · ')}
              </li>
            );
          })}
        </ul>
        <div className="mt-3 grid grid-cols-2 gap-2 text-sm">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${headingId}-status`} className="font-semibold">
              Status
            </label>
            <select
              id={`${headingId}-status`}
              value={status}
              onChange={(event) => setStatus(event.target.value as ClaimStatus | 'all')}
              className="min-h-11 rounded-md border border-stone-400 bg-white px-2 font-normal dark:border-stone-500 dark:bg-stone-900"
            >
              <option value="all">All statuses</option>
              {CLAIM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s].label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${headingId}-article`} className="font-semibold">
              Article
            </label>
            <select
              id={`${headingId}-article`}
              value={articleFilter}
              onChange={(event) => setArticleFilter(event.target.value)}
              className="min-h-11 rounded-md border border-stone-400 bg-white px-2 font-normal dark:border-stone-500 dark:bg-stone-900"
            >
              <option value="all">Both articles</option>
              {ids.map((id) => (
                <option key={id} value={id}>
                  {outletOf(id)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${headingId}-speaker`} className="font-semibold">
              Speaker
            </label>
            <select
              id={`${headingId}-speaker`}
              value={speakerFilter}
              onChange={(event) => setSpeakerFilter(event.target.value)}
              className="min-h-11 rounded-md border border-stone-400 bg-white px-2 font-normal dark:border-stone-500 dark:bg-stone-900"
            >
              <option value="all">All speakers</option>
              {speakers.map((speaker) => (
                <option key={speaker} value={speaker}>
                  {speakerName(speaker)}
                </option>
              ))}
            </select>
          </div>
          <label className="flex min-h-11 items-center gap-2 self-end font-semibold">
            <input
              type="checkbox"
              checked={groupBySpeaker}
              onChange={(event) => setGroupBySpeaker(event.target.checked)}
            />
            Group by speaker
          </label>
          <div className="col-span-2 flex flex-col gap-1">
            <label htmlFor={`${headingId}-search`} className="font-semibold">
              Search quotes and notes
            </label>
            <input
              id={`${headingId}-search`}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              className="min-h-11 rounded-md border border-stone-400 bg-white px-2 font-normal dark:border-stone-500 dark:bg-stone-900"
            />
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
          <p role="status" className="text-sm text-stone-700 dark:text-stone-300">
            {shown.length === ordered.length
              ? `${ordered.length} ${ordered.length === 1 ? 'claim' : 'claims'}`
              : `${shown.length} of ${ordered.length} claims shown`}
          </p>
          {filtered && (
            <button
              type="button"
              onClick={clearFilters}
              className="min-h-11 rounded-md border border-stone-400 px-3 text-sm font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700"
            >
              Clear filters
            </button>
          )}
        </div>
        {ordered.length === 0 && (
          <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
            Select words in either article to make a claim, then tag it disputed or confirmed.
          </p>
        )}
        {groups.map(([speaker, list]) => (
          <div key={speaker ?? 'all'}>
            {speaker !== null && (
              <h3 className="mt-4 text-sm font-bold">
                {speakerName(speaker)} ({list.length})
              </h3>
            )}
            <ul className="mt-2 space-y-2">
              {list.map(({ claim, edited }) => (
                <li key={claim.id} className="flex flex-wrap items-stretch gap-1">
                  <button
                    type="button"
                    onClick={() => jump(claim)}
                    className="min-w-0 flex-1 rounded-lg border border-stone-300 p-2 text-left hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-700"
                  >
                    <span className="block font-serif">
                      “{quotePreview(claim.target.quote.exact, 120)}”
                    </span>
                    <span className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                      <StatusBadge status={claim.status} />
                      <span className="text-stone-700 dark:text-stone-300">
                        {outletOf(claim.target.articleId)}
                      </span>
                    </span>
                    {edited && (
                      <span className="mt-1 block text-xs font-semibold">
                        The article now words this differently
                      </span>
                    )}
                    {claim.note && (
                      <span className="mt-1 block text-xs text-stone-700 dark:text-stone-300">
                        Note: {quotePreview(claim.note, 100)}
                      </span>
                    )}
                  </button>
                  <CopyLinkButton
                    claim={claim}
                    className="w-16 shrink-0 rounded-lg border border-stone-300 px-1 text-xs font-semibold hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-700"
                  >
                    Copy link
                    <span className="sr-only">
                      {' '}
                      to “{quotePreview(claim.target.quote.exact, 40)}”
                    </span>
                  </CopyLinkButton>
                </li>
              ))}
            </ul>
          </div>
        ))}
        {pending > 0 &&
          (reanchorFailed ? (
            <FeatureLoadError
              feature="re-anchoring"
              message={`${pending} ${pending === 1 ? 'claim' : 'claims'} made on an earlier version of the article could not be placed: the code that finds them did not load (${loadFailureReason()}). They are kept.`}
            />
          ) : (
            <p className="mt-6 text-sm">
              Placing {pending} {pending === 1 ? 'claim' : 'claims'} made on an earlier version of
              the article…
            </p>
          ))}
        {(
          [
            [
              'orphans',
              orphaned,
              'Needs re-anchoring',
              'These quotes are no longer found in their article. They are kept here, unchanged.',
            ],
            [
              'unavailable',
              unavailable,
              'On articles this reader does not have',
              'These claims were made on articles that are not in this reader (for example, from a shared review). They are kept here, unchanged.',
            ],
          ] as const
        ).map(
          ([key, list, title, explanation]) =>
            list.length > 0 && (
              <section key={key} aria-labelledby={`${headingId}-${key}`} className="mt-6">
                <h3 id={`${headingId}-${key}`} className="font-bold">
                  {title} ({list.length})
                </h3>
                <p className="text-sm text-stone-700 dark:text-stone-300">{explanation}</p>
                <ul className="mt-2 space-y-2">
                  {list.map((claim) => (
                    <li
                      key={claim.id}
                      className="rounded-lg border border-dashed border-stone-400 p-2 text-sm dark:border-stone-500"
                    >
                      <span className="block font-serif">
                        “{quotePreview(claim.target.quote.exact, 200)}”
                      </span>
                      <span className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                        <StatusBadge status={claim.status} />
                        <span>{outletOf(claim.target.articleId)}</span>
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ),
        )}
        <LazyFeature
          module={reviewToolsModule}
          when
          fallback={<p className="mt-6 text-sm">Loading share and export…</p>}
        >
          {(m) => <m.ReviewTools />}
        </LazyFeature>
      </div>
    </section>
  );
}
