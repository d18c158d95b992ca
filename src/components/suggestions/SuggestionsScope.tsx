import { useAppStore } from '../../store/app-store.ts';

/**
 * While suggestions are shown: says that only the most check-worthy sentences are underlined,
 * with a switch to underline every check-worthy sentence.
 */
export function SuggestionsScope() {
  const shown = useAppStore((s) => s.suggestionsShown);
  const all = useAppStore((s) => s.allSuggestionsShown);
  const setAll = useAppStore((s) => s.setAllSuggestionsShown);
  if (!shown) return null;
  return (
    <div className="mx-auto w-full max-w-[92rem] shrink-0 px-4 pt-2 sm:px-6">
      <p className="flex flex-wrap items-center gap-x-3 text-sm text-stone-700 dark:text-stone-300">
        <span>
          {all
            ? 'Suggested claims: every check-worthy sentence is underlined.'
            : 'Suggested claims: the most check-worthy sentences, at most one in four.'}
        </span>
        <button
          type="button"
          aria-pressed={all}
          onClick={() => setAll(!all)}
          className="min-h-11 rounded-md px-2 font-semibold underline"
        >
          Show all suggestions
        </button>
      </p>
    </div>
  );
}
