/** How a link was passed on: the system share sheet, the clipboard, or not at all. */
export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed';

/**
 * Offers `url` through the Web Share sheet where the device has one (phones, tablets), else
 * copies it to the clipboard.
 */
export async function shareOrCopyLink(url: string, title: string): Promise<ShareOutcome> {
  const data = { url, title };
  // Desktop Chromium also has navigator.share, but a copy is what people expect there.
  const touchFirst = window.matchMedia('(pointer: coarse)').matches;
  if (touchFirst && typeof navigator.share === 'function' && navigator.canShare?.(data) !== false) {
    try {
      await navigator.share(data);
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      // Any other failure falls through to the clipboard.
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'failed';
  }
}

/**
 * This page's address without its hash, for links into this app from any sub-path; without the
 * chosen pair of articles too, which may name articles only this device has.
 */
export function appBaseUrl(): string {
  const url = new URL(window.location.href);
  url.hash = '';
  url.searchParams.delete('pair');
  return url.href;
}
