import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** The on-screen span of `text` inside an article: where a person would start and end a drag. */
export async function textSpan(page: Page, articleId: string, text: string, occurrence = 0) {
  const span = await page.evaluate(
    ({ articleId, text, occurrence }) => {
      const article = document.querySelector(`article[data-article="${articleId}"]`);
      if (!article) return null;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      // Text across blocks is matched by words: the page has no separator text between blocks.
      const whole = nodes.map((n) => n.data).join('');
      const wanted = text.replace(/\n\n/g, '');
      let index = -1;
      for (let i = 0; i <= occurrence; i++) index = whole.indexOf(wanted, index + 1);
      if (index < 0) return null;
      const locate = (offset: number) => {
        let rest = offset;
        for (const node of nodes) {
          if (rest <= node.data.length) return { node, offset: rest };
          rest -= node.data.length;
        }
        throw new Error('offset outside the article');
      };
      const range = document.createRange();
      const start = locate(index);
      const end = locate(index + wanted.length);
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      // Centre the passage itself (not its paragraph, which can be taller than a column) in the
      // column or page that scrolls it, so that a drag across it never reaches an edge.
      const box = range.getBoundingClientRect();
      let scroller = range.startContainer.parentElement;
      while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) {
        scroller = scroller.parentElement;
      }
      if (scroller && scroller.scrollHeight > scroller.clientHeight) {
        const frame = scroller.getBoundingClientRect();
        scroller.scrollTop += box.top + box.height / 2 - (frame.top + frame.height / 2);
      } else {
        window.scrollBy(0, box.top + box.height / 2 - window.innerHeight / 2);
      }
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const first = rects[0];
      const last = rects.at(-1);
      if (!first || !last) return null;
      return {
        start: { x: first.left + 1, y: first.top + first.height / 2 },
        end: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    },
    { articleId, text, occurrence },
  );
  if (!span) throw new Error(`"${text}" is not on screen in ${articleId}`);
  return span;
}

/** Selects `text` in an article by dragging across it with the real mouse. */
export async function dragSelect(page: Page, articleId: string, text: string, occurrence = 0) {
  // Across paragraphs the selection's text has line breaks: compare words only.
  // As a person does, wait until the passage has stopped moving (the column scrolls it into view,
  // and late layout such as the first-visit hint can still shift it) before starting the drag.
  let span = await textSpan(page, articleId, text, occurrence);
  await expect
    .poll(async () => {
      const next = await textSpan(page, articleId, text, occurrence);
      const still = JSON.stringify(next) === JSON.stringify(span);
      span = next;
      return still;
    })
    .toBe(true);
  const { start, end } = span;
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
  await expect
    .poll(() => page.evaluate(() => document.getSelection()?.toString().replace(/\s+/g, ' ')))
    .toBe(text.replace(/\s+/g, ' '));
}

/** The toolbar that appears beside a selection. */
export function claimToolbar(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Claim actions' });
}

/** Every mark of one claim, found by its quote's first mark. */
export function marksOf(page: Page, claimId: string): Locator {
  return page.locator(`mark[data-claim-id="${claimId}"]`);
}

/** Selects `text` with the mouse and tags it with one of the toolbar's buttons. */
export async function makeClaim(
  page: Page,
  articleId: string,
  text: string,
  button: 'Disputed' | 'Confirmed' | 'Open',
) {
  await dragSelect(page, articleId, text);
  await claimToolbar(page).getByRole('button', { name: button }).click();
  await expect(claimToolbar(page)).toBeHidden();
  // Tagging opens the claim's card at its note; close it, as a reader moving on would.
  const note = noteBox(page);
  await expect(note).toBeFocused();
  await expect(note).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();
}

/**
 * Tags `text` as `makeClaim` does, then clicks the claim, as a reader opening it: the card named
 * for `outlet`. Only for a page with no other claim (it clicks the first).
 */
export async function makeClaimAndOpenCard(
  page: Page,
  articleId: string,
  text: string,
  button: 'Disputed' | 'Confirmed' | 'Open',
  outlet: string,
): Promise<Locator> {
  await makeClaim(page, articleId, text, button);
  await page.locator('mark[data-claim-id]').first().click();
  return page.getByRole('dialog', { name: `Claim in ${outlet}` });
}

/** The note field of the open claim card. */
export function noteBox(page: Page): Locator {
  return page.getByRole('dialog').getByRole('textbox', { name: 'Note' });
}

/** The text of all marks of each claim, keyed by status, joining a claim's marks in order. */
export async function claimTexts(page: Page): Promise<Record<string, string>[]> {
  return page.evaluate(() => {
    const byId = new Map<string, { status: string; text: string }>();
    for (const mark of document.querySelectorAll<HTMLElement>('mark[data-claim-id]')) {
      const id = mark.dataset.claimId ?? '';
      const entry = byId.get(id) ?? { status: mark.dataset.status ?? '', text: '' };
      // Only the mark's own text once: nested marks of other claims are counted separately.
      entry.text += mark.textContent ?? '';
      byId.set(id, entry);
    }
    return [...byId.values()].map((e) => ({ status: e.status, text: e.text }));
  });
}

/** The claims panel's Import… file input. */
export function importInput(page: Page) {
  return page.getByLabel(/^Import/).and(page.locator('input[type="file"]'));
}
