import { useId, useMemo, useState, type DragEvent } from 'react';
import type { Article } from '../../core/articles/article-schema.ts';
import { SHOWN_LIST_LENGTH } from '../../core/interop/import-report.ts';
import { useAppStore } from '../../store/app-store.ts';
import { useLoadedArticles } from '../reader/use-reader-data.ts';
import { downloadTextFile, fileDate } from './download-claims.ts';
import { useImportPlan } from './use-import-plan.ts';

const BUTTON =
  'min-h-11 rounded-md border border-stone-400 px-3 text-sm font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700';

function more(total: number): string | null {
  const rest = total - SHOWN_LIST_LENGTH;
  return rest > 0 ? `…and ${rest.toLocaleString('en-GB')} more (download the full list).` : null;
}

/**
 * Import of Web Annotations (and Hypothesis exports): the file is parsed and planned in a
 * worker with a progress bar and Cancel; a summary shows what would happen, with long lists
 * cut to their first entries and downloadable in full; nothing is written until confirmed.
 */
export function ImportPanel() {
  const claims = useAppStore((s) => s.claims);
  const importClaims = useAppStore((s) => s.importClaims);
  const showToast = useAppStore((s) => s.showToast);
  const { loaded } = useLoadedArticles();
  const inputId = useId();
  const progressId = useId();
  const [dragging, setDragging] = useState(false);
  const { state, start, takeClaims, cancel } = useImportPlan();
  const [importing, setImporting] = useState(false);

  const articles = useMemo(() => {
    const map = new Map<string, { article: Article; text: string }>();
    for (const [id, entry] of loaded)
      map.set(id, { article: entry.article, text: entry.text.text });
    return map;
  }, [loaded]);

  const readFile = (file: File | undefined) => {
    if (file) void start(file, { claims, articles });
  };

  const confirm = async () => {
    if (state.phase !== 'ready') return;
    setImporting(true);
    const planned = await takeClaims();
    const added = importClaims(planned);
    setImporting(false);
    cancel();
    if (added > 0) showToast(`${added} ${added === 1 ? 'claim' : 'claims'} imported`);
  };

  const downloadList = () => {
    if (state.phase !== 'ready') return;
    downloadTextFile(
      `fact-check-import-problems-${fileDate()}.txt`,
      'text/plain',
      state.report.fullList,
    );
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    readFile(event.dataTransfer.files[0]);
  };

  const busy = state.phase === 'reading' || state.phase === 'planning';
  const report = state.phase === 'ready' ? state.report : null;
  const percent =
    state.phase === 'planning' && state.total > 0
      ? Math.floor((state.done / state.total) * 100)
      : null;

  return (
    <>
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
            readFile(event.target.files?.[0]);
            event.target.value = '';
          }}
          className="mt-1 block w-full text-sm"
        />
        <p className="mt-1 text-stone-700 dark:text-stone-300">
          or drop a file here. Hypothesis exports work too.
        </p>
      </div>
      {busy && (
        <div className="mt-2 text-sm" role="status">
          <label htmlFor={progressId}>
            {state.phase === 'reading'
              ? `Reading “${state.fileName}”…`
              : `Checking “${state.fileName}”: ${state.done.toLocaleString('en-GB')} of ${state.total.toLocaleString('en-GB')} annotations (${percent ?? 0} %)`}
          </label>
          <div className="mt-1 flex items-center gap-2">
            <progress
              id={progressId}
              className="h-3 min-w-0 flex-1"
              {...(state.phase === 'planning' && state.total > 0
                ? { value: state.done, max: state.total }
                : {})}
            />
            <button type="button" className={BUTTON} onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.phase === 'failed' && (
        <p role="alert" className="mt-2 text-sm">
          {state.message}
        </p>
      )}
      {report && (
        <div
          role="region"
          aria-label="Import summary"
          className="mt-3 rounded-lg border border-stone-400 p-3 text-sm"
        >
          <p className="font-semibold">Nothing is imported until you confirm.</p>
          <ul className="mt-1 list-disc pl-5">
            <li>To import: {report.counts.imported}</li>
            <li>Already in your claims: {report.counts.alreadyPresent}</li>
            <li>Repeated in the file: {report.counts.repeatedInFile}</li>
            <li>Could not be anchored: {report.counts.notAnchored}</li>
            <li>Invalid: {report.counts.invalid}</li>
          </ul>
          {report.notAnchored.length > 0 && (
            <details className="mt-2">
              <summary>Quotes that could not be anchored ({report.counts.notAnchored})</summary>
              <ul className="mt-1 list-disc pl-5">
                {report.notAnchored.map((item, i) => (
                  <li key={i}>
                    “{item.quote}” — {item.reason}
                  </li>
                ))}
              </ul>
              {more(report.counts.notAnchored) && <p>{more(report.counts.notAnchored)}</p>}
            </details>
          )}
          {report.invalid.length > 0 && (
            <details className="mt-2">
              <summary>Invalid entries ({report.counts.invalid})</summary>
              <ul className="mt-1 list-disc pl-5">
                {report.invalid.map((item) => (
                  <li key={item.index}>
                    Entry {item.index + 1}: {item.reason}
                  </li>
                ))}
              </ul>
              {more(report.counts.invalid) && <p>{more(report.counts.invalid)}</p>}
            </details>
          )}
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              type="button"
              disabled={report.counts.imported === 0 || importing}
              onClick={() => void confirm()}
              className="min-h-11 rounded-md bg-teal-800 px-3 text-sm font-semibold text-white disabled:opacity-60 dark:bg-teal-300 dark:text-teal-950"
            >
              Import {report.counts.imported} {report.counts.imported === 1 ? 'claim' : 'claims'}
            </button>
            <button type="button" className={BUTTON} onClick={cancel}>
              Cancel
            </button>
            {report.fullList !== '' && (
              <button type="button" className={BUTTON} onClick={downloadList}>
                Download the list of problems
              </button>
            )}
          </div>
        </div>
      )}
    </>
  );
}
