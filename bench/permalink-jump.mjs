// Permalink jump benchmark: in headless Chromium, the time from navigation start to "quote
// highlighted and in view" when one of our claim permalinks is opened, against the time Chromium
// takes to jump to the same quote with a native `#:~:text=` fragment on a plain HTML page
// of the same article, and on the app's own page with its script taken out (what the page itself
// costs). The links are made by the app's own code (permalink-codec.ts and text-fragment.ts,
// loaded through Vite). Throws, rather than print a figure, when a jump does not happen.
//
// Tailwind scans this folder for class names too, so the prose here avoids bare utility words
// (one of the CSS position keywords in a comment added a rule to the app's stylesheet).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withAppModules } from './app-modules.mjs';
import { median } from './bench-stats.mjs';

const ARTICLE_ID = 'newstalk-johnson-lavrov-clash';
// A whole sentence from the lower half of the article: at 1280×800 it starts about 1,500 px down,
// so the jump has to scroll. (The "abundant evidence" sentence is already on screen at load.)
const QUOTE =
  'Mr Lavrov said the pair had discussed Libya, Yemen, Iraq, Syria and North Korea and had agreed to discuss the impact of Brexit on UK-Russia ties.';
const CLAIM_ID = 'bench-permalink-jump';
// At least 9 alternated runs each, as the target asks; fewer on the slowed-down phone.
const RUNS = { desktop: 15, phone: 11 };
const TIMEOUT_MS = 10_000;
/** Desktop, and a phone at 4× CPU slowdown (as Lighthouse's mobile preset throttles). */
export const PROFILES = {
  desktop: { viewport: { width: 1280, height: 800 }, cpu: 1 },
  phone: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    cpu: 4,
  },
};

/** A fresh browser context with `profile`'s screen, and a page with its CPU slowdown. */
export async function openProfile(browser, profile) {
  const { cpu, ...options } = profile;
  const context = await browser.newContext(options);
  const page = await context.newPage();
  if (cpu > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  }
  return { context, page };
}

/** Our permalink and the native text-fragment link for QUOTE, built by the app's own modules. */
function buildLinks(appUrl, staticPageUrl) {
  return withAppModules(async (load, canonicalOf) => {
    const { targetFor } = await load('/src/core/anchoring/text-selectors.ts');
    const { encodeClaimPermalink, decodeClaimPermalink } = await load(
      '/src/core/sharing/permalink-codec.ts',
    );
    const { textFragmentUrl } = await load('/src/core/sharing/text-fragment.ts');

    const { article, text: canonical } = await canonicalOf(ARTICLE_ID);
    const start = canonical.text.indexOf(QUOTE);
    if (start < 0 || canonical.text.indexOf(QUOTE, start + 1) !== -1) {
      throw new Error(`the bench quote is not found exactly once in ${ARTICLE_ID}`);
    }
    const range = { start, end: start + QUOTE.length };
    const now = new Date().toISOString();
    const claim = {
      id: CLAIM_ID,
      target: targetFor(ARTICLE_ID, canonical.text, range),
      status: 'disputed',
      note: '',
      evidence: [],
      createdAt: now,
      updatedAt: now,
    };
    // As copyClaimLink does: the app's address without its hash, then the claim's hash.
    const hash = encodeClaimPermalink(claim);
    if (!decodeClaimPermalink(hash).ok) throw new Error('the permalink does not decode');
    return {
      article,
      blocks: canonical.blocks,
      ours: new URL(appUrl).href + hash,
      native: textFragmentUrl(staticPageUrl, canonical.text, range),
    };
  });
}

/** Our permalink to the bench quote, on the app served at `appUrl`. */
export async function benchPermalink(appUrl) {
  return (await buildLinks(appUrl, 'http://127.0.0.1/article.html')).ours;
}

function escapeHtml(text) {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );
}

/**
 * The article as a plain page with no script: the canonical blocks as headings and paragraphs,
 * in a column as wide as the app's (596 px at 1280 px) with the app's type sizes, so that the
 * quote sits about as far below the fold as it does in the app.
 */
