import { useEffect, useId, useRef, useState } from 'react';
import type { Claim } from '../../core/claims/claim.ts';
import { prepareText } from '../../core/anchoring/match-quote.ts';
import { anchorSharedClaim } from '../../core/sharing/permalink-anchor.ts';
import {
  decodeClaimPermalink,
  isClaimPermalinkHash,
  type SharedClaimLink,
} from '../../core/sharing/permalink-codec.ts';
import { revealBidiControls } from '../../core/sharing/bidi-controls.ts';
import { quotePreview } from '../../core/claims/quote-preview.ts';
import {
  decodeReviewHash,
  MAX_REVIEW_JSON_BYTES,
  REVIEW_TOO_LARGE,
  parseReviewPayload,
  REVIEW_HASH_PREFIX,
} from '../../core/sharing/review-link-codec.ts';
import { targetFor } from '../../core/anchoring/text-selectors.ts';
import { inflateText } from '../../dom/sharing/deflate-text.ts';
import { clearQuoteHighlightOnceMarked } from '../../dom/sharing/quote-highlight.ts';
import { newClaimId, useAppStore } from '../../store/app-store.ts';
import { STATUS_BADGE_CLASSES, STATUS_LABELS } from '../claims/claim-status-labels.ts';
import { SHARED_REGION_ID } from '../reader/element-ids.ts';
import { useClaimAnchors, useLoadedArticles } from '../reader/use-reader-data.ts';
import { loadOwnArticleDb } from '../../api/articles/article-queries.ts';
import { isOwnArticleId } from '../../core/articles/own-article-id.ts';
import { setArticlePair } from '../library/article-pair.ts';
import { requestAddArticle } from '../library/LibraryButtons.tsx';

function quoteOf(link: SharedClaimLink): string {
  return link.quote.kind === 'exact'
    ? link.quote.exact
    : `${link.quote.startWords} … ${link.quote.endWords}`;
}

function clearLinkFromAddress(): void {
  const url = new URL(window.location.href);
  if (!url.hash) return;
  url.hash = '';
  window.history.replaceState(null, '', url.href);
}

/**
 * Opens the claim or review a link carries (from the address's hash, now and on hashchange):
 * shared claims are shown apart, marked as shared, until the reader saves them.
 */
