// Counterpart quality on the hand-made answer key (src/core/compare/test-data/counterpart-pairs.ts):
// the ranking the app ships against today's lexical baseline, in the same run. Figures are on the
// held-out half unless asked for the tuning half (`node bench/counterparts-quality.mjs tuning`).
import { withAppModules } from './app-modules.mjs';

/** Lines of figures for `half` ('heldOut' or 'tuning'); `mistakes` adds the wrong answers. */
export async function benchCounterpartQuality(half = 'heldOut', { mistakes = false } = {}) {
  return withAppModules(async (load, canonicalOf) => {
    const { findCounterparts } = await load('/src/core/compare/counterparts.ts');
    const { loadRelatedWords } = await load('/src/core/compare/related-words.ts');
    const baseline = await load('/bench/lexical-baseline.ts');
    const { sentencesOf } = await load('/src/core/articles/article-sentences.ts');
    const evaluation = await load('/src/core/compare/test-data/counterpart-evaluation.ts');
    const articles = {
      newstalk: (await canonicalOf('newstalk-johnson-lavrov-clash')).text,
      businessInsider: (await canonicalOf('business-insider-johnson-lavrov-spat')).text,
    };
    const texts = {
      newstalk: articles.newstalk.text,
      businessInsider: articles.businessInsider.text,
    };
    const words = await loadRelatedWords();
    const other = (from) => articles[evaluation.otherReport(from)];
    const rankings = {
      'counterparts (shipped)': (from, range) =>
        findCounterparts({ article: articles[from], range }, other(from), words),
      'counterparts without WordNet': (from, range) =>
        findCounterparts({ article: articles[from], range }, other(from), null),
      'counterparts without story order': (from, range) =>
        findCounterparts({ article: articles[from], range }, other(from), words, { order: false }),
      'lexical baseline (before issue 18)': (from, range) =>
        baseline.findCounterparts(
          { text: texts[from], range },
          { text: other(from).text, sentences: sentencesOf(other(from)) },
        ),
    };
    const lines = [];
    for (const [name, ranking] of Object.entries(rankings)) {
      const result = evaluation.evaluateRanking(texts, ranking, half);
      lines.push(evaluation.evaluationLine(name, result));
      if (mistakes) lines.push(...result.mistakes.map((m) => `    ${m}`));
    }
    return lines;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const half = ['tuning', 'fresh'].includes(process.argv[2]) ? process.argv[2] : 'heldOut';
  for (const line of await benchCounterpartQuality(half, {
    mistakes: process.argv.includes('--mistakes'),
  })) {
    console.log(line);
  }
}
