import type { Page } from '@playwright/test';
import { articleText } from '../src/core/articles/article-text.ts';
import type { Claim } from '../src/core/claims/claim.ts';
import { encodeClaimPermalink } from '../src/core/sharing/permalink-codec.ts';
import { targetFor } from '../src/core/anchoring/text-selectors.ts';
import { newstalk } from '../src/core/test-fixtures/seed-articles.ts';
import { expect, NEWSTALK, test } from './fixtures.ts';

// A sentence from the lower half of the article, so that opening its link has to scroll.
const QUOTE =
  'Mr Lavrov said the pair had discussed Libya, Yemen, Iraq, Syria and North Korea and had agreed to discuss the impact of Brexit on UK-Russia ties.';

function linkTo(quote: string, edit: (claim: Claim) => Claim = (c) => c): string {
  const text = articleText(newstalk).text;
  const start = text.indexOf(quote);
  const claim: Claim = {
    id: 'instant-quote',
    target: targetFor(NEWSTALK, text, { start, end: start + quote.length }),
    status: 'disputed',
    note: 'Brexit was not on the agenda, says the other report.',
    evidence: [],
    createdAt: '2025-11-20T09:14:03.512Z',
    updatedAt: '2025-11-20T09:20:41.007Z',
  };
  return `./${encodeClaimPermalink(edit(claim))}`;
}

/** Holds the app's script until `release` is called, so the page is as it is before React. */
async function holdApp(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Records, every animation frame from the first on, where the quote is on screen: drawn by the
 * boot script's CSS highlight or by the app's mark, and which of the two drew it.
 */
function watchQuote(claimId: string) {
  const frames: { by: 'highlight' | 'mark' | 'none'; top: number }[] = [];
  Object.defineProperty(window, '__quoteFrames', { value: frames });
  const tick = () => {
    const mark = document.querySelector(`mark[data-claim-id="${claimId}"][data-first]`);
    let range: Range | undefined;
    CSS.highlights?.forEach((highlight) => highlight.forEach((r) => (range ??= r as Range)));
    if (mark) frames.push({ by: 'mark', top: mark.getBoundingClientRect().top });
    else if (range) frames.push({ by: 'highlight', top: range.getBoundingClientRect().top });
    else frames.push({ by: 'none', top: 0 });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

type Frames = { by: 'highlight' | 'mark' | 'none'; top: number }[];
const framesOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __quoteFrames: Frames }).__quoteFrames);