export function SharedLinkOpener() {
  const { ids, loaded } = useLoadedArticles();
  const ownClaims = useAppStore((s) => s.claims);
  const setShared = useAppStore((s) => s.setShared);
  const setLinkNotice = useAppStore((s) => s.setLinkNotice);
  const setActiveArticle = useAppStore((s) => s.setActiveArticle);
  const requestFocus = useAppStore((s) => s.requestFocus);
  // A decoded link waits here until its article has loaded; `arrivals` re-runs the effect.
  const pendingLink = useRef<SharedClaimLink | null>(null);
  const [arrivals, setArrivals] = useState(0);
  // The added article a link names, once this device's library was asked for it.
  const lookedUp = useRef<string | null>(null);
  const missingShown = useRef(false);

  useEffect(() => {
    let cancelled = false;
    const read = () => {
      const hash = window.location.hash;
      if (isClaimPermalinkHash(hash)) {
        const result = decodeClaimPermalink(hash);
        if (result.ok) {
          pendingLink.current = result.link;
          setArrivals((n) => n + 1);
        } else {
          setLinkNotice({ message: result.error });
          clearQuoteHighlightOnceMarked(null);
        }
      } else if (hash.startsWith(REVIEW_HASH_PREFIX)) {
        void openReview(hash).then((outcome) => {
          if (cancelled) return;
          if (outcome.ok) {
            setShared({ kind: 'review', claims: outcome.claims });
            if (outcome.invalid > 0) {
              setLinkNotice({
                message: `${outcome.invalid} of the shared claims could not be read and are left out.`,
              });
            }
          } else setLinkNotice({ message: outcome.error });
        });
      }
    };
    read();
    window.addEventListener('hashchange', read);
    return () => {
      cancelled = true;
      window.removeEventListener('hashchange', read);
    };
  }, [setShared, setLinkNotice]);

  useEffect(() => {
    const pending = pendingLink.current;
    if (!pending || ids.length === 0) return;
    const index = ids.indexOf(pending.articleId);
    if (index < 0 && isOwnArticleId(pending.articleId)) {
      // An article someone added: shown if this device has it too, else named and offered.
      // The link waits, so that adding the same text anchors the quote in it.
      const id = pending.articleId;
      if (lookedUp.current === id) return;
      lookedUp.current = id;
      const first = ids[0];
      const showMissing = () => {
        missingShown.current = true;
        setLinkNotice({
          message: `The article this quote is from isn't on this device. Add it (the same saved page or text) to see the quote in place.`,
          quote: quoteOf(pending),
          status: pending.status,
          missingArticle: {
            title: pending.article?.title ?? 'Untitled article',
            ...(pending.article?.url === undefined ? {} : { url: pending.article.url }),
          },
        });
      };
      loadOwnArticleDb()
        .then((db) => db.getOwnArticle(id))
        .then((article) => {
          if (article && first !== undefined) setArticlePair([first, id]);
          else showMissing();
        })
        .catch(showMissing);
      return;
    }
    if (index < 0) {
      pendingLink.current = null;
      clearQuoteHighlightOnceMarked(null);
      setLinkNotice({
        message: 'This link points to an article this reader does not have.',
        quote: quoteOf(pending),
      });
      return;
    }
    const entry = loaded.get(pending.articleId);
    if (!entry) return; // Still loading.
    pendingLink.current = null;
    if (missingShown.current) {
      missingShown.current = false;
      setLinkNotice(null);
    }
    const text = entry.text.text;
    const result = anchorSharedClaim(prepareText(text), pending);
    setActiveArticle(index);
    if (result.kind !== 'anchored') {
      clearQuoteHighlightOnceMarked(null);
      setLinkNotice({
        message: `This quote was not found in the ${entry.article.outlet} article.`,
        quote: quoteOf(pending),
      });
      return;
    }
    const range = { start: result.start, end: result.end };
    const own = Object.values(ownClaims).find(
      (c) =>
        c.id === pending.claimId ||
        (c.target.articleId === pending.articleId &&
          c.target.position.start === range.start &&
          c.target.position.end === range.end),
    );
    if (own) {
      // The reader already has it: open theirs, not a copy.
      requestFocus(own.id, { instant: true });
      // The page's boot script may have painted the quote: it goes once the mark is drawn.
      clearQuoteHighlightOnceMarked(own.id);
      return;
    }
    const now = new Date().toISOString();
    const claim: Claim = {
      id: pending.claimId ?? newClaimId(),
      target: targetFor(pending.articleId, text, range),
      status: pending.status,
      note: pending.note ?? '',
      evidence: [],
      createdAt: now,
      updatedAt: now,
    };
    setShared({ kind: 'claim', claims: [claim] });
    // Straight to the quote, as a text fragment does: the reader asked for this place.
    requestFocus(claim.id, { instant: true });
    clearQuoteHighlightOnceMarked(claim.id);
  }, [arrivals, ids, loaded, ownClaims, setActiveArticle, setLinkNotice, setShared, requestFocus]);

  return null;
}

async function openReview(
  hash: string,
): Promise<{ ok: true; claims: Claim[]; invalid: number } | { ok: false; error: string }> {
  const decoded = decodeReviewHash(hash);
  if (!decoded.ok) return decoded;
  let json: string;
  try {
    json = await inflateText(decoded.compressed, MAX_REVIEW_JSON_BYTES);
  } catch (error) {
    // Too much data once unpacked (a compression bomb, or simply a huge review) is not damage.
    if (error instanceof RangeError) return { ok: false, error: REVIEW_TOO_LARGE };
    return {
      ok: false,
      error: 'This review link is damaged — it may have been cut off when it was copied.',
    };
  }
  return parseReviewPayload(json);
}

