import { withAppModules } from '../bench/app-modules.mjs';
const halves = (process.env.HALVES || 'tuning,heldOut').split(',');
await withAppModules(async (load, canonicalOf) => {
  const { findCounterparts } = await load('/src/core/compare/counterparts.ts');
  const { loadRelatedWords } = await load('/src/core/compare/related-words.ts');
  const ev = await load('/src/core/compare/test-data/counterpart-evaluation.ts');
  const arts = { newstalk: (await canonicalOf('newstalk-johnson-lavrov-clash')).text, businessInsider: (await canonicalOf('business-insider-johnson-lavrov-spat')).text };
  const words = await loadRelatedWords();
  for (const half of halves) for (const q of ev.evaluationQueries(half)) {
    const other = arts[ev.otherReport(q.from)];
    const range = ev.passageRange(arts[q.from].text, q.passage);
    const found = findCounterparts({ article: arts[q.from], range }, other, words, { threshold: 0.0001, mutualThreshold: 0.0001, limit: 5 });
    const exp = q.expected.map((p) => ev.passageRange(other.text, p));
    const ok = (s) => exp.some((e) => s.start < e.end && e.start < s.end);
    const line = found.map((c) => `${c.score.toFixed(2)}${q.expected.length ? (ok(c) ? '+' : '-') : ''}${c.reasons.some(r=>r.kind==='mutual')?'m':''}`).join(' ');
    console.log(half.padEnd(7), q.expected.length ? 'PAIR' : 'LONE', q.passage.slice(0, 60).padEnd(60), '|', line);
    if (process.env.WHY) for (const c of found.slice(0,2)) console.log('      ', c.score.toFixed(2), other.text.slice(c.start, c.end).slice(0,70), '::', c.reasons.map(r=>r.explain).join(' | ').slice(0,200));
  }
});
