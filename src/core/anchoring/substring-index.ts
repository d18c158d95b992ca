/**
 * Finds every occurrence of a long substring in a fixed text without scanning the whole text:
 * the text's 16-character grams at every 8th offset are indexed once, so a needle of 23 or more
 * characters is looked up by its first eight grams and each hit verified in place.
 */
const GRAM = 16;
const STEP = 8;

/** An index of one text for repeated exact substring searches (see findAll). */
export class SubstringIndex {
  private readonly grams = new Map<string, number[]>();

  constructor(readonly text: string) {
    for (let at = 0; at + GRAM <= text.length; at += STEP) {
      const gram = text.slice(at, at + GRAM);
      const list = this.grams.get(gram);
      if (list) list.push(at);
      else this.grams.set(gram, [at]);
    }
  }

  /** Every start of `needle` in the text, ascending; `limit` stops the search early. */
  findAll(needle: string, limit = Infinity): number[] {
    const { text } = this;
    const found: number[] = [];
    if (needle.length < GRAM + STEP - 1) {
      for (let at = text.indexOf(needle); at !== -1 && found.length < limit;) {
        found.push(at);
        at = text.indexOf(needle, at + 1);
      }
      return found;
    }
    // An occurrence at `at` has exactly one indexed offset in [at, at + STEP): at + shift.
    for (let shift = 0; shift < STEP; shift++) {
      for (const indexed of this.grams.get(needle.slice(shift, shift + GRAM)) ?? []) {
        const at = indexed - shift;
        if (at >= 0 && text.startsWith(needle, at)) found.push(at);
      }
    }
    found.sort((a, b) => a - b);
    return found.length > limit ? found.slice(0, limit) : found;
  }
}
