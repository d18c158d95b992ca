/**
 * The page's side of the counterpart worker: requests by key, their status as a small external
 * store (useSyncExternalStore), answers kept for the passages asked about, cancel and retry.
 * Where a module worker cannot start, the same engine runs on the page in slices, quietly.
 */
import type { ArticleText } from '../../core/articles/article-text.ts';
import type { Counterpart } from '../../core/compare/counterparts.ts';
import { textHash } from '../../core/text/text-hash.ts';
import {
  articleMessage,
  idOf,
  keepArticle,
  parseResponse,
  type CounterpartRequest,
  type CounterpartResponse,
  type PassageMessage,
} from './counterpart-messages.ts';

/** Where a request stands. `slow` once it has been pending long enough to offer Cancel. */
export type JobStatus<T> =
  | {
      readonly state: 'pending';
      readonly progress: { readonly done: number; readonly total: number } | null;
      readonly slow: boolean;
    }
  | { readonly state: 'done'; readonly value: T }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'cancelled' };

/** One passage to compare, with its article and the other. */
export interface PassageQuery {
  readonly source: ArticleText;
  readonly sourceId: string;
  readonly other: ArticleText;
  readonly otherId: string;
  readonly start: number;
  readonly end: number;
}

/** Pending for this long, a request shows its progress and Cancel. */
const SLOW_MS = 400;
/** Answers kept for passages no one is looking at. */
const KEPT_ANSWERS = 500;

const PENDING: JobStatus<never> = { state: 'pending', progress: null, slow: false };

// Whether the last answer was found without the related-word table (it could not be loaded).
let withoutRelatedWords = false;

/** Whether the comparer's last answer matched without related words (see subscribe). */
export function answeredWithoutRelatedWords(): boolean {
  return withoutRelatedWords;
}

const keys = new WeakMap<ArticleText, string>();
/** An article as the worker knows it: its id and the hash of its text. */
function articleKey(id: string, article: ArticleText): string {
  let key = keys.get(article);
  if (key === undefined) {
    key = `${id}@${textHash(article.text)}`;
    keys.set(article, key);
  }
  return key;
}

function passageMessage(query: PassageQuery): PassageMessage {
  return {
    source: articleKey(query.sourceId, query.source),
    other: articleKey(query.otherId, query.other),
    range: { start: query.start, end: query.end },
  };
}

/** A passage's key: its article, the other and its place. */
export function passageKey(query: PassageQuery): string {
  const m = passageMessage(query);
  return `${m.source}|${m.other}|${m.range.start}-${m.range.end}`;
}

// ---- Where requests are answered: the worker, or the page itself ----

interface Backend {
  readonly post: (message: CounterpartRequest) => void;
  /** The articles the backend keeps, mirrored (see keepArticle). */
  readonly kept: string[];
}

interface InFlight {
  readonly request: Extract<CounterpartRequest, { kind: 'counterparts' | 'coverage' }>;
  readonly articles: readonly (readonly [string, ArticleText])[];
  readonly onProgress: (done: number, total: number) => void;
  readonly onAnswer: (
    answer: Extract<CounterpartResponse, { kind: 'counterparts' | 'coverage' }>,
  ) => void;
  readonly onFailure: (message: string) => void;
}

let backend: Backend | null = null;
let nextId = 0;
const inFlight = new Map<number, InFlight>();

function failAll(message: string): void {
  const failed = [...inFlight.values()];
  inFlight.clear();
  for (const job of failed) job.onFailure(message);
}

function receive(data: unknown): void {
  const parsed = parseResponse(data);
  if (!parsed.ok) {
    const id = idOf(data);
    const job = id === null ? undefined : inFlight.get(id);
    if (id !== null) inFlight.delete(id);
    job?.onFailure('The comparer sent an answer this page cannot read.');
    return;
  }
  const message = parsed.value;
  const id = message.id;
  if (id === null) {
    // A message the worker could not tell the request of: the requests after it cannot stand.
    failAll(
      `The comparer could not read a request (${message.kind === 'refused' ? message.reason : ''}).`,
    );
    return;
  }
  const job = inFlight.get(id);
  if (job === undefined) return;
  switch (message.kind) {
    case 'progress':
      job.onProgress(message.done, message.total);
      return;
    case 'counterparts':
    case 'coverage':
      inFlight.delete(id);
      if (withoutRelatedWords === message.relatedWords) {
        withoutRelatedWords = !message.relatedWords;
        notify();
      }
      job.onAnswer(message);
      return;
    case 'failed':
      inFlight.delete(id);
      job.onFailure(message.message);
      return;
    case 'refused':
      inFlight.delete(id);
      job.onFailure(`The comparer could not read the request (${message.reason}).`);
      return;
  }
}

