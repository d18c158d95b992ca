import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../claims/claim.ts';
import { parseClaim } from '../claims/claim-schema.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';
import { biText, ntText } from '../test-fixtures/seed-articles.ts';
import { claimOn, seedArticleMap } from '../test-fixtures/seed-claims.ts';
import { targetFor } from '../anchoring/text-selectors.ts';
import { toWebAnnotationCollection } from './web-annotation-export.ts';
import { comparableUrl } from './annotation-document.ts';
import {
  MAX_IMPORTED_NOTE_LENGTH,
  planImport,
  type ImportPlan,
  type ImportableArticle,
} from './web-annotation-import.ts';

const importable = new Map<string, ImportableArticle>([
  [newstalk.id, { article: newstalk, text: ntText }],
  [businessInsider.id, { article: businessInsider, text: biText }],
]);
const articleMap = seedArticleMap;
const NOW = '2025-12-01T12:00:00.000Z';
const GENERATED = '2025-11-30T08:00:00.000Z';

const claims: Claim[] = [
  claimOn(newstalk, ntText, 'abundant evidence', {
    id: '3f1c2a4e-8b7d-4c61-9a0e-5d2b7c9e1f04',
    status: 'disputed',
    note: 'Names four countries, cites nothing.\n\n**x** [y](javascript:alert(1)) <script>',
    evidence: ['https://example.org/report', 'http://example.com/a?b=c#d'],
  }),
  claimOn(
    businessInsider,
    biText,
    'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.',
    { id: 'b7e0d1a2-5c3f-4e8a-9d16-0a4b2c8e7f31', status: 'confirmed' },
  ),
  claimOn(newstalk, ntText, 'insulting statements.\n\nMr Johnson was in Moscow', {
    id: 'legacy-claim/1',
    status: 'open',
  }),
  // A short quote that occurs more than once: position and context pick the right one.
  claimOn(businessInsider, biText, 'Johnson', {
    id: 'd2b7c9e1-0a4b-4c8e-8f31-5c3f4e8a9d16',
    status: 'disputed',
    nth: 3,
  }),
];

function exportText(list: readonly Claim[]): string {
  return JSON.stringify(toWebAnnotationCollection(list, articleMap, { generated: GENERATED }));
}

function okPlan(plan: ImportPlan): Extract<ImportPlan, { ok: true }> {
  if (!plan.ok) throw new Error(`expected a plan, got error: ${plan.error}`);
  return plan;
}

/** A minimal Hypothesis-style annotation on the Newstalk page. */
function hypothesis(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'hyp-Xa1b2C3',
    created: '2024-05-01T10:00:00.123456+00:00',
    updated: '2024-05-02T10:00:00.123456+00:00',
    uri: 'http://newstalk.com/Boris-Johnson-and-Sergei-Lavrov-clash-during-Moscow-news-conference/',
    text: 'See the Mueller report.',
    tags: ['Disputed', 'russia'],
    target: [
      {
        source:
          'https://newstalk.com/Boris-Johnson-and-Sergei-Lavrov-clash-during-Moscow-news-conference?utm_source=x#top',
        selector: [
          {
            type: 'RangeSelector',
            startContainer: '/div[1]/p[4]',
            startOffset: 0,
            endContainer: '/div[1]/p[4]',
            endOffset: 10,
          },
          { type: 'TextPositionSelector', start: 9999, end: 10016 },
          {
            type: 'TextQuoteSelector',
            exact: 'abundant evidence',
            // Hypothesis saves 32 characters of context, from the page's DOM text.
            prefix: ' Mr Johnson insisted there was "',
            suffix: '" that Russia had attempted to i',
          },
        ],
      },
    ],
    ...overrides,
  };
}

