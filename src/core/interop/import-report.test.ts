import { describe, expect, it } from 'vitest';
import { newstalk, ntText } from '../test-fixtures/seed-articles.ts';
import { SHOWN_LIST_LENGTH, importReport } from './import-report.ts';
import { planImport } from './web-annotation-import.ts';

const articles = new Map([[newstalk.id, { article: newstalk, text: ntText }]]);

describe('importReport', () => {
  it('shows the first 100 of 100,000 invalid entries, counts them all and lists them all as text', () => {
    const text = JSON.stringify(Array.from({ length: 100_000 }, () => ({})));
    const report = importReport(planImport(text, {}, articles, '2025-12-01T12:00:00.000Z'));
    if (!report.ok) throw new Error(report.error);
    expect(report.counts).toEqual({
      imported: 0,
      alreadyPresent: 0,
      repeatedInFile: 0,
      notAnchored: 0,
      invalid: 100_000,
    });
    expect(report.invalid).toHaveLength(SHOWN_LIST_LENGTH);
    const lines = report.fullList.trimEnd().split('\n');
    expect(lines[0]).toBe('Invalid (100000):');
    expect(lines).toHaveLength(100_001);
    expect(lines.at(-1)).toBe(
      'Entry 100000: The annotation has no text quote (TextQuoteSelector).',
    );
  });

  it('passes a file error through', () => {
    expect(importReport({ ok: false, error: 'The file is empty.' })).toEqual({
      ok: false,
      error: 'The file is empty.',
    });
  });
});
