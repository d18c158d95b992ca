// Where the browser tests and the benchmark find Chromium: CHROME_PATH, else Debian's package.
import { existsSync } from 'node:fs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium binary to use, or undefined when there is none. */
export function findChromium() {
  if (process.env.CHROME_PATH)
    return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return candidates.find((path) => existsSync(path));
}