/** Sends the articles the backend lacks. */
function sendArticles(to: Backend, articles: readonly (readonly [string, ArticleText])[]): void {
  for (const [key, article] of articles) {
    if (!to.kept.includes(key)) {
      to.post({ kind: 'article', article: articleMessage(key, article) });
      keepArticle(to.kept, key);
    }
  }
}

/** Sends a request's articles the backend lacks, then the request. */
function dispatch(to: Backend, job: InFlight): void {
  sendArticles(to, job.articles);
  const passages = job.request.kind === 'coverage' ? job.request.passages : [job.request.passage];
  for (const passage of passages) {
    keepArticle(to.kept, passage.source);
    keepArticle(to.kept, passage.other);
  }
  to.post(job.request);
}

/** The engine on the page, in slices: for browsers that cannot start a module worker. */
function startOnPage(): Backend {
  const waiting: CounterpartRequest[] = [];
  let receiveHere: ((message: CounterpartRequest) => void) | null = null;
  const here: Backend = {
    kept: [],
    post: (message) => (receiveHere ? receiveHere(message) : waiting.push(message)),
  };
  import('./counterpart-engine.ts').then(
    ({ counterpartEngine, hostHere }) => {
      const engine = counterpartEngine(hostHere(receive));
      receiveHere = engine.receive;
      for (const message of waiting.splice(0)) engine.receive(message);
    },
    () => {
      if (backend === here) backend = null;
      failAll('The comparison could not be loaded. Check your connection, then retry.');
    },
  );
  return here;
}

function startWorker(): Backend | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./counterpart-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let answered = false;
  const there: Backend = { kept: [], post: (message) => worker.postMessage(message) };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    answered = true;
    receive(event.data);
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker.terminate();
    if (backend !== there) return;
    if (answered) {
      // It ran, then stopped: say so; the next request starts a new one.
      backend = null;
      failAll('The comparison stopped unexpectedly.');
      return;
    }
    // It never started (no module workers here, or its code could not be fetched): the page
    // does the work itself, and the requests already sent go there.
    backend = startOnPage();
    for (const job of inFlight.values()) dispatch(backend, job);
  });
  return there;
}

// The pairs asked to be prepared ahead, so that each is asked once per page.
const preparedAhead = new Set<string>();

/**
 * Starts the comparer (the worker, and its related-word table) ahead of a request, so that
 * Compare answers sooner: called when the reader selects text or may open a claim. With `pair`
 * (a query whose passage does not matter), the two articles are also sent and prepared, so that
 * the first card on them answers in milliseconds rather than after preparing them.
 */
export function warmUp(pair?: PassageQuery): void {
  backend ??= startWorker() ?? startOnPage();
  if (pair === undefined) return;
  const { source, other } = passageMessage(pair);
  if (preparedAhead.has(`${source}\n${other}`)) return;
  preparedAhead.add(`${source}\n${other}`);
  sendArticles(backend, articlesOf([pair]));
  backend.post({ kind: 'prepare', source, other });
}

function send(job: InFlight): void {
  backend ??= startWorker() ?? startOnPage();
  inFlight.set(job.request.id, job);
  dispatch(backend, job);
}

function cancelRequest(id: number): void {
  if (!inFlight.delete(id)) return;
  backend?.post({ kind: 'cancel', id });
}

// ---- Requests by key, as an external store ----

interface Entry<T> {
  status: JobStatus<T>;
  users: number;
  /** The request answering it, while pending. */
  id: number | null;
  slowTimer: ReturnType<typeof setTimeout> | null;
  readonly start: () => void;
}

