/** The Chromium binary to use (CHROME_PATH, else Debian's), or undefined when there is none. */
export function findChromium(): string | undefined;
