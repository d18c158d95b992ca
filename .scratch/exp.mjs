import { readFileSync } from 'node:fs';
import { withAppModules } from '../bench/app-modules.mjs';
const vec = JSON.parse(readFileSync('/tmp/emb/sub.json', 'utf8'));
const rank = new Map(Object.keys(vec).map((w, i) => [w, i + 1]));
const STOP = new Set('the a an of to and in for that on is was said with he as it by at from his be has are have but were not this who they had which will their or its one after been also we would more about up when there all out she other her than over into some you if no can do i me my our us him them what so could than very any those these then just being such'.split(' '));
await withAppModules(async (load, canonicalOf) => {
  const { sentencesOf } = await load('/src/core/articles/article-sentences.ts');
  const ev = await load('/src/core/compare/test-data/counterpart-evaluation.ts');
  const arts = { newstalk: (await canonicalOf('newstalk-johnson-lavrov-clash')).text, businessInsider: (await canonicalOf('business-insider-johnson-lavrov-spat')).text };
  const names = new Set();
  for (const a of Object.values(arts)) for (const m of a.text.matchAll(/(?<=[a-z,] )[A-Z][a-z]+/g)) names.add(m[0].toLowerCase());
  const A = Number(process.env.SIF || 1e-3);
  const embed = (text) => {
    const v = new Float64Array(100); let n = 0;
    for (const m of text.matchAll(/[A-Za-z]+(?:['’][a-z]+)?/g)) {
      const w = m[0].toLowerCase().replace('’', "'");
      if (STOP.has(w) || (process.env.NONAMES && names.has(w))) continue;
      const e = vec[w]; if (!e) continue;
      const p = 1 / (rank.get(w) * Math.log(rank.size));
      const s = A / (A + p);
      for (let k = 0; k < 100; k++) v[k] += s * e[k];
      n++;
    }
    return v;
  };
  const cos = (a, b) => { let d = 0, x = 0, y = 0; for (let k = 0; k < 100; k++) { d += a[k] * b[k]; x += a[k] ** 2; y += b[k] ** 2; } return d / Math.sqrt(x * y || 1); };
  for (const half of ['tuning', 'heldOut']) {
    let right = 0, pairs = 0; const loneTop = [], pairTop = [], rightScores = [];
    for (const q of ev.evaluationQueries(half)) {
      const other = arts[ev.otherReport(q.from)];
      const sents = sentencesOf(other);
      const qv = embed(q.passage);
      const scored = sents.map((s) => ({ s, c: cos(qv, embed(other.text.slice(s.start, s.end))) })).sort((a, b) => b.c - a.c);
      const top = scored[0];
      if (q.expected.length === 0) { loneTop.push(top.c.toFixed(2)); continue; }
      pairs++;
      const exp = q.expected.map((p) => ev.passageRange(other.text, p));
      const ok = (s) => exp.some((e) => s.start < e.end && e.start < s.end);
      if (ok(top.s)) right++;
      pairTop.push(top.c.toFixed(2) + (ok(top.s) ? '+' : '-'));
      const r = scored.findIndex((x) => ok(x.s));
      rightScores.push(`${r}:${scored[r]?.c.toFixed(2)}`);
    }
    console.log(half, `p@1 (no threshold) ${right}/${pairs}`, '\n pairs top', pairTop.join(' '), '\n right rank:score', rightScores.join(' '), '\n lone top', loneTop.join(' '));
  }
});
