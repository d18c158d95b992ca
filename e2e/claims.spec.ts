import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations, BUSINESS_INSIDER, expect, NEWSTALK, openReader, test } from './fixtures.ts';
import { claimTexts, claimToolbar, dragSelect, makeClaim } from './claim-helpers.ts';

const STORAGE_KEY = 'fact-check-reader:claims';

/** Saves claims made on another version of the Newstalk text, as storage keeps them, and reloads. */
async function reloadWithSavedClaim(
  page: Page,
  id: string,
  quote: { exact: string; prefix: string; suffix: string },
  position: { start: number; end: number },
) {
  const now = new Date().toISOString();
  const claim = {
    id,
    target: {
      articleId: NEWSTALK,
      textHash: 'fnv1a64:0000000000000000',
      quote: { type: 'TextQuoteSelector', ...quote },
      position: { type: 'TextPositionSelector', ...position },
    },
    status: 'disputed',
    note: '',
    evidence: [],
    createdAt: now,
    updatedAt: now,
  };
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    STORAGE_KEY,
    JSON.stringify({ version: 2, state: { claims: [claim], tombstones: [] } }),
  ] as const);
  await page.reload();
}

/** A claim saved before the outlet fixed a typo ("aggresive") and added a sentence above it. */
async function reloadWithEarlierWording(page: Page) {
  await reloadWithSavedClaim(
    page,
    'earlier-wording',
    {
      exact: 'aggresive and insulting statements',
      prefix: 'ov said London made a series of ',
      suffix: '.\n\nMr Johnson was in Moscow in a',
    },
    { start: 940, end: 974 },
  );
}

