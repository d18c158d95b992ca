// Absolute http(s) address: scheme, a host without spaces, then anything but whitespace.
const HTTP_URL = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;

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
  if (!HTTP_URL.test(trimmed)) {
    return { ok: false, reason: 'That is not a complete web address (start with https://).' };
  }
  return { ok: true, url: trimmed };
}
