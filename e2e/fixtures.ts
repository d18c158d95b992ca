import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

/**
 * Test with a check, after every test, that the page logged no console error or page error
 * other than those a test expects (`allowedConsoleError`, e.g. a fetch it makes fail).
 */
export const test = base.extend<{ allowedConsoleError: RegExp; consoleErrors: string[] }>({
  // Matches nothing unless a test says otherwise.
  allowedConsoleError: [/(?!)/, { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleError }, use) => {
      const errors: string[] = [];
      const unexpected = (text: string) => !allowedConsoleError.test(text);
      page.on('console', (message) => {
        if (message.type() === 'error' && unexpected(message.text())) errors.push(message.text());
      });
      page.on('pageerror', (error) => {
        if (unexpected(error.message)) errors.push(error.message);
      });
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits until React has hydrated it. */
export async function openReader(page: Page, path = './'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

/** Runs axe-core with the WCAG 2.2 AA rule sets and returns the violations. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Ids of the two shipped articles, in reading order. */
export const NEWSTALK = 'newstalk-johnson-lavrov-clash';
export const BUSINESS_INSIDER = 'business-insider-johnson-lavrov-spat';
