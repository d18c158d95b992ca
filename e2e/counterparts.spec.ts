import type { Locator, Page } from '@playwright/test';
import { makeClaimAndOpenCard } from './claim-helpers.ts';
import { BUSINESS_INSIDER, expect, NEWSTALK, openReader, test } from './fixtures.ts';

/**
 * Tags the sentence about the first visit by a Foreign Secretary in five years, opens its card
 * and waits for the card to say the other report has it too.
 */
async function openVisitClaimCard(page: Page): Promise<Locator> {
  const card = await makeClaimAndOpenCard(
    page,
    NEWSTALK,
    'when he travelled to Moscow for the first visit by a Foreign Secretary for five years.',
    'Confirmed',
    'Newstalk',
  );
  await expect(card.getByTestId('counterpart-summary')).toHaveText(
    'Also in Business Insider Australia',
  );
  return card;
}

test.use({ viewport: { width: 1280, height: 800 } });

test('counterparts explain themselves, and the word table loads only when a claim card needs it', async ({
  page,
}) => {
  const tableRequests: string[] = [];
  page.on('request', (request) => {
    if (/wordnet-related/.test(request.url())) tableRequests.push(request.url());
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await openReader(page);
  // Reading never needs the related-word table, not even once the idle prefetches are done.
  await page.waitForLoadState('networkidle');
  expect(tableRequests).toEqual([]);
  const card = await openVisitClaimCard(page);
  // Fetched once, when a claim's card first needed it, by the worker that compares off the
  // page's thread.
  expect(tableRequests).toHaveLength(1);
  // One shared file for the worker and the page's fallback, not a copy bundled into each.
  expect(tableRequests[0]).toMatch(/\/wordnet-related-[\w-]+\.json$/);
  expect(workers.filter((url) => /counterpart-worker/.test(url))).toHaveLength(1);
  await card.getByRole('button', { name: /^Compare/ }).click();

  const panel = page.getByRole('region', { name: 'Compare with Business Insider Australia' });
  const best = panel.locator('ol > li').first();
  await expect(best).toContainText(
    'Johnson is the first UK foreign secretary to visit Russia in five years',
  );
  // Why: shared words, a WordNet relation, the same number.
  const reasons = best.getByRole('listitem');
  await expect(reasons.filter({ hasText: /^Shared words: .*visit/ })).toHaveCount(1);
  await expect(reasons.filter({ hasText: 'Related words: travelled ≈ visit' })).toHaveCount(1);
  await expect(reasons.filter({ hasText: 'Same numbers: five' })).toHaveCount(1);
});

test('a reader with claims finds the comparer ready when the page has settled, before any click', async ({
  page,
}) => {
  await openReader(page);
  await openVisitClaimCard(page);
  const workers: string[] = [];
  const tableRequests: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('request', (request) => {
    if (/wordnet-related/.test(request.url())) tableRequests.push(request.url());
  });
  await page.reload();
  await expect(page.locator('mark[data-claim-id]')).toHaveCount(1);
  // No selection, no pointer over the claim: the page started the comparer by itself.
  await page.waitForLoadState('networkidle');
  expect(workers.filter((url) => /counterpart-worker/.test(url))).toHaveLength(1);
  expect(tableRequests).toHaveLength(1);
  await page.locator('mark[data-claim-id]').click();
  await expect(
    page.getByRole('dialog', { name: 'Claim in Newstalk' }).getByTestId('counterpart-summary'),
  ).toHaveText('Also in Business Insider Australia');
});

test('a passage that shares only a speaker and a word is not in the other report', async ({
  page,
}) => {
  await openReader(page);
  // Business Insider has Lavrov denying aggression, not Newstalk's "hostage" charge.
  const card = await makeClaimAndOpenCard(
    page,
    BUSINESS_INSIDER,
    'Lavrov later denied any aggression towards Britain on Russia’s behalf',
    'Open',
    'Business Insider Australia',
  );
  await card.getByRole('button', { name: /^Compare/ }).click();
  const panel = page.getByRole('region', { name: 'Compare with Newstalk' });
  await expect(panel).toContainText('Not in Newstalk.');
  await expect(panel.locator('ol > li')).toHaveCount(0);
});

for (const [how, setUp] of [
  [
    'a browser without Web Workers',
    (page: Page) =>
      page.addInitScript(() => {
        Reflect.deleteProperty(window, 'Worker');
      }),
  ],
  [
    'a worker whose code cannot be fetched',
    (page: Page) => page.route('**/counterpart-worker-*.js', (route) => route.abort()),
  ],
] as const) {
  test(`in ${how}, the page compares by itself and says nothing alarming`, async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await setUp(page);
    await openReader(page);
    const card = await openVisitClaimCard(page);
    await card.getByRole('button', { name: /^Compare/ }).click();
    const panel = page.getByRole('region', { name: 'Compare with Business Insider Australia' });
    await expect(panel.locator('ol > li').first()).toContainText(
      'Johnson is the first UK foreign secretary to visit Russia in five years',
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The counterpart worker never ran: the answers above came from the page itself.
    expect(workers.filter((url) => /counterpart-worker/.test(url))).toEqual([]);
    expect(failed.filter((url) => /counterpart-worker/.test(url))).toHaveLength(
      how.includes('fetched') ? 1 : 0,
    );
  });
}
