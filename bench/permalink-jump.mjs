// Permalink jump benchmark: in headless Chromium, the time from navigation start to "quote
// highlighted and in view" when one of our claim permalinks is opened, against the time Chromium
// takes to jump to the same quote with a native `#:~:text=` fragment on a plain HTML page
// of the same article. Both links are made by the app's own code (permalink-codec.ts and
// text-fragment.ts, loaded through Vite). Throws, rather than print a figure, when a jump does
// not happen.
//
// Tailwind scans this folder for class names too, so the prose here avoids bare utility words
// (one of the CSS position keywords in a comment added a rule to the app's stylesheet).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withAppModules } from './app-modules.mjs';

const ARTICLE_ID = 'newstalk-johnson-lavrov-clash';
// A whole sentence from the lower half of the article: at 1280×800 it starts about 1,500 px down,
// so the jump has to scroll. (The "abundant evidence" sentence is already on screen at load.)
const QUOTE =
  'Mr Lavrov said the pair had discussed Libya, Yemen, Iraq, Syria and North Korea and had agreed to discuss the impact of Brexit on UK-Russia ties.';
const CLAIM_ID = 'bench-permalink-jump';
const RUNS = 15;
const TIMEOUT_MS = 10_000;
const VIEWPORT = { width: 1280, height: 800 };

/** The median (mean of the middle two for an even count) of `values`. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
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

/** Serves the files of `dir` (here: the one plain page) on an ephemeral port. */
async function serveDirectory(dir) {
  const server = createHttpServer(async (req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    if (!/^[a-z-]+\.html$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const html = await readFile(join(dir, name));
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
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
      range = marksRange();
      if (range && result.marked === null) result.marked = now;
    } else if (document.body) {
      quoteRange ??= findQuote();
      range = quoteRange;
    }
    if (range && scrolledBy() > 0) {
      const rect = range.getBoundingClientRect();
      if (rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight) {
        result.inView = now;
        result.absoluteTop = rect.top + scrolledBy();
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
async function openOnce(browser, mode, url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
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

/** Runs the permalink-jump benchmark against a served build at `baseUrl`; returns printable lines. */
export async function benchPermalinkJump(browser, baseUrl) {
  const dir = await mkdtemp(join(tmpdir(), 'permalink-jump-'));
  const server = await serveDirectory(dir);
  try {
    const staticUrl = `http://127.0.0.1:${server.address().port}/article.html`;
    const links = await buildLinks(baseUrl, staticUrl);
    await writeFile(join(dir, 'article.html'), staticPage(links.article, links.blocks));
    process.stderr.write(`bench: permalink ${links.ours}\nbench: native ${links.native}\n`);

    const ours = [];
    const native = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternated, and which goes first alternates too, so drift and order hit both alike.
      const order = run % 2 ? ['native', 'ours'] : ['ours', 'native'];
      for (const mode of order) {
        const result = await openOnce(browser, mode, mode === 'ours' ? links.ours : links.native);
        (mode === 'ours' ? ours : native).push(result);
      }
    }

    const oursTimes = ours.map((r) => r.inView);
    const nativeTimes = native.map((r) => r.inView);
    const oursMedian = median(oursTimes);
    const nativeMedian = median(nativeTimes);
    const range = (values) =>
      `min ${ms(Math.min(...values))} … max ${ms(Math.max(...values))}, ${values.length} runs`;
    return [
      `permalink jump: ours median ${ms(oursMedian)} ms (${range(oursTimes)}) · native #:~:text= median ${ms(nativeMedian)} ms (${range(nativeTimes)}) · ratio ${(oursMedian / nativeMedian).toFixed(1)}×`,
      `permalink jump: ours, medians from navigation start: HTML ${ms(stats(ours, 'responseEnd'))} ms · DOMContentLoaded ${ms(stats(ours, 'domContentLoaded'))} · hydrated ${ms(stats(ours, 'hydrated'))} · ${articleData(ours)} · shared mark rendered ${ms(stats(ours, 'marked'))} · scroll begins ${ms(stats(ours, 'scrolled'))} · quote wholly in view ${ms(oursMedian)}`,
      `permalink jump: native, medians from navigation start: HTML ${ms(stats(native, 'responseEnd'))} ms · DOMContentLoaded ${ms(stats(native, 'domContentLoaded'))} · load ${ms(stats(native, 'load'))} · scroll begins ${ms(stats(native, 'scrolled'))} · quote wholly in view ${ms(nativeMedian)}`,
      `permalink jump: quote of ${QUOTE.length} chars ${ms(median(ours.map((r) => r.absoluteTop)))} px down the app, ${ms(median(native.map((r) => r.absoluteTop)))} px down the plain page; ${VIEWPORT.width}×${VIEWPORT.height}; a fresh browser context per run (cold HTTP cache, empty storage), checked every animation frame`,
    ];
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
