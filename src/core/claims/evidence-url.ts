// Absolute http(s) address: scheme, a host without spaces or credentials (`user:pass@`), then
// anything but whitespace. The store's schema uses the same pattern, so both agree.
/** What an evidence link must look like, for the editor and the saved-claim schema alike. */
export const EVIDENCE_URL_PATTERN = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;

/** Checks an evidence link: only absolute http(s) addresses are kept. */
export function parseEvidenceUrl(
  input: string,
): { ok: true; url: string } | { ok: false; reason: string } {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, reason: 'Enter a link first.' };
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    return { ok: false, reason: 'That is not a complete web address (start with https://).' };
  }
  if (!/^https?:/i.test(trimmed)) {
    return { ok: false, reason: 'Only http and https links can be saved as evidence.' };
  }
  if (/^https?:\/\/[^\s/?#]*@/i.test(trimmed)) {
    return { ok: false, reason: 'Links with a user name or password in them are not saved.' };
  }
  if (!EVIDENCE_URL_PATTERN.test(trimmed)) {
    return { ok: false, reason: 'That is not a complete web address (start with https://).' };
  }
  return { ok: true, url: trimmed };
}
