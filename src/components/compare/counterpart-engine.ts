/**
 * Answers counterpart requests (counterpart-messages.ts) a slice at a time: the counterpart
 * worker runs it, and the page runs it itself where a worker cannot start. It keeps the articles
 * it was sent and the related-word table, prepares each pair of articles once (preparePair,
 * stopping between sentences to let a cancel or a newer request in) and reports progress.
 */
import type { ArticleText } from '../../core/articles/article-text.ts';
import {
  findCounterparts,
  preparePair,
  type PairProgress,
} from '../../core/compare/counterparts.ts';
import type { RelatedWords } from '../../core/compare/related-words.ts';
import { fetchRelatedWords } from '../../api/compare/related-words-fetch.ts';
import {
  articleFromMessage,
  counterpartMessage,
  keepArticle,
  type CounterpartMessage,
  type CounterpartRequest,
  type CounterpartResponse,
  type PassageMessage,
} from './counterpart-messages.ts';

/** Longest the engine works before it lets waiting messages in, in milliseconds. */
const SLICE_MS = 30;
/** Least time between two progress messages for one request, in milliseconds. */
const PROGRESS_MS = 100;

/** What the engine needs from where it runs. */
export interface EngineHost {
  readonly send: (message: CounterpartResponse) => void;
  readonly loadWords: () => Promise<RelatedWords>;
  /** Resolves once messages that arrived meanwhile have been received. */
  readonly yieldNow: () => Promise<void>;
  readonly now: () => number;
}

/**
 * The host for an engine running in this thread (the worker, or the page where no worker can
 * start): the word table fetched from the build's one copy, and a task boundary as the yield, so that messages sent
 * meanwhile (a cancel, a newer request) are received before the work goes on.
 */
export function hostHere(send: EngineHost['send']): EngineHost {
  return {
    send,
    loadWords: fetchRelatedWords,
    yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => performance.now(),
  };
}

interface Job {
  /** The request's id; null for a preparation nobody waits on. */
  readonly id: number | null;
  readonly kind: 'counterparts' | 'coverage' | 'prepare';
  readonly passages: readonly PassageMessage[];
  cancelled: boolean;
}

/** The engine: give it every request, in the order they were sent. */
export interface CounterpartEngine {
  readonly receive: (request: CounterpartRequest) => void;
}

const NO_RANGE = { start: 0, end: 0 };

/** Which pair of articles, either way round. */
function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

/** An engine that answers through `host`. */
export function counterpartEngine(host: EngineHost): CounterpartEngine {
  const articles = new Map<string, ArticleText>();
  const kept: string[] = [];
  const queue: Job[] = [];
  let current: Job | null = null;
  // Pairs being prepared keep their paused steps, so that a request cancelled halfway leaves
  // its work for the next one on the same pair.
  const preparing = new Map<string, Generator<PairProgress, void, void>>();
  const prepared = new Set<string>();
  // Fetched at once: the engine is only made when a comparison is near.
  const words: Promise<RelatedWords | null> = host.loadWords().catch(() => null);
  let sliceStart = 0;

  const forget = (key: string) => {
    articles.delete(key);
    for (const pairs of [preparing, prepared]) {
      for (const pair of pairs.keys()) if (pair.split('\n').includes(key)) pairs.delete(pair);
    }
  };
  const touch = (key: string) => {
    const evicted = keepArticle(kept, key);
    if (evicted !== null) forget(evicted);
  };

  /** Lets messages in if this slice has run long; whether `job` is still wanted afterwards. */
  const breathe = async (job: Job): Promise<boolean> => {
    if (host.now() - sliceStart >= SLICE_MS) {
      await host.yieldNow();
      sliceStart = host.now();
    }
    return !job.cancelled;
  };

  /** Prepares a pair, reporting progress to `job`; false if the job was cancelled meanwhile. */
  const prepare = async (
    job: Job,
    passage: PassageMessage,
    source: ArticleText,
    other: ArticleText,
    table: RelatedWords | null,
  ): Promise<boolean> => {
    const key = pairKey(passage.source, passage.other);
    if (prepared.has(key)) return true;
    let steps = preparing.get(key);
    if (steps === undefined) {
      steps = preparePair(source, other, table);
      preparing.set(key, steps);
    }
    let reported = -Infinity;
    for (;;) {
      const step = steps.next();
      if (step.done === true) break;
      const now = host.now();
      if (job.id !== null && now - reported >= PROGRESS_MS) {
        reported = now;
        host.send({ kind: 'progress', id: job.id, ...step.value });
      }
      if (!(await breathe(job))) return false;
    }
    preparing.delete(key);
    prepared.add(key);
    return true;
  };

  const work = async (job: Job) => {
    const table = await words;
    sliceStart = host.now();
    if (job.cancelled) return;
    const answers: CounterpartMessage[][] = [];
    for (const passage of job.passages) {
      const source = articles.get(passage.source);
      const other = articles.get(passage.other);
      if (source === undefined || other === undefined) {
        if (job.id === null) return;
        host.send({
          kind: 'failed',
          id: job.id,
          message: 'The comparer no longer holds one of the articles.',
        });
        return;
      }
      if (!(await prepare(job, passage, source, other, table))) return;
      if (job.id === null) return;
      answers.push(
        findCounterparts({ article: source, range: passage.range }, other, table).map(
          counterpartMessage,
        ),
      );
      if (!(await breathe(job))) return;
    }
    if (job.id === null) return;
    const relatedWords = table !== null;
    host.send(
      job.kind === 'coverage'
        ? { kind: 'coverage', id: job.id, counterparts: answers, relatedWords }
        : { kind: 'counterparts', id: job.id, counterparts: answers[0] ?? [], relatedWords },
    );
  };

  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
        current = job;
        try {
          await work(job);
        } catch (error) {
          if (job.id === null) continue;
          host.send({
            kind: 'failed',
            id: job.id,
            message: error instanceof Error ? error.message : String(error),
          });
        }
      }
    } finally {
      current = null;
      running = false;
    }
  };

  const receive = (request: CounterpartRequest) => {
    switch (request.kind) {
      case 'article': {
        const { key } = request.article;
        // The same key is the same text: keep the prepared copy and what was computed on it.
        if (!articles.has(key)) articles.set(key, articleFromMessage(request.article));
        touch(key);
        return;
      }
      case 'cancel': {
        const at = queue.findIndex((job) => job.id === request.id);
        if (at >= 0) queue.splice(at, 1);
        if (current?.id === request.id) current.cancelled = true;
        return;
      }
      case 'prepare': {
        const passage = { source: request.source, other: request.other, range: NO_RANGE };
        touch(passage.source);
        touch(passage.other);
        queue.push({ id: null, kind: 'prepare', passages: [passage], cancelled: false });
        void run();
        return;
      }
      case 'counterparts':
      case 'coverage': {
        const passages = request.kind === 'coverage' ? request.passages : [request.passage];
        for (const passage of passages) {
          touch(passage.source);
          touch(passage.other);
        }
        // A request comes before any preparation nobody waits on: the one under way stops
        // between sentences (its work is kept for whoever needs the pair), the others wait.
        if (current?.kind === 'prepare') current.cancelled = true;
        const firstPreparation = queue.findIndex((job) => job.kind === 'prepare');
        const job: Job = { id: request.id, kind: request.kind, passages, cancelled: false };
        if (firstPreparation < 0) queue.push(job);
        else queue.splice(firstPreparation, 0, job);
        void run();
        return;
      }
    }
  };

  return { receive };
}
