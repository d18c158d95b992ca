import { beforeAll, describe, expect, it } from 'vitest';
import { findCounterparts } from '../../core/compare/counterparts.ts';
import { loadRelatedWords, type RelatedWords } from '../../core/compare/related-words.ts';
import {
  biArticleText as bi,
  ntArticleText as nt,
} from '../../core/test-fixtures/seed-articles.ts';
import {
  articleFromMessage,
  articleMessage,
  counterpartMessage,
  idOf,
  KEPT_ARTICLES,
  keepArticle,
  parseRequest,
  parseResponse,
} from './counterpart-messages.ts';

let words: RelatedWords;
beforeAll(async () => {
  words = await loadRelatedWords();
});

const visit =
  'when he travelled to Moscow for the first visit by a Foreign Secretary for five years.';
const visitAt = nt.text.indexOf(visit);

describe('requests', () => {
  it('carries an article whole: the worker rebuilds the same canonical text and blocks', () => {
    const parsed = parseRequest({ kind: 'article', article: articleMessage('nt@h', nt) });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.value.kind !== 'article') throw new Error('not an article');
    expect(articleFromMessage(parsed.value.article)).toEqual(nt);
  });

  it('reads a passage, a coverage list and a cancel', () => {
    const passage = { source: 'nt@h', other: 'bi@h', range: { start: visitAt, end: visitAt + 5 } };
    expect(parseRequest({ kind: 'counterparts', id: 3, passage }).ok).toBe(true);
    expect(parseRequest({ kind: 'coverage', id: 4, passages: [passage, passage] }).ok).toBe(true);
    expect(parseRequest({ kind: 'cancel', id: 3 })).toEqual({
      ok: true,
      value: { kind: 'cancel', id: 3 },
    });
  });

  it('refuses what it cannot act on, saying where', () => {
    const passage = { source: 'nt@h', other: 'bi@h', range: { start: 9, end: 4 } };
    expect(parseRequest({ kind: 'counterparts', id: 1, passage })).toEqual({
      ok: false,
      reason: 'passage.range: a range must not end before it starts',
    });
    const article = articleMessage('nt@h', nt);
    const beyond = { ...article, text: article.text.slice(0, 100) };
    expect(parseRequest({ kind: 'article', article: beyond })).toMatchObject({
      ok: false,
      reason: 'article: blocks must lie in the text, in order',
    });
    expect(parseRequest({ kind: 'cancel', id: -1 }).ok).toBe(false);
    expect(parseRequest({ kind: 'cancel', id: 1, extra: true }).ok).toBe(false);
    expect(parseRequest({ kind: 'compare-everything' }).ok).toBe(false);
    expect(parseRequest('cancel').ok).toBe(false);
  });

  it('tells the id of a message it cannot read, when it has one', () => {
    expect(idOf({ kind: 'counterparts', id: 7, passage: null })).toBe(7);
    expect(idOf({ kind: 'counterparts', id: '7' })).toBeNull();
    expect(idOf(null)).toBeNull();
    expect(idOf(Object.create({ id: 7 }))).toBeNull();
  });
});

describe('responses', () => {
  it('carries real counterparts, reasons and all, unchanged', () => {
    const found = findCounterparts(
      { article: nt, range: { start: visitAt, end: visitAt + visit.length } },
      bi,
      words,
    );
    expect(found.length).toBeGreaterThan(0);
    const message = {
      kind: 'counterparts',
      id: 2,
      counterparts: found.map(counterpartMessage),
      relatedWords: true,
    };
    const parsed = parseResponse(structuredClone(message));
    expect(parsed).toEqual({ ok: true, value: message });
    if (parsed.ok && parsed.value.kind === 'counterparts') {
      expect(parsed.value.counterparts).toEqual(found);
    }
  });

  it('refuses an answer the page could not show', () => {
    const counterpart = { start: 5, end: 9, score: 0.5, reasons: [] };
    const coverage = { kind: 'coverage', id: 2, counterparts: [[counterpart]], relatedWords: true };
    expect(parseResponse(coverage).ok).toBe(true);
    // From a copy of the worker that does not say whether it had related words.
    expect(parseResponse({ ...coverage, relatedWords: undefined }).ok).toBe(false);
    const unknownReason = {
      ...counterpart,
      reasons: [{ kind: 'vibes', terms: [], weight: 0.5, explain: 'Feels alike' }],
    };
    const answer = { kind: 'counterparts', id: 2, relatedWords: true };
    expect(parseResponse({ ...answer, counterparts: [unknownReason] }).ok).toBe(false);
    expect(parseResponse({ ...answer, counterparts: [{ ...counterpart, end: 1 }] })).toMatchObject({
      ok: false,
    });
    expect(parseResponse({ kind: 'progress', id: 2, done: 0.5, total: 3 }).ok).toBe(false);
    expect(parseResponse({ kind: 'refused', id: null, reason: 'kind: Invalid type' }).ok).toBe(
      true,
    );
  });
});

describe('keepArticle', () => {
  it('keeps the most recently used, letting the oldest go', () => {
    const kept: string[] = [];
    const fell = ['a', 'b', 'c', 'd', 'a', 'e', 'f'].map((key) => keepArticle(kept, key));
    expect(KEPT_ARTICLES).toBe(4);
    expect(fell).toEqual([null, null, null, null, null, 'b', 'c']);
    expect(kept).toEqual(['d', 'a', 'e', 'f']);
  });
});
