import { useId, useState, type ReactNode } from 'react';
import type { Claim } from '../../core/claims/claim.ts';
import { PERMALINK_NOTE_MAX } from '../../core/sharing/permalink-codec.ts';
import { useAppStore } from '../../store/app-store.ts';
import { copyClaimLink } from './copy-claim-link.ts';
import { useLoadedArticles } from '../reader/use-reader-data.ts';

/** Whether a link to `claim` would carry its note, readable by anyone who has the link. */
function noteTravels(claim: Claim): boolean {
  return claim.note !== '' && claim.note.length <= PERMALINK_NOTE_MAX;
}

// Leaving the note out is the first and filled choice: the safer one for the reader's privacy.
const NOTE_CHOICES = [
  {
    withNote: false,
    label: 'Copy without the note',
    className: 'bg-teal-800 text-white dark:bg-teal-300 dark:text-teal-950',
  },
  { withNote: true, label: 'Copy with the note', className: 'border border-current' },
] as const;

/**
 * A "Copy link" button for one claim, announcing the outcome in the polite live region. When
 * the claim has a note that the link would carry, it first says so and offers to copy the link
 * without the note.
 */
export function CopyLinkButton({
  claim,
  className,
  children = 'Copy link',
}: {
  claim: Claim;
  className: string;
  children?: ReactNode;
}) {
  const showToast = useAppStore((s) => s.showToast);
  const article = useLoadedArticles().loaded.get(claim.target.articleId)?.article;
  const [asking, setAsking] = useState(false);
  const warningId = useId();
  const copy = (withNote: boolean) => {
    setAsking(false);
    void copyClaimLink(withNote ? claim : { ...claim, note: '' }, article).then((message) => {
      if (message) showToast(message);
    });
  };
  return (
    <>
      <button
        type="button"
        aria-expanded={noteTravels(claim) ? asking : undefined}
        onClick={() => (noteTravels(claim) ? setAsking(!asking) : copy(true))}
        className={className}
      >
        {children}
      </button>
      {asking && (
        <div
          role="group"
          aria-labelledby={warningId}
          className="w-full basis-full rounded-md border-2 border-amber-700 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-300 dark:bg-amber-950 dark:text-amber-50"
        >
          <p id={warningId}>Your note travels in the link: anyone who has the link can read it.</p>
          <div className="mt-1 flex flex-wrap gap-2">
            {NOTE_CHOICES.map(({ withNote, label, className }) => (
              <button
                key={label}
                type="button"
                onClick={() => copy(withNote)}
                className={`min-h-11 rounded-md px-3 font-semibold ${className}`}
              >
                {label}
              </button>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
