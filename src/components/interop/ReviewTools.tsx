import { useId, useMemo, useRef, useState } from 'react';
import type { Article } from '../../core/articles/article-schema.ts';
import { ANONYMOUS_REVIEWER, toClaimReviews } from '../../core/interop/claim-review-export.ts';
import { jsonLdText } from '../../core/interop/json-ld-text.ts';
import { toMarkdownReport } from '../../core/interop/markdown-report.ts';
import { encodeClaimPermalink } from '../../core/sharing/permalink-codec.ts';
import {
  encodeReviewHash,
  MAX_REVIEW_LINK_LENGTH,
  reviewPayload,
} from '../../core/sharing/review-link-codec.ts';
import { toWebAnnotationCollection } from '../../core/interop/web-annotation-export.ts';
import { deflateText } from '../../dom/sharing/deflate-text.ts';
import { appBaseUrl } from '../../dom/sharing/share-link.ts';
import { useAppStore } from '../../store/app-store.ts';
import { passOnLink } from '../sharing/copy-claim-link.ts';
import { downloadTextFile, fileDate } from './download-claims.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { useLoadedArticles } from '../reader/use-reader-data.ts';

const BUTTON =
  'min-h-11 rounded-md border border-stone-400 px-3 text-sm font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700';

/** Share the whole review as a link; export it as Web Annotation, ClaimReview or Markdown; import. */
export function ReviewTools() {
  const claims = useAppStore((s) => s.claims);
  const showToast = useAppStore((s) => s.showToast);
  const reviewerName = useAppStore((s) => s.reviewerName);
  const setReviewerName = useAppStore((s) => s.setReviewerName);
  const { ids, loaded } = useLoadedArticles();
  const headingId = useId();
  const reviewerId = useId();
  const reviewerHintId = useId();
  const reviewerRef = useRef<HTMLInputElement | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const list = useMemo(() => Object.values(claims), [claims]);
  const articles = useMemo(() => {
    const map = new Map<string, Article>();
    for (const [id, entry] of loaded) map.set(id, entry.article);
    return map;
  }, [loaded]);
  const empty = list.length === 0;

  const shareReview = async () => {
    setMessage(null);
    const url = appBaseUrl() + encodeReviewHash(await deflateText(reviewPayload(list)));
    if (url.length > MAX_REVIEW_LINK_LENGTH) {
      setMessage(
        `This review is too large for one link (${url.length.toLocaleString('en-GB')} characters; mail and chat apps cut links longer than ${MAX_REVIEW_LINK_LENGTH.toLocaleString('en-GB')}). Export it as a file below and send that instead.`,
      );
      return;
    }
    const outcome = await passOnLink(url, 'Review link', 'Fact-check review');
    if (outcome) showToast(outcome);
  };

  const generated = () => new Date().toISOString();
  const exportWebAnnotation = () =>
    downloadTextFile(
      `fact-check-annotations-${fileDate()}.jsonld`,
      'application/ld+json',
      jsonLdText(
        toWebAnnotationCollection(list, articles, { generated: generated(), appUrl: appBaseUrl() }),
      ),
    );
  const exportClaimReview = () => {
    setMessage(null);
    const base = appBaseUrl();
    downloadTextFile(
      `fact-check-claimreview-${fileDate()}.jsonld`,
      'application/ld+json',
      jsonLdText(
        toClaimReviews(list, articles, {
          generated: generated(),
          reviewer: reviewerName,
          permalinkFor: (claim) => base + encodeClaimPermalink(claim),
        }),
      ),
    );
    if (reviewerName.trim() === '') {
      // Exported all the same; the prompt says how to sign the next export.
      setMessage(
        `Exported with the author “${ANONYMOUS_REVIEWER}”. Type your name or your organisation’s under Reviewer so readers of your fact-checks know who reviewed them, then export again.`,
      );
      reviewerRef.current?.focus();
    }
  };
  const exportMarkdown = () =>
    downloadTextFile(
      `fact-check-report-${fileDate()}.md`,
      'text/markdown',
      toMarkdownReport(list, articles, { generated: generated() }),
    );

  return (
    <section aria-labelledby={headingId} className="mt-6 border-t border-stone-300 pt-4">
      <h3 id={headingId} className="font-bold">
        Share, export and import
      </h3>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          className={BUTTON}
          disabled={empty}
          onClick={() => void shareReview()}
        >
          Share review
        </button>
        <button type="button" className={BUTTON} disabled={empty} onClick={exportWebAnnotation}>
          Export Web Annotation (JSON-LD)
        </button>
        <button type="button" className={BUTTON} disabled={empty} onClick={exportClaimReview}>
          Export ClaimReview (JSON-LD)
        </button>
        <button type="button" className={BUTTON} disabled={empty} onClick={exportMarkdown}>
          Export Markdown report
        </button>
      </div>
      <div className="mt-3 text-sm">
        <label htmlFor={reviewerId} className="font-semibold">
          Reviewer
        </label>
        <input
          ref={reviewerRef}
          id={reviewerId}
          type="text"
          autoComplete="name"
          maxLength={200}
          value={reviewerName}
          onChange={(event) => setReviewerName(event.target.value)}
          aria-describedby={reviewerHintId}
          className="mt-1 block min-h-11 w-full rounded-md border border-stone-400 px-2 dark:border-stone-500 dark:bg-stone-900"
        />
        <p id={reviewerHintId} className="mt-1 text-stone-700 dark:text-stone-300">
          Your name or organisation, the author of ClaimReview exports; saved in this browser.
        </p>
      </div>
      {message && (
        <p role="alert" className="mt-2 text-sm">
          {message}
        </p>
      )}
      <ImportPanel />
      {ids.length === 0 && <p className="mt-2 text-sm">Articles are still loading.</p>}
    </section>
  );
}
