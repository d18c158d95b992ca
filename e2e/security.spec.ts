import { expect, openReader, test } from './fixtures.ts';

test('the built page has a strict Content Security Policy that stops injected scripts', async ({
  page,
  consoleErrors,
}) => {
  await openReader(page);
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');

  const reported = page.waitForEvent('console', (message) =>
    message.text().includes('Content Security Policy'),
  );
  const outcome = await page.evaluate(async () => {
    const blocked = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), {
        once: true,
      }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.body.append(script);
    const directive = await blocked;
    return { ran: 'injected' in window, directive };
  });
  expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
  // The browser reports the blocked script as a console error; that one is expected here.
  await reported;
  expect(consoleErrors.every((e) => e.includes('Content Security Policy'))).toBe(true);
  consoleErrors.length = 0;
  // The app still works: the articles and their controls are there.
  await expect(page.getByRole('button', { name: /^Claims/ })).toBeEnabled();
});
