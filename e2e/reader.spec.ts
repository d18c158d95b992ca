import { readFileSync } from 'node:fs';
import { articleText, BLOCK_SEPARATOR } from '../src/core/articles/article-text.ts';
import { parseArticle } from '../src/core/articles/article-schema.ts';
import { axeViolations, BUSINESS_INSIDER, expect, NEWSTALK, openReader, test } from './fixtures.ts';

const NEWSTALK_HEADLINE = 'Boris Johnson and Sergei Lavrov clash during Moscow news conference';
const BI_HEADLINE =
  "Boris Johnson just had an 'extraordinary' diplomatic spat with Russia in front of some journalists";

function loadArticle(id: string) {
  const json: unknown = JSON.parse(readFileSync(`data/articles/${id}.json`, 'utf8'));
  return parseArticle(json, id);
}

test.describe('wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('shows both headlines side by side', async ({ page }) => {
    await openReader(page);
    const left = page.getByRole('heading', { level: 2, name: NEWSTALK_HEADLINE });
    const right = page.getByRole('heading', { level: 2, name: BI_HEADLINE });
    await expect(left).toBeInViewport();
    await expect(right).toBeInViewport();
    const a = await left.boundingBox();
    const b = await right.boundingBox();
    expect(a && b && b.x >= a.x + a.width).toBe(true);
    await expect(page.getByRole('tablist', { name: 'Reports' })).toBeHidden();
  });

  test('keeps each outlet identifiable while scrolling', async ({ page }) => {
    await openReader(page);
    await page
      .getByText('"We have to find a way forward," added Mr Johnson.')
      .scrollIntoViewIfNeeded();
    await expect(
      page.getByRole('heading', { level: 2, name: NEWSTALK_HEADLINE }),
    ).not.toBeInViewport();
    const stickyLabel = page.locator(`[data-article="${NEWSTALK}"] [aria-hidden="true"]`).first();
    await expect(stickyLabel).toBeInViewport();
    await expect(stickyLabel).toContainText('Newstalk');
  });

  test('shows the stray "<" in the Business Insider text as a character', async ({ page }) => {
    await openReader(page);
    await expect(page.getByText('warned his Russian counterpart< that Britain')).toBeVisible();
  });

  test('shows outlet, standfirst, dates, caption with credit, body and the original link', async ({
    page,
  }) => {
    await openReader(page);
    const bi = page.locator(`article[data-article="${BUSINESS_INSIDER}"]`);
    await expect(bi.getByRole('listitem')).toHaveCount(3);
    await expect(bi.getByText('(Photo by Stefan Rousseau-Pool/Getty Images)')).toBeVisible();
    await expect(bi.getByText('December 2017').first()).toBeVisible();
    await expect(bi.getByRole('heading', { level: 3 })).toHaveText(
      'Johnson warns Russia about Britain’s cyber warfare capabilities',
    );
    await expect(bi.getByText('Follow Business Insider Australia')).toHaveCount(0);
    const link = bi.getByRole('link', { name: /Read the original on Business Insider Australia/ });
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(link).toHaveAttribute(
      'href',
      'https://www.businessinsider.com.au/boris-johnson-and-sergey-lavrov-spar-in-press-conference-2017-12',
    );
    const newstalk = page.locator(`article[data-article="${NEWSTALK}"]`);
    await expect(newstalk.getByText('Picture by: Stefan Rousseau/PA Wire/PA Images')).toBeVisible();
    await expect(newstalk.getByRole('heading', { name: NEWSTALK_HEADLINE })).toHaveCount(1);
  });

  test('keeps the Lavrov/Johnson exchange line by line', async ({ page }) => {
    await openReader(page);
    const lines = page.locator(`article[data-article="${BUSINESS_INSIDER}"] blockquote p`);
    await expect(lines).toHaveText([
      'Lavrov: Boris says he has no evidence that Russia interfered on Brexit.',
      'Johnson: Not successfully!',
      'Lavrov: He’s afraid that if he doesn’t contradict me his reputation is going to be ruined.',
      'Johnson: It’s your reputation I worry about!',
    ]);
    const tops = await lines.evaluateAll((els) =>
      els.map((el) => [el.getBoundingClientRect().top, el.getBoundingClientRect().bottom]),
    );
    // Each line starts below the one before it: one speaker per line.
    tops.slice(1).forEach(([top], i) => expect(top).toBeGreaterThanOrEqual(tops[i]?.[1] ?? 0));
  });

  test('renders exactly the canonical text that annotations refer to', async ({ page }) => {
    await openReader(page);
    for (const id of [NEWSTALK, BUSINESS_INSIDER]) {
      const { text, blocks } = articleText(loadArticle(id));
      const rendered = await page
        .locator(`article[data-article="${id}"] [data-block]`)
        .evaluateAll((els) =>
          els.map((el) => ({ text: el.textContent, start: Number(el.getAttribute('data-start')) })),
        );
      expect(rendered.map((r) => r.text).join(BLOCK_SEPARATOR)).toBe(text);
      expect(rendered.map((r) => r.start)).toEqual(blocks.map((b) => b.start));
    }
  });

  test('has no axe-core violations', async ({ page }) => {
    await openReader(page);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('has a page title and a favicon', async ({ page, request }) => {
    await openReader(page);
    await expect(page).toHaveTitle(/Fact-check reader/);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    const icon = await request.get(new URL(href ?? 'missing-icon', page.url()).href);
    expect(icon.ok()).toBe(true);
  });
});

test.describe('narrow screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('switches between the reports with tabs', async ({ page }) => {
    await openReader(page);
    const tabs = page.getByRole('tablist', { name: 'Reports' });
    const newstalkTab = tabs.getByRole('tab', { name: 'Newstalk' });
    const biTab = tabs.getByRole('tab', { name: 'Business Insider Australia' });
    await expect(newstalkTab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { level: 2, name: NEWSTALK_HEADLINE })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: BI_HEADLINE })).toBeHidden();

    await biTab.click();
    await expect(biTab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toHaveCount(1);
    await expect(page.getByRole('tabpanel')).toHaveAccessibleName('Business Insider Australia');
    await expect(page.getByRole('heading', { level: 2, name: BI_HEADLINE })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: NEWSTALK_HEADLINE })).toBeHidden();

    await page.keyboard.press('ArrowLeft');
    await expect(newstalkTab).toBeFocused();
    await expect(newstalkTab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { level: 2, name: NEWSTALK_HEADLINE })).toBeVisible();
  });

  test('has no axe-core violations', async ({ page }) => {
    await openReader(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Business Insider Australia' }).click();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('smallest screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('never scrolls sideways at 320 px', async ({ page }) => {
    await openReader(page);
    for (const tab of ['Newstalk', 'Business Insider Australia']) {
      await page.getByRole('tab', { name: tab }).click();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 1280, height: 800 } });

  test('follows the system setting and stays axe-clean', async ({ page }) => {
    await openReader(page);
    const background = await page
      .locator('body > #root > div')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgb(250, 250, 249)');
    expect(await axeViolations(page)).toEqual([]);
  });
});