/** The text and on-screen box of the boot script's highlight, or null if nothing is painted. */
function paintedQuote(page: Page) {
  return page.evaluate(() => {
    const names = [...CSS.highlights.keys()];
    const highlight = CSS.highlights.get(names[0] ?? '');
    const range = highlight ? ([...highlight][0] as Range | undefined) : undefined;
    if (!range) return null;
    const rect = range.getBoundingClientRect();
    // The page, or on wide screens the report's own column, has scrolled to it.
    let scrolled = window.scrollY;
    for (let el = range.startContainer.parentElement; el; el = el.parentElement) {
      scrolled += el.scrollTop;
    }
    return {
      names,
      text: range.toString(),
      top: rect.top,
      bottom: rect.bottom,
      innerHeight: window.innerHeight,
      scrolled,
      hydrated: document.documentElement.hasAttribute('data-hydrated'),
    };
  });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}×${viewport.height}, a quote link shows its quote before the app starts, and the app takes over without moving it`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const release = await holdApp(page);
    await page.addInitScript(watchQuote, 'instant-quote');
    await page.goto(linkTo(QUOTE), { waitUntil: 'commit' });

    // Before React: the boot script has painted the quote and scrolled it into view.
    await expect.poll(() => paintedQuote(page)).not.toBeNull();
    const before = await paintedQuote(page);
    expect(before).toMatchObject({
      names: ['shared-quote-disputed'],
      text: QUOTE,
      hydrated: false,
    });
    expect(before?.scrolled).toBeGreaterThan(0);
    expect(before?.top).toBeGreaterThanOrEqual(0);
    expect(before?.bottom).toBeLessThanOrEqual(before?.innerHeight ?? 0);
    await expect(page.locator('mark')).toHaveCount(0);
    // Meanwhile the other report, and this one past the quote, lay out only what comes on screen
    // (quote-highlight.ts); what is on screen reads.
    const adoptedSheets = () => page.evaluate(() => document.adoptedStyleSheets.length);
    expect(await adoptedSheets()).toBe(1);
    await expect(page.getByText('He said they had also discussed Ukraine')).toBeInViewport();
    if (viewport.width >= 1024) {
      await expect(
        page.getByRole('heading', { level: 2, name: /extraordinary' diplomatic spat/ }),
      ).toBeInViewport();
    }

    release();
    // The app's mark, verdict and card arrive …
    const mark = page.locator('mark[data-shared]');
    await expect(mark).toHaveText(QUOTE);
    await expect(mark).toHaveAttribute('data-status', 'disputed');
    await expect(mark).toBeInViewport();
    const region = page.getByRole('region', { name: 'Shared claim (read-only)' });
    await expect(region).toContainText('Shared verdict: Disputed');
    await expect(region).toContainText('Brexit was not on the agenda');
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    // … and with the boot highlight gone both reports are laid out in full again.
    expect(await adoptedSheets()).toBe(0);
    await mark.click();
    await expect(region).toBeFocused();

    // … and the quote never left the screen, never went unmarked, and never moved.
    const frames = await framesOf(page);
    const shown = frames.slice(frames.findIndex((f) => f.by !== 'none'));
    expect(shown.filter((f) => f.by === 'none')).toEqual([]);
    expect(shown.some((f) => f.by === 'highlight')).toBe(true);
    expect(shown.some((f) => f.by === 'mark')).toBe(true);
    const tops = shown.map((f) => f.top);
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(1);
  });
}

test('a link whose quote is not in the text as sent: the boot script paints nothing, the app says so', async ({
  page,
}) => {
  const release = await holdApp(page);
  const link = linkTo(QUOTE, (claim) => ({
    ...claim,
    target: {
      ...claim.target,
      quote: { ...claim.target.quote, exact: QUOTE.replace('Brexit', 'Brexlt') },
    },
  }));
  await page.goto(link, { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  release();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  // Near enough for the app's matcher, which places it on the article's wording.
  await expect(page.locator('mark[data-shared]')).toHaveText(QUOTE);
});

test('a tampered link: the boot script paints nothing, and the app explains', async ({ page }) => {
  const release = await holdApp(page);
  await page.goto(linkTo(QUOTE).replace('st=disputed', 'st=confirmed'), {
    waitUntil: 'commit',
  });
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  release();
  await expect(page.getByText('This link was changed after it was made')).toBeVisible();
});

test('without the CSS Custom Highlight API the boot script does nothing and the app opens the link', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'Highlight', { value: undefined });
  });
  const release = await holdApp(page);
  await page.goto(linkTo(QUOTE), { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  // Nothing painted, and neither the page nor a report's own column scrolled.
  const seen = await page.evaluate(() => [
    [...document.querySelectorAll('[data-column]')].reduce(
      (n, el) => n + el.scrollTop,
      window.scrollY,
    ),
    CSS.highlights.size,
  ]);
  expect(seen).toEqual([0, 0]);
  release();
  const mark = page.locator('mark[data-shared]');
  await expect(mark).toHaveText(QUOTE);
  await expect(mark).toBeInViewport();
});

test('the first load is the page, its styles and the boot script; the app follows the load event', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const scripts = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({
        name: (new URL(e.name).pathname.split('/').pop() ?? '').replace(/-[\w-]{8}\.js$/, ''),
        beforeLoad: e.startTime < nav.loadEventStart,
      }));
  });
  expect(scripts.filter((s) => s.beforeLoad).map((s) => s.name)).toEqual(['boot']);
  expect(scripts.filter((s) => !s.beforeLoad).map((s) => s.name)).toContain('index');
});

test('a button pressed before the app has started does its job once the app is up', async ({
  page,
}) => {
  const release = await holdApp(page);
  await page.goto('./');
  // The pre-rendered page, before React: the header's buttons are there but not yet live.
  await page.getByRole('button', { name: /^Claims/ }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByRole('region', { name: 'Claims' })).toHaveCount(0);
  release();
  await expect(page.getByRole('region', { name: 'Claims' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Claims/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
});
