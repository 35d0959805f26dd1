/**
 * One coder thread as the server sees it: started with the lexicon and the archive's location,
 * ready once it has compiled the lexicons and opened the archive; it runs one job at a time,
 * each within a time limit after which the thread is ended (a transaction it had open rolls
 * back) and reported dead, so that no article can hold the queue for ever.
 */
import { Worker } from 'node:worker_threads';
import type { LexiconData } from '../lexicon/index.ts';
import { failureOf, type ArticleJob, type JobFailure, type JobOutcome } from './article-job.ts';

export interface ThreadInit {
  /** The server's lexicon data, as loaded and checked (user files included). */
  readonly lexicon: LexiconData;
  /** Where the thread opens the archive: a file path or a postgres:// URL with its credentials. */
  readonly archive: string;
}

export type ToThread = { readonly type: 'job'; readonly id: number; readonly job: ArticleJob } | { readonly type: 'close' };
export type FromThread =
  | { readonly type: 'ready' }
  | { readonly type: 'failed'; readonly failure: JobFailure }
  | { readonly type: 'done'; readonly id: number; readonly outcome: JobOutcome };

/** Start the thread: built, from article-worker.js; from the TypeScript sources, through their loader. */
function startWorker(init: ThreadInit): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./article-worker.js', import.meta.url), { workerData: init });
  // Run from the sources (tests, `npm run dyad`) under tsx: on Node 20 the loader of the main
  // thread does not reach a worker's entry, so the thread registers it before importing the entry.
  const loader = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./article-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData: init });
}
/** How long a closing thread may take to close the archive before it is ended. */
const CLOSE_GRACE_MS = 5000;

interface Running {
  readonly id: number;
  readonly resolve: (outcome: JobOutcome) => void;
  timer?: NodeJS.Timeout;
}

export class CoderThread {
  readonly #worker: Worker;
  readonly #timeoutMs: number;
  /** Resolves when the thread is ready (undefined) or could not start (why). */
  readonly #ready: Promise<JobFailure | undefined>;
  #running: Running | undefined;
  #dead: JobFailure | undefined;
  #nextId = 1;

  constructor(init: ThreadInit, timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
    this.#worker = startWorker(init);
    // An idle coder never keeps the process alive; a request waiting for it does.
    this.#worker.unref();
    this.#ready = new Promise((resolve) => {
      this.#worker.on('message', (message: FromThread) => {
        if (message.type === 'ready') resolve(undefined);
        else if (message.type === 'done') this.#finish(message.id, message.outcome);
        else {
          this.#die(message.failure);
          resolve(message.failure);
        }
      });
      this.#worker.on('error', (error) => {
        const failure = failureOf(error);
        this.#die(failure);
        resolve(failure);
      });
      this.#worker.on('exit', (code) => {
        const failure: JobFailure = { kind: 'internal', code: 'internal', message: `the coder thread stopped (exit code ${code})` };
        this.#die(failure);
        resolve(failure);
      });
    });
  }

  /** A job is running. */
  get busy(): boolean {
    return this.#running !== undefined;
  }

  /** The thread has ended (it failed to start, crashed, ran over time or was closed): replace it. */
  get dead(): boolean {
    return this.#dead !== undefined;
  }

  /** Run one job (one at a time): its outcome, or an internal failure if the thread dies or runs over time. */
  run(job: ArticleJob): Promise<JobOutcome> {
    if (this.#running) throw new Error('a coder thread runs one job at a time');
    const id = this.#nextId++;
    return new Promise((resolve) => {
      const running: Running = { id, resolve };
      this.#running = running;
      void this.#ready.then((failure) => {
        if (this.#running !== running) return;
        if (failure || this.#dead) {
          this.#finish(id, { ok: false, failure: failure ?? this.#dead ?? failureOf(new Error('the coder thread ended')) });
          return;
        }
        running.timer = setTimeout(() => {
          this.#die({ kind: 'internal', code: 'timeout', message: `coding and storing the article took over ${this.#timeoutMs / 1000} s; its coder thread was stopped` });
          void this.#worker.terminate();
        }, this.#timeoutMs);
        this.#worker.postMessage({ type: 'job', id, job } satisfies ToThread);
      });
    });
  }

  #finish(id: number, outcome: JobOutcome): void {
    const running = this.#running;
    if (!running || running.id !== id) return;
    clearTimeout(running.timer);
    this.#running = undefined;
    running.resolve(outcome);
  }

  #die(failure: JobFailure): void {
    if (this.#dead) return;
    this.#dead = failure;
    if (this.#running) this.#finish(this.#running.id, { ok: false, failure });
  }

  /** Let the thread close its archive and end; it is ended anyway after a grace period. */
  async close(): Promise<void> {
    if (this.#dead) {
      await this.#worker.terminate();
      return;
    }
    const exited = new Promise((resolve) => this.#worker.once('exit', resolve));
    this.#worker.postMessage({ type: 'close' } satisfies ToThread);
    const grace = setTimeout(() => void this.#worker.terminate(), CLOSE_GRACE_MS);
    await exited;
    clearTimeout(grace);
  }
}
