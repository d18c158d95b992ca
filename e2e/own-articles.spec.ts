import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { claimToolbar, dragSelect, makeClaim } from './claim-helpers.ts';
import { axeViolations, BUSINESS_INSIDER, expect, NEWSTALK, openReader, test } from './fixtures.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const FIXTURES = resolve(import.meta.dirname, 'fixtures/own-articles');
const NEWS_PAGE = resolve(FIXTURES, 'saved-news-page.html');
const HOSTILE_PAGE = resolve(FIXTURES, 'hostile-page.html');

// A council statement, as a reader would paste it.
const PASTED_TITLE = 'Statement on the Harbour Road closure';
const PASTED_PARAGRAPHS = [
  'Harbour Road will close to all traffic from Monday 6 April for up to nine weeks while a collapsed drain under the junction with Quay Street is replaced.',
  'The council said the drain had been inspected in 2019 and found to be in "fair condition", and that the collapse could not have been foreseen.',
  'Buses will be diverted along Mill Lane. Pedestrian access to the shops on Harbour Road will be kept open throughout the works.',
];
const PASTED_TEXT = PASTED_PARAGRAPHS.join('\n\n');
const SOURCE = 'https://www.harbourside.gov.example/news/harbour-road-closure';

function addDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Add an article' });
}

async function openAddDialog(page: Page) {
  await page.getByRole('button', { name: 'Add article' }).click();
  await expect(addDialog(page)).toBeVisible();
  return addDialog(page);
}

/** Pastes the council statement with its title and source, and waits for it to be shown. */
async function pasteStatement(page: Page): Promise<string> {
  const dialog = await openAddDialog(page);
  await dialog.getByLabel('Title').fill(PASTED_TITLE);
  await dialog.getByLabel('Source address').fill(SOURCE);
  await dialog.getByLabel('Article text').fill(PASTED_TEXT);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(addDialog(page)).toBeHidden();
  const article = page.locator('article').filter({ hasText: PASTED_TITLE });
  await expect(article).toBeVisible();
  const id = await article.getAttribute('data-article');
  if (!id) throw new Error('the added article has no id');
  return id;
}

async function addFile(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
) {
  const dialog = await openAddDialog(page);
  await dialog.getByLabel('Choose a file').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  return dialog;
}

/** A page in a fresh profile: no claims, no added articles. */
async function freshPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, page, errors };
}

test('a saved news page shows its own sentences, its title, and none of the page furniture', async ({
  page,
}) => {
  await openReader(page);
  await addFile(page, NEWS_PAGE);
  const article = page.locator('article').filter({
    hasText: 'Council approves £48m flood wall after heated meeting',
  });
  await expect(article.getByRole('heading', { level: 2 })).toHaveText(
    'Council approves £48m flood wall after heated meeting',
  );
  await expect(article).toContainText('Harbour Gazette');
  // Beginning, middle and end of the report.
  await expect(article).toContainText(
    "Harbourside councillors have approved a £48 million flood wall along the town's seafront",
  );
  await expect(article).toContainText('Glass panels and gates');
  await expect(article).toContainText(
    'Campaigners said they were considering asking for a judicial review of the decision.',
  );
  for (const furniture of [
    'Accept all cookies',
    'ADVERTISEMENT',
    'Compare energy deals',
    'Seafront petition passes',
    'Ferry timetable cut for winter',
    'SeaView62',
    'Log in to comment',
    'Get the Gazette',
    'All rights reserved',
    'Share on Facebook',
  ]) {
    await expect(page.locator('body')).not.toContainText(furniture);
  }
  // Shown beside the report that was on the right, and chosen in the pair.
  await expect(page.locator(`article[data-article="${BUSINESS_INSIDER}"]`)).toBeVisible();
  await expect(page.getByLabel('Second article')).toContainText(
    'Council approves £48m flood wall after heated meeting',
  );
});