describe('planImport round trip', () => {
  it('restores every exported claim into an empty store: ids, statuses, notes, evidence, ranges', () => {
    const plan = okPlan(planImport(exportText(claims), {}, importable, NOW));
    expect(plan.summary).toEqual({
      imported: 4,
      alreadyPresent: 0,
      repeatedInFile: 0,
      notAnchored: [],
      invalid: [],
    });
    expect(plan.toAdd).toEqual(claims);
  });

  it('counts everything as already present when imported again', () => {
    const existing = Object.fromEntries(claims.map((c) => [c.id, c]));
    const plan = okPlan(planImport(exportText(claims), existing, importable, NOW));
    expect(plan.toAdd).toEqual([]);
    expect(plan.summary.alreadyPresent).toBe(4);
  });

  it('treats a claim on the same range with the same status under another id as present', () => {
    const first = claims[0];
    if (!first) throw new Error('no claim');
    const existing = { other: { ...first, id: 'other' } };
    const plan = okPlan(planImport(exportText([first]), existing, importable, NOW));
    expect(plan.summary).toMatchObject({ imported: 0, alreadyPresent: 1 });
    const changedStatus = { other: { ...first, id: 'other', status: 'open' as const } };
    expect(
      okPlan(planImport(exportText([first]), changedStatus, importable, NOW)).summary.imported,
    ).toBe(1);
  });

  it('re-anchors to the current text when the article changed since the export', () => {
    const edited = `Breaking update.\n\n${ntText}`;
    const articles = new Map([[newstalk.id, { article: newstalk, text: edited }]]);
    const first = claims[0];
    if (!first) throw new Error('no claim');
    const [claim] = okPlan(planImport(exportText([first]), {}, articles, NOW)).toAdd;
    expect(claim?.target).toEqual(
      targetFor(newstalk.id, edited, {
        start: first.target.position.start + 18,
        end: first.target.position.end + 18,
      }),
    );
  });

  it('accepts the items at the top level, a bare list and a single annotation', () => {
    const collection = JSON.parse(exportText(claims)) as { first: { items: unknown[] } };
    const annotations = collection.first.items;
    for (const input of [
      { type: 'AnnotationCollection', items: annotations },
      annotations,
      annotations[1],
    ]) {
      const plan = okPlan(planImport(JSON.stringify(input), {}, importable, NOW));
      expect(plan.summary.invalid).toEqual([]);
      expect(plan.toAdd.length).toBeGreaterThan(0);
    }
  });

  it('lists an annotation on an unknown article as not anchored', () => {
    const gone = { ...claims[1], target: { ...claims[1]?.target, articleId: 'gone' } } as Claim;
    const plan = okPlan(planImport(exportText([gone]), {}, importable, NOW));
    expect(plan.toAdd).toEqual([]);
    expect(plan.summary.notAnchored).toEqual([
      {
        quote: 'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.',
        reason: 'The annotated page is not one of the articles in this reader.',
      },
    ]);
  });

  it('lists a quote that is no longer in the text as not anchored, with the matcher’s reason', () => {
    const text = ntText.replace('abundant evidence', 'some hints');
    const articles = new Map([[newstalk.id, { article: newstalk, text }]]);
    const plan = okPlan(planImport(exportText(claims.slice(0, 1)), {}, articles, NOW));
    expect(plan.summary.notAnchored).toHaveLength(1);
    expect(plan.summary.notAnchored[0]?.quote).toBe('abundant evidence');
    expect(plan.summary.notAnchored[0]?.reason).toMatch(/\S/);
  });
});

