// Compare, as a reader uses it: time from the click on Compare to the first ranked counterpart
// for the two seed reports, and the longest task on the page's thread while two pasted
// 50,000-word reports are compared. Figures, not assertions.
import { withAppModules } from './app-modules.mjs';
import { median } from './bench-stats.mjs';

const NEWSTALK = 'newstalk-johnson-lavrov-clash';
const BUSINESS_INSIDER = 'business-insider-johnson-lavrov-spat';
const SEED_PASSAGE =
  'when he travelled to Moscow for the first visit by a Foreign Secretary for five years.';

/** The long pair e2e/long-comparison.spec.ts compares, from the same fixture. */
function longPair() {
  return withAppModules(async (load, canonicalOf) => {
    const { seedWordsPair } = await load('/src/core/test-fixtures/synthetic-articles.ts');
    const texts = [];
    for (const id of [NEWSTALK, BUSINESS_INSIDER]) texts.push((await canonicalOf(id)).text.text);
    return seedWordsPair(texts, 1300);
  });
}

/** Selects `text` in an article with the mouse, as a reader does. */
async function dragSelect(page, articleId, text) {
  const span = await page.evaluate(
    ({ articleId, text }) => {
      const article = document.querySelector(`article[data-article="${articleId}"]`);
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      const whole = nodes.map((n) => n.data).join('');
      const index = whole.indexOf(text);
      const locate = (offset) => {
        let rest = offset;
        for (const node of nodes) {
          if (rest <= node.data.length) return { node, offset: rest };
          rest -= node.data.length;
        }
        throw new Error('offset outside the article');
      };
      const range = document.createRange();
      const start = locate(index);
      const end = locate(index + text.length);
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      range.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const first = rects[0];
      const last = rects.at(-1);
      return {
        start: { x: first.left + 1, y: first.top + first.height / 2 },
        end: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    },
    { articleId, text },
  );
  await page.mouse.move(span.start.x, span.start.y);
  await page.mouse.down();
  await page.mouse.move(span.end.x, span.end.y, { steps: 8 });
  await page.mouse.up();
}

/** Clicks the toolbar's Compare; resolves with ms from the click to the first counterpart. */
async function compareSelection(page, timeout) {
  await page.evaluate(() => {
    window.benchCompare = new Promise((resolve) => {
      document.addEventListener(
        'click',
        (event) => {
          const started = event.timeStamp;
          const check = () => {
            if (document.querySelector('section ol > li')) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true });
        },
        { once: true, capture: true },
      );
    });
  });
  const toolbar = page.getByRole('toolbar', { name: 'Claim actions' });
  await toolbar.getByRole('button', { name: /^Compare/ }).click();
  return page.evaluate(
    (timeout) =>
      Promise.race([
        window.benchCompare,
        new Promise((_, reject) => setTimeout(() => reject(new Error('no result')), timeout)),
      ]),
    timeout,
  );
}

async function paste(page, title, source, paragraphs) {
  await page.getByRole('button', { name: 'Add article' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an article' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Source address').fill(source);
  await dialog.getByLabel('Article text').fill(paragraphs.join('\n\n'));
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 120_000 });
  const article = page.locator('article').filter({ hasText: title });
  await article.waitFor({ timeout: 120_000 });
  return article.getAttribute('data-article');
}

async function open(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.locator('html[data-hydrated="true"]').waitFor();
  return { context, page };
}

/** The figures, as lines. */
export async function benchCompareOffThread(browser, baseUrl, runs = 5) {
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
    const { a, b } = await longPair();
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
