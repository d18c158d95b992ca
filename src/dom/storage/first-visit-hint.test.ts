// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  dismissFirstVisitHint,
  FIRST_VISIT_HINT_KEY,
  firstVisitHintDismissed,
  subscribeFirstVisitHint,
} from './first-visit-hint.ts';

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('first-visit hint', () => {
  it('is shown until dismissed, and the dismissal is kept and announced', () => {
    expect(firstVisitHintDismissed()).toBe(false);
    const listener = vi.fn();
    const unsubscribe = subscribeFirstVisitHint(listener);
    dismissFirstVisitHint();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem(FIRST_VISIT_HINT_KEY)).toBe('dismissed');
    expect(firstVisitHintDismissed()).toBe(true);
    unsubscribe();
  });

  it('stays hidden for this visit when storage refuses to keep the dismissal', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    dismissFirstVisitHint();
    expect(localStorage.getItem(FIRST_VISIT_HINT_KEY)).toBeNull();
    expect(firstVisitHintDismissed()).toBe(true);
  });
});
