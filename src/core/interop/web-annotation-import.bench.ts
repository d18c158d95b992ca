import { afterAll, bench, describe } from 'vitest';
import { bulkAnnotations } from '../test-fixtures/bulk-annotations.ts';
import { newstalk, ntText } from '../test-fixtures/seed-articles.ts';
import { planImport } from './web-annotation-import.ts';

// The import planner's own speed on the two files the import must handle without freezing the
// page (it runs in a worker there): 20,000 small annotations in about 5 MB, and 100,000 `{}`.
const articles = new Map([[newstalk.id, { article: newstalk, text: ntText }]]);
const annotations = JSON.stringify(bulkAnnotations(20_000));
const invalid = JSON.stringify(Array.from({ length: 100_000 }, () => ({})));
const seconds: Record<string, number> = {};

function timed(name: string, input: string): void {
  const start = performance.now();
  const plan = planImport(input, {}, articles, '2025-12-01T12:00:00.000Z');
  seconds[name] = (performance.now() - start) / 1000;
  if (!plan.ok) throw new Error(plan.error);
}

const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };

describe('planning an import', () => {
  bench('20,000 annotations (5 MB)', async () => timed('valid', annotations), once);
  bench('100,000 invalid entries', async () => timed('invalid', invalid), once);
});

afterAll(() => {
  const mb = (annotations.length / 1024 / 1024).toFixed(1);
  console.log(
    `import planning (in the worker): 20,000 annotations, ${mb} MB: ${seconds.valid?.toFixed(2)} s; ` +
      `100,000 invalid entries: ${seconds.invalid?.toFixed(2)} s`,
  );
});
