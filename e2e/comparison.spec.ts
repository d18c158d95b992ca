import { makeClaim, makeClaimAndOpenCard } from './claim-helpers.ts';
import type { Locator, Page } from '@playwright/test';
import { axeViolations, BUSINESS_INSIDER, expect, NEWSTALK, openReader, test } from './fixtures.ts';

/**
 * Tags Business Insider's "some aggressive statements" disputed, checks its card finds it in
 * Newstalk (and says synonyms are off exactly when `synonymsOff`), and opens the comparison; the
 * comparison's region.
 */
async function compareAggressiveStatements(page: Page, synonymsOff = false): Promise<Locator> {
  await openReader(page);
  const card = await makeClaimAndOpenCard(
    page,
    BUSINESS_INSIDER,
    'some aggressive statements',
    'Disputed',
    'Business Insider Australia',
  );
  await expect(card.getByTestId('counterpart-summary')).toHaveText('Also in Newstalk');
  await expect(card.getByRole('note')).toHaveCount(synonymsOff ? 1 : 0);
  await card.getByRole('button', { name: /^Compare/ }).click();
  return page.getByRole('region', { name: 'Compare with Newstalk' });
}

test.describe('wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('a Newstalk claim with no counterpart says it is not in Business Insider', async ({
    page,
  }) => {
    await openReader(page);
    // Business Insider quotes Theresa May too, but not on this.
    const card = await makeClaimAndOpenCard(
      page,
      NEWSTALK,
      'take a "hard headed" approach to dealing with Russia',
      'Disputed',
      'Newstalk',
    );
    await expect(card.getByTestId('counterpart-summary')).toHaveText(
      'Not in Business Insider Australia',
    );
    await card.getByRole('button', { name: /^Compare/ }).click();
    const panel = page.getByRole('region', { name: 'Compare with Business Insider Australia' });
    await expect(panel).toContainText('Not in Business Insider Australia.');
    await expect(panel).toContainText('an omission is itself a finding');
  });

  test('a weak match says so in words, on the card and in the comparison', async ({ page }) => {
    await openReader(page);
    // Newstalk never has Johnson worrying about Lavrov's reputation; the best the matcher finds
    // there is a weak, wrong passage, and the reader is told to check it.
    const card = await makeClaimAndOpenCard(
      page,
      BUSINESS_INSIDER,
      'to which the Conservative minister said it was Lavrov’s reputation which he worries about',
      'Open',
      'Business Insider Australia',
    );
    await expect(card.getByTestId('counterpart-summary')).toHaveText(
      'Perhaps in Newstalk (weak match)',
    );
    await card.getByRole('button', { name: /^Compare/ }).click();
    const best = page
      .getByRole('region', { name: 'Compare with Newstalk' })
      .locator('ol > li')
      .first();
    await expect(best).toContainText(/Match 1 of 1: \d+% similar, weak match, check it\./);
    await expect(best).toContainText('read both before relying on it');
  });

  test('when the related-word list cannot be loaded, the comparison still matches and says synonyms are off', async ({
    page,
  }) => {
    // As offline before the list was ever fetched: every request for it fails.
    await page.context().route('**/wordnet-related*.json', (route) => route.abort());
    const panel = await compareAggressiveStatements(page, true);
    await expect(panel.locator('ol > li').first()).toContainText('aggressive');
    await expect(panel.getByRole('note')).toHaveText(
      /^Synonyms are off: the related-word list did not load, so a paraphrase may be missed/,
    );
  });

  test('Lavrov’s “aggressive statements” line: counterpart, word diff, jump and link', async ({
    page,
  }) => {
    const panel = await compareAggressiveStatements(page);
    const best = panel.getByRole('listitem').first();
    await expect(best).toContainText(/Match 1 of \d+: \d+% similar, close match\./);
    await expect(panel.getByRole('note')).toHaveCount(0);
    await expect(best).toContainText('aggressive');
    // The word-level difference: what Newstalk has that Business Insider does not.
    await expect(best.locator('ins').first()).toBeVisible();
    await best.getByRole('button', { name: 'Show in Newstalk' }).click();

    const passage = page.locator(
      `article[data-article="${NEWSTALK}"] mark[data-passage="passage"][data-first]`,
    );
    await expect(passage).toBeFocused();
    await expect(passage).toBeInViewport();
    await expect(passage).toContainText('aggressive');
    await expect(page.getByTestId('counterpart-connector')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await panel.getByRole('button', { name: 'Close comparison' }).click();
    await expect(panel).toBeHidden();
    await expect(page.locator('mark[data-passage]')).toHaveCount(0);
  });

  test('suggested claims: turn them on, read why, accept one, dismiss another', async ({
    page,
  }) => {
    await openReader(page);
    const toggle = page.getByRole('button', { name: /^Suggested claims/ });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('[data-suggestion]')).toHaveCount(0);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    const newstalk = page.locator(`article[data-article="${NEWSTALK}"]`);
    const why = newstalk.getByRole('button', { name: /^Suggested claim:/ });
    // The analysis loads when suggestions are first shown: count them once they are drawn.
    await expect(why.first()).toBeVisible();
    const count = await why.count();
    expect(count).toBeGreaterThan(2);
    await why.first().click();
    const popover = page.getByRole('dialog', { name: 'Suggested claim' });
    await expect(popover.getByRole('heading', { name: 'Why it was suggested' })).toBeVisible();
    await expect(popover.getByRole('listitem').first()).not.toBeEmpty();
    await popover.getByRole('button', { name: 'Accept as open claim' }).click();
    await expect(page.getByRole('button', { name: 'Claims (1)' })).toBeVisible();
    await expect(newstalk.locator('mark[data-status="open"]').first()).toBeVisible();
    await expect(why).toHaveCount(count - 1);

    await why.first().click();
    await popover.getByRole('button', { name: 'Dismiss' }).click();
    await expect(why).toHaveCount(count - 2);
    expect(await axeViolations(page)).toEqual([]);

    // Dismissals are remembered.
    await page.reload();
    await page.getByRole('button', { name: /^Suggested claims/ }).click();
    await expect(why).toHaveCount(count - 2);
  });

  test('the claims panel groups and filters claims by speaker', async ({ page }) => {
    await openReader(page);
    await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
    await makeClaim(page, BUSINESS_INSIDER, 'some aggressive statements', 'Disputed');
    await page.getByRole('button', { name: 'Claims (2)' }).click();
    const panel = page.getByRole('region', { name: 'Claims' });
    await panel.getByLabel('Group by speaker').check();
    await expect(panel.getByRole('heading', { name: 'Boris Johnson (1)' })).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'Sergei Lavrov (1)' })).toBeVisible();
    await panel.getByLabel('Speaker', { exact: true }).selectOption({ label: 'Sergei Lavrov' });
    await expect(panel.getByRole('status')).toHaveText('1 of 2 claims shown');
    const rows = panel.getByRole('listitem').filter({ has: page.getByRole('button') });
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('some aggressive statements');
  });

  test('the coverage grid shows what each outlet carries and jumps to it', async ({ page }) => {
    await openReader(page);
    await makeClaim(
      page,
      NEWSTALK,
      'take a "hard headed" approach to dealing with Russia',
      'Disputed',
    );
    await makeClaim(page, BUSINESS_INSIDER, 'some aggressive statements', 'Confirmed');
    await page.getByRole('button', { name: 'Coverage' }).click();
    const grid = page.getByRole('table');
    const abundant = grid.getByRole('row', { name: /hard headed/ });
    await expect(abundant.getByRole('cell').nth(0)).toHaveText(/Reports it · Disputed/);
    await expect(abundant.getByRole('cell').nth(1)).toHaveText(/Not reported/);
    const aggressive = grid.getByRole('row', { name: /some aggressive statements/ });
    await expect(aggressive.getByRole('cell').nth(1)).toHaveText(/Reports it · Confirmed/);
    await aggressive.getByRole('cell').nth(0).getByRole('button').click();
    const passage = page.locator(
      `article[data-article="${NEWSTALK}"] mark[data-passage="passage"][data-first]`,
    );
    await expect(passage).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('narrow screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('showing a counterpart switches to the other report’s tab', async ({ page }) => {
    await openReader(page);
    await page.getByRole('tab', { name: 'Business Insider Australia' }).click();
    await makeClaim(page, BUSINESS_INSIDER, 'some aggressive statements', 'Disputed');
    await page.locator('mark[data-claim-id]').first().click();
    await page.getByRole('button', { name: /^Compare/ }).click();
    await page
      .getByRole('region', { name: 'Compare with Newstalk' })
      .getByRole('button', { name: 'Show in Newstalk' })
      .first()
      .click();
    await expect(page.getByRole('tab', { name: 'Newstalk' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.locator('mark[data-passage="passage"][data-first]')).toBeInViewport();
  });
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 1280, height: 800 } });

  test('suggestions, a comparison and the coverage grid stay axe-clean', async ({ page }) => {
    await openReader(page);
    await page.getByRole('button', { name: /^Suggested claims/ }).click();
    // Select only once the suggestions are drawn: they arrive a moment later and move the text.
    await expect(page.locator('[data-suggestion-button]').first()).toBeVisible();
    await makeClaim(page, BUSINESS_INSIDER, 'some aggressive statements', 'Disputed');
    await page.locator('mark[data-claim-id]').first().click();
    await page.getByRole('button', { name: /^Compare/ }).click();
    await page
      .getByRole('region', { name: 'Compare with Newstalk' })
      .getByRole('button', { name: 'Show in Newstalk' })
      .first()
      .click();
    await page.getByRole('button', { name: 'Coverage' }).click();
    await expect(page.getByRole('table')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});
