// The app itself, imported by main.tsx once React has been evaluated (see there).
import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { prefetchSharedLinkOpener } from './lazy-features.ts';
import { readPrerenderState } from './prerender-state.ts';
import { Providers } from './Providers.tsx';
import { createQueryClient } from './query-client.ts';

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
// Hydrating in a transition lets React yield to the browser every few milliseconds, so that
// starting the app on a slow phone is many short tasks rather than a few long ones: the page
// is already on screen and readable meanwhile.
// From here React sees every click (boot.ts replays only those made before this).
document.documentElement.setAttribute('data-hydrating', '');
if (state && container.firstElementChild) startTransition(() => void hydrateRoot(container, app));
else createRoot(container).render(app);

// Offline after the first visit (see scripts/service-worker.mjs); relative, so it works from a
// sub-path. The dev server has no service worker.
// The built page starts this script after its load event (see boot.ts), so that may be past.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Without it the reader works as before, only not offline.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