/** The shared claim or review, read-only, with Save/Import and Dismiss; and link problems. */
export function SharedClaimsRegion() {
  const shared = useAppStore((s) => s.shared);
  const linkNotice = useAppStore((s) => s.linkNotice);
  const ownClaims = useAppStore((s) => s.claims);
  const setShared = useAppStore((s) => s.setShared);
  const setLinkNotice = useAppStore((s) => s.setLinkNotice);
  const importClaims = useAppStore((s) => s.importClaims);
  const showToast = useAppStore((s) => s.showToast);
  const requestFocus = useAppStore((s) => s.requestFocus);
  const setActiveArticle = useAppStore((s) => s.setActiveArticle);
  const { ids, loaded } = useClaimAnchors();
  const headingId = useId();

  if (!shared && !linkNotice) return null;
  const visible = shared?.claims.filter((c) => !Object.hasOwn(ownClaims, c.id)) ?? [];

  const dismiss = () => {
    setShared(null);
    setLinkNotice(null);
    clearLinkFromAddress();
  };
  const save = () => {
    const added = importClaims(visible);
    // Refused (storage holds a newer version's data): the store has said why; keep the claims.
    if (added === 0 && visible.length > 0) return;
    setShared(null);
    clearLinkFromAddress();
    showToast(
      shared?.kind === 'claim'
        ? 'Saved to your claims'
        : `${added} ${added === 1 ? 'claim' : 'claims'} imported into your claims`,
    );
  };
  // Only once the articles are in can a claim's article be called unknown.
  const outletOf = (claim: Claim) =>
    loaded.get(claim.target.articleId)?.article.outlet ??
    (loaded.size > 0 && loaded.size === ids.length
      ? `an article this reader does not have (${claim.target.articleId})`
      : claim.target.articleId);

  return (
    <section
      id={SHARED_REGION_ID}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="fixed inset-x-0 bottom-0 z-20 max-h-[45vh] overflow-y-auto border-t-4 border-sky-700 bg-white p-4 shadow-2xl dark:border-sky-300 dark:bg-stone-800"
    >
      <div className="mx-auto max-w-3xl">
        <h2 id={headingId} className="text-base font-bold">
          {shared?.kind === 'review'
            ? `Shared review: ${visible.length} ${visible.length === 1 ? 'claim' : 'claims'} (read-only)`
            : shared
              ? 'Shared claim (read-only)'
              : 'About the link you opened'}
        </h2>
        {linkNotice && (
          <div role="alert" className="mt-2 text-sm">
            {linkNotice.missingArticle && (
              <p className="font-serif text-base font-semibold">
                {linkNotice.missingArticle.title}
              </p>
            )}
            <p>{linkNotice.message}</p>
            {linkNotice.quote !== undefined && (
              <blockquote className="mt-1 border-l-4 border-stone-400 pl-3 font-serif whitespace-pre-line">
                {revealBidiControls(linkNotice.quote)}
              </blockquote>
            )}
            {linkNotice.status && (
              <p className="mt-1">
                <span
                  className={`inline-flex items-center gap-1 rounded border px-1.5 text-xs font-semibold ${STATUS_BADGE_CLASSES[linkNotice.status]}`}
                >
                  <span aria-hidden="true">{STATUS_LABELS[linkNotice.status].icon}</span>
                  Shared verdict: {STATUS_LABELS[linkNotice.status].label}
                </span>
              </p>
            )}
          </div>
        )}
        {linkNotice?.missingArticle && (
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
            {linkNotice.missingArticle.url !== undefined && (
              <a
                href={linkNotice.missingArticle.url}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium break-all text-teal-800 underline dark:text-teal-300"
              >
                Open the original: {linkNotice.missingArticle.url}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            )}
            <button
              type="button"
              onClick={() => {
                const missing = linkNotice.missingArticle;
                requestAddArticle({
                  ...(missing?.title === undefined ? {} : { title: missing.title }),
                  ...(missing?.url === undefined ? {} : { url: missing.url }),
                });
              }}
              className="min-h-11 rounded-md border border-stone-400 px-3 font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700"
            >
              Add this article…
            </button>
          </div>
        )}
        {visible.length > 0 && (
          <ul className="mt-2 space-y-2 text-sm">
            {visible.map((claim) => (
              <li key={claim.id} className="flex flex-wrap items-start gap-2">
                <span
                  className={`inline-flex items-center gap-1 rounded border px-1.5 text-xs font-semibold ${STATUS_BADGE_CLASSES[claim.status]}`}
                >
                  <span aria-hidden="true">{STATUS_LABELS[claim.status].icon}</span>
                  Shared verdict: {STATUS_LABELS[claim.status].label}
                </span>
                <button
                  type="button"
                  onClick={() => {
                    const index = ids.indexOf(claim.target.articleId);
                    if (index >= 0) setActiveArticle(index);
                    requestFocus(claim.id);
                  }}
                  className="min-w-0 flex-1 text-left font-serif underline"
                >
                  “<bdi>{revealBidiControls(quotePreview(claim.target.quote.exact))}</bdi>”
                  <span className="font-sans text-stone-600 dark:text-stone-400">
                    {' '}
                    — {outletOf(claim)}
                  </span>
                </button>
                {claim.note && (
                  <p className="w-full pl-2 text-stone-700 dark:text-stone-300">
                    Note: <bdi>{revealBidiControls(claim.note)}</bdi>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="mt-3 flex flex-wrap gap-2">
          {visible.length > 0 && (
            <button
              type="button"
              onClick={save}
              className="min-h-11 rounded-md bg-teal-800 px-3 text-sm font-semibold text-white hover:bg-teal-900 dark:bg-teal-300 dark:text-teal-950"
            >
              {shared?.kind === 'review' ? 'Import into my claims' : 'Save to my claims'}
            </button>
          )}
          <button
            type="button"
            onClick={dismiss}
            className="min-h-11 rounded-md border border-stone-400 px-3 text-sm font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700"
          >
            Dismiss
          </button>
        </div>
      </div>
    </section>
  );
}
