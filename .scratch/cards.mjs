import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { benchCompareOffThread } from '../bench/compare-off-thread.mjs';
const port = 4466;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
try {
  for (let i = 0; i < 100; i++) { try { if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 200)); }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
  for (const line of await benchCompareOffThread(browser, `http://127.0.0.1:${port}/`, Number(process.argv[2] || 5))) console.log(line);
  await browser.close();
} finally { process.kill(-server.pid); }
