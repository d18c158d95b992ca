import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../claims/claim.ts';
import { createSchemaChecker } from './test-data/json-schema-check.ts';
import { businessInsider, newstalk } from '../test-fixtures/seed-articles.ts';
import { biText, ntText } from '../test-fixtures/seed-articles.ts';
import { claimOn, seedArticleMap } from '../test-fixtures/seed-claims.ts';
import {
  ANNOTATION_CONTEXT,
  annotationIdFor,
  toWebAnnotationCollection,
} from './web-annotation-export.ts';

const articles = seedArticleMap;
const GENERATED = '2025-11-23T10:00:00.000Z';

const disputed = claimOn(newstalk, ntText, 'abundant evidence', {
  id: '3f1c2a4e-8b7d-4c61-9a0e-5d2b7c9e1f04',
  status: 'disputed',
  note: 'Which elections? The article names four countries but cites no source.',
  evidence: ['https://example.org/report', 'http://example.com/a?b=c#d'],
});
const confirmed = claimOn(
  businessInsider,
  biText,
  'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.',
  { id: 'b7e0d1a2-5c3f-4e8a-9d16-0a4b2c8e7f31', status: 'confirmed' },
);
const open = claimOn(newstalk, ntText, 'insulting statements.\n\nMr Johnson was in Moscow', {
  id: 'legacy-claim/1',
  status: 'open',
  note: '   ',
});
const orphanArticle: Claim = {
  ...disputed,
  id: 'c0ffee00-0000-4000-8000-000000000001',
  target: { ...disputed.target, articleId: 'gone-article' },
};

const schemaDir = resolve(import.meta.dirname, 'test-data/w3c');
const checkSchema = createSchemaChecker(
  new Map(
    ['annotations', 'bodyTarget', 'choiceSet', 'id', 'otherProperties', 'specificResource'].map(
      (name) => [
        `${name}.json`,
        JSON.parse(readFileSync(resolve(schemaDir, `${name}.json.txt`), 'utf8')) as unknown,
      ],
    ),
  ),
);

/** Every issue of `value` against each of the given W3C definitions. */
function issues(value: unknown, ...refs: string[]): string[] {
  return refs.flatMap((ref) =>
    checkSchema(ref, value).map((issue) => `${ref} ${issue.path} ${issue.message}`),
  );
}