const listeners = new Set<() => void>();
function notify(): void {
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever a status changes; returns the unsubscribe. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A table of requests by key: what the hooks read and start, cancel and retry. */
class Jobs<T> {
  private readonly entries = new Map<string, Entry<T>>();

  status(key: string): JobStatus<T> {
    return this.entries.get(key)?.status ?? PENDING;
  }

  /** Makes the answer of `key` known without asking (another request found it). */
  know(key: string, value: T): void {
    if (this.entries.get(key)?.status.state === 'done') return;
    const entry = this.entries.get(key);
    if (entry) {
      this.stop(entry);
      this.settle(entry, { state: 'done', value });
    } else
      this.entries.set(
        key,
        this.entry(() => undefined, { state: 'done', value }),
      );
  }

  /**
   * Someone needs `key`: asks for it unless it is known or asked for. The returned release
   * cancels the request when no one needs it any more.
   */
  acquire(
    key: string,
    request: (id: number) => Omit<InFlight, 'onProgress' | 'onAnswer' | 'onFailure'>,
    answerOf: (answer: Parameters<InFlight['onAnswer']>[0]) => T,
  ): () => void {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      const created: Entry<T> = this.entry(() => {
        const id = nextId++;
        created.id = id;
        this.setStatus(created, PENDING);
        created.slowTimer = setTimeout(() => {
          if (created.status.state === 'pending')
            this.setStatus(created, { ...created.status, slow: true });
        }, SLOW_MS);
        send({
          ...request(id),
          onProgress: (done, total) => {
            if (created.status.state === 'pending') {
              this.setStatus(created, { ...created.status, progress: { done, total } });
            }
          },
          onAnswer: (answer) => this.settle(created, { state: 'done', value: answerOf(answer) }),
          onFailure: (message) => this.settle(created, { state: 'failed', message }),
        });
      }, PENDING);
      entry = created;
      this.entries.set(key, entry);
      entry.start();
    } else if (entry.status.state === 'done') {
      // Most recently used last, so that the oldest answers are the ones let go.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    entry.users++;
    const held = entry;
    return () => {
      held.users--;
      // Checked after the effects of this commit have run: a component that releases a key and
      // takes it again at once (new props, the same passages) keeps its request going.
      queueMicrotask(() => {
        if (held.users > 0 || this.entries.get(key) !== held) return;
        if (held.status.state !== 'done') {
          this.stop(held);
          this.entries.delete(key);
        }
        this.trim();
      });
    };
  }

  /** The reader's Cancel: stops the request; Retry asks again. */
  cancel(key: string): void {
    const entry = this.entries.get(key);
    if (entry?.status.state !== 'pending') return;
    this.stop(entry);
    this.setStatus(entry, { state: 'cancelled' });
  }

  retry(key: string): void {
    const entry = this.entries.get(key);
    if (entry?.status.state === 'failed' || entry?.status.state === 'cancelled') entry.start();
  }

  private entry(start: () => void, status: JobStatus<T>): Entry<T> {
    return { status, users: 0, id: null, slowTimer: null, start };
  }

  private setStatus(entry: Entry<T>, status: JobStatus<T>): void {
    entry.status = status;
    notify();
  }

  private stop(entry: Entry<T>): void {
    if (entry.id !== null) cancelRequest(entry.id);
    entry.id = null;
    if (entry.slowTimer !== null) clearTimeout(entry.slowTimer);
    entry.slowTimer = null;
  }

  private settle(entry: Entry<T>, status: JobStatus<T>): void {
    entry.id = null;
    if (entry.slowTimer !== null) clearTimeout(entry.slowTimer);
    entry.slowTimer = null;
    this.setStatus(entry, status);
  }

  private trim(): void {
    if (this.entries.size <= KEPT_ANSWERS) return;
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= KEPT_ANSWERS) break;
      if (entry.users === 0) this.entries.delete(key);
    }
  }
}

/** Counterparts of one passage, by passageKey. */
export const counterpartJobs = new Jobs<readonly Counterpart[]>();
/** Counterparts of a list of passages (the coverage grid), by their keys joined. */
export const coverageJobs = new Jobs<readonly (readonly Counterpart[])[]>();

function articlesOf(queries: readonly PassageQuery[]): [string, ArticleText][] {
  const byKey = new Map<string, ArticleText>();
  for (const q of queries) {
    byKey.set(articleKey(q.sourceId, q.source), q.source);
    byKey.set(articleKey(q.otherId, q.other), q.other);
  }
  return [...byKey];
}

/** Asks for the counterparts of one passage (see Jobs.acquire). */
export function acquireCounterparts(query: PassageQuery): () => void {
  return counterpartJobs.acquire(
    passageKey(query),
    (id) => ({
      request: { kind: 'counterparts', id, passage: passageMessage(query) },
      articles: articlesOf([query]),
    }),
    (answer) => (answer.kind === 'counterparts' ? answer.counterparts : []),
  );
}

/** The key of a list of passages. */
export function coverageKey(queries: readonly PassageQuery[]): string {
  return queries.map(passageKey).join('\n');
}

/** Asks for the counterparts of each of a list of passages (see Jobs.acquire). */
export function acquireCoverage(queries: readonly PassageQuery[]): () => void {
  return coverageJobs.acquire(
    coverageKey(queries),
    (id) => ({
      request: { kind: 'coverage', id, passages: queries.map(passageMessage) },
      articles: articlesOf(queries),
    }),
    (answer) => {
      const lists = answer.kind === 'coverage' ? answer.counterparts : [];
      // Each passage's answer is also the answer for its card and its comparison.
      queries.forEach((query, i) => counterpartJobs.know(passageKey(query), lists[i] ?? []));
      return lists;
    },
  );
}
