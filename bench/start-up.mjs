// Start-up figures measured in the browser: the JS a fresh profile requests before the load
// event (gzip, from the built files), and the total blocking time on a phone profile.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openProfile, PROFILES } from './permalink-jump.mjs';
import { median } from './bench-stats.mjs';

const TBT_RUNS = 5;
const AFTER_LOAD_MS = 3000;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The scripts requested before the load event, and those requested after it until the app
 * had hydrated, as paths under the served root; and when the page loaded and hydrated.
 */
async function scriptsAroundLoad(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e) => e.initiatorType !== 'fetch' && /\.js$/.test(new URL(e.name).pathname));
    const path = (e) => new URL(e.name).pathname.replace(/^\//, '');
    const hydrated = Number(document.documentElement.dataset.hydratedAt);
    return {
      before: scripts.filter((e) => e.startTime < nav.loadEventStart).map(path),
      after: scripts
        .filter((e) => e.startTime >= nav.loadEventStart && e.startTime < hydrated)
        .map(path),
      load: nav.loadEventStart,
      hydrated,
    };
  });
}

/** Gzip bytes of the JS of `url` requested before and after the load event, in a fresh context. */
async function firstLoadOf(browser, url, distDir) {
  const { context, page } = await openProfile(browser, PROFILES.desktop);
  try {
    // Records when the app has hydrated (App sets data-hydrated) on the page's own clock.
    await page.addInitScript(() => {
      // The init script runs before the page's <html> element exists: watch the document.
      new MutationObserver((_, observer) => {
        const root = document.documentElement;
        if (root?.hasAttribute('data-hydrated')) {
          root.dataset.hydratedAt = String(performance.now());
          observer.disconnect();
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hydrated'] });
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-hydrated-at]');
    const seen = await scriptsAroundLoad(page);
    const size = (files) =>
      files.reduce(
        (n, file) => n + gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length,
        0,
      );
    const name = (file) => file.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '');
    return {
      bytes: size(seen.before),
      files: seen.before.map(name),
      afterBytes: size(seen.after),
      load: seen.load,
      hydrated: seen.hydrated,
    };
  } finally {
    await context.close();
  }
}

/** First-load JS of the plain page and of a claim link's page; returns printable lines. */
export async function benchFirstLoadInBrowser(browser, baseUrl, permalinkUrl, distDir) {
  const plain = await firstLoadOf(browser, baseUrl, distDir);
  const linked = await firstLoadOf(browser, permalinkUrl, distDir);
  const verdict = (bytes) => (bytes <= 90 * 1024 ? 'within' : 'OVER');
  const ms = (value) => `${Math.round(value)} ms`;
  return [
    `first load in the browser (scripts requested before the load event, gzip, fresh profile): ${kb(plain.bytes)} (${verdict(plain.bytes)} the 90 KB budget: ${plain.files.join(', ')}) · opened on a claim link ${kb(linked.bytes)} (${verdict(linked.bytes)}: ${linked.files.join(', ')})`,
    `first load in the browser: the app itself is requested after the load event (${ms(plain.load)}) and had hydrated at ${ms(plain.hydrated)}: ${kb(plain.afterBytes)} gzip of JS between the two (on a claim link: load ${ms(linked.load)}, hydrated ${ms(linked.hydrated)}, ${kb(linked.afterBytes)})`,
  ];
}

/** Long tasks from navigation start, recorded by an init script. */
function recordLongTasks() {
  const tasks = [];
  Object.defineProperty(window, '__longTasks', { value: tasks });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      tasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** Total blocking time on the phone profile from navigation to 3 s after load. */
export async function benchPhoneTbt(browser, baseUrl) {
  const runs = [];
  for (let run = 0; run < TBT_RUNS; run++) {
    const { context, page } = await openProfile(browser, PROFILES.phone);
    try {
      await page.addInitScript(recordLongTasks);
      await page.goto(baseUrl, { waitUntil: 'load' });
      await page.waitForSelector('html[data-hydrated]');
      await new Promise((resolve) => setTimeout(resolve, AFTER_LOAD_MS));
      runs.push(
        await page.evaluate((after) => {
          const nav = performance.getEntriesByType('navigation')[0];
          const end = nav.loadEventEnd + after;
          const tasks = window.__longTasks.filter((t) => t.start < end);
          // Lighthouse counts blocking time from the first contentful paint: a task before it
          // (the page's first layout, render-blocked until the boot script has run) delays the
          // first paint but blocks no input, since there is nothing on screen to act on yet.
          const fcp =
            performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity;
          const afterFcp = tasks.filter((t) => t.start >= fcp);
          return {
            tbt: tasks.reduce((n, t) => n + Math.max(0, t.duration - 50), 0),
            longest: tasks.reduce((n, t) => Math.max(n, t.duration), 0),
            count: tasks.length,
            tbtAfterFcp: afterFcp.reduce((n, t) => n + Math.max(0, t.duration - 50), 0),
            longestAfterFcp: afterFcp.reduce((n, t) => Math.max(n, t.duration), 0),
            fcp,
          };
        }, AFTER_LOAD_MS),
      );
    } finally {
      await context.close();
    }
  }
  const tbts = runs.map((r) => r.tbt);
  const ms = (values) => `${Math.round(median(values))} ms`;
  return [
    `phone start-up (390×844, 4× CPU slowdown, ${TBT_RUNS} fresh loads): total blocking time from navigation to 3 s after load median ${Math.round(median(tbts))} ms (min ${Math.round(Math.min(...tbts))}, max ${Math.round(Math.max(...tbts))}; target ≤ 200 ms) · longest task median ${Math.round(median(runs.map((r) => r.longest)))} ms (target ≤ 100 ms) · long tasks per load ${median(runs.map((r) => r.count))}`,
    `phone start-up, counted from the first contentful paint (median ${ms(runs.map((r) => r.fcp))}) as Lighthouse does: total blocking time median ${ms(runs.map((r) => r.tbtAfterFcp))} · longest task median ${ms(runs.map((r) => r.longestAfterFcp))}`,
  ];
}
