// The app's own TypeScript modules, loaded in Node through Vite, so that a benchmark builds its
// claims and links with the app's code rather than a copy of it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Calls `use(load, canonicalOf)` with `load(path)` importing a module of `src/` and
 * `canonicalOf(articleId)` giving a data file's article and canonical text; closes Vite after.
 */
export async function withAppModules(use) {
  const vite = await createServer({
    root: ROOT,
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'error',
  });
  try {
    const load = (path) => vite.ssrLoadModule(path);
    const { parseArticle } = await load('/src/core/articles/article-schema.ts');
    const { articleText } = await load('/src/core/articles/article-text.ts');
    const canonicalOf = async (articleId) => {
      const file = join(ROOT, 'data', 'articles', `${articleId}.json`);
      const article = parseArticle(JSON.parse(await readFile(file, 'utf8')), file);
      return { article, text: articleText(article) };
    };
    return await use(load, canonicalOf);
  } finally {
    await vite.close();
  }
}
