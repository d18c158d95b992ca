import type { Locator, Page } from '@playwright/test';
import { articleText } from '../src/core/articles/article-text.ts';
import { businessInsider, newstalk } from '../src/core/test-fixtures/seed-articles.ts';
import { seedWordsPair } from '../src/core/test-fixtures/synthetic-articles.ts';
import { pasteArticle } from './article-helpers.ts';
import { claimToolbar, dragSelect } from './claim-helpers.ts';
import { expect, openReader, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 800 } });

/** Clicks `button` with the mouse; how long from the click to the page's answer to it (ms). */
async function clickLatency(page: Page, button: Locator): Promise<number> {
  await page.evaluate(() => {
    const store = window as unknown as { clickLatency?: Promise<number> };
    store.clickLatency = new Promise((resolve) => {
      document.addEventListener(
        'click',
        (event) => {
          // The click's own time (when the input arrived) to the page's first change after it.
          const observer = new MutationObserver(() => {
            observer.disconnect();
            resolve(performance.now() - event.timeStamp);
          });
          observer.observe(document.body, { subtree: true, attributes: true, childList: true });
        },
        { once: true, capture: true },
      );
    });
  });
  await button.click();
  return page.evaluate(() => (window as unknown as { clickLatency: Promise<number> }).clickLatency);
}

test('comparing two 50,000-word articles leaves the page responsive, and Cancel stops it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openReader(page);
  const { a, b } = seedWordsPair(
    [articleText(newstalk).text, articleText(businessInsider).text],
    1300,
  );
  expect(a.join(' ').split(' ').length).toBeGreaterThanOrEqual(50_000);
  const first = await pasteArticle(page, 'Long report A', 'https://long-a.example/report', a);
  const second = await pasteArticle(page, 'Long report B', 'https://long-b.example/report', b);
  await expect(page.locator(`article[data-article="${first}"]`)).toBeVisible();
  await expect(page.locator(`article[data-article="${second}"]`)).toBeVisible();

  // The longest task on the page's thread from here until the comparison is done.
  await page.evaluate(() => {
    const store = window as unknown as { longest: number };
    store.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        store.longest = Math.max(store.longest, entry.duration);
      }
    }).observe({ type: 'longtask' });
  });

  // A passage the other report has word for word.
  const passage = (a[40] ?? '').split('. ')[0] + '.';
  await dragSelect(page, first, passage);
  await claimToolbar(page)
    .getByRole('button', { name: /^Compare/ })
    .click();
  const panel = page.getByRole('region', { name: /^Compare with / });
  await expect(panel.getByText('Comparing…')).toBeVisible();
  // Long work offers Cancel and says how far it has got.
  const cancel = panel.getByRole('button', { name: /^Cancel/ });
  await expect(cancel).toBeVisible();
  await expect(panel.getByRole('progressbar', { name: 'Comparing' })).toBeVisible();

  // The page answers a click at once while the comparison runs.
  const hide = panel.getByRole('button', { name: 'Hide matches' });
  const latency = await clickLatency(page, hide);
  test.info().annotations.push({
    type: 'click latency while comparing (ms)',
    description: `${Math.round(latency)}`,
  });
  expect(latency).toBeLessThan(200);
  await panel.getByRole('button', { name: 'Show matches' }).click();
  await expect(panel.getByText('Comparing…')).toBeVisible();

  await cancel.click();
  await expect(panel.getByText('Comparison cancelled.')).toBeVisible();
  await expect(panel.getByText('Comparing…')).toBeHidden();
  await expect(panel.locator('ol > li')).toHaveCount(0);

  // Retry goes on where it stopped, and finds the same paragraph in the other report.
  await panel.getByRole('button', { name: /^Retry/ }).click();
  await expect(panel.locator('ol > li').first()).toContainText(passage, { timeout: 60_000 });
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  test.info().annotations.push({
    type: 'longest task while comparing (ms)',
    description: `${Math.round(longest)}`,
  });
  // Tasks of the page's own (rendering the answer) stay short; on a busy machine a task can
  // still be stretched, hence the margin (comparing on the page's thread took 0.7 s and more).
  expect(longest).toBeLessThan(250);
});
