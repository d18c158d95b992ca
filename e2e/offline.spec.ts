import { articleText } from '../src/core/articles/article-text.ts';
import { encodeClaimPermalink } from '../src/core/sharing/permalink-codec.ts';
import { newstalk } from '../src/core/test-fixtures/seed-articles.ts';
import { targetFor } from '../src/core/anchoring/text-selectors.ts';
import { expect, NEWSTALK, openReader, test } from './fixtures.ts';

test.use({ serviceWorkers: 'allow' });

test('after one visit, the reader and a permalink open offline', async ({ page, context }) => {
  await openReader(page);
  // Ready means installed and activated: every file of the build is kept.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  const text = articleText(newstalk).text;
  const start = text.indexOf('abundant evidence');
  const link = encodeClaimPermalink({
    id: '5d2b7c9e-1f04-4c61-9a0e-3f1c2a4e8b7d',
    target: targetFor(NEWSTALK, text, { start, end: start + 'abundant evidence'.length }),
    status: 'disputed',
    note: '',
    evidence: [],
    createdAt: '2025-11-20T09:14:03.512Z',
    updatedAt: '2025-11-20T09:20:41.007Z',
  });

  await context.setOffline(true);
  const offline = await context.newPage();
  const errors: string[] = [];
  offline.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  offline.on('pageerror', (error) => errors.push(error.message));
  await offline.goto(`./${link}`);
  await expect(offline.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expect(offline.getByRole('heading', { level: 2 }).first()).toBeVisible();
  const shared = offline.locator('mark[data-shared]');
  await expect(shared).toHaveText('abundant evidence');
  await expect(shared).toBeInViewport();
  expect(errors).toEqual([]);
  await context.setOffline(false);
});

test('the service worker keeps a script only when the server answers with JavaScript', async ({
  page,
  context,
}) => {
  await openReader(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // A host that answers a missing script with its HTML page, status 200, and one real script.
  await context.route(/\/assets\/probe-(html|js)\.js$/, (route) =>
    route.request().url().includes('probe-html')
      ? route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>app</p>' })
      : route.fulfill({ status: 200, contentType: 'text/javascript', body: 'export {};' }),
  );
  const kept = (url: string) =>
    page.evaluate(async (address) => {
      for (const name of await caches.keys()) {
        if ((await (await caches.open(name)).match(address)) !== undefined) return true;
      }
      return false;
    }, url);
  await page.evaluate(async () => {
    await fetch('./assets/probe-html.js');
    await fetch('./assets/probe-js.js');
  });
  await expect.poll(() => kept('./assets/probe-js.js')).toBe(true);
  expect(await kept('./assets/probe-html.js')).toBe(false);
});
