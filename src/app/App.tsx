import { useEffect } from 'react';
import { Reader } from '../components/Reader.tsx';

/** The whole page. */
export function App() {
  useEffect(() => {
    // Lets tests and the benchmark tell when the page has become interactive.
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <div className="min-h-screen bg-stone-50 text-stone-900 dark:bg-stone-900 dark:text-stone-100">
      <header className="border-b border-stone-300 px-4 py-3 sm:px-6 dark:border-stone-700">
        <div className="mx-auto max-w-[92rem]">
          <h1 className="text-lg font-bold">Fact-check reader</h1>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            Two reports of the Johnson–Lavrov press conference in Moscow, 22 December 2017
          </p>
        </div>
      </header>
      <main>
        <Reader />
      </main>
    </div>
  );
}
