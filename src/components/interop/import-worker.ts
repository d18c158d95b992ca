// A Web Worker: parses and plans an import off the page's thread, so a large file never
// freezes the page; it reports progress and ends with the report. The planned claims stay here
// until the reader confirms (copying thousands of them to the page takes time the summary need
// not wait for). Cancel terminates it.
import type { Claim } from '../../core/claims/claim.ts';
import { importReport } from '../../core/interop/import-report.ts';
import { planImport } from '../../core/interop/web-annotation-import.ts';
import type { ImportRequest, ImportResponse } from './import-messages.ts';

function send(message: ImportResponse): void {
  self.postMessage(message);
}

let planned: readonly Claim[] = [];

self.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  if (event.data.kind === 'claims') {
    send({ kind: 'claims', claims: planned });
    return;
  }
  const { text, existing, articles, now } = event.data;
  const plan = planImport(
    text,
    Object.fromEntries(existing.map((claim) => [claim.id, claim])),
    new Map(articles),
    now,
    { onProgress: (done, total) => send({ kind: 'progress', done, total }) },
  );
  planned = plan.ok ? plan.toAdd : [];
  send({ kind: 'done', report: importReport(plan) });
});
