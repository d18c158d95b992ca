import type { Page } from '@playwright/test';
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

// The page inlines only the rules its pre-rendered part uses (scripts/critical-css.mjs); the boot
// script adds the whole stylesheet later. Adding it must change no element's style. (The boot
// script is replaced by an empty one here, so that nothing else changes the page meanwhile.)
for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`at ${viewport.width} px, ${colorScheme}: the inline styles style the page as the whole stylesheet does`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.route(/\/assets\/boot-[\w-]+\.js$/, (route) =>
        route.fulfill({ contentType: 'text/javascript', body: '' }),
      );
      await page.goto('./');
      const styles = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('body *')].map((el) => {
            const style = getComputedStyle(el);
            return `${el.tagName} ${[...style].map((name) => `${name}:${style.getPropertyValue(name)}`).join(';')}`;
          }),
        );
      const inlineOnly = await styles();
      const href = await page.locator('script[data-css]').getAttribute('data-css');
      expect(href).toMatch(/\.css$/);
      await page.evaluate(
        (url) =>
          new Promise((resolve, reject) => {
            const link = document.createElement('link');
            link.rel = 'stylesheet';
            link.href = url;
            link.onload = resolve;
            link.onerror = reject;
            document.head.append(link);
          }),
        href ?? '',
      );
      expect(await styles()).toEqual(inlineOnly);
    });
  }
}

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

/** File names (without hash) of the scripts the page has fetched so far. */
async function scriptsFetched(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname.split('/').pop() ?? '')
      .filter((name) => name.endsWith('.js'))
      .map((name) => name.replace(/-[\w-]{8}\.js$/, '')),
  );
}

test('fetches the features not needed to read only when they are first used', async ({ page }) => {
  await openReader(page);
  // The likely next steps are fetched once the browser is idle after hydration …
  await expect.poll(async () => (await scriptsFetched(page)).includes('ClaimCard')).toBe(true);
  await expect
    .poll(async () => (await scriptsFetched(page)).includes('SelectionToolbar'))
    .toBe(true);
  // … the rest only when used.
  const notYet = [
    'ComparisonPanel',
    'CounterpartConnector',
    'CoverageGrid',
    'ReviewTools',
    'web-annotation-export',
    'ShortcutsHelp',
    'SharedLinks',
    'SuggestionPopover',
    'match-quote',
  ];
  expect((await scriptsFetched(page)).filter((name) => notYet.includes(name))).toEqual([]);

  await page.getByRole('button', { name: 'Coverage' }).click();
  await expect(page.getByRole('heading', { name: /Coverage/ })).toBeVisible();
  expect(await scriptsFetched(page)).toContain('CoverageGrid');
  await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await scriptsFetched(page)).toContain('ShortcutsHelp');
});
