// Compare, as a reader uses it: time from the click on Compare to the first ranked counterpart
// for the two seed reports; from the click on a saved claim to its card's "Also in" / "Not in",
// on a page that has not compared yet, clicked as soon as it has hydrated and once it has stopped
// fetching (the comparer starts at idle for a reader with claims), and once more after; and the
// longest task on the page's thread while two pasted 50,000-word reports are compared. Figures,
// not assertions.
import { withAppModules } from './app-modules.mjs';
import { median } from './bench-stats.mjs';

const NEWSTALK = 'newstalk-johnson-lavrov-clash';
const BUSINESS_INSIDER = 'business-insider-johnson-lavrov-spat';
const SEED_PASSAGE =
  'when he travelled to Moscow for the first visit by a Foreign Secretary for five years.';

/**
 * Clicks `target` (a locator); resolves with ms from the click to the first moment an element
 * matching `selector` shows text matching `text` (a RegExp source).
 */
async function clickUntilShown(page, target, { selector, text = '' }, timeout) {
  await page.evaluate(
    ({ selector, text }) => {
      window.benchShown = new Promise((resolve) => {
        document.addEventListener(
          'click',
          (event) => {
            const started = event.timeStamp;
            const check = () => {
              const found = document.querySelector(selector);
              if (found && new RegExp(text).test(found.textContent ?? '')) {
                observer.disconnect();
                resolve(performance.now() - started);
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, {
              subtree: true,
              childList: true,
              characterData: true,
            });
            check();
          },
          { once: true, capture: true },
        );
      });
    },
    { selector, text },
  );
  await target.click();
  return page.evaluate(
    ({ timeout, selector }) =>
      Promise.race([
        window.benchShown,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`nothing shown at ${selector}`)), timeout),
        ),
      ]),
    { timeout, selector },
  );
}

/** Clicks the toolbar's Compare; resolves with ms from the click to the first counterpart. */
function compareSelection(page, timeout) {
  const toolbar = page.getByRole('toolbar', { name: 'Claim actions' });
  return clickUntilShown(
    page,
    toolbar.getByRole('button', { name: /^Compare/ }),
    { selector: 'section ol > li' },
    timeout,
  );
}

/** Clicks the claim's text; resolves with ms from the click to its card's counterpart summary. */
function openCard(page, claimText, timeout) {
  return clickUntilShown(
    page,
    page.locator('mark[data-claim-id]', { hasText: claimText.slice(0, 30) }).first(),
    { selector: '[data-testid="counterpart-summary"]', text: '^(Also in|Not in|Perhaps in)' },
    timeout,
  );
}

async function open(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.locator('html[data-hydrated="true"]').waitFor();
  return { context, page };
}

/** The figures, as lines. */
export function benchCompareOffThread(browser, baseUrl, runs = 5) {
  // The e2e tests' own helpers and long pair (loaded through Vite, being TypeScript), so that
  // the bench selects, pastes and compares exactly as the tests do.
  return withAppModules(async (load, canonicalOf) => {
    const { dragSelect } = await load('/e2e/claim-helpers.ts');
    const { pasteArticle } = await load('/e2e/article-helpers.ts');
    const { seedWordsPair } = await load('/src/core/test-fixtures/synthetic-articles.ts');
    const texts = [];
    for (const id of [NEWSTALK, BUSINESS_INSIDER]) texts.push((await canonicalOf(id)).text.text);
    const { makeClaim } = await load('/e2e/claim-helpers.ts');
    const cards = await measureCards(browser, baseUrl, runs, makeClaim);
    const lines = await measure(browser, baseUrl, runs, {
      dragSelect,
      paste: (page, title, source, paragraphs) =>
        pasteArticle(page, title, source, paragraphs, 120_000),
      longPair: () => seedWordsPair(texts, 1300),
    });
    return [...lines.slice(0, 1), ...cards, ...lines.slice(1)];
  });
}

/**
 * A claim made on one page, then a new page of the same browser profile (the claim kept in its
 * storage) that has not compared anything yet: its first card pays the worker's start.
 */
async function measureCards(browser, baseUrl, runs, makeClaim) {
  const cold = [];
  const idle = [];
  const warm = [];
  const fresh = async (context) => {
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.locator('html[data-hydrated="true"]').waitFor();
    await page.locator('mark[data-claim-id]').first().waitFor();
    return page;
  };
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const maker = await context.newPage();
      await maker.goto(baseUrl);
      await maker.locator('html[data-hydrated="true"]').waitFor();
      await makeClaim(maker, NEWSTALK, SEED_PASSAGE, 'Disputed');
      await maker.close();
      const page = await fresh(context);
      cold.push(await openCard(page, SEED_PASSAGE, 30_000));
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      warm.push(await openCard(page, SEED_PASSAGE, 30_000));
      await page.close();
      // A reader reads before clicking: the page has fetched what it fetches by itself (for a
      // reader with claims, the comparer and its word table once the page is idle).
      const reading = await fresh(context);
      await reading.waitForLoadState('networkidle');
      idle.push(await openCard(reading, SEED_PASSAGE, 30_000));
    } finally {
      await context.close();
    }
  }
  const figure = (values) =>
    `${Math.round(median(values))} ms (${values.map(Math.round).join(', ')})`;
  return [
    `compare, a saved claim's card, click to "Also in", on a page that has not compared yet (the worker starts): clicked as soon as it has hydrated ${figure(cold)}; once the page has stopped fetching ${figure(idle)}; the same card again ${figure(warm)}`,
  ];
}

async function measure(browser, baseUrl, runs, { dragSelect, paste, longPair }) {
  const seed = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await open(browser, baseUrl);
    try {
      await dragSelect(page, NEWSTALK, SEED_PASSAGE);
      seed.push(await compareSelection(page, 30_000));
    } finally {
      await context.close();
    }
  }
  const lines = [
    `compare, seed pair: click on Compare to the first counterpart, median of ${runs} fresh pages ${Math.round(median(seed))} ms (${seed.map(Math.round).join(', ')})`,
  ];
  const { context, page } = await open(browser, baseUrl);
  try {
    const { a, b } = longPair();
    const first = await paste(page, 'Long report A', 'https://long-a.example/report', a);
    await paste(page, 'Long report B', 'https://long-b.example/report', b);
    await page.evaluate(() => {
      window.benchLongest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.benchLongest = Math.max(window.benchLongest, entry.duration);
        }
      }).observe({ type: 'longtask' });
    });
    const passage = `${a[40].split('. ')[0]}.`;
    await dragSelect(page, first, passage);
    // Only the tasks of comparing count: not those of selecting.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    await page.evaluate(() => (window.benchLongest = 0));
    const time = await compareSelection(page, 120_000);
    const longest = await page.evaluate(() => window.benchLongest);
    lines.push(
      `compare, two 50,000-word reports: first counterpart after ${Math.round(time)} ms; longest task on the page's thread meanwhile ${Math.round(longest)} ms`,
    );
  } finally {
    await context.close();
  }
  return lines;
}
