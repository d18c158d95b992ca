import type { ReactNode } from 'react';
import type { Claim } from '../../core/claims/claim.ts';
import { useAppStore } from '../../store/app-store.ts';
import { copyClaimLink } from './copy-claim-link.ts';
import { useLoadedArticles } from '../reader/use-reader-data.ts';

/** A "Copy link" button for one claim, announcing the outcome in the polite live region. */
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
  return (
    <button
      type="button"
      onClick={() => {
        void copyClaimLink(claim, article).then((message) => {
          if (message) showToast(message);
        });
      }}
      className={className}
    >
      {children}
    </button>
  );
}
