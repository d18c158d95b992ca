import { readFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { articleText } from '../src/core/articles/article-text.ts';
import { targetFor } from '../src/core/anchoring/text-selectors.ts';
import type { Claim } from '../src/core/claims/claim.ts';
import { encodeReviewHash, reviewPayload } from '../src/core/sharing/review-link-codec.ts';
import { newstalk } from '../src/core/test-fixtures/seed-articles.ts';
import { claimToolbar, dragSelect, importInput, makeClaim } from './claim-helpers.ts';
import { axeViolations, BUSINESS_INSIDER, expect, NEWSTALK, openReader, test } from './fixtures.ts';

const STORAGE_KEY = 'fact-check-reader:claims';
const NEWSTALK_TEXT = articleText(newstalk).text;

/** The claim card of the claim on `quote`, opened by clicking its mark. */
async function openCard(page: Page, quote: string) {
  await page.locator('mark', { hasText: quote }).first().click();
  const card = page.getByRole('dialog', { name: /^Claim in/ });
  await expect(card).toBeVisible();
  return card;
}

async function storedClaims(page: Page): Promise<{ status: string; note: string }[]> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    const parsed = raw ? (JSON.parse(raw) as { state: { claims: unknown[] } }) : null;
    return (parsed?.state.claims ?? []) as { status: string; note: string }[];
  }, STORAGE_KEY);
}

/** A Web Annotation on a passage of the Newstalk article, as another tool or this app writes it. */
function annotationOn(start: number, end: number, id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    type: 'Annotation',
    motivation: 'assessing',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: 'disputed' }],
    target: {
      source: newstalk.url,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: NEWSTALK_TEXT.slice(start, end),
          prefix: NEWSTALK_TEXT.slice(Math.max(0, start - 32), start),
          suffix: NEWSTALK_TEXT.slice(end, end + 32),
        },
        { type: 'TextPositionSelector', start, end },
      ],
    },
    ...extra,
  };
}

test.describe('two tabs editing the same claim', () => {
  for (const order of ['status first', 'note first'] as const) {
    test(`a status set in one and a note typed in the other both survive (${order})`, async ({
      context,
    }) => {
      const tagging = await context.newPage();
      const typing = await context.newPage();
      await openReader(tagging);
      await openReader(typing);
      await makeClaim(tagging, NEWSTALK, 'abundant evidence', 'Disputed');
      await expect(typing.locator('mark', { hasText: 'abundant evidence' })).toBeVisible();
      const note = 'Four countries named, no source given for any of them.';
      const noteBox = (await openCard(typing, 'abundant evidence')).getByRole('textbox', {
        name: 'Note',
      });
      const statusCard = await openCard(tagging, 'abundant evidence');
      if (order === 'status first') {
        // The status is set while the other tab is in the middle of typing its note.
        await noteBox.pressSequentially(note.slice(0, 20), { delay: 20 });
        await statusCard.getByRole('radio', { name: 'Confirmed' }).check();
        await noteBox.pressSequentially(note.slice(20), { delay: 20 });
      } else {
        await noteBox.pressSequentially(note, { delay: 10 });
        await statusCard.getByRole('radio', { name: 'Confirmed' }).check();
      }
      for (const page of [tagging, typing]) {
        await expect
          .poll(() => storedClaims(page))
          .toEqual([expect.objectContaining({ status: 'confirmed', note })]);
      }
      for (const page of [typing, tagging]) {
        await page.reload();
        await expect(page.locator('mark', { hasText: 'abundant evidence' })).toHaveAttribute(
          'data-status',
          'confirmed',
        );
        const card = await openCard(page, 'abundant evidence');
        await expect(card.getByRole('textbox', { name: 'Note' })).toHaveValue(note);
        await expect(card.getByRole('radio', { name: 'Confirmed' })).toBeChecked();
      }
    });
  }
});

