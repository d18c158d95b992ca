// Interaction benchmark: with 2,000 claims over both articles, how long a status change takes to
// repaint its highlight, and the JS heap after load. Prints figures; asserts nothing.
import { withAppModules } from './app-modules.mjs';
import { percentile, seededRandom } from './bench-stats.mjs';

const CLAIMS = 2000;
const RUNS = 40;

/**
 * Stored claims on word ranges of each article's canonical text, their selectors made by the
 * app's own targetFor (with the text's hash, as claims made in the app carry).
 */
function makeClaims(texts, targetFor) {
  const next = seededRandom(2017);
  const claims = [];
  const ids = Object.keys(texts);
  const now = new Date().toISOString();
  for (let i = 0; i < CLAIMS; i++) {
    const articleId = ids[i % ids.length];
    const text = texts[articleId];
    const words = [...text.matchAll(/[\p{L}\p{N}’'-]+/gu)];
    const first = Math.floor(next() * (words.length - 4));
    const a = words[first];
    const b = words[first + 1 + Math.floor(next() * 3)];
    claims.push({
      id: `bench-${i}`,
      target: targetFor(articleId, text, { start: a.index, end: b.index + b[0].length }),
      status: ['disputed', 'confirmed', 'open'][i % 3],
      note: '',
      evidence: [],
      createdAt: now,
      updatedAt: now,
    });
  }
  return claims;
}

/** The claims, made with the app's modules on the canonical texts of the articles shown. */
function claimsFor(articleIds) {
  return withAppModules(async (load, canonicalOf) => {
    const { targetFor } = await load('/src/core/anchoring/text-selectors.ts');
    const texts = {};
    for (const id of articleIds) texts[id] = (await canonicalOf(id)).text.text;
    return makeClaims(texts, targetFor);
  });
}

/** Runs the interaction benchmark against a served build at `baseUrl`; returns printable lines. */
export async function benchInteraction(browser, baseUrl) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(baseUrl);
  await page.waitForSelector('html[data-hydrated]');
  const articleIds = await page.evaluate(() =>
    [...document.querySelectorAll('article[data-article]')].map((a) => a.dataset.article ?? ''),
  );
  const claims = await claimsFor(articleIds);
  await page.evaluate(
    (value) => localStorage.setItem('fact-check-reader:claims', value),
    JSON.stringify({ version: 2, state: { claims, tombstones: [] } }),
  );
  const loadStart = Date.now();
  await page.reload();
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForFunction(
    (n) =>
      new Set([...document.querySelectorAll('mark[data-claim-id]')].map((m) => m.dataset.claimId))
        .size >= n,
    CLAIMS * 0.99,
    { timeout: 120_000 },
  );
  const loadMs = Date.now() - loadStart;
  // Made on the text shown, every claim is placed by its offsets: the matcher need not load.
  const matcherLoaded = await page.evaluate(() =>
    performance.getEntriesByType('resource').some((e) => /\/reanchor-[\w-]+\.js$/.test(e.name)),
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');

  const timings = [];
  for (let run = 0; run < RUNS; run++) {
    const id = `bench-${(run * 37) % CLAIMS}`;
    await page.locator(`mark[data-claim-id="${id}"][data-first]`).first().click();
    const card = page.getByRole('dialog', { name: /^Claim in/ });
    await card.waitFor();
    // Overlapping claims: the card may be for another claim than `id`, so flip what it shows.
    const current = await card.getByRole('radio', { checked: true }).getAttribute('value');
    const target = current === 'disputed' ? 'Confirmed' : 'Disputed';
    // Time from the click's input event to the laid-out frame that shows the changed mark.
    const measured = page.evaluate(
      (claimId) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no repaint for ${claimId}`)), 10_000);
          let clickedAt = 0;
          document.addEventListener('click', (e) => (clickedAt = e.timeStamp), {
            capture: true,
            once: true,
          });
          const observer = new MutationObserver(() => {
            observer.disconnect();
            clearTimeout(timer);
            // The frame that shows the change: style and layout are forced here, as the
            // paint would do them, so the figure does not depend on what other tasks follow.
            requestAnimationFrame(() => {
              void document.body.offsetHeight;
              resolve(performance.now() - clickedAt);
            });
          });
          // All of the reader: a re-render may replace the mark's own block.
          observer.observe(document.querySelector('main') ?? document, {
            attributes: true,
            subtree: true,
            childList: true,
          });
        }),
      id,
    );
    await card.getByRole('radio', { name: target }).click();
    timings.push(await measured);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
  }
  await page.close();
  return [
    `interaction: ${CLAIMS} claims over both articles rendered ${loadMs} ms after reload ` +
      `(${matcherLoaded ? 'the quote matcher was needed' : 'all placed by their saved offsets'})`,
    `interaction: status change to repaint p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms (${RUNS} runs; one frame = 16.7 ms)`,
    `interaction: JS heap after load with ${CLAIMS} claims ${(usedSize / 1048576).toFixed(1)} MiB`,
  ];
}
