import type { Locator, Page } from '@playwright/test';
import { claimToolbar, dragSelect, makeClaim } from './claim-helpers.ts';
import { axeViolations, BUSINESS_INSIDER, expect, NEWSTALK, openReader, test } from './fixtures.ts';

/** Waits until `locator`'s first line has stayed put for 250 ms (smooth scrolling has ended). */
async function settled(locator: Locator): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(
          await locator.evaluate((el) => {
            const line = el.getClientRects()[0];
            return line ? [Math.round(line.top), Math.round(line.left)] : null;
          }),
        );
        const still = now === last;
        last = now;
        return still;
      },
      { intervals: [250], timeout: 10_000 },
    )
    .toBe(true);
}

/**
 * Where the centre of `locator`'s first line is, whether it is inside the window, and whether
 * the topmost element there is the passage itself (or text inside it), inside `articleId`.
 */
async function uncovered(locator: Locator, articleId: string) {
  await settled(locator);
  return locator.evaluate((el, articleId) => {
    const line = el.getClientRects()[0];
    if (!line) return { inView: false, uncovered: false, top: NaN };
    const x = line.left + line.width / 2;
    const y = line.top + line.height / 2;
    const hit = document.elementFromPoint(x, y);
    const article = document.querySelector(`article[data-article="${articleId}"]`);
    return {
      inView:
        line.top >= 0 &&
        line.bottom <= window.innerHeight &&
        line.left >= 0 &&
        line.right <= window.innerWidth,
      uncovered:
        hit !== null &&
        article !== null &&
        article.contains(hit) &&
        (hit === el || el.contains(hit) || hit.contains(el)),
      top: line.top,
    };
  }, articleId);
}

async function expectSideBySide(page: Page, claim: Locator, claimArticle: string) {
  const otherArticle = claimArticle === NEWSTALK ? BUSINESS_INSIDER : NEWSTALK;
  const counterpart = page.locator(
    `article[data-article="${otherArticle}"] mark[data-passage="passage"][data-first]`,
  );
  await expect(counterpart).toBeFocused();
  const there = await uncovered(counterpart, otherArticle);
  const here = await uncovered(claim, claimArticle);
  expect(there, 'the counterpart passage').toMatchObject({ inView: true, uncovered: true });
  expect(here, 'the claim').toMatchObject({ inView: true, uncovered: true });
  return { claimTop: here.top, counterpartTop: there.top };
}

/** Opens the comparison of the claim `mark` from its card and shows the best counterpart. */
async function showBestCounterpart(page: Page, mark: Locator, otherOutlet: string) {
  await mark.click();
  await page
    .getByRole('dialog', { name: /^Claim in / })
    .getByRole('button', { name: /^Compare/ })
    .click();
  await page
    .getByRole('region', { name: `Compare with ${otherOutlet}` })
    .getByRole('listitem')
    .first()
    .getByRole('button', { name: `Show in ${otherOutlet}` })
    .click();
}

