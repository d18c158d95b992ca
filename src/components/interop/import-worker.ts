// A Web Worker: parses and plans an import off the page's thread, so a large file never
// freezes the page; it reports progress and ends with the report. Cancel terminates it.
import { importReport } from '../../core/interop/import-report.ts';
import { planImport } from '../../core/interop/web-annotation-import.ts';
import type { ImportRequest, ImportResponse } from './import-messages.ts';

function send(message: ImportResponse): void {
  self.postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const { text, existing, articles, now } = event.data;
  const plan = planImport(
    text,
    Object.fromEntries(existing.map((claim) => [claim.id, claim])),
    new Map(articles),
    now,
    { onProgress: (done, total) => send({ kind: 'progress', done, total }) },
  );
  send({ kind: 'done', report: importReport(plan) });
});