describe('planImport of other tools’ annotations', () => {
  it('imports a Hypothesis annotation: URL variants, tags, text, stale offsets', () => {
    const plan = okPlan(
      planImport(JSON.stringify({ total: 1, rows: [hypothesis()] }), {}, importable, NOW),
    );
    expect(plan.summary.invalid).toEqual([]);
    const [claim] = plan.toAdd;
    const start = ntText.indexOf('abundant evidence');
    expect(claim).toMatchObject({
      status: 'disputed',
      note: 'See the Mueller report.',
      evidence: [],
      createdAt: '2024-05-01T10:00:00.123456+00:00',
      updatedAt: '2024-05-02T10:00:00.123456+00:00',
      target: { articleId: newstalk.id, position: { start, end: start + 17 } },
    });
    expect(claim?.id).toMatch(/^imported-[0-9a-f]{16}$/);
    // The same annotation always gets the same id, so a second import finds it present.
    const again = okPlan(planImport(JSON.stringify([hypothesis()]), {}, importable, NOW));
    expect(again.toAdd[0]?.id).toBe(claim?.id);
  });

  it('reads bodies as a string, an object or a list, and selectors inside refinedBy', () => {
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:0a4b2c8e-7f31-4e8a-9d16-b7e0d1a25c3f',
      type: 'Annotation',
      body: [
        'https://example.org/evidence',
        { type: 'TextualBody', purpose: 'tagging', value: ' CONFIRMED ' },
        { type: 'TextualBody', purpose: 'tagging', value: 'disputed' },
        { type: 'TextualBody', value: '<b>bold</b> stays as typed' },
        { type: 'SpecificResource', purpose: 'linking', source: 'javascript:alert(1)' },
        { type: 'SpecificResource', purpose: 'linking', source: { id: 'https://example.org/two' } },
      ],
      target: {
        source: businessInsider.url,
        selector: {
          type: 'FragmentSelector',
          value: 'main',
          refinedBy: { type: 'TextQuoteSelector', exact: 'Johnson: Not successfully!' },
        },
      },
    };
    const [claim] = okPlan(planImport(JSON.stringify(annotation), {}, importable, NOW)).toAdd;
    expect(claim).toMatchObject({
      id: '0a4b2c8e-7f31-4e8a-9d16-b7e0d1a25c3f',
      status: 'confirmed',
      note: '<b>bold</b> stays as typed',
      evidence: ['https://example.org/evidence', 'https://example.org/two'],
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(biText.slice(claim?.target.position.start, claim?.target.position.end)).toBe(
      'Johnson: Not successfully!',
    );
    const single = { ...annotation, body: 'https://example.org/only' };
    expect(okPlan(planImport(JSON.stringify(single), {}, importable, NOW)).toAdd[0]).toMatchObject({
      status: 'open',
      evidence: ['https://example.org/only'],
    });
  });

  it('maps "false" to disputed, keeps every other tag and the author as reviewer', () => {
    const row = hypothesis({
      tags: ['false', 'needs-source', 'Russia', 'russia', ' '],
      user: 'acct:fact_checker_7@hypothes.is',
      user_info: { display_name: 'Aoife Byrne' },
    });
    const [claim] = okPlan(planImport(JSON.stringify({ rows: [row] }), {}, importable, NOW)).toAdd;
    expect(claim).toMatchObject({
      status: 'disputed',
      tags: ['false', 'needs-source', 'Russia'],
      reviewer: 'Aoife Byrne',
    });
    const accurate = hypothesis({ id: 'hyp-2', tags: ['accurate'], user: 'acct:kb@hypothes.is' });
    expect(
      okPlan(planImport(JSON.stringify([accurate]), {}, importable, NOW)).toAdd[0],
    ).toMatchObject({ status: 'confirmed', tags: ['accurate'], reviewer: 'kb' });
    const misleading = hypothesis({ id: 'hyp-3', tags: ['Misleading'] });
    expect(
      okPlan(planImport(JSON.stringify([misleading]), {}, importable, NOW)).toAdd[0]?.status,
    ).toBe('disputed');
    const truthy = hypothesis({ id: 'hyp-4', tags: ['true'] });
    expect(okPlan(planImport(JSON.stringify([truthy]), {}, importable, NOW)).toAdd[0]?.status).toBe(
      'confirmed',
    );
  });

  it('imports ids named like Object.prototype members as three new claims', () => {
    const first = claims[0];
    if (!first) throw new Error('no claim');
    const odd = ['constructor', 'toString', '__proto__'].map((id) => ({ ...first, id }));
    const text = exportText(odd);
    expect(text).toContain('"urn:fact-check-reader:claim:__proto__"');
    const plan = okPlan(planImport(text, {}, importable, NOW));
    expect(plan.summary).toMatchObject({ imported: 3, alreadyPresent: 0, repeatedInFile: 0 });
    expect(plan.toAdd.map((c) => c.id)).toEqual(['constructor', 'toString', '__proto__']);
    const existing = Object.fromEntries(plan.toAdd.map((c) => [c.id, c]));
    expect(Object.keys(existing)).toEqual(['constructor', 'toString', '__proto__']);
    expect(okPlan(planImport(text, existing, importable, NOW)).summary.alreadyPresent).toBe(3);
  });

  it('counts repeats within the file apart from claims already saved', () => {
    const [first, second] = claims;
    if (!first || !second) throw new Error('no claims');
    const text = JSON.stringify([
      ...toWebAnnotationCollection([first, first, second], articleMap, { generated: GENERATED })
        .first.items,
    ]);
    const plan = okPlan(planImport(text, { [second.id]: second }, importable, NOW));
    expect(plan.summary).toMatchObject({ imported: 1, alreadyPresent: 1, repeatedInFile: 1 });
  });

  it('reports progress from 0 to the total', () => {
    const many = Array.from({ length: 600 }, (_, i) => hypothesis({ id: `hyp-${i}` }));
    const reports: [number, number][] = [];
    const plan = okPlan(
      planImport(JSON.stringify(many), {}, importable, NOW, {
        onProgress: (done, total) => reports.push([done, total]),
      }),
    );
    expect(plan.summary.imported).toBe(600);
    expect(reports).toEqual([
      [0, 600],
      [250, 600],
      [500, 600],
      [600, 600],
    ]);
  });

  it('caps a very long note', () => {
    const plan = okPlan(
      planImport(JSON.stringify(hypothesis({ text: 'x'.repeat(20_000) })), {}, importable, NOW),
    );
    expect(plan.toAdd[0]?.note).toHaveLength(MAX_IMPORTED_NOTE_LENGTH);
  });

  it('reports annotations without a quote, non-objects and other types as invalid, by index', () => {
    const plan = okPlan(
      planImport(
        JSON.stringify([
          42,
          { type: 'Annotation', target: newstalk.url },
          { type: 'Person', target: { source: newstalk.url } },
          hypothesis({ target: [{ selector: [{ type: 'TextQuoteSelector', exact: '   ' }] }] }),
        ]),
        {},
        importable,
        NOW,
      ),
    );
    expect(plan.summary.invalid.map((i) => i.index)).toEqual([0, 1, 2, 3]);
    for (const { reason } of plan.summary.invalid) expect(reason).toMatch(/\S/);
  });
});

describe('planImport of unreadable files', () => {
  it('rejects a file over 5 MB', () => {
    const plan = planImport(`[${' '.repeat(5 * 1024 * 1024)}]`, {}, importable, NOW);
    expect(plan).toEqual({
      ok: false,
      error: 'The file is larger than 5 MB, too large to import.',
    });
  });

  it('gives clear errors for empty, malformed and unrelated JSON', () => {
    expect(planImport('  ', {}, importable, NOW)).toEqual({
      ok: false,
      error: 'The file is empty.',
    });
    const broken = planImport('{"type": "AnnotationCollection",', {}, importable, NOW);
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toMatch(/^The file is not valid JSON/);
    expect(planImport('"hello"', {}, importable, NOW).ok).toBe(false);
    expect(planImport('{"name": "package"}', {}, importable, NOW).ok).toBe(false);
    expect(
      planImport(
        '{"type": "AnnotationCollection", "first": "https://x/page1"}',
        {},
        importable,
        NOW,
      ).ok,
    ).toBe(false);
  });

  it('ignores __proto__ keys and pollutes no prototype', () => {
    const input = `{"__proto__": {"polluted": true}, "items": [{"__proto__": {"polluted": true}, "target": {"source": "${newstalk.url}", "selector": {"type": "TextQuoteSelector", "exact": "abundant evidence", "__proto__": {"exact": "x"}}}}]}`;
    const plan = okPlan(planImport(input, {}, importable, NOW));
    expect(plan.toAdd).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('comparableUrl', () => {
  it('ignores protocol, www., trailing slash, query and hash, but keeps path case', () => {
    expect(comparableUrl('https://www.Newstalk.com/Path/?q=1#h')).toBe('newstalk.com/Path');
    expect(comparableUrl('http://newstalk.com/Path')).toBe('newstalk.com/Path');
    expect(comparableUrl('https://newstalk.com/path')).not.toBe(
      comparableUrl('https://newstalk.com/Path'),
    );
  });
});

/** Every claim to add is valid and quotes the current text exactly; every problem has a reason. */
function expectSound(plan: ImportPlan): void {
  if (!plan.ok) {
    expect(plan.error).toMatch(/\S/);
    return;
  }
  for (const claim of plan.toAdd) {
    expect(parseClaim(claim).ok).toBe(true);
    const text = importable.get(claim.target.articleId)?.text ?? '';
    expect(text.slice(claim.target.position.start, claim.target.position.end)).toBe(
      claim.target.quote.exact,
    );
  }
  expect(plan.summary.imported).toBe(plan.toAdd.length);
  for (const entry of [...plan.summary.notAnchored, ...plan.summary.invalid]) {
    expect(entry.reason).toMatch(/\S/);
  }
}

const validExport = JSON.parse(exportText(claims)) as unknown;

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], into: Path[] = []): Path[] {
  into.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], into));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], into);
  }
  return into;
}

