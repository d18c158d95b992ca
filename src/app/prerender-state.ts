import type { DehydratedState } from '@tanstack/react-query';

/** Id of the `<script type="application/json">` element holding pre-rendered query data. */
export const PRERENDER_STATE_ID = 'prerender-state';

/** Serialises state for a JSON script element; `<` is escaped so the text cannot end the element. */
export function serializePrerenderState(state: DehydratedState): string {
  return JSON.stringify(state).replace(/</g, '\\u003c');
}

function isDehydratedState(value: unknown): value is DehydratedState {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { queries?: unknown }).queries) &&
    Array.isArray((value as { mutations?: unknown }).mutations)
  );
}

/**
 * Reads the pre-rendered state from the page. Only its envelope is checked here: the articles in
 * it were validated by the same schema at build time, and anything unreadable means "no state".
 */
export function readPrerenderState(doc: Document): DehydratedState | undefined {
  const text = doc.getElementById(PRERENDER_STATE_ID)?.textContent;
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isDehydratedState(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
