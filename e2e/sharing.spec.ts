import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { articleText } from '../src/core/articles/article-text.ts';
import type { Claim } from '../src/core/claims/claim.ts';
import { encodeClaimPermalink } from '../src/core/sharing/permalink-codec.ts';
import { newstalk } from '../src/core/test-fixtures/seed-articles.ts';
import { targetFor } from '../src/core/anchoring/text-selectors.ts';
import { claimToolbar, dragSelect, makeClaim, makeClaimAndOpenCard } from './claim-helpers.ts';
import { axeViolations, BUSINESS_INSIDER, expect, NEWSTALK, openReader, test } from './fixtures.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Opens the first claim's card, presses Copy link and returns what the clipboard got. */
async function copyLinkFromCard(page: Page): Promise<string> {
  await page.locator('mark[data-claim-id]').first().click();
  await page
    .getByRole('dialog', { name: /^Claim in/ })
    .getByRole('button', { name: 'Copy link' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  return clipboardText(page);
}

/** A page in a fresh profile: no claims, nothing in storage. */
async function freshPage(browser: Browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, page, errors };
}

function claimOn(quote: string, status: Claim['status']): Claim {
  const text = articleText(newstalk).text;
  const start = text.indexOf(quote);
  return {
    id: '5d2b7c9e-1f04-4c61-9a0e-3f1c2a4e8b7d',
    target: targetFor(NEWSTALK, text, { start, end: start + quote.length }),
    status,
    note: '',
    evidence: [],
    createdAt: '2025-11-20T09:14:03.512Z',
    updatedAt: '2025-11-20T09:20:41.007Z',
  };
}

test.describe('a permalink to one claim', () => {
  test('opens in an empty profile on the quote, highlighted, with the shared verdict', async ({
    page,
    browser,
  }) => {
    await openReader(page);
    const card = await makeClaimAndOpenCard(
      page,
      NEWSTALK,
      'abundant evidence',
      'Disputed',
      'Newstalk',
    );
    await card.getByLabel('Note').fill('Which elections? No evidence is cited.');
    await card.getByRole('button', { name: 'Copy link' }).click();
    // The note would travel in the link: the card says so before anything is copied.
    await expect(card).toContainText('Your note travels in the link');
    await card.getByRole('button', { name: 'Copy with the note' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    const link = await clipboardText(page);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#claim\?/);
    expect(link.length).toBeLessThan(2000);
    expect(link).toMatch(/[A-Za-z0-9]$/);

    const other = await freshPage(browser);
    await other.page.goto(link);
    const shared = other.page.locator('mark[data-shared]');
    await expect(shared).toHaveText('abundant evidence');
    await expect(shared).toHaveAttribute('data-status', 'disputed');
    await expect(shared).toBeInViewport();
    const region = other.page.getByRole('region', { name: 'Shared claim (read-only)' });
    await expect(region).toContainText('Shared verdict: Disputed');
    await expect(region).toContainText('Which elections? No evidence is cited.');
    // Not mixed into the reader's own claims until saved.
    await expect(other.page.getByRole('button', { name: 'Claims (0)' })).toBeVisible();
    await region.getByRole('button', { name: 'Save to my claims' }).click();
    await expect(other.page.getByRole('button', { name: 'Claims (1)' })).toBeVisible();
    await expect(other.page.locator('mark[data-shared]')).toHaveCount(0);
    await expect(other.page.locator('mark[data-status="disputed"]')).toHaveText(
      'abundant evidence',
    );
    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  test('opens the reader’s own claim when they already have it', async ({ page }) => {
    await openReader(page);
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Confirmed');
    const link = await copyLinkFromCard(page);
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.locator('mark[data-claim-id]')).toHaveText('abundant evidence');
    await expect(page.locator('mark[data-shared]')).toHaveCount(0);
    await expect(page.locator('mark[data-claim-id]')).toBeFocused();
  });

  test('from the selection toolbar, on a narrow screen, switches to the right tab', async ({
    page,
    browser,
  }) => {
    await openReader(page);
    await dragSelect(page, BUSINESS_INSIDER, 'Not successfully');
    await claimToolbar(page).getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    const link = await clipboardText(page);

    const other = await freshPage(browser, { width: 390, height: 844 });
    await other.page.goto(link);
    await expect(other.page.getByRole('tab', { name: /Business Insider/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(other.page.locator('mark[data-shared]').first()).toBeInViewport();
    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  test('a tampered or cut-off link shows a message, and the app still works', async ({ page }) => {
    await openReader(page);
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
    const link = await copyLinkFromCard(page);

    const tampered = link.replace('abundant', 'abandoned');
    expect(tampered).not.toBe(link);
    await page.goto('about:blank');
    await page.goto(tampered);
    await expect(page.getByRole('alert')).toContainText(/changed|incomplete|cut off/);
    await expect(page.locator('mark[data-shared]')).toHaveCount(0);

    await page.goto('about:blank');
    await page.goto(link.slice(0, link.length - 20));
    await expect(page.getByRole('alert')).toContainText(/changed|incomplete|cut off/);
    // The reader's own claim is untouched.
    await expect(page.locator('mark[data-claim-id]')).toHaveText('abundant evidence');
  });

  test('a quote that is not in the article says so, showing the quote as text', async ({
    page,
  }) => {
    const claim = claimOn('abundant evidence', 'disputed');
    const missing: Claim = {
      ...claim,
      target: {
        ...claim.target,
        quote: {
          type: 'TextQuoteSelector',
          exact: '<img src=x onerror=alert(1)> Russia hacked the Eurovision Song Contest',
          prefix: '',
          suffix: '',
        },
        position: { type: 'TextPositionSelector', start: 10, end: 80 },
      },
    };
    await openReader(page, `./${encodeClaimPermalink(missing)}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This quote was not found in the Newstalk article.');
    await expect(alert).toContainText('<img src=x onerror=alert(1)> Russia hacked');
    await expect(page.locator('img')).toHaveCount(0);
  });

  test('works when the app is served from a sub-path', async ({ page }) => {
    let testOver = false;
    await page.route('**/some/path/**', async (route) => {
      const url = new URL(route.request().url());
      url.pathname = url.pathname.replace('/some/path', '');
      // The route stays for the whole test: the app fetches its later features after the quote
      // shows, and an unrouted request would reach the server without the sub-path and 404. A
      // request still in flight when the test is over fails as the page closes: not the app's fault.
      try {
        await route.fulfill({ response: await route.fetch({ url: url.href }) });
      } catch (error) {
        if (!testOver) throw error;
      }
    });
    const claim = claimOn('abundant evidence', 'confirmed');
    await openReader(page, `/some/path/${encodeClaimPermalink(claim)}`);
    await expect(page.locator('mark[data-shared]')).toHaveText('abundant evidence');
    await expect(page.locator('mark[data-shared]')).toBeInViewport();
    // The shared claim's panel is one of the features fetched later, from the same sub-path.
    await expect(page.getByRole('region', { name: 'Shared claim (read-only)' })).toContainText(
      'Shared verdict: Confirmed',
    );
    testOver = true;
  });
});

test.describe('open in original', () => {
  test('links to the outlet’s page with a text fragment for the quote', async ({ page }) => {
    await openReader(page);
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
    await page.locator('mark[data-claim-id]').first().click();
    const link = page
      .getByRole('dialog', { name: 'Claim in Newstalk' })
      .getByRole('link', { name: /Open in original/ });
    await expect(link).toHaveAttribute('href', new RegExp(`#:~:text=abundant%20evidence$`));
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });
});

test.describe('whole review', () => {
  test('share review: a link that opens read-only and imports into another profile', async ({
    page,
    browser,
  }) => {
    await openReader(page);
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
    await makeClaim(page, BUSINESS_INSIDER, 'Not successfully', 'Confirmed');
    await page.getByRole('button', { name: 'Claims (2)' }).click();
    await page.getByRole('button', { name: 'Share review' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Review link copied' })).toBeVisible();
    const link = await clipboardText(page);
    expect(link).toMatch(/#review\?v=1&d=[A-Za-z0-9_-]+&k=[0-9a-f]{8}$/);

    const other = await freshPage(browser);
    await other.page.goto(link);
    const region = other.page.getByRole('region', { name: /Shared review: 2 claims/ });
    await expect(region).toBeVisible();
    await expect(other.page.locator('mark[data-shared]')).toHaveCount(2);
    await region.getByRole('button', { name: 'Import into my claims' }).click();
    await expect(other.page.getByRole('button', { name: 'Claims (2)' })).toBeVisible();
    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  test('export as Web Annotation, then import into an empty profile restores every claim', async ({
    page,
    browser,
  }) => {
    await openReader(page);
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
    await makeClaim(page, BUSINESS_INSIDER, 'Not successfully', 'Confirmed');
    await makeClaim(page, NEWSTALK, 'Mr Lavrov', 'Open');
    await page.getByRole('button', { name: 'Claims (3)' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Web Annotation (JSON-LD)' }).click(),
    ]);
    const path = await download.path();
    const exported = JSON.parse(await readFile(path, 'utf8')) as { type: string; total: number };
    expect(exported).toMatchObject({ type: 'AnnotationCollection', total: 3 });

    const other = await freshPage(browser);
    await openReader(other.page);
    await other.page.getByRole('button', { name: 'Claims (0)' }).click();
    await other.page.getByLabel('Import Web Annotations (JSON-LD)').setInputFiles(path);
    const summary = other.page.getByRole('region', { name: 'Import summary' });
    await expect(summary).toContainText('To import: 3');
    await summary.getByRole('button', { name: 'Import 3 claims' }).click();
    await expect(other.page.getByRole('button', { name: 'Claims (3)' })).toBeVisible();
    await expect(other.page.locator('mark[data-status="disputed"]')).toHaveText(
      'abundant evidence',
    );
    await expect(other.page.locator('mark[data-status="confirmed"]')).toHaveText(
      'Not successfully',
    );

    // Dropping the same file again finds everything already there and writes nothing.
    const body = await readFile(path, 'utf8');
    const dataTransfer = await other.page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'claims.jsonld', { type: 'application/ld+json' }));
      return transfer;
    }, body);
    await other.page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer });
    await expect(summary).toContainText('Already in your claims: 3');
    await expect(summary.getByRole('button', { name: 'Import 0 claims' })).toBeDisabled();
    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  test('a review too large for a link says so and points to the file export', async ({ page }) => {
    const text = articleText(newstalk).text;
    const words = [...text.matchAll(/[A-Za-z]{4,}/g)];
    const claims = words.map((word, i) => ({
      ...claimOn('abundant evidence', 'disputed'),
      id: `c0ffee00-0000-4000-8000-${String(i).padStart(12, '0')}`,
      target: targetFor(NEWSTALK, text, { start: word.index, end: word.index + word[0].length }),
      note: `Checked against transcript line ${i}: the wording differs from the Foreign Office record.`,
    }));
    await openReader(page);
    await page.evaluate(
      (value) => localStorage.setItem('fact-check-reader:claims', value),
      JSON.stringify({ version: 2, state: { claims, tombstones: [] } }),
    );
    await page.reload();
    await page.getByRole('button', { name: `Claims (${claims.length})` }).click();
    await page.getByRole('button', { name: 'Share review' }).click();
    await expect(page.getByRole('alert')).toContainText('This review is too large for one link');
    await expect(page.getByRole('alert')).toContainText('Export it as a file');
  });

  test('a bad import file gets a clear message and changes nothing', async ({ page }) => {
    await openReader(page);
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
    await page.getByRole('button', { name: 'Claims (1)' }).click();
    await page.getByLabel('Import Web Annotations (JSON-LD)').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"type": "AnnotationCollection", "items": [ {"oops": '),
    });
    await expect(page.getByRole('alert')).toContainText('“broken.json” was not imported');
    await expect(page.getByRole('button', { name: 'Claims (1)' })).toBeVisible();
  });
});

test('is axe-clean with a shared claim and the share and export tools open', async ({ page }) => {
  const claim = claimOn('abundant evidence', 'disputed');
  await openReader(page, `./${encodeClaimPermalink({ ...claim, note: 'No evidence cited.' })}`);
  await expect(page.getByRole('region', { name: 'Shared claim (read-only)' })).toBeVisible();
  await page.getByRole('button', { name: 'Claims (0)' }).click();
  await expect(page.getByRole('heading', { name: 'Share, export and import' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
