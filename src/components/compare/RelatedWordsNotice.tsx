import { useWithoutRelatedWords } from './use-counterparts.ts';

/**
 * Says so when counterparts were found without the related-word table (it could not be loaded,
 * say offline before it was ever fetched): then only words of the same stem meet, paraphrases
 * go unfound, and a "Not in" is weaker evidence than usual.
 */
export function RelatedWordsNotice({ className = '' }: { readonly className?: string }) {
  if (!useWithoutRelatedWords()) return null;
  return (
    <p
      role="note"
      className={`rounded-md border-2 border-amber-700 p-2 dark:border-amber-300 ${className}`}
    >
      {/* Short: it sits on the claim card too, which is narrow on a phone. */}
      <span className="font-semibold">Synonyms are off:</span> the related-word list did not load,
      so a paraphrase may be missed. Reload to try again.
    </p>
  );
}
