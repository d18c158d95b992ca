import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { plainTextArticle } from '../../core/articles/own-article.ts';
import {
  deleteOwnArticle,
  getOwnArticle,
  listOwnArticles,
  renameOwnArticle,
  restoreOwnArticle,
  saveOwnArticle,
} from './own-article-db.ts';

const article = plainTextArticle(
  `Johnson and Lavrov clash over Russian interference

The UK Foreign Secretary Boris Johnson has clashed with Russia's foreign minister over allegations of Russian meddling in the Brexit referendum.`,
  { url: 'https://www.newstalk.com/news/johnson-lavrov' },
);

describe('own article storage', () => {
  it('keeps an article once, lists, renames, deletes and restores it', async () => {
    expect(await saveOwnArticle(article, '2026-12-02T08:00:00.000Z')).toEqual({ added: true });
    expect(await saveOwnArticle(article)).toEqual({ added: false });
    expect(await getOwnArticle(article.id)).toEqual(article);
    expect(await listOwnArticles()).toEqual([
      {
        id: article.id,
        outlet: 'newstalk.com',
        headline: 'Johnson and Lavrov clash over Russian interference',
        url: 'https://www.newstalk.com/news/johnson-lavrov',
        addedAt: '2026-12-02T08:00:00.000Z',
        size: 196,
      },
    ]);
    await renameOwnArticle(article.id, 'Moscow press conference');
    expect((await getOwnArticle(article.id))?.headline).toBe('Moscow press conference');
    const removed = await deleteOwnArticle(article.id);
    expect(await getOwnArticle(article.id)).toBeUndefined();
    expect(await listOwnArticles()).toEqual([]);
    if (removed) await restoreOwnArticle(removed);
    expect((await getOwnArticle(article.id))?.headline).toBe('Moscow press conference');
  });

  it('says so when the device’s storage is full, and keeps nothing', async () => {
    const other = plainTextArticle(
      'Ferry timetable cut\n\nThe winter ferry will sail twice a day.',
    );
    const spy = vi
      .spyOn(Dexie.prototype, 'transaction')
      .mockRejectedValueOnce(
        new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      );
    await expect(saveOwnArticle(other)).rejects.toThrow(/storage for the reader is full/);
    spy.mockRestore();
    expect(await getOwnArticle(other.id)).toBeUndefined();
  });
});