/** The rectangles of every visible button outside the toast. */
async function buttonsUnderToast(page: Page) {
  return page.evaluate(() => {
    const toast = document.querySelector('[role="status"][aria-live]');
    const box = toast?.getBoundingClientRect();
    if (!toast || !box || box.height === 0) return [];
    const under: string[] = [];
    for (const button of document.querySelectorAll<HTMLElement>('button, a[href], input')) {
      if (toast.contains(button) || !button.checkVisibility()) continue;
      const r = button.getBoundingClientRect();
      if (r.width === 0) continue;
      const overlap =
        r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom;
      // Only what is really drawn there counts (not text scrolled out of its column).
      const hit = document.elementFromPoint(
        Math.max(r.left, box.left) + 1,
        Math.max(r.top, box.top) + 1,
      );
      if (overlap && hit && toast.contains(hit)) {
        under.push(button.textContent?.trim() || button.getAttribute('aria-label') || '?');
      }
    }
    return under;
  });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]) {
  test.describe(`wide screen ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('a claim and its counterpart show side by side, both in view and uncovered', async ({
      page,
    }) => {
      await openReader(page);
      await makeClaim(page, BUSINESS_INSIDER, 'some aggressive statements', 'Disputed');
      const claim = page.locator(`article[data-article="${BUSINESS_INSIDER}"] mark[data-claim-id]`);
      await showBestCounterpart(page, claim.first(), 'Newstalk');
      const { claimTop, counterpartTop } = await expectSideBySide(
        page,
        claim.first(),
        BUSINESS_INSIDER,
      );
      // Lined up: level with each other, give or take the ends of a column.
      expect(Math.abs(claimTop - counterpartTop)).toBeLessThan(40);
      await expect(page.getByTestId('counterpart-connector')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });

    test('a pair far apart in the two reports still lines up', async ({ page }) => {
      await openReader(page);
      const quote = 'Johnson is the first UK foreign secretary to visit Russia in five years';
      await makeClaim(page, BUSINESS_INSIDER, quote, 'Confirmed');
      const claim = page.locator(`article[data-article="${BUSINESS_INSIDER}"] mark[data-claim-id]`);
      await showBestCounterpart(page, claim.first(), 'Newstalk');
      const counterpart = page.locator(
        `article[data-article="${NEWSTALK}"] mark[data-passage="passage"][data-first]`,
      );
      // Far apart: in their articles, the two lie more than a screen's height from level.
      const apart = await page.evaluate(
        ([a, b]) => {
          const offset = (selector: string) => {
            const el = document.querySelector(selector);
            const article = el?.closest('article');
            if (!el || !article) return NaN;
            return el.getBoundingClientRect().top - article.getBoundingClientRect().top;
          };
          return Math.abs(offset(a) - offset(b));
        },
        [
          `article[data-article="${BUSINESS_INSIDER}"] mark[data-claim-id]`,
          `article[data-article="${NEWSTALK}"] mark[data-passage="passage"]`,
        ] as const,
      );
      expect(apart).toBeGreaterThan(viewport.height);
      await expect(counterpart).toBeVisible();
      await expectSideBySide(page, claim.first(), BUSINESS_INSIDER);
    });

    test('the wheel over one report scrolls only that report', async ({ page }) => {
      await openReader(page);
      const newstalk = page.locator(`[data-column="${NEWSTALK}"]`);
      const insider = page.locator(`[data-column="${BUSINESS_INSIDER}"]`);
      const visibleText = (column: Locator) =>
        column.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const blocks = [...el.querySelectorAll('[data-block]')].filter((b) => {
            const r = b.getBoundingClientRect();
            return r.bottom > box.top && r.top < box.bottom;
          });
          return blocks.map((b) => b.textContent).join('\n');
        });
      const insiderBefore = await visibleText(insider);
      const newstalkBefore = await visibleText(newstalk);
      const box = await newstalk.boundingBox();
      if (!box) throw new Error('no Newstalk column');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 400);
      await expect.poll(() => visibleText(newstalk)).not.toBe(newstalkBefore);
      expect(await visibleText(insider)).toBe(insiderBefore);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    });

    test('↓ in a report scrolls it and selects nothing', async ({ page }) => {
      await openReader(page);
      const column = page.locator(`[data-column="${NEWSTALK}"]`);
      await page.locator(`article[data-article="${NEWSTALK}"]`).focus();
      const before = await column.evaluate((el) => el.scrollTop);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => column.evaluate((el) => el.scrollTop)).toBeGreaterThan(before);
      expect(await page.evaluate(() => document.getSelection()?.toString() ?? '')).toBe('');
      // Sentences are selected with Alt+↓ (next) and Shift+↓ (extend) instead.
      await page.keyboard.press('Alt+ArrowDown');
      await expect
        .poll(() => page.evaluate(() => document.getSelection()?.toString() ?? ''))
        .toMatch(/^British foreign secretary Boris Johnson has clashed/);
    });
  });
}

test.describe('wide screen: notes, undo and hints', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('a first-visit hint says to select text, and stays dismissed', async ({ page }) => {
    await openReader(page);
    const hint = page.getByTestId('first-visit-hint');
    await expect(hint).toBeVisible();
    await expect(hint).toBeInViewport({ ratio: 1 });
    const text = (await hint.textContent()) ?? '';
    expect(text.length).toBeLessThanOrEqual(240);
    expect(text).toMatch(/select/i);
    expect(text).toMatch(/claim|passage|text|words|sentence/i);
    await page.getByRole('button', { name: /Got it/ }).click();
    await expect(hint).toBeHidden();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
    await expect(hint).toBeHidden();
  });

  test('tagging opens the note box; the note survives a reload; Delete and Undo restore it all', async ({
    page,
  }) => {
    await openReader(page);
    await dragSelect(page, NEWSTALK, 'abundant evidence');
    await claimToolbar(page).getByRole('button', { name: 'Disputed' }).click();
    const card = page.getByRole('dialog', { name: 'Claim in Newstalk' });
    const note = card.getByRole('textbox', { name: 'Note' });
    await expect(note).toBeFocused();
    await expect(note).toBeInViewport({ ratio: 1 });
    await page.keyboard.type('Only the FSB leaflet was shown');
    // Saved within a second of typing.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('fact-check-reader:claims') ?? ''), {
        timeout: 1_000,
      })
      .toContain('Only the FSB leaflet was shown');
    expect(await buttonsUnderToast(page)).toEqual([]);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
    const mark = page.locator(`article[data-article="${NEWSTALK}"] mark[data-claim-id]`);
    await mark.click();
    await expect(note).toHaveValue('Only the FSB leaflet was shown');

    await card.getByRole('button', { name: 'Delete claim' }).click();
    await expect(mark).toHaveCount(0);
    const toast = page.getByRole('status').filter({ hasText: 'Claim deleted' });
    await expect(toast).toBeVisible();
    expect(await buttonsUnderToast(page)).toEqual([]);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(mark).toHaveText('abundant evidence');
    await expect(mark).toHaveAttribute('data-status', 'disputed');
    await mark.click();
    await expect(note).toHaveValue('Only the FSB leaflet was shown');
  });

  test('a status change and clearing the filters can be undone', async ({ page }) => {
    await openReader(page);
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
    const mark = page.locator(`article[data-article="${NEWSTALK}"] mark[data-claim-id]`);
    await mark.click();
    const card = page.getByRole('dialog', { name: 'Claim in Newstalk' });
    await card.getByRole('radio', { name: 'Confirmed' }).check();
    await expect(mark).toHaveAttribute('data-status', 'confirmed');
    const toast = page.getByRole('status').filter({ hasText: 'Status changed to Confirmed' });
    await expect(toast).toBeVisible();
    expect(await buttonsUnderToast(page)).toEqual([]);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(mark).toHaveAttribute('data-status', 'disputed');
    await expect(card.getByRole('radio', { name: 'Disputed' })).toBeChecked();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Claims (1)' }).click();
    const panel = page.getByRole('region', { name: 'Claims' });
    await panel.getByLabel('Status').selectOption({ label: 'Confirmed' });
    await panel.getByLabel('Search quotes and notes').fill('abundant');
    await expect(panel.getByRole('status')).toHaveText('0 of 1 claims shown');
    await panel.getByRole('button', { name: 'Clear filters' }).click();
    await expect(panel.getByRole('status')).toHaveText('1 claim');
    const cleared = page.getByRole('status').filter({ hasText: 'Filters cleared' });
    expect(await buttonsUnderToast(page)).toEqual([]);
    await cleared.getByRole('button', { name: 'Undo' }).click();
    await expect(panel.getByLabel('Status')).toHaveValue('confirmed');
    await expect(panel.getByLabel('Search quotes and notes')).toHaveValue('abundant');
    await expect(panel.getByRole('status')).toHaveText('0 of 1 claims shown');
  });
});

const GCHQ =
  'GCHQ recently told the Intelligence and Security Committee that Britain has developed “the full spectrum” of offensive cyber weapons';

/** Whether the open card lies inside the window and clear of every line of the claim. */
async function cardPlacement(page: Page) {
  const card = page.getByRole('dialog', { name: /^Claim in / });
  await expect(card).toBeVisible();
  await settled(card);
  return page.evaluate(() => {
    const dialog = document.querySelector('[role="dialog"]');
    const box = dialog?.getBoundingClientRect();
    if (!box) return null;
    const lines = [...document.querySelectorAll('mark[data-claim-id]')].flatMap((m) => [
      ...m.getClientRects(),
    ]);
    return {
      inWindow:
        box.top >= 0 &&
        box.left >= 0 &&
        box.bottom <= window.innerHeight &&
        box.right <= window.innerWidth,
      coversClaim: lines.some(
        (r) => r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom,
      ),
    };
  });
}

for (const { viewport, touch } of [
  { viewport: { width: 1280, height: 900 }, touch: false },
  { viewport: { width: 390, height: 844 }, touch: true },
]) {
  test.describe(`claim card at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport, hasTouch: touch, isMobile: touch });

    test('the card stays inside the window and off the claim’s own text', async ({ page }) => {
      await openReader(page);
      if (touch) await page.getByRole('tab', { name: 'Business Insider Australia' }).tap();
      await makeClaim(page, BUSINESS_INSIDER, GCHQ, 'Disputed');
      const claim = page.locator(`article[data-article="${BUSINESS_INSIDER}"] mark[data-claim-id]`);
      // Scrolled to the foot of the screen, where a card below it has no room.
      await claim.last().evaluate((el) => el.scrollIntoView({ block: 'end' }));
      if (touch) await claim.first().tap();
      else await claim.first().click();
      expect(await cardPlacement(page)).toEqual({ inWindow: true, coversClaim: false });
    });
  });
}

