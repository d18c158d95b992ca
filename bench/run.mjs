// `npm run bench`: builds the app, serves the build, and prints the figures that matter.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findChromium } from '../scripts/chromium-path.mjs';
import { benchCompareOffThread } from './compare-off-thread.mjs';
import { benchCounterpartQuality } from './counterparts-quality.mjs';
import { benchFirstLoad } from './first-load.mjs';
import { benchInteraction } from './interaction.mjs';
import { benchLighthouse } from './lighthouse.mjs';
import { benchPermalink, benchPermalinkJump } from './permalink-jump.mjs';
import { benchFirstLoadInBrowser, benchPhoneTbt } from './start-up.mjs';
import { benchStatusChange } from './status-change.mjs';

// BENCH_PORT lets a second checkout run the bench while another holds 4399.
const port = Number(process.env.BENCH_PORT) || 4399;

const distDir = new URL('../dist/', import.meta.url).pathname;
for (const line of benchFirstLoad(distDir)) console.log(line);
// The fresh held-out set first (see counterpart-fresh-held-out.ts), then the first, spent, one.
for (const half of ['fresh', 'heldOut']) {
  for (const line of await benchCounterpartQuality(half)) console.log(line);
}
const baseUrl = `http://127.0.0.1:${port}/`;

async function waitForServer(url, tries = 100) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server at ${url} did not start`);
}

const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  {
    stdio: 'ignore',
    detached: true,
  },
);
try {
  await waitForServer(baseUrl);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--disable-background-networking', '--disable-component-update', '--disable-gpu'],
  });
  try {
    console.log(
      `machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}`,
    );
    const permalink = await benchPermalink(baseUrl);
    for (const line of await benchFirstLoadInBrowser(browser, baseUrl, permalink, distDir)) {
      console.log(line);
    }
    for (const line of await benchPhoneTbt(browser, baseUrl)) console.log(line);
    for (const profile of ['desktop', 'phone']) {
      try {
        for (const line of await benchPermalinkJump(browser, profile)) console.log(line);
      } catch (error) {
        // No figure rather than a wrong one: the failure is printed and the run fails.
        console.log(
          `permalink jump (${profile}): FAILED — ${error instanceof Error ? error.message : error}`,
        );
        process.exitCode = 1;
      }
    }
    for (const line of await benchStatusChange(browser, baseUrl)) console.log(line);
    for (const line of await benchInteraction(browser, baseUrl)) console.log(line);
    for (const line of await benchCompareOffThread(browser, baseUrl)) console.log(line);
  } finally {
    await browser.close();
  }
  for (const line of await benchLighthouse(baseUrl)) console.log(line);
} finally {
  process.kill(-server.pid);
}
