// Makes sure a Chromium exists for Playwright, which must never download its own browser here.
// Installs Debian's `chromium` when running as root on Debian; otherwise says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium-path.mjs';

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

if (process.env.CHROME_PATH && !findChromium()) {
  fail(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but no browser is there.`);
}
let found = findChromium();
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (!isRoot || !isDebian) {
    fail(
      'No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH to a Chromium binary.',
    );
  }
  console.log('ensure-chromium: no Chromium found; installing Debian package "chromium"…');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    fail(
      'Installing Debian\'s "chromium" with apt-get failed; install it by hand or set CHROME_PATH.',
    );
  }
  found = findChromium();
  if (!found) fail('apt-get finished but /usr/bin/chromium is still missing; set CHROME_PATH.');
}
console.log(`ensure-chromium: using ${found}`);
