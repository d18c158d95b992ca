/// <reference types="vitest/config" />
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const dataDir = resolve(import.meta.dirname, 'data');

function listJsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listJsonFiles(path);
    return entry.name.endsWith('.json') ? [path] : [];
  });
}

/** Serves `data/**.json` at `<base>data/` in dev and copies it into the build, unbundled. */
function articleData(): Plugin {
  return {
    name: 'article-data',
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const path = resolve(
          dataDir,
          `.${decodeURIComponent((req.url ?? '').split('?')[0] ?? '')}`,
        );
        if (!path.startsWith(dataDir + sep) || !path.endsWith('.json')) return next();
        try {
          if (!statSync(path).isFile()) return next();
        } catch {
          return next();
        }
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        createReadStream(path).pipe(res);
      });
    },
    generateBundle() {
      for (const path of listJsonFiles(dataDir)) {
        this.emitFile({
          type: 'asset',
          fileName: `data/${relative(dataDir, path).split(sep).join('/')}`,
          source: readFileSync(path),
        });
      }
    },
  };
}

const port = Number(process.env.PORT) || 5173;

/**
 * `vite build --mode boot`: the page's boot script (src/app/boot.ts) as one classic script,
 * added to dist/assets beside the app's build; scripts/prerender.mjs puts it in the page.
 */
const bootBuild = defineConfig({
  base: './',
  publicDir: false,
  build: {
    target: 'es2022',
    emptyOutDir: false,
    copyPublicDir: false,
    rollupOptions: {
      input: resolve(import.meta.dirname, 'src/app/boot.ts'),
      output: { format: 'iife', entryFileNames: 'assets/boot-[hash].js' },
    },
  },
});

export default defineConfig(({ isSsrBuild, mode }) =>
  mode === 'boot'
    ? bootBuild
    : {
        // Relative asset URLs let the built app be served from any sub-path unchanged.
        base: './',
        plugins: [react(), tailwindcss(), ...(isSsrBuild ? [] : [articleData()])],
        // Module workers, split like the app: the counterpart worker fetches the related-word
        // table as its own chunk, when first asked, as the page did.
        worker: { format: 'es' },
        server: { port, strictPort: false },
        preview: { port: Number(process.env.PORT) || 4173, strictPort: false },
        build: {
          target: 'es2022',
          // Every browser that runs es2022 modules preloads them itself; the polyfill is dead weight.
          modulePreload: { polyfill: false },
          // scripts/prerender.mjs reads which chunk holds the app's second half (start.tsx).
          manifest: true,
        },
        test: {
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
);
