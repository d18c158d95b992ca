import { useId, useMemo, useState, type DragEvent } from 'react';
import type { Article } from '../../core/articles/article-schema.ts';
import { toClaimReviews } from '../../core/interop/claim-review-export.ts';
import { toMarkdownReport } from '../../core/interop/markdown-report.ts';
import {
  encodeReviewHash,
  MAX_REVIEW_LINK_LENGTH,
  reviewPayload,
} from '../../core/sharing/review-link-codec.ts';
import { toWebAnnotationCollection } from '../../core/interop/web-annotation-export.ts';
import { planImport, type ImportPlan } from '../../core/interop/web-annotation-import.ts';
import { deflateText } from '../../dom/sharing/deflate-text.ts';
import { appBaseUrl } from '../../dom/sharing/share-link.ts';
import { useAppStore } from '../../store/app-store.ts';
import { passOnLink } from '../sharing/copy-claim-link.ts';
import { downloadTextFile, fileDate } from './download-claims.ts';
import { useLoadedArticles } from '../reader/use-reader-data.ts';

/** Largest file the importer reads. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const BUTTON =
  'min-h-11 rounded-md border border-stone-400 px-3 text-sm font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700';

/** Share the whole review as a link; export it as Web Annotation, ClaimReview or Markdown; import. */
export function ReviewTools() {
  const claims = useAppStore((s) => s.claims);
  const importClaims = useAppStore((s) => s.importClaims);
  const showToast = useAppStore((s) => s.showToast);
  const { ids, loaded } = useLoadedArticles();
  const headingId = useId();
  const inputId = useId();
  const [message, setMessage] = useState<string | null>(null);
  const [plan, setPlan] = useState<(ImportPlan & { ok: true }) | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const list = useMemo(() => Object.values(claims), [claims]);
  const articles = useMemo(() => {
    const map = new Map<string, Article>();
    for (const [id, entry] of loaded) map.set(id, entry.article);
    return map;
  }, [loaded]);
  const texts = useMemo(() => {
    const map = new Map<string, { article: Article; text: string }>();
    for (const [id, entry] of loaded)
      map.set(id, { article: entry.article, text: entry.text.text });
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
      JSON.stringify(
        toWebAnnotationCollection(list, articles, { generated: generated(), appUrl: appBaseUrl() }),
        null,
        2,
      ),
    );
  const exportClaimReview = () =>
    downloadTextFile(
      `fact-check-claimreview-${fileDate()}.jsonld`,
      'application/ld+json',
      JSON.stringify(
        toClaimReviews(list, articles, { generated: generated(), appUrl: appBaseUrl() }),
        null,
        2,
      ),
    );
  const exportMarkdown = () =>
    downloadTextFile(
      `fact-check-report-${fileDate()}.md`,
      'text/markdown',
      toMarkdownReport(list, articles, { generated: generated() }),
    );

  const readFile = async (file: File | undefined) => {
    setPlan(null);
    setImportError(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setImportError(`“${file.name}” is larger than 5 MB, so it was not read.`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setImportError(`“${file.name}” could not be read.`);
      return;
    }
    const result = planImport(text, claims, texts, generated());
    if (result.ok) setPlan(result);
    else setImportError(`“${file.name}” was not imported: ${result.error}`);
  };

  const confirmImport = () => {
    if (!plan) return;
    const added = importClaims(plan.toAdd);
    setPlan(null);
    showToast(`${added} ${added === 1 ? 'claim' : 'claims'} imported`);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void readFile(event.dataTransfer.files[0]);
  };

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
      {message && (
        <p role="alert" className="mt-2 text-sm">
          {message}
        </p>
      )}
      {/* A drop target for files; the file input inside it is the keyboard way in. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-drop-zone"
        className={`mt-3 rounded-lg border-2 border-dashed p-3 text-sm ${dragging ? 'border-teal-700 bg-teal-50 dark:bg-teal-950' : 'border-stone-400'}`}
      >
        <label htmlFor={inputId} className="font-semibold">
          Import Web Annotations (JSON-LD)
        </label>
        <input
          id={inputId}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          onChange={(event) => {
            void readFile(event.target.files?.[0]);
            event.target.value = '';
          }}
          className="mt-1 block w-full text-sm"
        />
        <p className="mt-1 text-stone-700 dark:text-stone-300">or drop a file here.</p>
      </div>
      {importError && (
        <p role="alert" className="mt-2 text-sm">
          {importError}
        </p>
      )}
      {plan && (
        <div
          role="region"
          aria-label="Import summary"
          className="mt-3 rounded-lg border border-stone-400 p-3 text-sm"
        >
          <p className="font-semibold">Nothing is imported until you confirm.</p>
          <ul className="mt-1 list-disc pl-5">
            <li>To import: {plan.summary.imported}</li>
            <li>Already in your claims: {plan.summary.alreadyPresent}</li>
            <li>Could not be anchored: {plan.summary.notAnchored.length}</li>
            <li>Invalid: {plan.summary.invalid.length}</li>
          </ul>
          {plan.summary.notAnchored.length > 0 && (
            <details className="mt-2">
              <summary>Quotes that could not be anchored</summary>
              <ul className="mt-1 list-disc pl-5">
                {plan.summary.notAnchored.map((item, i) => (
                  <li key={i}>
                    “{item.quote}” — {item.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {plan.summary.invalid.length > 0 && (
            <details className="mt-2">
              <summary>Invalid entries</summary>
              <ul className="mt-1 list-disc pl-5">
                {plan.summary.invalid.map((item) => (
                  <li key={item.index}>
                    Entry {item.index + 1}: {item.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="mt-3 flex gap-2">
            <button
              type="button"
              disabled={plan.toAdd.length === 0}
              onClick={confirmImport}
              className="min-h-11 rounded-md bg-teal-800 px-3 text-sm font-semibold text-white disabled:opacity-60 dark:bg-teal-300 dark:text-teal-950"
            >
              Import {plan.toAdd.length} {plan.toAdd.length === 1 ? 'claim' : 'claims'}
            </button>
            <button type="button" className={BUTTON} onClick={() => setPlan(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {ids.length === 0 && <p className="mt-2 text-sm">Articles are still loading.</p>}
    </section>
  );
}