test('a hostile saved page runs no script, loads nothing and adds no iframe or javascript: link', async ({
  page,
}) => {
  const tracked: string[] = [];
  await page.route(
    (url) => url.hostname === 'tracker.invalid',
    (route) => {
      tracked.push(route.request().url());
      return route.abort();
    },
  );
  page.on('request', (request) => {
    if (request.url().includes('tracker.invalid')) tracked.push(request.url());
  });
  await openReader(page);
  await addFile(page, HOSTILE_PAGE);
  const article = page.locator('article').filter({ hasText: 'Minister denies water contract' });
  await expect(article).toContainText('scrupulously fair');
  await expect(article).toContainText('did not change the ranking of the bids.');
  await article.click();

  const findings = await page.evaluate(() => {
    const bad: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        // Browsers skip spaces and control characters in a URL's scheme.
        const value = [...attribute.value]
          .filter((c) => c.charCodeAt(0) > 0x20)
          .join('')
          .toLowerCase();
        if (attribute.name.toLowerCase().startsWith('on'))
          bad.push(`${element.localName}[${attribute.name}]`);
        if (/^(javascript|vbscript|data):/.test(value))
          bad.push(`${element.localName}[${attribute.name}=${attribute.value}]`);
        if (value.includes('tracker.invalid'))
          bad.push(`${element.localName}[${attribute.name}=${attribute.value}]`);
      }
    }
    return {
      bad,
      iframes: document.querySelectorAll('iframe, object, embed').length,
      ran: (window as { __hostileRan?: boolean }).__hostileRan === true,
    };
  });
  expect(findings).toEqual({ bad: [], iframes: 0, ran: false });
  expect(tracked).toEqual([]);
});

test('pasted text with a title becomes an article of its paragraphs, beside another', async ({
  page,
}) => {
  await openReader(page);
  const id = await pasteStatement(page);
  const article = page.locator(`article[data-article="${id}"]`);
  await expect(article.getByRole('heading', { level: 2 })).toHaveText(PASTED_TITLE);
  for (const [i, paragraph] of PASTED_PARAGRAPHS.entries()) {
    await expect(article.locator(`[data-block="body-${i}"]`)).toHaveText(paragraph);
  }
  await expect(article.getByRole('link', { name: /Read the original/ })).toHaveAttribute(
    'href',
    SOURCE,
  );
  // Side by side with the report that was on the right.
  const other = page.locator(`article[data-article="${BUSINESS_INSIDER}"]`);
  await expect(other).toBeVisible();
  const [left, right] = [await other.boundingBox(), await article.boundingBox()];
  expect(left && right && left.x < right.x).toBe(true);
  // The pair is in the address and survives a reload.
  expect(new URL(page.url()).searchParams.get('pair')).toBe(`${BUSINESS_INSIDER},${id}`);
  // The address alone (a bookmark) brings the pair back.
  await page.evaluate(() => localStorage.removeItem('fact-check-reader:pair'));
  await page.reload();
  await expect(page.locator(`article[data-article="${id}"]`)).toBeVisible();
  // Any two: the shipped Newstalk report beside it.
  await page.getByLabel('First article').selectOption(NEWSTALK);
  await expect(page.locator(`article[data-article="${NEWSTALK}"]`)).toBeVisible();
  await expect(page.locator(`article[data-article="${BUSINESS_INSIDER}"]`)).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('pair')).toBe(`${NEWSTALK},${id}`);
});

