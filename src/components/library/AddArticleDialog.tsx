import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  ArticleInputError,
  MAX_ARTICLE_FILE_BYTES,
  MAX_ARTICLE_TEXT_CHARS,
  plainTextArticle,
} from '../../core/articles/own-article.ts';
import { ARTICLE_FILE_ACCEPT, readArticleFile } from '../../dom/articles/article-file.ts';
import { useAppStore } from '../../store/app-store.ts';
import { addOwnArticle } from './add-own-article.ts';

const FIELD =
  'min-h-11 w-full rounded-md border border-stone-500 bg-white px-2 dark:border-stone-400 dark:bg-stone-900';

/** What the dialog starts with: a dropped file, or a link's title and source to add. */
export interface AddArticleStart {
  readonly file?: File;
  readonly title?: string;
  readonly url?: string;
}

/**
 * The "Add article" dialog: choose or drop a saved web page, .txt or .md file, or paste text with
 * a title and source address. Nothing is kept unless the article is read whole and saved.
 */
export function AddArticleDialog({
  start,
  shown,
  onClose,
}: {
  start: AddArticleStart;
  /** The articles shown now; the added one replaces the first of them. */
  shown: readonly string[];
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement | null>(null);
  const fileRef = useRef<HTMLInputElement | null>(null);
  const client = useQueryClient();
  const showToast = useAppStore((s) => s.showToast);
  const setActiveArticle = useAppStore((s) => s.setActiveArticle);
  const [file, setFile] = useState<File | undefined>(start.file);
  const [title, setTitle] = useState(start.title ?? '');
  const [url, setUrl] = useState(start.url ?? '');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // A file dropped while the dialog is open replaces the chosen one.
  const [startFile, setStartFile] = useState(start.file);
  if (start.file !== startFile) {
    setStartFile(start.file);
    if (start.file) setFile(start.file);
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!file && text.trim() === '') {
      setError('Could not add an article: choose a file, or paste the article’s text.');
      return;
    }
    setBusy(true);
    try {
      const options = {
        ...(title.trim() === '' ? {} : { title }),
        ...(url.trim() === '' ? {} : { url }),
      };
      const article = file ? await readArticleFile(file, options) : plainTextArticle(text, options);
      const { added } = await addOwnArticle(client, article, shown);
      // On a phone, its tab is the one shown (it is the second of the pair).
      setActiveArticle(1);
      showToast(
        added
          ? `Added “${article.headline}”, kept on this device`
          : `“${article.headline}” was already added; it is shown`,
      );
      dialogRef.current?.close();
    } catch (caught) {
      setError(
        caught instanceof ArticleInputError
          ? caught.message
          : 'Could not add the article: something went wrong while reading or saving it. Nothing was changed.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      onClose={onClose}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-limits`}
      className="m-auto w-[min(40rem,calc(100vw-1rem))] rounded-xl bg-white p-5 text-stone-900 shadow-2xl backdrop:bg-black/40 dark:bg-stone-800 dark:text-stone-100"
    >
      <form onSubmit={(event) => void submit(event)} className="space-y-4">
        <h2 id={`${ids}-title`} className="text-lg font-bold">
          Add an article
        </h2>
        <p id={`${ids}-limits`} className="text-sm text-stone-700 dark:text-stone-300">
          A saved web page (.html or .htm, from “Save page as…”), a .txt or a .md file of at most{' '}
          {MAX_ARTICLE_FILE_BYTES / 1024 / 1024} MB, or pasted text; at most{' '}
          {MAX_ARTICLE_TEXT_CHARS.toLocaleString('en-GB')} characters of article text. It is kept
          only on this device; nothing is fetched or sent. You can also drop a file anywhere on the
          page.
        </p>
        <div>
          <label htmlFor={`${ids}-file`} className="block font-semibold">
            Choose a file
          </label>
          <input
            ref={fileRef}
            id={`${ids}-file`}
            type="file"
            accept={ARTICLE_FILE_ACCEPT}
            onChange={(event) => {
              setError(null);
              setFile(event.target.files?.[0]);
            }}
            className="mt-1 block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-500 file:bg-stone-100 file:px-3 file:font-semibold dark:file:bg-stone-700 dark:file:text-stone-100"
          />
          {file && (
            <p className="mt-1 text-sm">
              Chosen: <span className="font-semibold">{file.name}</span>{' '}
              <button
                type="button"
                onClick={() => {
                  setFile(undefined);
                  if (fileRef.current) fileRef.current.value = '';
                }}
                className="min-h-11 px-2 underline"
              >
                Clear<span className="sr-only"> the chosen file</span>
              </button>
            </p>
          )}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor={`${ids}-title-field`} className="block font-semibold">
              Title
            </label>
            <input
              id={`${ids}-title-field`}
              type="text"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              aria-describedby={`${ids}-title-hint`}
              className={FIELD}
            />
            <p id={`${ids}-title-hint`} className="text-xs text-stone-600 dark:text-stone-400">
              Optional: taken from the page, or the first line of the text.
            </p>
          </div>
          <div>
            <label htmlFor={`${ids}-url`} className="block font-semibold">
              Source address
            </label>
            <input
              id={`${ids}-url`}
              type="text"
              inputMode="url"
              autoComplete="url"
              placeholder="https://"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              aria-describedby={`${ids}-url-hint`}
              className={FIELD}
            />
            <p id={`${ids}-url-hint`} className="text-xs text-stone-600 dark:text-stone-400">
              Optional: where the article was published.
            </p>
          </div>
        </div>
        <div>
          <label htmlFor={`${ids}-text`} className="block font-semibold">
            Article text
          </label>
          <textarea
            id={`${ids}-text`}
            value={text}
            disabled={file !== undefined}
            onChange={(event) => setText(event.target.value)}
            rows={6}
            aria-describedby={`${ids}-text-hint`}
            className={`${FIELD} py-1 font-serif`}
          />
          <p id={`${ids}-text-hint`} className="text-xs text-stone-600 dark:text-stone-400">
            {file
              ? 'A file is chosen: its text is used. Clear it to paste text instead.'
              : 'Paste the article; leave a blank line between paragraphs.'}
          </p>
        </div>
        {error && (
          <p
            role="alert"
            className="rounded-md border border-red-700 bg-red-50 p-2 text-sm text-red-900 dark:border-red-300 dark:bg-red-950 dark:text-red-100"
          >
            {error}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            className="min-h-11 rounded-md border border-stone-400 px-4 font-semibold hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700"
          >
            Cancel
          </button>
          <button
            type="submit"
            disabled={busy}
            className="min-h-11 rounded-md bg-teal-800 px-4 font-semibold text-white hover:bg-teal-900 disabled:opacity-60 dark:bg-teal-300 dark:text-teal-950"
          >
            {busy ? 'Adding…' : 'Add'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
