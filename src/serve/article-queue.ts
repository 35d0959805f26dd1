/**
 * Posted articles waiting for a coder thread: a bounded queue in front of a few warm threads.
 * A full queue refuses at once (503 with Retry-After) rather than letting work pile up; two
 * articles for one address never run at the same time, so checking what the address holds and
 * storing the new text cannot interleave between threads of this server.
 */
import { availableParallelism } from 'node:os';
import type { ArticleJob, JobOutcome } from './article-job.ts';
import { CoderThread, type ThreadInit } from './coder-thread.ts';
import { HttpError } from './input.ts';

export interface QueueOptions extends ThreadInit {
  /** Coder threads (default: one per core beyond the first, at most 4; one on 2 cores). */
  readonly threads?: number;
  /** Articles that may wait for a thread; one more is refused with 503 (default 8). */
  readonly limit?: number;
  /** Time one article may take to be coded and stored (default 120 s). */
  readonly timeoutMs?: number;
}

/**
 * The main thread answers every read and must keep a core for it: coding is CPU-bound, so on
 * 2 cores a second coder would slow the reads it exists to protect.
 */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

interface Waiting {
  readonly job: ArticleJob;
  readonly resolve: (outcome: JobOutcome) => void;
  readonly reject: (error: unknown) => void;
}

// A first guess of one article's time, until some have been timed.
const FIRST_ESTIMATE_MS = 1000;
const MAX_RETRY_AFTER_S = 600;

export class ArticleQueue {
  readonly #init: ThreadInit;
  readonly #limit: number;
  readonly #timeoutMs: number;
  readonly #threads: CoderThread[];
  readonly #waiting: Waiting[] = [];
  readonly #addresses = new Set<string>();
  #meanMs = FIRST_ESTIMATE_MS;
  #closed = false;

  /** Start the threads now, so that they are warm when the first article comes. */
  constructor(options: QueueOptions) {
    this.#init = { lexicon: options.lexicon, archive: options.archive };
    this.#limit = options.limit ?? 8;
    this.#timeoutMs = options.timeoutMs ?? 120_000;
    this.#threads = Array.from({ length: options.threads ?? defaultThreads() }, () => new CoderThread(this.#init, this.#timeoutMs));
  }

  /** Code and store an article when a thread is free; refused at once (503) when the queue is full. */
  submit(job: ArticleJob): Promise<JobOutcome> {
    if (this.#closed) return Promise.reject(new HttpError(503, 'closing', 'the server is shutting down', undefined, 5));
    if (this.#waiting.length >= this.#limit) {
      const seconds = this.#retryAfter();
      return Promise.reject(new HttpError(503, 'busy', `${this.#waiting.length} articles are waiting to be coded: send this one again in ${seconds} s`, undefined, seconds));
    }
    return new Promise((resolve, reject) => {
      this.#waiting.push({ job, resolve, reject });
      this.#pump();
    });
  }

  /** Seconds until a place is likely free: the work ahead shared among the threads. */
  #retryAfter(): number {
    const ahead = this.#waiting.length + this.#threads.filter((t) => t.busy).length;
    return Math.min(MAX_RETRY_AFTER_S, Math.max(1, Math.ceil((ahead * this.#meanMs) / this.#threads.length / 1000)));
  }

  /** Give each idle thread the first waiting article whose address is not being written. */
  #pump(): void {
    for (const [k, thread] of this.#threads.entries()) {
      // A thread that crashed, ran over time or could not start is replaced, and warms up now.
      if (thread.dead && !thread.busy) this.#threads[k] = new CoderThread(this.#init, this.#timeoutMs);
    }
    for (const thread of this.#threads) {
      if (thread.busy) continue;
      const next = this.#waiting.findIndex((w) => !this.#addresses.has(w.job.address));
      if (next < 0) return;
      const [item] = this.#waiting.splice(next, 1);
      if (item) this.#run(thread, item);
    }
  }

  #run(thread: CoderThread, item: Waiting): void {
    const started = Date.now();
    this.#addresses.add(item.job.address);
    thread.run(item.job).then((outcome) => {
      // A running mean of recent articles' times, for Retry-After.
      this.#meanMs = 0.8 * this.#meanMs + 0.2 * (Date.now() - started);
      item.resolve(outcome);
    }, item.reject).finally(() => {
      this.#addresses.delete(item.job.address);
      if (!this.#closed) this.#pump();
    });
  }

  /** Refuse what waits (503), let the threads finish their article and close the archive. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const w of this.#waiting.splice(0)) w.reject(new HttpError(503, 'closing', 'the server is shutting down', undefined, 5));
    await Promise.all(this.#threads.map((t) => t.close()));
  }
}
