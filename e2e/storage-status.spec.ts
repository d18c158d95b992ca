import { makeClaim } from './claim-helpers.ts';
import { expect, NEWSTALK, openReader, test } from './fixtures.ts';

test('asks for persistent storage once there is a claim, and shows what the browser said', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // Record the request; this headless browser's own answer decides what is shown.
    const persist = navigator.storage.persist.bind(navigator.storage);
    (window as unknown as { persistAsked: number }).persistAsked = 0;
    navigator.storage.persist = () => {
      (window as unknown as { persistAsked: number }).persistAsked++;
      return persist();
    };
  });
  await openReader(page);
  await page.getByText('About this reader and your storage').click();
  const status = page.getByTestId('storage-persistence');
  await expect(status).toContainText('Storage:');
  expect(
    await page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked),
  ).toBe(0);

  await makeClaim(page, NEWSTALK, 'abundant evidence', 'Disputed');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked))
    .toBe(1);
  const granted = await page.evaluate(() => navigator.storage.persisted());
  await expect(status).toContainText(
    granted ? 'Persistent: the browser will not clear' : 'Not persistent: the browser declined',
  );
  await expect(page.getByText(/This site uses \d[\d,]* KB of/)).toBeVisible();
});
