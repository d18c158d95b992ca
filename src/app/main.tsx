import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { prefetchSharedLinkOpener } from './lazy-features.ts';
import { readPrerenderState } from './prerender-state.ts';
import { Providers } from './Providers.tsx';
import { createQueryClient } from './query-client.ts';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

prefetchSharedLinkOpener(window.location.hash);
const client = createQueryClient();
const state = readPrerenderState(document);
const app = (
  <StrictMode>
    <Providers client={client} state={state}>
      <App />
    </Providers>
  </StrictMode>
);

// The production build ships pre-rendered HTML (see scripts/prerender.mjs); the dev server does not.
if (state && container.firstElementChild) hydrateRoot(container, app);
else createRoot(container).render(app);

// Offline after the first visit (see scripts/service-worker.mjs); relative, so it works from a
// sub-path. The dev server has no service worker.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Without it the reader works as before, only not offline.
    });
  });
}
