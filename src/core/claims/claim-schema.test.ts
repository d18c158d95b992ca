import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Claim } from './claim.ts';
import {
  claimsDocumentSchema,
  isEvidenceLink,
  parseClaim,
  parseTombstone,
  storedEnvelopeSchema,
} from './claim-schema.ts';
import { abundantEvidenceClaim } from '../test-fixtures/stored-claims.ts';

const abundantEvidence: Claim = abundantEvidenceClaim();

describe('parseClaim', () => {
  it('accepts a saved claim', () => {
    expect(parseClaim(abundantEvidence)).toEqual({ ok: true, claim: abundantEvidence });
  });

  it('keeps fields it does not know, at every level', () => {
    const fromNewerApp = {
      ...abundantEvidence,
      colour: 'amber',
      target: {
        ...abundantEvidence.target,
        paragraph: 3,
        quote: { ...abundantEvidence.target.quote, normalised: true },
      },
    };
    const result = parseClaim(fromNewerApp);
    expect(result).toEqual({ ok: true, claim: fromNewerApp });
  });

  it('rejects evidence links that are not http(s), naming the field', () => {
    const result = parseClaim({ ...abundantEvidence, evidence: ['javascript:alert(1)'] });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^evidence\.0: /) });
  });

  it.each([
    ['an unknown status', { ...abundantEvidence, status: 'true' }, /^status/],
    [
      'a range that ends before it starts',
      {
        ...abundantEvidence,
        target: {
          ...abundantEvidence.target,
          position: { type: 'TextPositionSelector', start: 571, end: 554 },
        },
      },
      /end before it starts/,
    ],
    [
      'a fractional offset',
      {
        ...abundantEvidence,
        target: {
          ...abundantEvidence.target,
          position: { type: 'TextPositionSelector', start: 554.5, end: 571 },
        },
      },
      /^target\.position\.start/,
    ],
    ['a note that is not text', { ...abundantEvidence, note: 42 }, /^note/],
    ['a bad timestamp', { ...abundantEvidence, updatedAt: 'yesterday' }, /^updatedAt/],
    [
      'an empty quote',
      {
        ...abundantEvidence,
        target: {
          ...abundantEvidence.target,
          quote: { ...abundantEvidence.target.quote, exact: '' },
        },
      },
      /^target\.quote\.exact/,
    ],
  ])('rejects %s without throwing', (_name, input, reason) => {
    const result = parseClaim(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it.each([null, undefined, 'abundant evidence', 42, [], {}])(
    'rejects %j without throwing',
    (input) => {
      expect(parseClaim(input).ok).toBe(false);
    },
  );
});

describe('isEvidenceLink', () => {
  it.each([
    'https://www.newstalk.com/news/boris-johnson-sergei-lavrov',
    'http://example.org/report?id=7#p3',
    'HTTPS://WWW.BUSINESSINSIDER.COM/',
  ])('accepts %s', (link) => expect(isEvidenceLink(link)).toBe(true));

  it.each([
    'javascript:alert(1)',
    'ftp://files.example.org/report.pdf',
    'www.newstalk.com',
    'https://a b',
    '',
  ])('rejects %j', (link) => expect(isEvidenceLink(link)).toBe(false));
});

describe('parseTombstone', () => {
  it('accepts an id and an ISO deletion time', () => {
    const tombstone = { id: abundantEvidence.id, deletedAt: '2025-11-21T08:00:00.000Z' };
    expect(parseTombstone(tombstone)).toEqual({ ok: true, tombstone });
  });

  it('rejects a deletion time that is not a timestamp', () => {
    expect(parseTombstone({ id: 'x', deletedAt: 1732176000000 }).ok).toBe(false);
  });
});

describe('document schemas', () => {
  it('describe zustand persist envelope around claims and tombstones', () => {
    const document = {
      version: 2,
      state: {
        claims: [abundantEvidence],
        tombstones: [
          { id: 'b7e0d1a2-5c3f-4e8a-9d16-0a4b2c8e7f31', deletedAt: '2025-11-21T08:00:00.000Z' },
        ],
      },
    };
    expect(v.is(claimsDocumentSchema, document)).toBe(true);
    expect(v.is(storedEnvelopeSchema, document)).toBe(true);
  });

  it('do not take another app’s data for an envelope', () => {
    expect(v.is(storedEnvelopeSchema, { theme: 'dark', fontSize: 16 })).toBe(false);
    expect(v.is(storedEnvelopeSchema, { version: '2', state: {} })).toBe(false);
    expect(v.is(storedEnvelopeSchema, { version: 2, state: null })).toBe(false);
    expect(v.is(storedEnvelopeSchema, { version: 2, state: [] })).toBe(false);
  });
});
