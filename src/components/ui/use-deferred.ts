import { useEffect, useState, useSyncExternalStore } from 'react';
import { isSharedLinkHash } from '../../core/sharing/shared-link-hash.ts';

/** Runs `callback` when the browser is next idle (soon, where it cannot tell); returns a cancel. */
export function whenIdle(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    // The timeout bounds the wait on a page that is never idle (e.g. an animation running).
    const id = window.requestIdleCallback(callback, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(callback, 200);
  return () => window.clearTimeout(id);
}

/** False until the browser is first idle after the component mounted (i.e. after hydration). */
export function useIdleAfterMount(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true)), []);
  return idle;
}

/** False until the reader first changes the text selection anywhere on the page. */
export function useSelectionStarted(): boolean {
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (started) return;
    const onChange = () => setStarted(true);
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [started]);
  return started;
}

const subscribeToHash = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const hashHasLink = () => isSharedLinkHash(window.location.hash);
const noLinkOnServer = () => false;

/**
 * Whether the address has carried a claim or review link since the page opened (false while
 * the pre-rendered page hydrates): the code that opens links loads only then.
 */
export function useSharedLinkSeen(): boolean {
  const hasLink = useSyncExternalStore(subscribeToHash, hashHasLink, noLinkOnServer);
  const [seen, setSeen] = useState(false);
  // Once seen, the opener stays: it may still be waiting for the link's article to load.
  if (hasLink && !seen) setSeen(true);
  return seen || hasLink;
}
