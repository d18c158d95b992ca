import { readFileSync } from 'node:fs';
import { withAppModules } from '../bench/app-modules.mjs';
const vec = JSON.parse(readFileSync('/tmp/emb/sub.json', 'utf8'));
const norm = (v) => { let s = 0; for (let k = 0; k < 100; k++) s += v[k] ** 2; return Math.sqrt(s); };
const cos = (a, b) => { let d = 0; for (let k = 0; k < 100; k++) d += a[k] * b[k]; return d / (norm(a) * norm(b)); };
const T = Number(process.env.T || 0.6), REL = process.env.REL || 'near', RAW = !!process.env.RAW;
const halves = (process.env.HALVES || 'tuning,heldOut').split(',');
await withAppModules(async (load, canonicalOf) => {
  const { findCounterparts } = await load('/src/core/compare/counterparts.ts');
  const { loadRelatedWords } = await load('/src/core/compare/related-words.ts');
  const ev = await load('/src/core/compare/test-data/counterpart-evaluation.ts');
  const arts = { newstalk: (await canonicalOf('newstalk-johnson-lavrov-clash')).text, businessInsider: (await canonicalOf('business-insider-johnson-lavrov-spat')).text };
  const texts = { newstalk: arts.newstalk.text, businessInsider: arts.businessInsider.text };
  const base = await loadRelatedWords();
  const vocab = new Set();
  for (const t of Object.values(texts)) for (const m of t.matchAll(/[a-z]+/g)) vocab.add(m[0]);
  const vocabList = [...vocab].filter((w) => vec[w]);
  const simCache = new Map();
  const sim = (a, b) => { const k = a < b ? a + ' ' + b : b + ' ' + a; let s = simCache.get(k); if (s === undefined) { s = vec[a] && vec[b] ? cos(vec[a], vec[b]) : 0; simCache.set(k, s); } return s; };
  const neigh = new Map();
  const words = {
    lemmasOf: (w) => { const l = base.lemmasOf(w); return RAW && l.length === 0 && vec[w] ? [w] : l; },
    commonness: base.commonness, isPerson: base.isPerson,
    relation: (a, b) => {
      const r = base.relation(a, b); if (r) return r;
      for (const x of a) for (const y of b) if (sim(x, y) >= T) return REL;
      return null;
    },
    groupKeys: (lemmas) => {
      const keys = new Set(base.groupKeys(lemmas));
      for (const l of lemmas) {
        if (!vec[l]) continue;
        keys.add('g:' + l);
        let n = neigh.get(l);
        if (!n) { n = vocabList.filter((w) => w !== l && sim(l, w) >= T); neigh.set(l, n); }
        for (const w of n) keys.add('g:' + w);
      }
      return [...keys];
    },
  };
  const other = (from) => arts[ev.otherReport(from)];
  for (const [name, w] of [['wordnet', base], [`glove T=${T} ${REL}${RAW ? ' raw' : ''}`, words]]) {
    for (const half of halves) {
      const r = ev.evaluateRanking(texts, (from, range) => findCounterparts({ article: arts[from], range }, other(from), w), half);
      console.log(ev.evaluationLine(name, r));
      if (process.env.MISTAKES) console.log(r.mistakes.map((m) => '   ' + m).join('\n'));
    }
  }
});
