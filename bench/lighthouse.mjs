// Lighthouse scores (mobile and desktop presets) for the served production build. Lighthouse is
// heavy and not needed by the app, so it is installed on demand into node_modules/.cache rather
// than listed in package.json. 12.8 is the last line that runs on Node 20 (13 needs Node 22).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findChromium } from '../scripts/chromium-path.mjs';

const run = promisify(execFile);

const VERSION = '12.8.2';
const CACHE_DIR = new URL(`../node_modules/.cache/lighthouse-${VERSION}/`, import.meta.url)
  .pathname;
const PACKAGE_DIR = join(CACHE_DIR, 'node_modules', 'lighthouse');
const CATEGORIES = [
  ['performance', 'performance'],
  ['accessibility', 'accessibility'],
  ['best-practices', 'best practices'],
  ['seo', 'SEO'],
];
const PRESETS = ['mobile', 'desktop'];
const RUN_TIMEOUT_MS = 240_000;

/** The installed Lighthouse's package.json, or undefined when it is not (fully) there. */
function installedPackage() {
  try {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8'));
    return pkg.version === VERSION && existsSync(join(PACKAGE_DIR, 'cli', 'index.js'))
      ? pkg
      : undefined;
  } catch {
    return undefined;
  }
}

/** The useful part of npm's error output: its code and first message line, not the stack. */
function npmReason(error) {
  const lines = String(error.stderr ?? '')
    .split('\n')
    .map((line) => line.replace(/^npm (?:error|ERR!)\s?/, '').trim())
    .filter(Boolean);
  const code = lines.find((line) => line.startsWith('code '))?.slice(5);
  const message = lines.find(
    (line) => !/^(?:code|syscall|errno|at|A complete log|Log files|[{}])\b/.test(line),
  );
  return [code, message ?? error.message].filter(Boolean).join(': ');
}

/** Installs the pinned Lighthouse into the cache folder unless it is already there. */
async function ensureLighthouse() {
  const found = installedPackage();
  if (found) return found;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await run(
    npm,
    [
      'install',
      '--prefix',
      CACHE_DIR,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `lighthouse@${VERSION}`,
    ],
    { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const pkg = installedPackage();
  if (!pkg) throw new Error(`npm finished but ${PACKAGE_DIR} has no lighthouse@${VERSION}`);
  return pkg;
}

/** Whether `version` (e.g. v20.20.0) satisfies a plain `>=X.Y[.Z]` engines range; true if unparsable. */
function satisfiesEngines(version, range) {
  const min = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range?.trim() ?? '');
  if (!min) return true;
  const have = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const need = Number(min[i + 1] ?? 0);
    if ((have[i] ?? 0) !== need) return (have[i] ?? 0) > need;
  }
  return true;
}

/** Why a category has no score: the run's runtime error, else its errored audits' messages. */
function whyNoScore(lhr, categoryId) {
  if (lhr.runtimeError) return `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
  const errors = lhr.categories[categoryId].auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit?.scoreDisplayMode === 'error')
    .map((audit) => `${audit.id}: ${audit.errorMessage}`);
  return errors.join('; ') || 'no score and no error given';
}

/** Scored audits of a category that did not pass (weighted ones only, as those cost points). */
function failingAudits(lhr, categoryId) {
  return lhr.categories[categoryId].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter(
      (audit) =>
        audit &&
        (audit.scoreDisplayMode === 'binary' || audit.scoreDisplayMode === 'numeric') &&
        audit.score !== null &&
        audit.score < 1,
    );
}

/** Runs the Lighthouse CLI once for `url` with `preset` and returns its parsed JSON result. */
async function lighthouseRun(url, preset, chromePath) {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  const outPath = join(outDir, 'report.json');
  try {
    const args = [
      join(PACKAGE_DIR, 'cli', 'index.js'),
      url,
      '--output=json',
      `--output-path=${outPath}`,
      '--quiet',
      `--only-categories=${CATEGORIES.map(([id]) => id).join(',')}`,
      // Root in a container: Chromium's sandbox cannot start, and there is no GPU.
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ];
    if (preset === 'desktop') args.push('--preset=desktop');
    await run(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: chromePath },
      timeout: RUN_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(readFileSync(outPath, 'utf8'));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** One printable line of scores and LCP for a preset, plus short lines naming failing audits. */
function describe(preset, lhr) {
  const parts = CATEGORIES.map(([id, label]) => {
    const score = lhr.categories[id]?.score;
    if (score === null || score === undefined) {
      return `${label} n/a (${lhr.categories[id] ? whyNoScore(lhr, id) : 'category missing'})`;
    }
    return `${label} ${Math.round(score * 100)}`;
  });
  const lcp = lhr.audits['largest-contentful-paint'];
  parts.push(
    typeof lcp?.numericValue === 'number'
      ? `LCP ${(lcp.numericValue / 1000).toFixed(1)} s`
      : `LCP n/a (${lcp?.errorMessage ?? lhr.runtimeError?.message ?? 'not measured'})`,
  );
  const lines = [`lighthouse ${preset}: ${parts.join(' · ')}`];
  for (const [id, label] of CATEGORIES) {
    const score = lhr.categories[id]?.score;
    if (typeof score !== 'number' || score >= 1) continue;
    const failing = failingAudits(lhr, id).map((audit) =>
      id === 'performance'
        ? `${audit.id} ${audit.displayValue ?? ''} (score ${Math.round(audit.score * 100)})`
        : audit.id,
    );
    if (failing.length > 0)
      lines.push(`lighthouse ${preset}: ${label} lost on ${failing.join(', ')}`);
  }
  return lines;
}

/** Runs Lighthouse (mobile and desktop presets) against `baseUrl`; returns printable lines. */
export async function benchLighthouse(baseUrl) {
  const started = performance.now();
  const chromePath = findChromium();
  if (!chromePath) return ['lighthouse: figures missing: no Chromium found (set CHROME_PATH)'];
  let pkg;
  try {
    pkg = await ensureLighthouse();
  } catch (error) {
    const reason = error.killed ? 'npm timed out' : npmReason(error);
    return [
      `lighthouse: figures missing: installing lighthouse@${VERSION} into ${CACHE_DIR} failed (${reason})`,
    ];
  }
  if (!satisfiesEngines(process.version, pkg.engines?.node)) {
    return [
      `lighthouse: figures missing: lighthouse@${pkg.version} needs Node ${pkg.engines.node}, this is ${process.version}`,
    ];
  }
  const lines = [];
  let ranVersion = pkg.version;
  for (const preset of PRESETS) {
    try {
      const lhr = await lighthouseRun(baseUrl, preset, chromePath);
      ranVersion = lhr.lighthouseVersion ?? ranVersion;
      lines.push(...describe(preset, lhr));
    } catch (error) {
      const reason = error.killed
        ? `timed out after ${RUN_TIMEOUT_MS / 1000} s`
        : (error.stderr || error.message || String(error)).trim().split('\n').at(-1);
      lines.push(`lighthouse ${preset}: figures missing: the run failed (${reason})`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  lines.push(
    `lighthouse: version ${ranVersion}, simulated throttling, Chromium at ${chromePath}; took ${seconds} s`,
  );
  return lines;
}
