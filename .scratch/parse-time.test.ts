import { it } from 'vitest';
import { parseRelatedWordsTable, relatedWordsFrom } from '../src/core/compare/related-words.ts';
import table from '../src/core/compare/wordnet-related.json';
it('times', () => {
  const text = JSON.stringify(table);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const data = JSON.parse(text);
    const t1 = performance.now();
    const parsed = parseRelatedWordsTable(data);
    const t2 = performance.now();
    relatedWordsFrom(parsed!);
    const t3 = performance.now();
    console.log(`json ${(t1 - t0).toFixed(1)} validate ${(t2 - t1).toFixed(1)} index ${(t3 - t2).toFixed(1)} groups ${table.synonyms.length}+${table.near.length}`);
  }
});
