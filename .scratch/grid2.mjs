import { withAppModules } from '../bench/app-modules.mjs';
await withAppModules(async (load, canonicalOf) => {
  const { findCounterparts } = await load('/src/core/compare/counterparts.ts');
  const { SCORING } = await load('/src/core/compare/counterpart-scoring.ts');
  const { loadRelatedWords } = await load('/src/core/compare/related-words.ts');
  const ev = await load('/src/core/compare/test-data/counterpart-evaluation.ts');
  const arts = { newstalk: (await canonicalOf('newstalk-johnson-lavrov-clash')).text, businessInsider: (await canonicalOf('business-insider-johnson-lavrov-spat')).text };
  const texts = { newstalk: arts.newstalk.text, businessInsider: arts.businessInsider.text };
  const words = await loadRelatedWords();
  const param = process.env.P || 'NEAR_CREDIT';
  const values = (process.env.V || '0,0.15,0.3,0.45').split(',').map(Number);
  const orig = SCORING[param];
  for (const val of values) {
    SCORING[param] = val;
    for (const [threshold, mutualThreshold] of [[0.2, 0.15], [0.18, 0.13], [0.16, 0.11], [0.22, 0.15]]) {
      let fr = 0, pq = 0, om = 0, lq = 0;
      for (const half of ['tuning', 'heldOut']) {
        // fresh caches per setting: new article objects
        const a2 = { newstalk: { ...arts.newstalk }, businessInsider: { ...arts.businessInsider } };
        const r = ev.evaluateRanking(texts, (from, range) => findCounterparts({ article: a2[from], range }, a2[ev.otherReport(from)], words, { threshold, mutualThreshold }), half);
        fr += r.firstRight; pq += r.pairQueries; om += r.omissionsRight; lq += r.loneQueries;
      }
      console.log(`${param}=${val} t=${threshold} m=${mutualThreshold}  p@1 ${fr}/${pq}  omissions ${om}/${lq}  sum ${Math.round(100*fr/pq)+Math.round(100*om/lq)}`);
    }
  }
  SCORING[param] = orig;
});