test('a claim on an added article, tagged Disputed with a note, survives a reload', async ({
  page,
}) => {
  await openReader(page);
  const id = await pasteStatement(page);
  await makeClaim(page, id, 'could not have been foreseen', 'Disputed');
  await page.locator(`article[data-article="${id}"] mark[data-claim-id]`).first().click();
  const card = page.getByRole('dialog', { name: /^Claim in/ });
  await card.getByLabel('Note').fill('The 2019 survey flagged this drain for repair.');
  await expect(page.getByRole('button', { name: 'Claims (1)' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const mark = page.locator(`article[data-article="${id}"] mark[data-status="disputed"]`);
  await expect(mark).toHaveText('could not have been foreseen');
  await mark.click();
  await expect(page.getByRole('dialog', { name: /^Claim in/ }).getByLabel('Note')).toHaveValue(
    'The 2019 survey flagged this drain for repair.',
  );
});

test("its quote link, opened on a fresh profile, names the article that isn't there; added, the quote anchors", async ({
  page,
  browser,
}) => {
  await openReader(page);
  const id = await pasteStatement(page);
  await makeClaim(page, id, 'could not have been foreseen', 'Disputed');
  await page.locator(`article[data-article="${id}"] mark[data-claim-id]`).first().click();
  const card = page.getByRole('dialog', { name: /^Claim in/ });
  await card.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).not.toContain('pair=');

  const other = await freshPage(browser);
  await other.page.goto(link);
  const region = other.page.getByRole('region', { name: 'About the link you opened' });
  await expect(region).toContainText('could not have been foreseen');
  await expect(region).toContainText('Shared verdict: Disputed');
  await expect(region).toContainText(PASTED_TITLE);
  await expect(region).toContainText("isn't on this device");
  await expect(region.getByRole('link', { name: /Open the original/ })).toHaveAttribute(
    'href',
    SOURCE,
  );
  // Offered to add it: the same text added anchors the quote.
  await region.getByRole('button', { name: 'Add this article…' }).click();
  const dialog = addDialog(other.page);
  await expect(dialog.getByLabel('Title')).toHaveValue(PASTED_TITLE);
  await expect(dialog.getByLabel('Source address')).toHaveValue(SOURCE);
  await dialog.getByLabel('Article text').fill(PASTED_TEXT);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(other.page.locator(`article[data-article="${id}"] mark[data-shared]`)).toHaveText(
    'could not have been foreseen',
  );
  expect(other.errors).toEqual([]);
  await other.context.close();
});

test('bad files each get a clear error, and nothing already there changes', async ({ page }) => {
  // Handing a 25 MB file to the file input takes a while over the DevTools protocol.
  test.slow();
  await openReader(page);
  const id = await pasteStatement(page);
  await makeClaim(page, id, 'Buses will be diverted', 'Confirmed');
  await makeClaim(page, BUSINESS_INSIDER, 'Not successfully', 'Disputed');
  const before = await page.evaluate(() => ({
    claims: localStorage.length,
    articles: document.querySelectorAll('article').length,
    text: document.querySelector('main')?.textContent,
  }));

  const random = Buffer.alloc(64 * 1024);
  let seed = 12345;
  for (let i = 0; i < random.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    random[i] = seed >> 16;
  }
  const cases: [{ name: string; mimeType: string; buffer: Buffer }, RegExp][] = [
    [{ name: 'report.html', mimeType: 'text/html', buffer: random }, /could not read this file/i],
    [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }, /is empty/i],
    [
      {
        name: 'huge.html',
        mimeType: 'text/html',
        buffer: Buffer.alloc(25 * 1024 * 1024, '<p>Lorem ipsum dolor sit amet.</p>\n'),
      },
      /too large/i,
    ],
    [
      {
        name: 'login.html',
        mimeType: 'text/html',
        buffer: Buffer.from(
          '<html><title>Sign in</title><body><nav><a href="/">Home</a></nav><form><input name="user"></form></body></html>',
        ),
      },
      /could not find a readable article/i,
    ],
  ];
  for (const [file, message] of cases) {
    const dialog = await addFile(page, file);
    await expect(dialog.getByRole('alert')).toHaveText(message);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  }
  const after = await page.evaluate(() => ({
    claims: localStorage.length,
    articles: document.querySelectorAll('article').length,
    text: document.querySelector('main')?.textContent,
  }));
  expect(after).toEqual(before);
  await page.getByRole('button', { name: 'Your articles' }).click();
  const library = page.getByRole('dialog', { name: 'Your articles' });
  await expect(library.getByRole('listitem')).toHaveCount(3);
});

test('the Markdown export includes the added article’s claims; the dialog passes axe', async ({
  page,
}) => {
  await openReader(page);
  await openAddDialog(page);
  expect(await axeViolations(page)).toEqual([]);
  await addDialog(page).getByRole('button', { name: 'Cancel' }).click();

  const id = await pasteStatement(page);
  await makeClaim(page, id, 'could not have been foreseen', 'Disputed');
  await page.getByRole('button', { name: 'Claims (1)' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Markdown report' }).click(),
  ]);
  const markdown = readFileSync(await download.path(), 'utf8');
  expect(markdown).toContain(PASTED_TITLE);
  expect(markdown).toContain('could not have been foreseen');
  expect(markdown).toContain(SOURCE);
});

test('the library lists every article; an added one is renamed, deleted and put back with Undo', async ({
  page,
}) => {
  await openReader(page);
  const id = await pasteStatement(page);
  await makeClaim(page, id, 'Buses will be diverted', 'Confirmed');
  await page.getByRole('button', { name: 'Your articles' }).click();
  const library = page.getByRole('dialog', { name: 'Your articles' });
  const items = library.getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('Newstalk');
  await expect(items.nth(2)).toContainText(PASTED_TITLE);
  await expect(items.nth(2)).toContainText('harbourside.gov.example');
  await expect(items.nth(2)).toContainText('1 claim');
  await expect(items.nth(2)).toContainText(/\d+ characters/);

  await items
    .nth(2)
    .getByRole('button', { name: /^Rename/ })
    .click();
  await items.nth(2).getByLabel('New title').fill('Harbour Road closure');
  await items.nth(2).getByRole('button', { name: 'Save title' }).click();
  await expect(items.nth(2)).toContainText('Harbour Road closure');

  await items
    .nth(2)
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(items).toHaveCount(2);
  await expect(library.getByRole('status')).toContainText('Its 1 claim is kept');
  await expect(page.locator(`article[data-article="${id}"]`)).toHaveCount(0);
  // The claim is kept, listed as needing re-anchoring.
  await expect(page.getByRole('button', { name: 'Claims (1)' })).toBeAttached();
  await library.getByRole('button', { name: 'Undo' }).click();
  await expect(items).toHaveCount(3);
  await items.nth(2).getByRole('button', { name: /^Show/ }).click();
  await expect(page.locator(`article[data-article="${id}"]`)).toContainText('Harbour Road closure');
  await expect(
    page.locator(`article[data-article="${id}"] mark[data-status="confirmed"]`),
  ).toHaveText('Buses will be diverted');
});

test('a file dropped anywhere on the page opens the dialog with it chosen', async ({ page }) => {
  await openReader(page);
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    const text =
      'Ferry timetable cut\n\nThe winter ferry will sail twice a day instead of four times.\n\nThe operator blamed a shortage of crew.';
    transfer.items.add(new File([text], 'ferry.txt', { type: 'text/plain' }));
    return transfer;
  });
  await page.dispatchEvent(`article[data-article="${NEWSTALK}"]`, 'dragover', { dataTransfer });
  await page.dispatchEvent(`article[data-article="${NEWSTALK}"]`, 'drop', { dataTransfer });
  const dialog = addDialog(page);
  await expect(dialog).toContainText('ferry.txt');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.locator('article').filter({ hasText: 'Ferry timetable cut' })).toContainText(
    'The operator blamed a shortage of crew.',
  );
  // The other controls still work: select in the added article.
  const id = await page
    .locator('article')
    .filter({ hasText: 'Ferry timetable cut' })
    .getAttribute('data-article');
  await dragSelect(page, id ?? '', 'twice a day');
  await expect(claimToolbar(page)).toBeVisible();
});

