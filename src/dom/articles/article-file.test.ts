// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { articleFileKind, decodeArticleBytes, readArticleFile } from './article-file.ts';

const encoder = new TextEncoder();

describe('article files', () => {
  it('knows a page, a text and a Markdown file by name or type', () => {
    expect(articleFileKind({ name: 'Report.HTM', type: '' })).toBe('html');
    expect(articleFileKind({ name: 'notes', type: 'text/plain' })).toBe('text');
    expect(articleFileKind({ name: 'draft.md', type: '' })).toBe('markdown');
    expect(articleFileKind({ name: 'photo.jpg', type: 'image/jpeg' })).toBeUndefined();
  });

  it('reads UTF-8, falls back to Windows-1252, and refuses binary data', () => {
    expect(decodeArticleBytes(encoder.encode('Lavrov: “Not successfully”'))).toBe(
      'Lavrov: “Not successfully”',
    );
    expect(decodeArticleBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toBe('Café');
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(() => decodeArticleBytes(bytes)).toThrow(/not text/);
  });

  it('says a file is empty, too large or of another kind', async () => {
    await expect(readArticleFile(new File([], 'notes.txt'))).rejects.toThrow(/is empty/);
    await expect(readArticleFile(new File(['\n \n'], 'notes.txt'))).rejects.toThrow(/is empty/);
    const huge = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.html');
    await expect(readArticleFile(huge)).rejects.toThrow(/too large: 5\.0 MB/);
    await expect(readArticleFile(new File(['x'], 'photo.jpg'))).rejects.toThrow(/only saved/);
  });

  it('reads a .txt file as paragraphs', async () => {
    const file = new File(
      ['Ferry timetable cut\r\n\r\nThe winter ferry will sail twice a day.\r\n\r\nCrew are short.'],
      'ferry.txt',
    );
    const article = await readArticleFile(file);
    expect(article.headline).toBe('Ferry timetable cut');
    expect(article.body).toHaveLength(2);
  });
});
