import { describe, expect, it } from 'vitest';
import { parseEvidenceUrl } from './evidence-url.ts';

describe('parseEvidenceUrl', () => {
  it('keeps http and https addresses', () => {
    expect(parseEvidenceUrl(' https://www.gov.uk/government/speeches/pm-speech ')).toEqual({
      ok: true,
      url: 'https://www.gov.uk/government/speeches/pm-speech',
    });
    expect(parseEvidenceUrl('http://example.org').ok).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'ftp://example.org/file',
    'mailto:a@b',
  ])('refuses %s', (input) => {
    expect(parseEvidenceUrl(input)).toEqual({
      ok: false,
      reason: 'Only http and https links can be saved as evidence.',
    });
  });

  it('explains incomplete addresses', () => {
    expect(parseEvidenceUrl('www.gov.uk')).toMatchObject({ ok: false });
    expect(parseEvidenceUrl('https://')).toMatchObject({ ok: false });
    expect(parseEvidenceUrl('')).toEqual({ ok: false, reason: 'Enter a link first.' });
  });
});