function staticPage(article, blocks) {
  const tag = { headline: 'h1', standfirst: 'p class="standfirst"', subheading: 'h3' };
  const body = blocks
    .map((block) => {
      const open = tag[block.kind] ?? 'p';
      return `<${open}>${escapeHtml(block.text)}</${open.split(' ')[0]}>`;
    })
    .join('\n');
  const caption = article.caption
    ? `<figure><figcaption>${escapeHtml(article.caption.text)} ${escapeHtml(article.caption.credit ?? '')}</figcaption></figure>`
    : '';
  const [headline, ...rest] = body.split('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.headline)}</title>
<style>
body { margin: 0; padding: 97px 24px 200px; font: 14px/20px sans-serif; }
main { width: 596px; }
h1 { font: 30px/37.5px serif; margin: 90px 0 0; }
.standfirst { font-size: 18px; line-height: 28px; margin: 16px 0 60px; }
figure { margin: 0 0 24px; min-height: 80px; }
p { font: 18px/29.25px serif; margin: 0 0 16px; }
@media (max-width: 640px) { body { padding: 97px 16px 200px; } main { width: auto; } }
</style>
</head>
<body>
<main>
<p>${escapeHtml(article.outlet)}</p>
${headline}
${rest.filter((line) => line.startsWith('<p class="standfirst"')).join('\n')}
${caption}
${rest.filter((line) => !line.startsWith('<p class="standfirst"')).join('\n')}
</main>
</body>
</html>
`;
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The app's own pre-rendered page with no script at all (its boot script's tag taken out): what
 * the browser's own text-fragment jump takes on the same page, two reports, styles and all.
 */
async function appPageWithoutScript(distDir) {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const bare = html.replace(/<script\b[^>]*\bsrc="[^"]*\/boot-[^"]*"[^>]*><\/script>/, '');
  if (bare === html) throw new Error('the boot script is not in dist/index.html');
  if (/<script\b[^>]*\bsrc=/.test(bare)) throw new Error('dist/index.html has another script');
  return bare;
}

// The pages served from the bench's own folder rather than the build.
const BENCH_PAGES = new Set(['article.html', 'app-static.html']);

/**
 * One plain static server on an ephemeral port for every page, so that none gets a faster
 * server than another: the built app from `distDir` (as any static host serves it), and the
 * plain article page and the app's page without script from `pageDir`.
 */
async function servePages(distDir, pageDir) {
  const server = createHttpServer(async (req, res) => {
    let name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    if (name === '') name = 'index.html';
    const type = CONTENT_TYPES[extname(name)];
    if (!type || name.split('/').includes('..')) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(BENCH_PAGES.has(name) ? pageDir : distDir, name));
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * Injected before any page script: polls every animation frame and records (performance.now(),
 * so navigation start = 0) when the quote first is highlighted and wholly inside the viewport,
 * with the page scrolled. For our app "highlighted" is the shared claim's marks, flashing; for
 * the native page it is the quote's text Range (Chromium does not expose its ::target-text).
 */
function observeJump({ mode, quote, claimId }) {
  const result = {
    inView: null,
    marked: null,
    painted: null,
    hydrated: null,
    scrolled: null,
    absoluteTop: null,
    text: null,
  };
  Object.defineProperty(window, '__permalinkJump', { value: result });
  let quoteRange = null;
  const findQuote = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(quote);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + quote.length);
        return range;
      }
    }
    return null;
  };
  // The boot script's CSS highlight (before the app has drawn its mark) counts as highlighted.
  const paintedRange = () => {
    let found = null;
    globalThis.CSS?.highlights?.forEach((highlight) =>
      highlight.forEach((range) => {
        if (!found && range.toString().replace(/\s+/g, ' ') === quote) found = range;
      }),
    );
    return found;
  };
  /** How far the page and every scrolling box around `node` are scrolled. */
  const scrolledAround = (node) => {
    let total = window.scrollY;
    for (let el = node?.parentElement; el; el = el.parentElement) total += el.scrollTop;
    return total;
  };
  const marksRange = () => {
    const marks = document.querySelectorAll(`mark[data-claim-id="${claimId}"]`);
    const first = marks[0];
    const last = marks[marks.length - 1];
    if (!first || !last) return null;
    if (!first.hasAttribute('data-shared') || !first.hasAttribute('data-first')) return null;
    if (!first.hasAttribute('data-flash')) return null;
    const range = document.createRange();
    range.setStartBefore(first);
    range.setEndAfter(last);
    return range;
  };
  // On wide screens each report scrolls in its own column (data-column), not the page.
  const scrolledBy = () => {
    let by = window.scrollY;
    for (const column of document.querySelectorAll('[data-column]')) {
      by = Math.max(by, column.scrollTop);
    }
    return by;
  };
  const tick = () => {
    const now = performance.now();
    if (result.hydrated === null && document.documentElement.hasAttribute('data-hydrated')) {
      result.hydrated = now;
    }
    if (result.scrolled === null && scrolledBy() > 0) result.scrolled = now;
    let range = null;
    if (mode === 'ours') {
      const painted = paintedRange();
      if (painted && result.painted === null) result.painted = now;
      range = marksRange();
      if (range && result.marked === null) result.marked = now;
      range ??= painted;
    } else if (document.body) {
      quoteRange ??= findQuote();
      range = quoteRange;
    }
    const scrolled = range ? scrolledAround(range.startContainer) : 0;
    if (range && scrolled > 0) {
      const rect = range.getBoundingClientRect();
      if (rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight) {
        result.inView = now;
        result.absoluteTop = rect.top + scrolled;
        result.text = range.toString();
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

// Headless Chromium 156 applies `#:~:text=` on page.goto with no flag. Tried by hand: a new page,
// a same-document goto, a script's location.href and a clicked link all scrolled to the text.
/** One cold open of `url` in a fresh context; the milestones in ms from navigation start. */
async function openOnce(browser, profile, mode, url) {
  const { context, page } = await openProfile(browser, profile);
  try {
    await page.addInitScript(observeJump, { mode, quote: QUOTE, claimId: CLAIM_ID });
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => window.__permalinkJump?.inView != null, undefined, {
        timeout: TIMEOUT_MS,
        polling: 50,
      });
    } catch {
      const seen = await page
        .evaluate(() => ({ ...window.__permalinkJump, scrollY }))
        .catch(() => ({}));
      throw new Error(
        `${mode}: the quote was not highlighted and in view within ${TIMEOUT_MS / 1000} s ` +
          `(state: ${JSON.stringify(seen)}; url ${url.slice(0, 120)}…)`,
      );
    }
    const result = await page.evaluate(
      ({ article }) => {
        const nav = performance.getEntriesByType('navigation')[0];
        const data = performance
          .getEntriesByType('resource')
          .find((entry) => entry.name.includes(`data/articles/${article}.json`));
        return {
          ...window.__permalinkJump,
          responseEnd: nav?.responseEnd ?? null,
          domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
          load: nav?.loadEventEnd || null,
          articleFetched: data?.responseEnd ?? null,
          innerHeight: window.innerHeight,
        };
      },
      { article: ARTICLE_ID },
    );
    // The jump must have been a real one: the right text, and from below the fold.
    if (result.text?.replace(/\s+/g, ' ') !== QUOTE) {
      throw new Error(`${mode}: the text in view is not the quote: ${JSON.stringify(result.text)}`);
    }
    if (!(result.absoluteTop > result.innerHeight)) {
      throw new Error(`${mode}: the quote was not below the fold (top ${result.absoluteTop} px)`);
    }
    return result;
  } finally {
    await context.close();
  }
}

