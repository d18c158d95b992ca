import type { Page, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { BUSINESS_INSIDER, expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 800 } });

/** Serves the page without its pre-rendered content, as the dev server does, so data is fetched. */
async function serveClientRendered(page: Page) {
  await page.route(/\/(index\.html)?(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /<div id="root">[\s\S]*?<\/div>\s*<script type="application\/json"[\s\S]*?<\/script>/,
      '<div id="root"></div>',
    );
    await route.fulfill({ response, body: html });
  });
}

test('a malformed article shows an error naming the field, and Retry recovers it', async ({
  page,
  consoleErrors,
}) => {
  await serveClientRendered(page);
  const broken = JSON.parse(readFileSync(`data/articles/${BUSINESS_INSIDER}.json`, 'utf8')) as {
    body: { text: unknown }[];
  };
  broken.body[2] = { ...broken.body[2], text: 42 };
  let serveBroken = true;
  await page.route(`**/data/articles/${BUSINESS_INSIDER}.json`, (route: Route) =>
    serveBroken ? route.fulfill({ json: broken }) : route.continue(),
  );

  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This article could not be shown.');
  await expect(alert).toContainText(`Article "${BUSINESS_INSIDER}": field "body.2.text"`);
  // The other article still reads.
  await expect(
    page.getByRole('heading', { level: 2, name: /Boris Johnson and Sergei Lavrov clash/ }),
  ).toBeVisible();

  serveBroken = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /extraordinary/ })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  consoleErrors.length = 0; // the failed fetch of the broken fixture is expected here
});

test('an article that fails to download shows an error with Retry', async ({
  page,
  consoleErrors,
}) => {
  await serveClientRendered(page);
  await page.route(`**/data/articles/${BUSINESS_INSIDER}.json`, (route) =>
    route.fulfill({ status: 500, body: 'oops' }),
  );
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('could not be loaded (HTTP 500)');
  consoleErrors.length = 0; // the browser logs the HTTP 500 itself
});

test('shows a skeleton while an article loads', async ({ page }) => {
  await serveClientRendered(page);
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/data/articles/${BUSINESS_INSIDER}.json`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  await expect(
    page.locator(`#panel-${BUSINESS_INSIDER}`).getByRole('status', { name: 'Loading article…' }),
  ).toBeVisible();
  release();
  await expect(page.getByRole('heading', { level: 2, name: /extraordinary/ })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading article…' })).toHaveCount(0);
});