/** A copy of `value` with the node at `path` replaced (or deleted when `replacement` is undefined). */
function mutate(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === 'number') {
    const copy = [...value];
    if (rest.length === 0 && replacement === undefined) copy.splice(head, 1);
    else copy[head] = mutate(copy[head], rest, replacement);
    return copy;
  }
  if (typeof value === 'object' && value !== null && typeof head === 'string') {
    const entries = Object.entries(value);
    if (rest.length === 0 && replacement === undefined) {
      return Object.fromEntries(entries.filter(([key]) => key !== head));
    }
    return Object.fromEntries(
      entries.map(([key, item]) => [key, key === head ? mutate(item, rest, replacement) : item]),
    );
  }
  return value;
}

const allPaths = pathsOf(validExport);

describe('planImport properties', () => {
  it('never throws on random JSON, and what it returns is sound', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectSound(planImport(JSON.stringify(value) ?? 'null', {}, importable, NOW));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expectSound(planImport(text, {}, importable, NOW));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated exports, and accounts for every annotation', () => {
    const itemPaths = allPaths.filter((p) => p[0] === 'first' && p[1] === 'items' && p.length > 3);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...itemPaths),
            fc.oneof(
              fc.constant(undefined),
              fc.jsonValue({ maxDepth: 2 }),
              fc.integer({ min: -5, max: 20_000 }),
              fc.string(),
              fc.constantFrom(
                'TextQuoteSelector',
                'TextPositionSelector',
                'tagging',
                'disputed',
                '',
              ),
            ),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (mutations) => {
          let document = validExport;
          for (const [path, replacement] of mutations)
            document = mutate(document, path, replacement);
          const plan = planImport(JSON.stringify(document), {}, importable, NOW);
          expectSound(plan);
          const ok = okPlan(plan);
          const { imported, alreadyPresent, repeatedInFile, notAnchored, invalid } = ok.summary;
          expect(
            imported + alreadyPresent + repeatedInFile + notAnchored.length + invalid.length,
          ).toBe(claims.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
