import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import jsonld, { type JsonLdDocument } from 'jsonld';
import type { JsonLdObj, RemoteDocument } from 'jsonld/jsonld-spec';
import { describe, expect, it } from 'vitest';
import { biText, businessInsider, newstalk, ntText } from '../test-fixtures/seed-articles.ts';
import { claimOn, seedArticleMap } from '../test-fixtures/seed-claims.ts';
import { jsonLdText } from './json-ld-text.ts';
import { ANNOTATION_CONTEXT, toWebAnnotationCollection } from './web-annotation-export.ts';

// The W3C context as published (test-data/w3c/anno.jsonld.txt), served locally: no network.
function jsonObject(text: string): JsonLdObj {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('expected a JSON object');
  }
  return value as JsonLdObj;
}

const annoContext = jsonObject(
  readFileSync(resolve(import.meta.dirname, 'test-data/w3c/anno.jsonld.txt'), 'utf8'),
);
const requested: string[] = [];
const documentLoader = (url: string): Promise<RemoteDocument> => {
  requested.push(url);
  if (url !== ANNOTATION_CONTEXT) return Promise.reject(new Error(`no network in tests: ${url}`));
  return Promise.resolve({ documentUrl: url, document: annoContext });
};

const OA = 'http://www.w3.org/ns/oa#';
const RDF_VALUE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value';

const disputed = {
  ...claimOn(newstalk, ntText, 'abundant evidence', {
    id: '3f1c2a4e-8b7d-4c61-9a0e-5d2b7c9e1f04',
    status: 'disputed',
    note: 'Which elections? </script> is escaped.',
  }),
  tags: ['needs-source'],
  reviewer: 'Aoife Byrne',
};
const confirmed = claimOn(businessInsider, biText, 'Johnson: Not successfully!', {
  id: 'b7e0d1a2-5c3f-4e8a-9d16-0a4b2c8e7f31',
  status: 'confirmed',
});

type Node = Record<string, unknown>;

function nodes(value: unknown): Node[] {
  return Array.isArray(value)
    ? value.filter((item): item is Node => typeof item === 'object' && item !== null)
    : [];
}

async function expandedAnnotations(): Promise<Node[]> {
  const text = jsonLdText(
    toWebAnnotationCollection([disputed, confirmed], seedArticleMap, {
      generated: '2025-11-30T08:00:00.000Z',
    }),
  );
  const document: JsonLdDocument = jsonObject(text);
  const expanded = await jsonld.expand(document, { documentLoader });
  const [collection] = nodes(expanded);
  const [page] = nodes(collection?.['http://www.w3.org/ns/activitystreams#first']);
  const [list] = nodes(page?.['http://www.w3.org/ns/activitystreams#items']);
  return nodes(list?.['@list']);
}

function bodies(annotation: Node | undefined): { purpose: unknown; value: unknown }[] {
  return nodes(annotation?.[`${OA}hasBody`]).map((body) => ({
    purpose: nodes(body[`${OA}hasPurpose`])[0]?.['@id'],
    value: nodes(body[RDF_VALUE])[0]?.['@value'],
  }));
}

describe('Web Annotation export under JSON-LD expansion with the W3C context', () => {
  it('keeps the motivation as oa:assessing and each claim’s status as a tagging body', async () => {
    const annotations = await expandedAnnotations();
    expect(annotations).toHaveLength(2);
    for (const annotation of annotations) {
      expect(annotation['@type']).toEqual([`${OA}Annotation`]);
      expect(annotation[`${OA}motivatedBy`]).toEqual([{ '@id': `${OA}assessing` }]);
    }
    expect(bodies(annotations[0])).toEqual(
      expect.arrayContaining([
        { purpose: `${OA}tagging`, value: 'disputed' },
        { purpose: `${OA}tagging`, value: 'needs-source' },
        { purpose: `${OA}commenting`, value: 'Which elections? </script> is escaped.' },
      ]),
    );
    expect(bodies(annotations[1])).toContainEqual({ purpose: `${OA}tagging`, value: 'confirmed' });
    const [creator] = nodes(annotations[0]?.['http://purl.org/dc/terms/creator']);
    expect(nodes(creator?.['http://xmlns.com/foaf/0.1/name'])[0]?.['@value']).toBe('Aoife Byrne');
  });

  it('asks for no remote context but the W3C one', () => {
    expect(new Set(requested)).toEqual(new Set([ANNOTATION_CONTEXT]));
  });
});
