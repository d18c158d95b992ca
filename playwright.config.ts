import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/chromium-path.mjs';

const executablePath = findChromium();
// E2E_PORT lets a second checkout run its browser tests beside this one.
const port = Number(process.env.E2E_PORT) || 4317;
// Specs that time the page's thread (see the projects below).
const TIMED_ALONE = /(?:long-comparison|large-imports)\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
    // The built app registers a service worker; requests it answers would bypass page.route, so
    // it is off except in the offline test, which turns it on.
    serviceWorkers: 'block',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
  },
  projects: [
    { name: 'reader', testIgnore: TIMED_ALONE },
    // These time the page's thread while a worker (comparing, importing) takes the other core:
    // with another test's browser beside them on a 2-core machine, page tasks of at most 55 ms
    // alone stretched to 270–283 ms in CI. So they run alone, after the rest
    // (`npx playwright test --no-deps <spec>` runs one by itself).
    { name: 'alone', testMatch: TIMED_ALONE, dependencies: ['reader'], workers: 1 },
  ],
  webServer: {
    // The production build: pre-rendered HTML, hydrated, as users get it.
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
