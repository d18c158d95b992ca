// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { targetFor } from '../../core/anchoring/text-selectors.ts';
import { articleText } from '../../core/articles/article-text.ts';
import { newstalk } from '../../core/test-fixtures/seed-articles.ts';
import { appStore } from '../../store/app-store.ts';
import { NO_CLAIM_FILTERS } from '../../store/ui-slice.ts';
import { undoChange } from './undo.ts';

const text = articleText(newstalk).text;

function claimOn(quote: string, status: 'disputed' | 'confirmed' | 'open'): string {
  const start = text.indexOf(quote);
  const id = appStore
    .getState()
    .addClaim(targetFor(newstalk.id, text, { start, end: start + quote.length }), status);
  // Null only when saving is refused (storage holds a newer version's data).
  if (id === null) throw new Error('addClaim was refused');
  return id;
}

function claim(id: string) {
  const found = appStore.getState().claims[id];
  if (!found) throw new Error(`no claim ${id}`);
  return found;
}

beforeEach(() => {
  for (const id of Object.keys(appStore.getState().claims)) appStore.getState().deleteClaim(id);
  appStore.setState({ undoStack: [], toast: null, claimFilters: NO_CLAIM_FILTERS });
});

describe('undoChange', () => {
  it('puts a deleted claim back with its quote, status and note', () => {
    const id = claimOn('abundant evidence', 'disputed');
    appStore.getState().setNote(id, 'Only the FSB leaflet was shown');
    const before = claim(id);
    appStore.getState().deleteClaim(id);
    appStore.getState().showToast('Claim deleted', { kind: 'delete', claim: before });
    const entry = appStore.getState().toast?.undo;
    expect(undoChange(entry)).toBe('Deleted claim restored.');
    expect(claim(id)).toMatchObject({
      status: 'disputed',
      note: 'Only the FSB leaflet was shown',
      target: before.target,
    });
    // Undone once: the same Undo button does nothing the second time.
    expect(undoChange(entry)).toBeNull();
  });

  it('sets a changed status back, leaving a note typed since', () => {
    const id = claimOn('abundant evidence', 'disputed');
    const before = claim(id);
    appStore.getState().setStatus(id, 'confirmed');
    appStore.getState().showToast('Status changed', { kind: 'status', claim: before });
    appStore.getState().setNote(id, 'typed after');
    expect(undoChange()).toBe('Status set back to Disputed.');
    expect(claim(id)).toMatchObject({ status: 'disputed', note: 'typed after' });
  });

  it('brings cleared filters back exactly, newest change first with Ctrl+Z', () => {
    const filters = {
      status: 'confirmed',
      article: newstalk.id,
      speaker: 'all',
      query: 'evidence',
    };
    appStore.getState().setClaimFilters({ ...filters, status: 'confirmed' });
    appStore.getState().setClaimFilters(NO_CLAIM_FILTERS);
    appStore.getState().showToast('Filters cleared', {
      kind: 'filters',
      filters: { ...filters, status: 'confirmed' },
    });
    expect(undoChange()).toBe('Filters restored.');
    expect(appStore.getState().claimFilters).toEqual(filters);
    expect(undoChange()).toBeNull();
  });
});
