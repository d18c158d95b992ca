import { newstalk, ntText } from './seed-articles.ts';

/**
 * `count` small Web Annotations (about 250 bytes each, as other tools write them: an id, the page
 * and the quote), on passages of four to eight words that occur once in the Newstalk article,
 * each passage annotated many times under different ids: the shape of a large import.
 */
export function bulkAnnotations(count: number) {
  const words = [...ntText.matchAll(/\S+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const passages: string[] = [];
  for (let i = 0; i + 8 < words.length; i++) {
    for (const n of [3, 5, 7]) {
      const start = words[i]?.start ?? 0;
      const quote = ntText.slice(start, words[i + n]?.end);
      const unique = ntText.indexOf(quote) === start && !ntText.includes(quote, start + 1);
      if (unique && !quote.includes('\n')) passages.push(quote);
    }
  }
  return Array.from({ length: count }, (_, i) => ({
    id: `urn:fact-check-reader:claim:bulk-${i}`,
    target: {
      source: newstalk.url,
      selector: { type: 'TextQuoteSelector', exact: passages[i % passages.length] },
    },
  }));
}
