import { describe, expect, it } from 'vitest';
import { findCounterparts } from '../../core/compare/counterparts.ts';
import { loadRelatedWords, type RelatedWords } from '../../core/compare/related-words.ts';
import { sentencesOf } from '../../core/articles/article-sentences.ts';
import {
  biArticleText as bi,
  ntArticleText as nt,
} from '../../core/test-fixtures/seed-articles.ts';
import { counterpartEngine } from './counterpart-engine.ts';
import {
  articleMessage,
  counterpartMessage,
  type CounterpartRequest,
  type CounterpartResponse,
} from './counterpart-messages.ts';

const visit =
  'when he travelled to Moscow for the first visit by a Foreign Secretary for five years.';
const lavrov = 'Lavrov later denied any aggression towards Britain on Russia’s behalf';
const rangeOf = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length };
};
const visitPassage = { source: 'nt@1', other: 'bi@1', range: rangeOf(nt.text, visit) };
const lavrovPassage = { source: 'bi@1', other: 'nt@1', range: rangeOf(bi.text, lavrov) };

/**
 * An engine on a clock that moves 40 ms each time it is read, so that it lets messages in and
 * reports progress at every step; `settled` resolves once it has answered `count` requests.
 */
function engineWithLog(loadWords: () => Promise<RelatedWords> = loadRelatedWords) {
  const log: CounterpartResponse[] = [];
  let clock = 0;
  let waiting: { count: number; resolve: () => void } | null = null;
  const answers = () => log.filter((m) => m.kind !== 'progress').length;
  const engine = counterpartEngine({
    send: (message) => {
      log.push(message);
      if (waiting && answers() >= waiting.count) waiting.resolve();
    },
    loadWords,
    yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => (clock += 40),
  });
  const send = (...messages: CounterpartRequest[]) => messages.forEach(engine.receive);
  const settled = (count: number) =>
    new Promise<void>((resolve) => {
      if (answers() >= count) resolve();
      else waiting = { count, resolve };
    });
  send(
    { kind: 'article', article: articleMessage('nt@1', nt) },
    { kind: 'article', article: articleMessage('bi@1', bi) },
  );
  return { log, send, settled, engine };
}

/** The answer to request 1 about visitPassage, as findCounterparts gives it with `words`. */
function answerOfFindCounterparts(words: RelatedWords | null): CounterpartResponse {
  const expected = findCounterparts({ article: nt, range: visitPassage.range }, bi, words);
  return {
    kind: 'counterparts',
    id: 1,
    counterparts: expected.map(counterpartMessage),
    relatedWords: words !== null,
  };
}

