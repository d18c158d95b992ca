import { describe, expect, it } from 'vitest';
import { revealBidiControls } from './bidi-controls.ts';

describe('revealBidiControls', () => {
  it('shows an override that would make a note read backwards', () => {
    expect(revealBidiControls('Checked: \u202eeslaf si siht\u202c ok')).toBe(
      'Checked: ⟨RLO⟩eslaf si siht⟨PDF⟩ ok',
    );
  });

  it('leaves ordinary text, Arabic and Hebrew alone', () => {
    const text = 'Lavrov said “no evidence” — لا دليل — אין ראיות';
    expect(revealBidiControls(text)).toBe(text);
  });

  it('marks isolates and marks too', () => {
    expect(revealBidiControls('\u2066a\u2069\u200f')).toBe('⟨LRI⟩a⟨PDI⟩⟨RLM⟩');
  });
});
