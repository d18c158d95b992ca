import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * Pastes an article through Add article as a reader would (title, source address, text) and
 * returns its id once it is shown. Long articles take a while: `timeout` bounds each wait.
 */
export async function pasteArticle(
  page: Page,
  title: string,
  source: string,
  paragraphs: readonly string[],
  timeout = 30_000,
): Promise<string> {
  await page.getByRole('button', { name: 'Add article' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an article' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Source address').fill(source);
  await dialog.getByLabel('Article text').fill(paragraphs.join('\n\n'));
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout });
  const article = page.locator('article').filter({ hasText: title });
  await expect(article).toBeVisible({ timeout });
  const id = await article.getAttribute('data-article');
  if (!id) throw new Error(`${title} has no id`);
  return id;
}