test.describe('wide screen: a note in a link', () => {
  test.use({
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });

  test('before copying a link, the card says the note travels in it and can leave it out', async ({
    page,
  }) => {
    await openReader(page);
    await dragSelect(page, NEWSTALK, 'abundant evidence');
    await claimToolbar(page).getByRole('button', { name: 'Disputed' }).click();
    await page.keyboard.type('Private: ask the desk first');
    const card = page.getByRole('dialog', { name: 'Claim in Newstalk' });
    await card.getByRole('button', { name: 'Copy link' }).click();
    await expect(card.getByRole('group', { name: /Your note travels in the link/ })).toBeVisible();
    await card.getByRole('button', { name: 'Copy without the note' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#claim\?/);
    expect(decodeURIComponent(link)).not.toContain('Private');
    expect(link).not.toMatch(/[?&]n=/);
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the first paragraph of the report is on screen on first load, with the hint', async ({
    page,
  }) => {
    await openReader(page);
    const first = page.locator(`article[data-article="${NEWSTALK}"] [data-block="body-0"]`);
    const top = await first.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(844);
    await expect(page.getByTestId('first-visit-hint')).toBeInViewport({ ratio: 1 });
    // The reading controls come first; the shortcuts help is not in the header.
    const header = page.locator('header');
    await expect(header.getByRole('button').first()).toHaveText(/^Claims/);
    await expect(header.getByRole('button', { name: /Keyboard shortcuts/ })).toBeHidden();
  });

  test('the counterpart opens in view on the other tab, and Back returns to the claim', async ({
    page,
  }) => {
    await openReader(page);
    await page.getByRole('tab', { name: 'Business Insider Australia' }).tap();
    const quote = 'Johnson is the first UK foreign secretary to visit Russia in five years';
    await makeClaim(page, BUSINESS_INSIDER, quote, 'Disputed');
    const claim = page.locator(`article[data-article="${BUSINESS_INSIDER}"] mark[data-claim-id]`);
    await claim.first().tap();
    await page
      .getByRole('dialog', { name: /^Claim in / })
      .getByRole('button', { name: /^Compare/ })
      .tap();
    const panel = page.getByRole('region', { name: 'Compare with Newstalk' });
    await panel.getByRole('button', { name: 'Show in Newstalk' }).first().tap();
    await expect(page.getByRole('tab', { name: 'Newstalk' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const counterpart = page.locator(
      `article[data-article="${NEWSTALK}"] mark[data-passage="passage"][data-first]`,
    );
    expect(await uncovered(counterpart, NEWSTALK)).toMatchObject({
      inView: true,
      uncovered: true,
    });
    expect(await axeViolations(page)).toEqual([]);

    const back = page.getByRole('button', { name: /^Back/ });
    await expect(back).toBeVisible();
    await expect(back).toHaveText('Back to Business Insider Australia');
    await back.tap();
    await expect(page.getByRole('tab', { name: 'Business Insider Australia' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(await uncovered(claim.first(), BUSINESS_INSIDER)).toMatchObject({
      inView: true,
      uncovered: true,
    });

    // Each tab keeps its place: back and forth, the claim is not left under the tab bar.
    await page.getByRole('tab', { name: 'Newstalk' }).tap();
    expect(await uncovered(counterpart, NEWSTALK)).toMatchObject({ inView: true });
    await page.getByRole('tab', { name: 'Business Insider Australia' }).tap();
    expect(await uncovered(claim.first(), BUSINESS_INSIDER)).toMatchObject({
      inView: true,
      uncovered: true,
    });
  });
});

for (const viewport of [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
]) {
  test.describe(`selection toolbar at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport, hasTouch: true, isMobile: true });

    test('every button is on screen and at least 24×24', async ({ page }) => {
      await openReader(page);
      await dragSelect(page, NEWSTALK, 'abundant evidence');
      const toolbar = claimToolbar(page);
      await expect(toolbar).toBeVisible();
      await expect(toolbar.getByRole('button', { name: 'Disputed' })).toBeVisible();
      const buttons = await toolbar.getByRole('button').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return {
            name: el.textContent,
            inside:
              r.left >= 0 &&
              r.top >= 0 &&
              r.right <= window.innerWidth &&
              r.bottom <= window.innerHeight,
            big: r.width >= 24 && r.height >= 24,
          };
        }),
      );
      expect(buttons.map((b) => b.name)).toEqual([
        '✗ Disputed',
        '✓ Confirmed',
        '? Open',
        'Compare',
        'Copy link',
      ]);
      for (const button of buttons) expect(button).toMatchObject({ inside: true, big: true });
    });
  });
}