describe('counterpartEngine', () => {
  it('answers as findCounterparts does, after progress up to every sentence of both', async () => {
    const { log, send, settled } = engineWithLog();
    send({ kind: 'counterparts', id: 1, passage: visitPassage });
    await settled(1);
    expect(log.at(-1)).toEqual(answerOfFindCounterparts(await loadRelatedWords()));
    const progress = log.filter((m) => m.kind === 'progress');
    const total = 2 * (sentencesOf(nt).length + sentencesOf(bi).length);
    expect(progress.at(-1)).toEqual({ kind: 'progress', id: 1, done: total, total });
    expect(progress.length).toBeGreaterThan(total / 2);
  });

  it('without the related-word table, answers on shared stems and says so', async () => {
    const { log, send, settled } = engineWithLog(() =>
      Promise.reject(new Error('The related-word table could not be loaded (HTTP 404).')),
    );
    send({ kind: 'counterparts', id: 1, passage: visitPassage });
    await settled(1);
    expect(log.at(-1)).toEqual(answerOfFindCounterparts(null));
  });

  it('stops a cancelled request between sentences, and the next on the pair goes on from there', async () => {
    const { log, send, settled } = engineWithLog();
    send({ kind: 'counterparts', id: 1, passage: visitPassage });
    // Let it work a few slices, then cancel it and ask about another passage of the pair.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    const before = log.filter((m) => m.kind === 'progress' && m.id === 1).at(-1);
    expect(before?.kind === 'progress' && before.done).toBeGreaterThan(0);
    send({ kind: 'cancel', id: 1 }, { kind: 'counterparts', id: 2, passage: lavrovPassage });
    await settled(1);
    expect(log.filter((m) => m.id === 1 && m.kind !== 'progress')).toEqual([]);
    const first = log.find((m) => m.kind === 'progress' && m.id === 2);
    // It resumed the first request's work: no step of it was done twice.
    expect(first?.kind === 'progress' && before?.kind === 'progress' && first.done).toBe(
      before?.kind === 'progress' ? before.done + 1 : -1,
    );
    expect(log.at(-1)).toMatchObject({ kind: 'counterparts', id: 2, counterparts: [] });
  });

  it('answers a coverage list in order, as each passage alone', async () => {
    const { log, send, settled } = engineWithLog();
    send(
      { kind: 'counterparts', id: 1, passage: visitPassage },
      { kind: 'counterparts', id: 2, passage: lavrovPassage },
      { kind: 'coverage', id: 3, passages: [lavrovPassage, visitPassage] },
    );
    await settled(3);
    const answer = (id: number) => log.find((m) => m.id === id && m.kind !== 'progress');
    const one = answer(1);
    const two = answer(2);
    if (one?.kind !== 'counterparts' || two?.kind !== 'counterparts') throw new Error('no answer');
    expect(one.counterparts.length).toBeGreaterThan(0);
    expect(answer(3)).toEqual({
      kind: 'coverage',
      id: 3,
      counterparts: [two.counterparts, one.counterparts],
      relatedWords: true,
    });
    // Prepared once: the second and third requests had nothing to report progress on.
    expect(log.filter((m) => m.kind === 'progress' && m.id !== 1)).toEqual([]);
  });

  it('prepares a pair ahead, saying nothing, and a request then needs no preparing', async () => {
    const { log, send, settled } = engineWithLog();
    send({ kind: 'prepare', source: 'nt@1', other: 'bi@1' });
    // The preparation runs to its end on its own, with no message at all.
    for (let i = 0; i < 1000; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual([]);
    send({ kind: 'counterparts', id: 1, passage: visitPassage });
    await settled(1);
    expect(log.filter((m) => m.kind === 'progress')).toEqual([]);
    expect(log.at(-1)).toMatchObject({ kind: 'counterparts', id: 1 });
  });

  it('puts a preparation aside for a request, keeping its work', async () => {
    const { log, send, settled } = engineWithLog();
    send({ kind: 'prepare', source: 'nt@1', other: 'bi@1' });
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    send({ kind: 'counterparts', id: 1, passage: lavrovPassage });
    await settled(1);
    const total = 2 * (sentencesOf(nt).length + sentencesOf(bi).length);
    const first = log.find((m) => m.kind === 'progress');
    // The request went on from where the preparation stopped, not from the start.
    expect(first?.kind === 'progress' && first.done).toBeGreaterThan(0);
    expect(first?.kind === 'progress' && first.done).toBeLessThan(total);
    expect(log.at(-1)).toMatchObject({ kind: 'counterparts', id: 1, counterparts: [] });
  });

  it('fails a request naming an article it was not sent, and one it had to let go', async () => {
    const { log, send, settled } = engineWithLog();
    send({
      kind: 'counterparts',
      id: 1,
      passage: { ...visitPassage, other: 'own-unknown@2' },
    });
    for (const key of ['x@1', 'y@1', 'z@1']) {
      send({ kind: 'article', article: articleMessage(key, bi) });
    }
    // Four articles kept: bi@1 and nt@1 fell out for y@1 and z@1.
    send({ kind: 'counterparts', id: 2, passage: visitPassage });
    await settled(2);
    const failures = log.filter((m) => m.kind === 'failed').map((m) => m.id);
    expect(failures).toEqual([1, 2]);
    expect(log.find((m) => m.kind === 'failed')).toMatchObject({
      message: 'The comparer no longer holds one of the articles.',
    });
  });
});
