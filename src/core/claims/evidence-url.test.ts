import { describe, expect, it } from 'vitest';
import { isEvidenceLink } from './claim-schema.ts';
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

  it('refuses a user name or password in the address, as the saved-claim schema does', () => {
    for (const input of ['https://user:secret@example.org/report', 'http://admin@intranet/x']) {
      expect(parseEvidenceUrl(input)).toEqual({
        ok: false,
        reason: 'Links with a user name or password in them are not saved.',
      });
      expect(isEvidenceLink(input)).toBe(false);
    }
    // An @ later in the address is an ordinary character of the path or query.
    expect(parseEvidenceUrl('https://example.org/people/@lavrov').ok).toBe(true);
  });

  it('agrees with the saved-claim schema on every address it keeps or refuses', () => {
    for (const input of [
      'https://www.gov.uk/x',
      'http://example.org',
      'https://',
      'https://a b.org/',
      'https://u:p@h.org',
      'https://example.org/a?b=c#d',
      'javascript:alert(1)',
    ]) {
      const parsed = parseEvidenceUrl(input);
      expect(isEvidenceLink(input), input).toBe(parsed.ok);
    }
  });
});
