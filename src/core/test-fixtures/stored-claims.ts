import type { Claim, ClaimTarget } from '../claims/claim.ts';

/** Where "abundant evidence" stands in the Newstalk report, as a saved claim points at it. */
export const abundantEvidenceTarget: ClaimTarget = {
  articleId: 'newstalk-johnson-lavrov-clash',
  textHash: '9c1e4f7a2b',
  quote: {
    type: 'TextQuoteSelector',
    exact: 'abundant evidence',
    prefix: '\nMr Johnson insisted there was "',
    suffix: '" that Russia had attempted to i',
  },
  position: { type: 'TextPositionSelector', start: 554, end: 571 },
};

/** Where "some aggressive statements" stands in the Business Insider report. */
export const aggressiveStatementsTarget: ClaimTarget = {
  articleId: 'business-insider-johnson-lavrov-spat',
  textHash: '41d08c3e77',
  quote: {
    type: 'TextQuoteSelector',
    exact: 'some aggressive statements',
    prefix: 'ed the UK government of making “',
    suffix: '” towards Vladimir Putin’s Russi',
  },
  position: { type: 'TextPositionSelector', start: 1445, end: 1471 },
};

/** A saved, disputed claim on "abundant evidence" with a note and a source; `change` overrides fields. */
export function abundantEvidenceClaim(change: Partial<Claim> = {}): Claim {
  return {
    id: '3f1c2a4e-8b7d-4c61-9a0e-5d2b7c9e1f04',
    target: abundantEvidenceTarget,
    status: 'disputed',
    note: 'Which elections, and what evidence? The piece cites none.',
    evidence: ['https://www.gov.uk/government/news/foreign-secretary-visits-moscow'],
    createdAt: '2025-11-20T09:14:03.512Z',
    updatedAt: '2025-11-20T09:20:41.007Z',
    ...change,
  };
}

/** A saved, open claim on "some aggressive statements" with no note; `change` overrides fields. */
export function aggressiveStatementsClaim(change: Partial<Claim> = {}): Claim {
  return {
    id: 'b7e0d1a2-5c3f-4e8a-9d16-0a4b2c8e7f31',
    target: aggressiveStatementsTarget,
    status: 'open',
    note: '',
    evidence: [],
    createdAt: '2025-11-21T16:02:11.000Z',
    updatedAt: '2025-11-21T16:02:11.000Z',
    ...change,
  };
}