/** Reads an exported value as plain JSON, as a consumer of the file would. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

type JsonRecord = Record<string, unknown>;

function record(value: unknown): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  }
  return value as JsonRecord;
}

function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`expected a list, got ${JSON.stringify(value)}`);
  return value;
}

const exported = asJson(
  toWebAnnotationCollection([disputed, confirmed, open, orphanArticle], articles, {
    generated: GENERATED,
    appUrl: 'https://reader.example/',
  }),
);
const collection = record(exported);
const items = list(record(collection.first).items).map(record);

describe('toWebAnnotationCollection', () => {
  it('makes an AnnotationCollection with every claim on its embedded first page', () => {
    expect(collection['@context']).toEqual([
      ANNOTATION_CONTEXT,
      { fcr: 'urn:fact-check-reader:ns:', assessing: 'http://www.w3.org/ns/oa#assessing' },
    ]);
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 4 });
    expect(typeof collection.label).toBe('string');
    expect(record(collection.first)).toMatchObject({ type: 'AnnotationPage', startIndex: 0 });
    expect(items).toHaveLength(4);
  });

  it('exports a disputed claim with its status, note, evidence and both selectors', () => {
    expect(items[0]).toEqual({
      id: 'urn:uuid:3f1c2a4e-8b7d-4c61-9a0e-5d2b7c9e1f04',
      type: 'Annotation',
      motivation: 'assessing',
      created: '2025-11-23T09:15:00.000Z',
      modified: '2025-11-23T09:20:00.000Z',
      generated: GENERATED,
      generator: {
        type: 'Software',
        name: 'Fact-check reader',
        homepage: 'https://reader.example/',
      },
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'disputed' },
        {
          type: 'TextualBody',
          purpose: 'commenting',
          value: 'Which elections? The article names four countries but cites no source.',
          format: 'text/plain',
        },
        { type: 'SpecificResource', purpose: 'linking', source: 'https://example.org/report' },
        { type: 'SpecificResource', purpose: 'linking', source: 'http://example.com/a?b=c#d' },
      ],
      target: {
        type: 'SpecificResource',
        source: newstalk.url,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'abundant evidence',
            prefix: disputed.target.quote.prefix,
            suffix: disputed.target.quote.suffix,
          },
          {
            type: 'TextPositionSelector',
            start: disputed.target.position.start,
            end: disputed.target.position.end,
          },
        ],
        'fcr:articleId': newstalk.id,
        'fcr:textHash': disputed.target.textHash,
      },
    });
    expect(disputed.target.quote.prefix).toBe('\nMr Johnson insisted there was "');
  });

  it('leaves out an empty or blank note and gives a non-UUID id a urn of its own', () => {
    expect(items[1]?.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'confirmed' },
    ]);
    expect(items[2]?.body).toEqual([{ type: 'TextualBody', purpose: 'tagging', value: 'open' }]);
    expect(items[2]?.id).toBe('urn:fact-check-reader:claim:legacy-claim%2F1');
    expect(annotationIdFor('legacy-claim/1')).toBe(items[2]?.id);
  });

  it('still exports a claim whose article is unknown, with a urn as its source', () => {
    expect(record(items[3]?.target)).toMatchObject({
      source: 'urn:fact-check-reader:article:gone-article',
      'fcr:articleId': 'gone-article',
    });
  });

  it('omits the generator when no app address is given', () => {
    const plain = record(
      list(
        record(toWebAnnotationCollection([confirmed], articles, { generated: GENERATED }).first)
          .items,
      )[0],
    );
    expect(plain.generator).toBeUndefined();
  });

  it('exports an empty collection when there are no claims', () => {
    expect(toWebAnnotationCollection([], articles, { generated: GENERATED })).toMatchObject({
      total: 0,
      first: { items: [] },
    });
  });
});

describe('the export against the W3C Web Annotation test-suite schemas', () => {
  const selectorRefs = {
    TextQuoteSelector: 'specificResource.json#/definitions/textQuoteSelectorDetected',
    TextPositionSelector: 'specificResource.json#/definitions/textPositionSelectorDetected',
  } as const;

  it('has valid TextQuoteSelectors and TextPositionSelectors', () => {
    let checked = 0;
    for (const item of items) {
      for (const selector of list(record(item.target).selector).map(record)) {
        const type = selector.type as keyof typeof selectorRefs;
        expect(issues(selector, selectorRefs[type])).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBe(8);
  });

  it('rejects a deliberately broken selector, so the checker is not vacuous', () => {
    expect(
      issues(
        { type: 'TextPositionSelector', start: -1, end: 2.5 },
        selectorRefs.TextPositionSelector,
      ),
    ).toEqual([
      `${selectorRefs.TextPositionSelector} /start must be ≥ 0`,
      `${selectorRefs.TextPositionSelector} /end expected type integer, got number`,
    ]);
    expect(
      issues({ type: 'TextQuoteSelector', prefix: 'no exact' }, selectorRefs.TextQuoteSelector),
    ).toEqual([`${selectorRefs.TextQuoteSelector}  missing required property "exact"`]);
    expect(
      issues(
        {
          type: 'SpecificResource',
          source: newstalk.url,
          selector: [{ type: 'TextQuoteSelector' }],
        },
        'specificResource.json#/definitions/selectorDetected',
      ),
    ).not.toEqual([]);
    expect(
      issues(
        { type: 'Annotation', motivation: 'shouting' },
        'annotations.json#/definitions/motivationRecognizedIfPresent',
      ),
    ).not.toEqual([]);
  });

  it('has targets that are valid Specific Resources with a selector', () => {
    for (const item of items) {
      expect(
        issues(
          item.target,
          'bodyTarget.json#/definitions/targetResourcesFound',
          'specificResource.json#/definitions/specificeResourceDetected',
          'specificResource.json#/definitions/selectorDetected',
          'bodyTarget.json#/definitions/optionalTargetPropertiesMust',
        ),
      ).toEqual([]);
    }
  });

  it('has bodies that are valid Textual Bodies and Specific Resources with recognised purposes', () => {
    let checked = 0;
    for (const item of items) {
      for (const body of list(item.body)) {
        expect(
          issues(
            body,
            'bodyTarget.json#/definitions/bodyResourcesFound',
            'bodyTarget.json#/definitions/optionalBodyPropertiesMust',
            'bodyTarget.json#/definitions/optionalBodyPurposePropertyShould',
            'otherProperties.json#/definitions/purposePropertyFound',
            'bodyTarget.json#/definitions/formatValidIfPresent',
          ),
        ).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBe(4 + 1 + 1 + 4);
  });

  it('has annotations with the Annotation type, a known motivation and single timestamps', () => {
    for (const item of items) {
      expect(
        issues(
          item,
          'annotations.json#/definitions/annotationTypeValueFound',
          'annotations.json#/definitions/singleMotivationPropertyFound',
          'otherProperties.json#/definitions/createdPropertyFound',
          'otherProperties.json#/definitions/modifiedPropertyFound',
          'otherProperties.json#/definitions/generatedPropertyFound',
          'otherProperties.json#/definitions/generatorPropertyFound',
          'otherProperties.json#/definitions/rightsValidIfPresent',
          'otherProperties.json#/definitions/canonicalValidIfPresent',
          'otherProperties.json#/definitions/viaValidIfPresent',
          'annotations.json#/definitions/bodyValueValidIfPresent',
        ),
      ).toEqual([]);
      // Section 3.1: every annotation has an id, a body or bodyValue, and a target.
      expect(item).toHaveProperty('id');
      expect(item).toHaveProperty('body');
      expect(item).toHaveProperty('target');
    }
  });

  it('declares the Web Annotation context (with the fcr prefix) on the collection', () => {
    expect(
      issues(collection['@context'], 'annotations.json#/definitions/contextValueInArrayFound'),
    ).toEqual([]);
  });
});