const ms = (value) => (value == null ? '–' : `${Math.round(value)}`);

function stats(runs, key) {
  const values = runs.map((r) => r[key]).filter((v) => v != null);
  return values.length === runs.length ? median(values) : null;
}

/** When the article's JSON arrived, or that it came in the prerendered HTML. */
function articleData(runs) {
  if (runs.every((r) => r.articleFetched == null)) return 'article data in the HTML (no fetch)';
  return `article JSON ${ms(stats(runs, 'articleFetched'))}`;
}

/**
 * Runs the permalink-jump benchmark on the build in dist/ and the plain page, both served by one
 * plain static server, in the profile named `profileName` (see PROFILES); returns printable lines.
 */
export async function benchPermalinkJump(browser, profileName = 'desktop') {
  const profile = PROFILES[profileName];
  const label = `permalink jump (${profileName}${profile.cpu > 1 ? `, ${profile.cpu}× CPU slowdown` : ''})`;
  const dir = await mkdtemp(join(tmpdir(), 'permalink-jump-'));
  const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
  const server = await servePages(distDir, dir);
  try {
    const origin = `http://127.0.0.1:${server.address().port}/`;
    const links = await buildLinks(origin, `${origin}article.html`);
    await writeFile(join(dir, 'article.html'), staticPage(links.article, links.blocks));
    await writeFile(join(dir, 'app-static.html'), await appPageWithoutScript(distDir));
    // The same text directive on the app's page: the fragment names the quote, not the page.
    const nativeOnApp = links.native.replace(`${origin}article.html`, `${origin}app-static.html`);
    process.stderr.write(`bench: permalink ${links.ours}\nbench: native ${links.native}\n`);

    // The three pages, each a list of runs: ours, native on the plain page, native on ours.
    const pages = {
      ours: { mode: 'ours', url: links.ours, runs: [] },
      native: { mode: 'native', url: links.native, runs: [] },
      nativeOnApp: { mode: 'native', url: nativeOnApp, runs: [] },
    };
    const names = Object.keys(pages);
    for (let run = 0; run < RUNS[profileName]; run++) {
      // Alternated, and which goes first rotates too, so drift and order hit all alike.
      for (const name of names.map((_, i) => names[(i + run) % names.length])) {
        const page = pages[name];
        page.runs.push(await openOnce(browser, profile, page.mode, page.url));
      }
    }
    const ours = pages.ours.runs;
    const native = pages.native.runs;
    const onApp = pages.nativeOnApp.runs.map((r) => r.inView);

    const oursTimes = ours.map((r) => r.inView);
    const nativeTimes = native.map((r) => r.inView);
    const oursMedian = median(oursTimes);
    const nativeMedian = median(nativeTimes);
    const range = (values) =>
      `min ${ms(Math.min(...values))} … max ${ms(Math.max(...values))}, ${values.length} runs`;
    return [
      `${label}: ours median ${ms(oursMedian)} ms (${range(oursTimes)}) · native #:~:text= median ${ms(nativeMedian)} ms (${range(nativeTimes)}) · ratio ${(oursMedian / nativeMedian).toFixed(2)}× (target ≤ 1.5×)`,
      `${label}: ours, medians from navigation start: HTML ${ms(stats(ours, 'responseEnd'))} ms · boot highlight painted ${ms(stats(ours, 'painted'))} · DOMContentLoaded ${ms(stats(ours, 'domContentLoaded'))} · hydrated ${ms(stats(ours, 'hydrated'))} · ${articleData(ours)} · shared mark rendered ${ms(stats(ours, 'marked'))} · scroll begins ${ms(stats(ours, 'scrolled'))} · quote wholly in view ${ms(oursMedian)}`,
      `${label}: native, medians from navigation start: HTML ${ms(stats(native, 'responseEnd'))} ms · DOMContentLoaded ${ms(stats(native, 'domContentLoaded'))} · load ${ms(stats(native, 'load'))} · scroll begins ${ms(stats(native, 'scrolled'))} · quote wholly in view ${ms(nativeMedian)}`,
      `${label}: the browser's own #:~:text= jump on the app's page with its script taken out (two reports, styles and all): median ${ms(median(onApp))} ms (${range(onApp)}) · ours is ${(oursMedian / median(onApp)).toFixed(2)}× that: what the page costs before any script, against what the quote's path adds`,
      `${label}: quote of ${QUOTE.length} chars ${ms(median(ours.map((r) => r.absoluteTop)))} px down the app, ${ms(median(native.map((r) => r.absoluteTop)))} px down the plain page; ${profile.viewport.width}×${profile.viewport.height}; a fresh browser context per run (cold HTTP cache, empty storage), checked every animation frame`,
    ];
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