test.describe('wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('drag-select "abundant evidence", tag it Disputed, and find it again after a reload', async ({
    page,
  }) => {
    await openReader(page);
    await dragSelect(page, NEWSTALK, 'abundant evidence');
    const toolbar = claimToolbar(page);
    await expect(toolbar).toBeVisible();
    await expect(toolbar.getByRole('button')).toHaveText([
      '✗ Disputed',
      '✓ Confirmed',
      '? Open',
      'Compare',
      'Copy link',
    ]);
    await toolbar.getByRole('button', { name: 'Disputed' }).click();

    const mark = page.locator(`article[data-article="${NEWSTALK}"] mark[data-claim-id]`);
    await expect(mark).toHaveText('abundant evidence');
    await expect(mark).toHaveAttribute('data-status', 'disputed');
    await expect(
      page.getByRole('status').filter({ hasText: 'Claim marked disputed' }),
    ).toBeVisible();
    // The status has a cue besides colour: a wavy underline and an icon after the quote.
    const cue = await mark.evaluate((el) => ({
      underline: getComputedStyle(el).textDecorationStyle,
      icon: getComputedStyle(el, '::after').content,
    }));
    expect(cue.underline).toBe('wavy');
    expect(cue.icon).toContain('✗');

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
    await expect(mark).toHaveText('abundant evidence');
    await expect(mark).toHaveAttribute('data-status', 'disputed');
  });

  test('a keyboard-only reader selects, tags and returns to a claim', async ({ page }) => {
    await openReader(page);
    const article = page.locator(`article[data-article="${NEWSTALK}"]`);
    for (
      let i = 0;
      i < 10 && !(await article.evaluate((el) => el === document.activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await expect(article).toBeFocused();
    const selected = () => page.evaluate(() => document.getSelection()?.toString());
    await page.keyboard.press('ArrowRight');
    await expect.poll(selected).toBe('British');
    // Alt+Down selects sentence by sentence (plain Down scrolls); Home the block's first word;
    // Right word by word.
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(selected).toMatch(/^Mr Johnson insisted/);
    await page.keyboard.press('Home');
    await expect.poll(selected).toBe('Mr');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(selected).toBe('abundant');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(selected).toBe('abundant evidence');

    await page.keyboard.press('Enter');
    await expect(claimToolbar(page).getByRole('button', { name: 'Disputed' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(claimToolbar(page).getByRole('button', { name: 'Confirmed' })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const mark = article.locator('mark[data-claim-id]');
    await expect(mark).toHaveText('abundant evidence');
    await expect(mark).toHaveAttribute('data-status', 'disputed');
    // Tagging opens the claim's note; Escape closes the card and returns to the highlight.
    await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Note' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(mark).toBeFocused();

    // Get back to it from elsewhere with the next-claim key, and open its card.
    await page.getByRole('button', { name: /Keyboard shortcuts/ }).focus();
    await page.keyboard.press(']');
    await expect(mark).toBeFocused();
    await page.keyboard.press('Enter');
    const card = page.getByRole('dialog', { name: 'Claim in Newstalk' });
    await expect(card).toBeVisible();
    await expect(card.getByRole('radio', { name: 'Disputed' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(mark).toHaveAttribute('data-status', 'confirmed');
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect(mark).toBeFocused();
  });

  test('Escape closes the selection toolbar and returns focus to the article', async ({ page }) => {
    await openReader(page);
    await dragSelect(page, NEWSTALK, 'abundant evidence');
    await claimToolbar(page).getByRole('button', { name: 'Disputed' }).focus();
    await page.keyboard.press('Escape');
    await expect(claimToolbar(page)).toBeHidden();
    await expect(page.locator(`article[data-article="${NEWSTALK}"]`)).toBeFocused();
  });

  test('the shortcuts help opens with ? and lists the keys', async ({ page }) => {
    await openReader(page);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Shift');
    await expect(help).toContainText('Next / previous claim');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });

  test('overlapping, nested and cross-paragraph claims all render', async ({ page }) => {
    await openReader(page);
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
    await makeClaim(page, NEWSTALK, 'there was "abundant', 'Confirmed');
    await makeClaim(page, NEWSTALK, 'evidence" that Russia', 'Open');
    await makeClaim(page, BUSINESS_INSIDER, 'Not successfully!\n\nLavrov: He’s afraid', 'Disputed');
    const texts = await claimTexts(page);
    expect(texts).toEqual(
      expect.arrayContaining([
        { status: 'disputed', text: 'abundant evidence' },
        { status: 'confirmed', text: 'there was "abundant' },
        { status: 'open', text: 'evidence" that Russia' },
        { status: 'disputed', text: 'Not successfully!Lavrov: He’s afraid' },
      ]),
    );
    // "abundant" is covered by two claims and shows both.
    const nested = page.locator('mark[data-status="confirmed"] > mark[data-status="disputed"]');
    await expect(nested).toHaveText('abundant');
    // The cross-paragraph claim has a mark in each of its two blocks.
    const exchange = page.locator(`article[data-article="${BUSINESS_INSIDER}"] blockquote p`);
    await expect(exchange.nth(1).locator('mark')).toHaveText('Not successfully!');
    await expect(exchange.nth(2).locator('mark')).toHaveText(['Lavrov:', ' He’s afraid']);
  });

  test('the claim card edits note, status and evidence, and Delete can be undone', async ({
    page,
  }) => {
    await openReader(page);
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
    const mark = page.locator('mark[data-claim-id]');
    await mark.click();
    const card = page.getByRole('dialog', { name: 'Claim in Newstalk' });
    await expect(card.locator('blockquote')).toHaveText('abundant evidence');
    await card.getByRole('radio', { name: 'Confirmed' }).check();
    await expect(mark).toHaveAttribute('data-status', 'confirmed');
    await card.getByLabel('Note').fill('<b>not bold</b> — the FSB leaflet was the only exhibit');
    const evidence = card.getByLabel('Evidence link (http or https)');
    await evidence.fill('javascript:alert(1)');
    await card.getByRole('button', { name: 'Add link' }).click();
    await expect(card).toContainText('Only http and https links can be saved as evidence.');
    await evidence.fill('https://www.gov.uk/government/news/foreign-secretary-visits-moscow');
    await card.getByRole('button', { name: 'Add link' }).click();
    const link = card.getByRole('link', { name: /foreign-secretary-visits-moscow/ });
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(card.locator('time')).toHaveCount(2);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
    await mark.click();
    await expect(card.getByLabel('Note')).toHaveValue(
      '<b>not bold</b> — the FSB leaflet was the only exhibit',
    );
    await expect(page.locator('b')).toHaveCount(0);

    await card.getByRole('button', { name: 'Delete claim' }).click();
    await expect(mark).toHaveCount(0);
    const toast = page.getByRole('status').filter({ hasText: 'Claim deleted' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(mark).toHaveText('abundant evidence');
    await expect(mark).toHaveAttribute('data-status', 'confirmed');

    await mark.click();
    await card.getByRole('button', { name: 'Delete claim' }).click();
    await expect(mark).toHaveCount(0);
    await page.keyboard.press('ControlOrMeta+z');
    await expect(mark).toHaveText('abundant evidence');
  });

  test('the claims panel counts, filters, searches and jumps to a claim', async ({ page }) => {
    await openReader(page);
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
    await makeClaim(page, NEWSTALK, 'very difficult patch', 'Confirmed');
    await makeClaim(page, BUSINESS_INSIDER, 'some aggressive statements', 'Disputed');
    await page.getByRole('button', { name: 'Claims (3)' }).click();
    const panel = page.getByRole('region', { name: 'Claims' });
    await expect(panel).toContainText('Newstalk: 1 disputed · 1 confirmed · 0 open');
    await expect(panel).toContainText(
      'Business Insider Australia: 1 disputed · 0 confirmed · 0 open',
    );
    const rows = panel.getByRole('listitem').filter({ has: page.getByRole('button') });
    await expect(rows).toHaveCount(3);

    await panel.getByLabel('Status').selectOption('disputed');
    await expect(rows).toHaveCount(2);
    await panel.getByLabel('Article', { exact: true }).selectOption(BUSINESS_INSIDER);
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('some aggressive statements');
    await panel.getByLabel('Status').selectOption('all');
    await panel.getByLabel('Article', { exact: true }).selectOption('all');
    await panel.getByLabel('Search quotes and notes').fill('PATCH');
    await expect(rows).toHaveCount(1);
    await panel.getByLabel('Search quotes and notes').fill('');

    // Scroll away, then jump back from the panel.
    await page
      .getByText('"We have to find a way forward," added Mr Johnson.')
      .scrollIntoViewIfNeeded();
    await rows
      .filter({ hasText: 'abundant evidence' })
      .getByRole('button', { name: /^“abundant evidence”/ })
      .click();
    const mark = page.locator('mark[data-status="disputed"]', { hasText: 'abundant evidence' });
    await expect(mark).toBeFocused();
    await expect(mark).toBeInViewport();
    await expect(mark).toHaveAttribute('data-flash', '');

    // Next/previous claim keys walk across both articles in reading order.
    await page.keyboard.press(']');
    await expect(page.locator('mark', { hasText: 'very difficult patch' })).toBeFocused();
    await page.keyboard.press(']');
    await expect(page.locator('mark', { hasText: 'some aggressive statements' })).toBeFocused();
    await page.keyboard.press('[');
    await expect(page.locator('mark', { hasText: 'very difficult patch' })).toBeFocused();
  });

  test('is axe-clean with claims, a card and the panel open', async ({ page }) => {
    await openReader(page);
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
    await makeClaim(page, NEWSTALK, 'very difficult patch', 'Confirmed');
    await makeClaim(page, BUSINESS_INSIDER, 'piled up', 'Open');
    await page.getByRole('button', { name: /^Claims/ }).click();
    await page.locator('mark', { hasText: 'abundant evidence' }).click();
    await expect(page.getByRole('dialog', { name: 'Claim in Newstalk' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a claim whose quote is gone is listed under "Needs re-anchoring", not dropped', async ({
    page,
  }) => {
    await openReader(page);
    await reloadWithSavedClaim(
      page,
      'lost-claim',
      { exact: 'Russia hacked the Eurovision Song Contest', prefix: '', suffix: '' },
      { start: 10, end: 51 },
    );
    await page.getByRole('button', { name: 'Claims (1)' }).click();
    const panel = page.getByRole('region', { name: 'Claims' });
    await expect(panel.getByRole('heading', { name: 'Needs re-anchoring (1)' })).toBeVisible();
    await expect(panel).toContainText('Russia hacked the Eurovision Song Contest');
    await expect(page.locator('mark')).toHaveCount(0);
  });

  test('a claim saved on an earlier wording follows the edit and says the article now reads differently', async ({
    page,
  }) => {
    await openReader(page);
    await reloadWithEarlierWording(page);
    await page.getByRole('button', { name: 'Claims (1)' }).click();
    const panel = page.getByRole('region', { name: 'Claims' });
    await expect(panel).toContainText('The article now words this differently');
    await expect(panel.getByRole('heading', { name: /Needs re-anchoring/ })).toHaveCount(0);
    await page.locator('mark', { hasText: 'aggressive and insulting' }).first().click();
    const card = page.getByRole('dialog', { name: 'Claim in Newstalk' });
    await expect(card).toContainText('The article now words this differently');
    await expect(card).toContainText('“aggressive and insulting statements”');
  });

  test.describe('when code for a feature cannot load', () => {
    // Requests the service worker answers would not reach page.route.
    test.use({
      serviceWorkers: 'block',
      allowedConsoleError: /net::ERR_FAILED|Failed to fetch dynamically imported module/,
    });

    test('an Undo whose code cannot load says so, and the claim stays deleted', async ({
      page,
    }) => {
      await page.route(/\/assets\/undo-[\w-]+\.js$/, (route) => route.abort());
      await openReader(page);
      await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
      const mark = page.locator('mark', { hasText: 'abundant evidence' });
      await mark.click();
      await page
        .getByRole('dialog', { name: /^Claim in / })
        .getByRole('button', { name: 'Delete claim' })
        .click();
      await expect(mark).toHaveCount(0);
      const toast = page.getByRole('status').filter({ hasText: 'Claim deleted' });
      await toast.getByRole('button', { name: 'Undo' }).click();
      // Online, so the likelier cause is named: a newer deployment, not being offline.
      await expect(page.getByRole('status')).toContainText(
        'Undo could not be loaded (the app may have been updated since this page was opened)',
      );
      await expect(mark).toHaveCount(0);
    });

    test('claims made on an earlier wording are kept, the panel says why, and a reload places them', async ({
      page,
    }) => {
      await openReader(page);
      const chunk = /\/assets\/reanchor-[\w-]+\.js$/;
      await page.route(chunk, (route) => route.abort());
      await reloadWithEarlierWording(page);
      await page.getByRole('button', { name: 'Claims (1)' }).click();
      const panel = page.getByRole('region', { name: 'Claims' });
      const alert = panel.getByRole('alert').filter({ hasText: 'could not be placed' });
      await expect(alert).toContainText('1 claim made on an earlier version of the article');
      await expect(alert).toContainText('They are kept.');
      // The share and export tools no longer need that code (import planning runs in a worker
      // that loads its own): they stay usable.
      await expect(panel.getByRole('heading', { name: 'Share, export and import' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await page.unroute(chunk);
      await alert.getByRole('button', { name: 'Reload page' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
      await page.getByRole('button', { name: 'Claims (1)' }).click();
      await expect(page.getByRole('region', { name: 'Claims' })).toContainText(
        'The article now words this differently',
      );
    });

    test('opening a claim whose card cannot load says so; the highlight and the page stay', async ({
      page,
    }) => {
      await page.route(/\/assets\/ClaimCard-[\w-]+\.js$/, (route) => route.abort());
      await openReader(page);
      // Tagging opens the card too: that is the first time it is missed.
      await dragSelect(page, NEWSTALK, 'abundant evidence');
      await claimToolbar(page).getByRole('button', { name: 'Disputed' }).click();
      await expect(page.locator('mark', { hasText: 'abundant evidence' })).toBeVisible();
      await page.locator('mark', { hasText: 'abundant evidence' }).click();
      // Said as every part that loads later says it: an alert naming it, with Reload page; online,
      // so the likelier cause is named: a newer deployment, not being offline.
      const alert = page.getByRole('alert').filter({ hasText: 'claim card' });
      await expect(alert).toContainText(
        'The claim card could not be loaded (the app may have been updated since this page was opened)',
      );
      await expect(alert.getByRole('button', { name: 'Reload page' })).toBeVisible();
      await expect(page.locator('mark', { hasText: 'abundant evidence' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Claims (1)' })).toBeVisible();
    });
  });

  test('corrupted storage: the app starts, says so, and keeps the unreadable value', async ({
    page,
  }) => {
    await openReader(page);
    const garbage = '{"version":2,"state":{"claims":[{"id":"x"'; // cut off mid-write
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      STORAGE_KEY,
      garbage,
    ] as const);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
    const notice = page.getByRole('alert');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('fact-check-reader:claims:backup:');
    const stored = await page.evaluate((key) => {
      const backups = Object.keys(localStorage).filter((k) => k.startsWith(`${key}:backup:`));
      return {
        main: localStorage.getItem(key),
        backups: backups.map((k) => localStorage.getItem(k)),
      };
    }, STORAGE_KEY);
    expect(stored.backups).toEqual([garbage]);
    // Claims still work after that.
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
    await expect(page.locator('mark')).toHaveText('abundant evidence');
  });

  test('a future version in storage is kept, not overwritten silently', async ({ page }) => {
    await openReader(page);
    const future = JSON.stringify({ version: 99, state: { claims: [], shiny: true } });
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      STORAGE_KEY,
      future,
    ] as const);
    await page.reload();
    await expect(page.getByRole('alert')).toBeVisible();
    const backups = await page.evaluate(
      (key) =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith(`${key}:backup:`))
          .map((k) => localStorage.getItem(k)),
      STORAGE_KEY,
    );
    expect(backups).toEqual([future]);
  });

  test('two tabs: claims made in each appear in the other without reload', async ({ context }) => {
    const first = await context.newPage();
    const second = await context.newPage();
    await openReader(first);
    await openReader(second);
    await makeClaim(first, NEWSTALK, 'abundant evidence', 'Disputed');
    await expect(second.locator('mark', { hasText: 'abundant evidence' })).toHaveAttribute(
      'data-status',
      'disputed',
    );
    await makeClaim(second, BUSINESS_INSIDER, 'some aggressive statements', 'Confirmed');
    await expect(first.locator('mark', { hasText: 'some aggressive statements' })).toBeVisible();
    // Concurrent edits of different claims both survive.
    await first.locator('mark', { hasText: 'abundant evidence' }).click();
    await first.getByRole('radio', { name: 'Open' }).check();
    await second.locator('mark', { hasText: 'some aggressive statements' }).click();
    await second.getByRole('radio', { name: 'Disputed' }).check();
    for (const page of [first, second]) {
      await expect(page.locator('mark', { hasText: 'abundant evidence' })).toHaveAttribute(
        'data-status',
        'open',
      );
      await expect(page.locator('mark', { hasText: 'some aggressive statements' })).toHaveAttribute(
        'data-status',
        'disputed',
      );
    }
    await first.reload();
    await expect(first.locator('mark[data-claim-id]')).toHaveCount(2);
  });
});

test.describe('narrow screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('choosing a claim in the panel switches to its tab', async ({ page }) => {
    await openReader(page);
    await page.getByRole('tab', { name: 'Business Insider Australia' }).click();
    await makeClaim(page, BUSINESS_INSIDER, 'some aggressive statements', 'Disputed');
    await page.getByRole('tab', { name: 'Newstalk' }).click();
    await page.getByRole('button', { name: 'Claims (1)' }).click();
    await page
      .getByRole('region', { name: 'Claims' })
      .getByRole('button', { name: /^“some aggressive statements”/ })
      .click();
    await expect(page.getByRole('tab', { name: 'Business Insider Australia' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const mark = page.locator('mark', { hasText: 'some aggressive statements' });
    await expect(mark).toBeFocused();
    await expect(mark).toBeInViewport();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('full storage', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('says so, keeps the claims in the tab and offers them as a download', async ({ page }) => {
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('fact-check-reader:')) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        setItem.call(this, key, value);
      };
    });
    await openReader(page);
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
    const notice = page.getByRole('alert');
    await expect(notice).toContainText('storage is full');
    await expect(page.locator('mark')).toHaveText('abundant evidence');
    const download = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Download my claims' }).click();
    const file = await download;
    // The same Web Annotation file as Export, so Import can bring the claims back later.
    const saved = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
      type: string;
      first: { items: { target: { selector: { type: string; exact?: string }[] } }[] };
    };
    expect(saved.type).toBe('AnnotationCollection');
    expect(saved.first.items.map((a) => a.target.selector[0]?.exact)).toEqual([
      'abundant evidence',
    ]);
  });
});
