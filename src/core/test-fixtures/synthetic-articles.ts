import type { ArticleText } from '../articles/article-text.ts';

/** An article of plain paragraphs, as a reader's own pasted text would be. */
export function plainArticle(paragraphs: readonly string[]): ArticleText {
  let start = 0;
  const blocks = paragraphs.map((text, i) => {
    const block = {
      key: `body-${i}`,
      kind: 'paragraph' as const,
      text,
      start,
      end: start + text.length,
    };
    start += text.length + 2;
    return block;
  });
  return { text: paragraphs.join('\n\n'), blocks };
}

/**
 * Two synthetic articles of `paragraphs` two-sentence paragraphs (20 words a sentence, from a
 * 4,000-word vocabulary with a skewed frequency, fixed seed); every other paragraph of the second
 * is the first's, so there is plenty to find.
 */
export function syntheticPair(paragraphs: number): {
  a: string[];
  b: string[];
} {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const vocabulary = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}x`);
  // Capitalised so that the sentences split as a report's would.
  const sentence = () => {
    const words = Array.from({ length: 20 }, () => vocabulary[Math.floor(random() ** 2 * 4000)]);
    return `W${words.join(' ')}.`;
  };
  const make = () => Array.from({ length: paragraphs }, () => `${sentence()} ${sentence()}`);
  const a = make();
  const b = make().map((p, i) => (i % 2 === 0 ? (a[i] ?? p) : p));
  return { a, b };
}
