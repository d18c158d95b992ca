/**
 * Why code may have failed to load, as honestly as the page can tell: offline when the browser
 * says so; otherwise most likely a new version of the app was published since this page opened
 * (its old files are gone), which a reload fixes.
 */
export function loadFailureReason(): string {
  return typeof navigator !== 'undefined' && !navigator.onLine
    ? 'you appear to be offline'
    : 'the app may have been updated since this page was opened';
}
