// Characters that reorder how text displays (embeddings, overrides, isolates, marks). In a note
// someone else wrote they could make it read differently from what it says, so text that comes
// from a link shows each as a visible marker instead.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMES: Readonly<Record<string, string>> = {
  '\u061c': 'ALM',
  '\u200e': 'LRM',
  '\u200f': 'RLM',
  '\u202a': 'LRE',
  '\u202b': 'RLE',
  '\u202c': 'PDF',
  '\u202d': 'LRO',
  '\u202e': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

/** `text` with every bidirectional control character replaced by a visible marker, e.g. `⟨RLO⟩`. */
export function revealBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (char) =>
    Object.hasOwn(NAMES, char) ? `⟨${NAMES[char]}⟩` : '⟨?⟩',
  );
}
