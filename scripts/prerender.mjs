// Build step: renders the app with the articles into dist/index.html, so the text paints before
// any JavaScript runs and the page reads with JavaScript off. The client then hydrates it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { classesInHtml, criticalCss } from './critical-css.mjs';

const root = resolve(import.meta.dirname, '..');
const readJson = (path) => JSON.parse(readFileSync(resolve(root, path), 'utf8'));

const serverEntry = resolve(root, 'dist-prerender/entry-prerender.js');
const { render } = await import(pathToFileURL(serverEntry).href);

let rendered;
try {
  rendered = render(readJson('data/index.json'), (id) => readJson(`data/articles/${id}.json`));
} catch (error) {
  console.error(`prerender: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const indexPath = resolve(root, 'dist/index.html');
const template = readFileSync(indexPath, 'utf8');
if (
  !template.includes('<!--app-html-->') ||
  !template.includes('<!--app-state-->') ||
  !template.includes('<meta charset="UTF-8" />')
) {
  console.error('prerender: dist/index.html lacks the <!--app-html--> or <!--app-state--> marker');
  process.exit(1);
}
// The page's styles: the rules its pre-rendered part uses, inline, so that its first paint (and
// the boot script, which waits for the page's styles) waits for no stylesheet to arrive: the
// boot script is the one file fetched before it. The boot script adds the whole stylesheet when
// it starts the app, whose own views need it. (With the whole stylesheet inline instead, the
// forced style recalculation of a permalink open costs more: 6.1 ms of CPU against 4.9 ms.)
const stylesheetPattern =
  /\s*<link rel="stylesheet" crossorigin href="(\.\/assets\/[\w.-]+\.css)">/;
const stylesheetMatch = template.match(stylesheetPattern);
if (!stylesheetMatch) {
  console.error('prerender: dist/index.html links no stylesheet');
  process.exit(1);
}
const critical = criticalCss(
  readFileSync(resolve(root, 'dist', stylesheetMatch[1]), 'utf8'),
  classesInHtml(rendered.html),
);
if (critical.includes('</')) {
  console.error('prerender: the critical CSS holds "</", which would end its <style> early');
  process.exit(1);
}
const criticalHash = createHash('sha256').update(critical).digest('base64');

// The built app's Content Security Policy: nothing inline but the page's critical styles (by
// their hash), nothing evaluated, nothing from elsewhere. (The dev server needs inline scripts
// for hot reload, so it gets none.) The JSON state block is data, which script-src does not
// govern.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' 'sha256-${criticalHash}'`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// The boot script (src/app/boot.ts, built by `vite build --mode boot`) runs right after the
// articles are parsed: a classic script from the page's own origin, as the CSP allows. It is in
// the head, deferred and render-blocking, before the inline styles (so that its fetch starts
// first, not after the parser has read them), and a page opened on a claim link paints first
// where the quote is, with the quote highlighted, instead of painting the top of the page and
// then jumping.
const bootScripts = readdirSync(resolve(root, 'dist/assets')).filter((name) =>
  /^boot-[\w-]+\.js$/.test(name),
);
if (bootScripts.length !== 1) {
  console.error(`prerender: expected one dist/assets/boot-*.js, found ${bootScripts.length}`);
  process.exit(1);
}
// The app's entry and its static imports are not in the page: the boot script adds them once
// the page has loaded (see src/app/boot.ts), so that the first load is the page, its styles and
// the boot script only.
const entryPattern =
  /\s*<script type="module" crossorigin src="(\.\/assets\/[\w.-]+\.js)"><\/script>/;
const preloadPattern =
  /\s*<link rel="modulepreload" crossorigin href="(\.\/assets\/[\w.-]+\.js)">/g;
const entryMatch = template.match(entryPattern);
if (!entryMatch) {
  console.error('prerender: dist/index.html has no module script for the app');
  process.exit(1);
}
// main.tsx imports start.tsx after a yield; its chunk (and that chunk's imports) are fetched with
// the entry so that nothing waits for the network in between.
const manifest = JSON.parse(readFileSync(resolve(root, 'dist/.vite/manifest.json'), 'utf8'));
const startChunk = manifest['src/app/start.tsx'];
if (!startChunk) {
  console.error('prerender: the build manifest has no chunk for src/app/start.tsx');
  process.exit(1);
}
const preloads = [
  ...new Set([
    ...[...template.matchAll(preloadPattern)].map((m) => m[1]),
    `./${startChunk.file}`,
    ...(startChunk.imports ?? []).map((key) => `./${manifest[key].file}`),
  ]),
].filter((href) => href !== entryMatch[1]);
const bootTag = `<script defer blocking="render" src="./assets/${bootScripts[0]}" data-css="${stylesheetMatch[1]}" data-app="${entryMatch[1]}" data-preload="${preloads.join(' ')}"></script>`;

const html = template
  .replace(stylesheetPattern, () => `\n    <style>${critical}</style>`)
  .replace(entryPattern, '')
  .replace(preloadPattern, '')
  .replace(
    '<meta charset="UTF-8" />',
    () =>
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />\n    ${bootTag}`,
  )
  .replace('<!--app-html-->', () => rendered.html)
  .replace(
    '<!--app-state-->',
    () => `<script type="application/json" id="prerender-state">${rendered.state}</script>`,
  );
writeFileSync(indexPath, html);
rmSync(resolve(root, 'dist-prerender'), { recursive: true, force: true });
// Read above; not part of what is served.
rmSync(resolve(root, 'dist/.vite'), { recursive: true, force: true });
console.log(`prerender: wrote ${indexPath} (${(html.length / 1024).toFixed(1)} KiB)`);
