// First-load weight: the JS and CSS the built page asks for before anything lazy, gzipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Gzip sizes of the first page's JS, CSS and HTML, and of the lazily loaded chunks. */
export function benchFirstLoad(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\.\/(assets\/[^"]+\.(?:js|css))"/g),
  ].map((m) => m[1]);
  // The app's entry and its static imports, which the boot script adds after the load event.
  const boot = html.match(/<script [^>]*data-app="\.\/([^"]+)" data-preload="([^"]*)"/);
  const app = boot
    ? [
        boot[1],
        ...boot[2]
          .split(' ')
          .filter(Boolean)
          .map((p) => p.slice(2)),
      ]
    : [];
  const appJs = app.reduce((n, r) => n + gz(join(distDir, r)), 0);
  const first = new Set([...refs, ...app]);
  const js = refs.filter((r) => r.endsWith('.js')).reduce((n, r) => n + gz(join(distDir, r)), 0);
  const css = refs.filter((r) => r.endsWith('.css')).reduce((n, r) => n + gz(join(distDir, r)), 0);
  // The critical styles are inline in the HTML (counted in it); the boot script adds the whole
  // stylesheet (data-css) with the app.
  const inline = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].reduce(
    (n, m) => n + m[1].length,
    0,
  );
  const whole = html.match(/data-css="\.\/([^"]+)"/);
  const wholeCss = whole ? gz(join(distDir, whole[1])) : 0;
  const lazy = readdirSync(join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js') && !first.has(`assets/${name}`))
    .map(
      (name) => `${name.replace(/-[\w-]{8}\.js$/, '')} ${kb(gz(join(distDir, 'assets', name)))}`,
    );
  return [
    `first load: JS ${kb(js)} gzip (budget 90 KB) · CSS linked ${kb(css)} gzip, inline ${kb(inline)} raw · HTML ${kb(gzipSync(html, { level: 9 }).length)} gzip, the inline CSS included · the app, started by the boot script after the load event: JS ${kb(appJs)} gzip, with the whole stylesheet ${kb(wholeCss)} gzip`,
    `first load: loaded later: ${lazy.join(', ') || 'nothing'}`,
  ];
}
