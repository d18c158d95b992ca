import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article } from '../../core/articles/article-schema.ts';
import type { Claim } from '../../core/claims/claim.ts';
import type { ImportReport } from '../../core/interop/import-report.ts';
import { MAX_IMPORT_BYTES } from '../../core/interop/web-annotation-import.ts';
import type { ImportRequest, ImportResponse, PlanRequest } from './import-messages.ts';

/** Where an import stands: nothing, reading the file, planning it, or a plan to confirm. */
export type ImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'reading'; readonly fileName: string }
  | {
      readonly phase: 'planning';
      readonly fileName: string;
      readonly done: number;
      readonly total: number;
    }
  | {
      readonly phase: 'ready';
      readonly fileName: string;
      readonly report: Extract<ImportReport, { ok: true }>;
    }
  | { readonly phase: 'failed'; readonly message: string };

/** What an import plans against: the reader's claims and the loaded articles' texts. */
export interface ImportContext {
  readonly claims: Readonly<Record<string, Claim>>;
  readonly articles: ReadonlyMap<string, { article: Article; text: string }>;
}

/**
 * Reads an import file and plans it in a Web Worker, with progress; `cancel` stops it at once.
 * Nothing is written: once the reader confirms, `takeClaims` fetches the planned claims from the
 * worker (they stay there until then) for the caller to import.
 */
export function useImportPlan(): {
  state: ImportState;
  start: (file: File, context: ImportContext) => Promise<void>;
  takeClaims: () => Promise<readonly Claim[]>;
  cancel: () => void;
} {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);
  const run = useRef(0);
  const claimsWanted = useRef<((claims: readonly Claim[]) => void) | null>(null);

  const stopWorker = () => {
    worker.current?.terminate();
    worker.current = null;
    claimsWanted.current?.([]);
    claimsWanted.current = null;
  };
  useEffect(() => stopWorker, []);

  const cancel = useCallback(() => {
    run.current++;
    stopWorker();
    setState({ phase: 'idle' });
  }, []);

  const start = useCallback(async (file: File, context: ImportContext) => {
    const id = ++run.current;
    stopWorker();
    const fileName = file.name;
    if (file.size > MAX_IMPORT_BYTES) {
      setState({
        phase: 'failed',
        message: `“${fileName}” is larger than 5 MB, so it was not read.`,
      });
      return;
    }
    setState({ phase: 'reading', fileName });
    let text: string;
    try {
      text = await file.text();
    } catch {
      if (id === run.current)
        setState({ phase: 'failed', message: `“${fileName}” could not be read.` });
      return;
    }
    if (id !== run.current) return;
    let planner: Worker;
    try {
      planner = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      setState({
        phase: 'failed',
        message: 'This browser could not start the importer, so nothing was imported.',
      });
      return;
    }
    worker.current = planner;
    setState({ phase: 'planning', fileName, done: 0, total: 0 });
    planner.addEventListener('message', (event: MessageEvent<ImportResponse>) => {
      if (id !== run.current) return;
      const message = event.data;
      if (message.kind === 'progress') {
        setState({ phase: 'planning', fileName, done: message.done, total: message.total });
        return;
      }
      if (message.kind === 'claims') {
        const resolve = claimsWanted.current;
        claimsWanted.current = null;
        resolve?.(message.claims);
        return;
      }
      const { report } = message;
      if (!report.ok) stopWorker();
      setState(
        report.ok
          ? { phase: 'ready', fileName, report }
          : { phase: 'failed', message: `“${fileName}” was not imported: ${report.error}` },
      );
    });
    planner.addEventListener('error', () => {
      if (id !== run.current) return;
      stopWorker();
      setState({
        phase: 'failed',
        message: `“${fileName}” could not be imported: the importer stopped unexpectedly. Nothing was imported.`,
      });
    });
    const request: PlanRequest = {
      kind: 'plan',
      text,
      existing: Object.values(context.claims),
      articles: [...context.articles],
      now: new Date().toISOString(),
    };
    planner.postMessage(request);
  }, []);

  const takeClaims = useCallback(
    () =>
      new Promise<readonly Claim[]>((resolve) => {
        const planner = worker.current;
        if (!planner) {
          resolve([]);
          return;
        }
        claimsWanted.current = resolve;
        const request: ImportRequest = { kind: 'claims' };
        planner.postMessage(request);
      }),
    [],
  );

  return { state, start, takeClaims, cancel };
}
