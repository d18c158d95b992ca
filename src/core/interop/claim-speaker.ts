import type { Article } from '../articles/article-schema.ts';
import { articleText } from '../articles/article-text.ts';
import type { ClaimTarget } from '../claims/claim.ts';
import {
  REPORTER_KEY,
  attributeQuotes,
  speakerLabel,
  type AttributedQuote,
} from '../suggestions/quote-attribution.ts';

/** Finds who made each claim, reading each article's quotes once. */
export interface SpeakerFinder {
  /** The person whose direct quote the claim lies in, by display name, or null if none. */
  speakerOf(target: ClaimTarget, article: Article): string | null;
}

/** A SpeakerFinder that remembers each article's attributed quotes. */
export function createSpeakerFinder(): SpeakerFinder {
  const cache = new Map<string, { text: string; quotes: AttributedQuote[] }>();
  const quotesOf = (article: Article) => {
    const known = cache.get(article.id);
    if (known) return known;
    const text = articleText(article);
    const entry = { text: text.text, quotes: attributeQuotes(text) };
    cache.set(article.id, entry);
    return entry;
  };
  return {
    speakerOf(target, article) {
      const { text, quotes } = quotesOf(article);
      const { exact } = target.quote;
      let start = target.position.start;
      // Offsets from another version of the text: find the quote itself instead.
      if (text.slice(start, target.position.end) !== exact) start = text.indexOf(exact);
      if (start < 0 || exact.length === 0) return null;
      const end = start + exact.length;
      // The quote holding most of the claim; a claim mostly outside quotes is the reporter's.
      let best: AttributedQuote | null = null;
      let bestOverlap = 0;
      for (const quote of quotes) {
        const overlap = Math.min(end, quote.end) - Math.max(start, quote.start);
        if (overlap > bestOverlap) {
          best = quote;
          bestOverlap = overlap;
        }
      }
      if (!best || bestOverlap * 2 < exact.length) return null;
      const key = best.speakerKey;
      return key === null || key === REPORTER_KEY ? null : speakerLabel(key);
    },
  };
}
