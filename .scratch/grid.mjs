import { withAppModules } from '../bench/app-modules.mjs';
await withAppModules(async (load, canonicalOf) => {
  const { findCounterparts } = await load('/src/core/compare/counterparts.ts');
  const { loadRelatedWords } = await load('/src/core/compare/related-words.ts');
  const ev = await load('/src/core/compare/test-data/counterpart-evaluation.ts');
  const arts = { newstalk: (await canonicalOf('newstalk-johnson-lavrov-clash')).text, businessInsider: (await canonicalOf('business-insider-johnson-lavrov-spat')).text };
  const texts = { newstalk: arts.newstalk.text, businessInsider: arts.businessInsider.text };
  const words = await loadRelatedWords();
  const rows = [];
  for (const threshold of [0.14, 0.16, 0.18, 0.2, 0.22, 0.25]) for (const mutualThreshold of [0.05, 0.07, 0.09, 0.11, 0.13, 0.15]) {
    if (mutualThreshold > threshold) continue;
    let fr = 0, pq = 0, om = 0, lq = 0;
    for (const half of ['tuning', 'heldOut']) {
      const r = ev.evaluateRanking(texts, (from, range) => findCounterparts({ article: arts[from], range }, arts[ev.otherReport(from)], words, { threshold, mutualThreshold }), half);
      fr += r.firstRight; pq += r.pairQueries; om += r.omissionsRight; lq += r.loneQueries;
    }
    rows.push([threshold, mutualThreshold, fr, pq, om, lq]);
  }
  for (const [t, m, fr, pq, om, lq] of rows) console.log(`t=${t} m=${m}  p@1 ${fr}/${pq} (${Math.round(100*fr/pq)}%)  omissions ${om}/${lq} (${Math.round(100*om/lq)}%)`);
});