test('claims saved by a newer version are shown, never overwritten, and a backup can be restored', async ({
  page,
}) => {
  await openReader(page);
  await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
  await expect.poll(() => storedClaims(page)).toHaveLength(1);
  const newer = await page.evaluate((key) => {
    const doc = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
    const value = JSON.stringify({ ...doc, version: 99, folders: ['Moscow visit'] });
    localStorage.setItem(key, value);
    // An older backup, as an earlier version of the app would have kept it.
    localStorage.setItem(
      `${key}:backup:2025-11-20T08:00:00.000Z`,
      JSON.stringify({ version: 2, state: { claims: [], tombstones: [] } }),
    );
    return value;
  }, STORAGE_KEY);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'newer' })).toBeVisible();
  // What this version can read is shown.
  await expect(page.locator('mark', { hasText: 'abundant evidence' })).toHaveAttribute(
    'data-status',
    'disputed',
  );

  const card = await openCard(page, 'abundant evidence');
  await card.getByRole('radio', { name: 'Confirmed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'newer' })).toBeVisible();
  await expect(card.getByRole('radio', { name: 'Disputed' })).toBeChecked();
  await page.keyboard.press('Escape');
  await makeClaimRefused(page);
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(newer);

  // Restore from backup, in the storage part of the page, after confirming.
  await page.getByText('About this reader and your storage').click();
  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  const backups = page.getByRole('list', { name: 'Backups' });
  await expect(backups.getByRole('listitem')).toHaveCount(2);
  await expect(backups).toContainText('1 claim, saved by a newer version');
  await expect(backups).toContainText('0 claims');
  expect(await axeViolations(page)).toEqual([]);
  await backups.getByRole('button', { name: /0 claims/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(confirm.getByRole('button', { name: 'Restore' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await confirm.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('button', { name: 'Claims (0)' })).toBeVisible();
  // The restored claims can be edited and saved again; the newer data is itself a backup now.
  await makeClaim(page, BUSINESS_INSIDER, 'some aggressive statements', 'Confirmed');
  await expect.poll(() => storedClaims(page)).toHaveLength(1);
  const kept = await page.evaluate(
    (key) =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith(`${key}:backup:`))
        .map((k) => localStorage.getItem(k)),
    STORAGE_KEY,
  );
  expect(kept).toContain(newer);
});

/** Tries to make a new claim and expects it refused, with the reason: no new mark appears. */
async function makeClaimRefused(page: Page) {
  await dragSelect(page, BUSINESS_INSIDER, 'some aggressive statements');
  await claimToolbar(page).getByRole('button', { name: 'Confirmed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'newer' })).toBeVisible();
  await expect(page.locator('mark', { hasText: 'some aggressive statements' })).toHaveCount(0);
}

test('ids named like Object.prototype members import as three claims and are listed', async ({
  page,
}) => {
  const start = NEWSTALK_TEXT.indexOf('abundant evidence');
  const ids = ['constructor', 'toString', '__proto__'];
  const file = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    total: 3,
    first: {
      type: 'AnnotationPage',
      items: ids.map((id, i) =>
        annotationOn(start, start + 17, `urn:fact-check-reader:claim:${id}`, {
          body: [
            {
              type: 'TextualBody',
              purpose: 'tagging',
              value: ['disputed', 'confirmed', 'open'][i],
            },
          ],
        }),
      ),
    },
  };
  await openReader(page);
  await page.getByRole('button', { name: 'Claims (0)' }).click();
  await importInput(page).setInputFiles({
    name: 'prototype-ids.jsonld',
    mimeType: 'application/ld+json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText('To import: 3');
  expect(await axeViolations(page)).toEqual([]);
  await summary.getByRole('button', { name: 'Import 3 claims' }).click();
  await expect(page.getByRole('button', { name: 'Claims (3)' })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Claims' })
      .getByRole('button', { name: /^“abundant evidence”/ }),
  ).toHaveCount(3);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Claims (3)' })).toBeVisible();
});

test('a Hypothesis row tagged "false" and "needs-source" imports as disputed with its tags', async ({
  page,
}) => {
  const start = NEWSTALK_TEXT.indexOf('abundant evidence');
  const row = {
    id: 'Xa1b2C3d4',
    created: '2024-05-01T10:00:00.123456+00:00',
    updated: '2024-05-02T10:00:00.123456+00:00',
    user: 'acct:fact_checker@hypothes.is',
    uri: newstalk.url,
    text: 'No source for Denmark.',
    tags: ['false', 'needs-source'],
    target: [
      {
        source: newstalk.url,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'abundant evidence',
            prefix: NEWSTALK_TEXT.slice(start - 32, start),
            suffix: NEWSTALK_TEXT.slice(start + 17, start + 49),
          },
        ],
      },
    ],
  };
  await openReader(page);
  await page.getByRole('button', { name: 'Claims (0)' }).click();
  await importInput(page).setInputFiles({
    name: 'hypothesis.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ total: 1, rows: [row] })),
  });
  await page
    .getByRole('region', { name: 'Import summary' })
    .getByRole('button', { name: 'Import 1 claim' })
    .click();
  await expect(page.locator('mark', { hasText: 'abundant evidence' })).toHaveAttribute(
    'data-status',
    'disputed',
  );
  const panel = page.getByRole('region', { name: 'Claims' });
  await panel.getByLabel('Search quotes and notes').fill('needs-source');
  await expect(panel.getByRole('button', { name: /^“abundant evidence”/ })).toHaveCount(1);
  const card = await openCard(page, 'abundant evidence');
  await expect(card).toContainText('needs-source');
  await expect(card).toContainText('Reviewed by fact_checker');
});

test('the ClaimReview export has a permalink, a named author, the speaker and full dates', async ({
  page,
}) => {
  await openReader(page);
  await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
  const card = await openCard(page, 'abundant evidence');
  await card.getByRole('textbox', { name: 'Note' }).fill('Ends </script><script>alert(1)</script>');
  await page.keyboard.press('Escape');
  await makeClaim(page, BUSINESS_INSIDER, 'Not successfully', 'Confirmed');
  await page.getByRole('button', { name: 'Claims (2)' }).click();
  await page.getByRole('textbox', { name: 'Reviewer' }).fill('Aoife Byrne');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Export ClaimReview/ }).click(),
  ]);
  const raw = await readFile(await download.path(), 'utf8');
  expect(raw).not.toMatch(/<\/script/i);
  const reviews = JSON.parse(raw) as {
    url: string;
    author: { name: string };
    claimReviewed: string;
    reviewRating: { alternateName: string };
    itemReviewed: {
      author?: { name: string };
      datePublished: string;
      appearance: { datePublished: string };
    };
    reviewBody?: string;
  }[];
  expect(reviews).toHaveLength(2);
  for (const review of reviews) {
    expect(review.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#claim\?/);
    expect(review.author.name).toBe('Aoife Byrne');
    expect(review.reviewRating.alternateName).toMatch(/^(Disputed|Confirmed)$/);
    expect(review.claimReviewed).not.toBe('');
    expect(review.itemReviewed.datePublished).toBe('2017-12-22');
    expect(review.itemReviewed.appearance.datePublished).toBe('2017-12-22');
    expect(review.itemReviewed.author?.name).toBe('Boris Johnson');
  }
  expect(reviews[0]?.reviewBody).toBe('Ends </script><script>alert(1)</script>');
});

test.describe('review links', () => {
  const start = NEWSTALK_TEXT.indexOf('abundant evidence');
  const known: Claim = {
    id: '3f1c2a4e-8b7d-4c61-9a0e-5d2b7c9e1f04',
    target: targetFor(NEWSTALK, NEWSTALK_TEXT, { start, end: start + 17 }),
    status: 'disputed',
    // A right-to-left override would make "false" display as "eslaf"-reversed text.
    note: 'Verdict: \u202eeurt si siht\u202c',
    evidence: [],
    createdAt: '2025-11-20T09:14:03.512Z',
    updatedAt: '2025-11-20T09:20:41.007Z',
  };
  const elsewhere: Claim = {
    ...known,
    id: 'b7e0d1a2-5c3f-4e8a-9d16-0a4b2c8e7f31',
    target: { ...known.target, articleId: 'guardian-johnson-moscow' },
    note: '',
  };
  const link = (payload: string) => `./${encodeReviewHash(deflateRawSync(payload))}`;

  test('claims on an unknown article are listed as such, and bidi controls are shown', async ({
    page,
  }) => {
    await openReader(page, link(reviewPayload([known, elsewhere])));
    const region = page.getByRole('region', { name: /Shared review: 2 claims/ });
    await expect(region).toContainText(
      'an article this reader does not have (guardian-johnson-moscow)',
    );
    await expect(region).toContainText('Verdict: ⟨RLO⟩eurt si siht⟨PDF⟩');
    await region.getByRole('button', { name: 'Import into my claims' }).click();
    await expect(page.getByRole('status').filter({ hasText: '2 claims imported' })).toBeVisible();
    await page.getByRole('button', { name: /^Claims \(\d+\)$/ }).click();
    const panel = page.getByRole('region', { name: 'Claims' });
    await expect(
      panel.getByRole('heading', { name: 'On articles this reader does not have (1)' }),
    ).toBeVisible();
    await expect(panel.getByRole('heading', { name: /Needs re-anchoring/ })).toHaveCount(0);
  });

  test('a link that unpacks to more than the app opens is called too large, not cut off', async ({
    page,
  }) => {
    const bomb = `{"app":"fact-check-reader","v":1,"claims":[${' '.repeat(3_000_000)}]}`;
    await openReader(page, link(bomb));
    const notice = page.getByRole('alert').filter({ hasText: 'review link' });
    await expect(notice).toContainText('holds more than this app opens');
    await expect(notice).not.toContainText('cut off');
  });
});

test.describe('on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 640 }, hasTouch: true });

  test('the reviewer name, export and import fit the screen and work by touch', async ({
    page,
  }) => {
    await openReader(page);
    await page.getByRole('button', { name: /^Claims \(0\)$/ }).tap();
    const reviewer = page.getByRole('textbox', { name: 'Reviewer' });
    await reviewer.scrollIntoViewIfNeeded();
    await reviewer.tap();
    await reviewer.fill('Aoife Byrne');
    await expect(page.getByLabel(/^Import/).and(page.locator('input[type="file"]'))).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.reload();
    await page.getByRole('button', { name: /^Claims \(0\)$/ }).tap();
    await expect(page.getByRole('textbox', { name: 'Reviewer' })).toHaveValue('Aoife Byrne');
  });
});
