import { expect, openReader, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 800 } });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the served HTML already holds both articles', async ({ page }) => {
    await page.goto('./');
    await expect(
      page.getByRole('heading', { level: 2, name: /Boris Johnson and Sergei Lavrov clash/ }),
    ).toBeVisible();
    await expect(page.getByText('there was "abundant evidence" that Russia')).toBeVisible();
    await expect(page.getByText('warned his Russian counterpart< that Britain')).toBeVisible();
  });
});

// A phone as well: the header wraps there, so anything that appears only after hydration moves
// the articles down.
for (const viewport of [
  { width: 1280, height: 800 },
  { width: 412, height: 823 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('hydrates the pre-rendered page without replacing it or shifting the layout', async ({
      page,
    }) => {
      await page.addInitScript(() => {
        const w = window as unknown as { __shift: number; __removed: number };
        w.__shift = 0;
        w.__removed = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            w.__shift += (entry as unknown as { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
        new MutationObserver((records) => {
          for (const r of records) {
            if ((r.target as Element).closest?.('#root')) w.__removed += r.removedNodes.length;
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await openReader(page);
      const { shift, removed } = await page.evaluate(() => {
        const w = window as unknown as { __shift: number; __removed: number };
        return { shift: w.__shift, removed: w.__removed };
      });
      expect(removed).toBe(0);
      expect(shift).toBeLessThan(0.01);
    });
  });
}