test.describe('on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 640 }, hasTouch: true });

  test('the dialog fits, and the added article is a tab beside the other', async ({ page }) => {
    await openReader(page);
    const dialog = await openAddDialog(page);
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const id = await pasteStatement(page);
    const tabs = page.getByRole('tablist', { name: 'Reports' }).getByRole('tab');
    await expect(tabs).toHaveCount(2);
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await tabs.nth(0).tap();
    await expect(page.locator(`article[data-article="${BUSINESS_INSIDER}"]`)).toBeVisible();
    await expect(page.locator(`article[data-article="${id}"]`)).toBeHidden();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(overflow).toBe(false);
  });
});

test('counterparts, coverage and suggestions work between an added article and a shipped one', async ({
  page,
}) => {
  await openReader(page);
  const dialog = await openAddDialog(page);
  await dialog.getByLabel('Title').fill('Johnson in Moscow: the wire copy');
  await dialog
    .getByLabel('Article text')
    .fill(
      [
        'Mr Johnson insisted there was "abundant evidence" that Russia had attempted to influence polls in the US, Germany, Denmark and France.',
        'The two men met for several hours at the foreign ministry guest house.',
        'After the talks, Mr Lavrov said London made a series of aggressive and insulting statements.',
      ].join('\n\n'),
    );
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  const added = page.locator('article').filter({ hasText: 'Johnson in Moscow: the wire copy' });
  const id = (await added.getAttribute('data-article')) ?? '';
  await page.getByLabel('First article').selectOption(NEWSTALK);
  await expect(page.locator(`article[data-article="${NEWSTALK}"]`)).toBeVisible();

  await makeClaim(page, id, 'abundant evidence', 'Disputed');
  await added.locator('mark[data-claim-id]').first().click();
  const card = page.getByRole('dialog', { name: /^Claim in/ });
  await expect(card.getByTestId('counterpart-summary')).toHaveText('Also in Newstalk');
  await card.getByRole('button', { name: /^Compare/ }).click();
  await expect(page.getByRole('region', { name: 'Compare with Newstalk' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Coverage' }).click();
  const grid = page.getByRole('table');
  await expect(grid.getByRole('row', { name: /abundant evidence/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Coverage', exact: true }).click();

  await page.getByRole('button', { name: /^Suggested claims/ }).click();
  await expect(added.locator('[data-suggestion]').first()).toBeAttached();
});
