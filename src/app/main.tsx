// The app's entry. Evaluating all of its code at once is one long task on a slow phone, so it
// is done in two: React and react-dom here, then, after yielding to the browser, the reader
// (start.tsx), which the page has already fetched (scripts/prerender.mjs preloads it).
import 'react';
import 'react-dom/client';
import './styles.css';

setTimeout(() => {
  void import('./start.tsx');
}, 0);
