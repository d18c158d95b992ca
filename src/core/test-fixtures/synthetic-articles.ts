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

/**
 * Two long reports of `paragraphs` two-sentence paragraphs built from the words of `texts` (the
 * seed reports, say): lower-case words, with a capitalised one (a name, often) one time in 33,
 * fixed seed; every other paragraph of the second is the first's.
 */
export function seedWordsPair(
  texts: readonly string[],
  paragraphs: number,
): { a: string[]; b: string[] } {
  const plain = texts
    .flatMap((text) => text.split(/\s+/u))
    .map((w) => w.replace(/[^A-Za-z]/gu, ''));
  const lower = plain.filter((w) => /^[a-z]+$/u.test(w));
  const names = plain.filter((w) => /^[A-Z][a-z]+$/u.test(w));
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const word = () => {
    const from = random() < 0.03 ? names : lower;
    return from[Math.floor(random() * from.length)] ?? 'word';
  };
  const sentence = () => {
    const text = Array.from({ length: 20 }, word).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const make = () => Array.from({ length: paragraphs }, () => `${sentence()} ${sentence()}`);
  const a = make();
  const b = make().map((p, i) => (i % 2 === 0 ? (a[i] ?? p) : p));
  return { a, b };
}
