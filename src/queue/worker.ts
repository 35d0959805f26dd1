/**
 * A worker: takes jobs from the queue and runs them until told to stop. On stop (SIGTERM) it
 * takes no new job, lets the jobs in hand finish within the grace time, and fails back to the
 * queue (to be retried by another worker) any that do not. A worker killed outright holds its
 * jobs until they expire; the queue's maintenance, run by every worker, then hands them on.
 */
import type PgBoss from 'pg-boss';
import type { LexiconSet } from '../lexicon/index.ts';
import type { FetchLimits } from '../sources/index.ts';
import type { Store } from '../store/index.ts';
import type { OpenQueue } from './connect.ts';
import { recordLexicon } from './fingerprint.ts';
import { runArticleJobs, runJob, type JobResult } from './handlers.ts';
import { JOB_KINDS, queueName, type JobKind } from './jobs.ts';

/** One line of the worker's log: a job taken, done or failed. */
export interface JobEvent {
  readonly phase: 'start' | 'done' | 'failed';
  readonly kind: JobKind;
  readonly id: string;
  readonly result?: JobResult;
  readonly error?: string;
}

export interface WorkerOptions {
  readonly queue: OpenQueue;
  readonly store: Store;
  readonly lexicons: LexiconSet;
  readonly limits?: FetchLimits;
  /** Jobs taken from the queue at once per kind (default 1): more saves round trips on small jobs. */
  readonly batchSize?: number;
  /** How often an idle worker asks for jobs (seconds, default 1). */
  readonly pollingSeconds?: number;
  readonly onJob?: (event: JobEvent) => void;
}

export interface RunningWorker {
  /** Stop taking jobs, finish (or hand back) the ones in hand, close the queue; the store stays open. */
  stop(graceMs?: number): Promise<void>;
  /** Resolves when no job is waiting, retrying or held by any worker. */
  idle(pollMs?: number): Promise<void>;
}

/** Start working; resolves once the worker takes jobs from every queue. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { queue, store, lexicons } = options;
  await recordLexicon(store, lexicons);
  const ctx = { store, lexicons, limits: options.limits ?? {} };
  const emit = options.onJob ?? (() => undefined);
  const batchSize = options.batchSize ?? 1;
  const pollMs = (options.pollingSeconds ?? 1) * 1000;
  const boss = queue.boss;
  let stopping = false;
  let wake = (): void => undefined;
  /** The jobs each queue's loop holds now, to hand back if the grace time runs out. */
  const inHand = new Map<string, string[]>();

  /** Run one batch; each job is done or failed on its own (a failed one is retried, then parked). */
  const runBatch = async (kind: JobKind, name: string, jobs: readonly PgBoss.Job<unknown>[]): Promise<void> => {
    for (const job of jobs) emit({ phase: 'start', kind, id: job.id });
    const results = kind === 'article'
      ? await runArticleJobs(jobs.map((j) => j.data), ctx)
      : await Promise.all(jobs.map(async (j) => runJob(kind, j.data, ctx).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))));
    const done: string[] = [];
    for (const [i, job] of jobs.entries()) {
      const r = results[i];
      if (r instanceof Error || r === undefined) {
        const message = r?.message ?? 'no result';
        emit({ phase: 'failed', kind, id: job.id, error: message });
        await boss.fail(name, job.id, { message });
      } else {
        done.push(job.id);
        emit({ phase: 'done', kind, id: job.id, result: r });
      }
    }
    if (done.length > 0) await boss.complete(name, done);
  };

  // One loop per kind, fetching itself (not pg-boss's work()): a stop can then never leave a job
  // fetched but unhandled; a batch fetched as the stop comes is handed back at once.
  const loop = async (kind: JobKind): Promise<void> => {
    const name = queueName(kind);
    while (!stopping) {
      let jobs: PgBoss.Job<unknown>[] = [];
      try {
        jobs = await boss.fetch<unknown>(name, { batchSize });
      } catch (error) {
        process.stderr.write(`dyad worker: taking ${kind} jobs: ${(error as Error).message}\n`);
      }
      if (jobs.length > 0 && stopping) {
        for (const j of jobs) await boss.fail(name, j.id, { message: 'the worker stopped before starting it' });
        return;
      }
      if (jobs.length > 0) {
        inHand.set(name, jobs.map((j) => j.id));
        await runBatch(kind, name, jobs);
        inHand.delete(name);
      }
      // A full batch means more are likely waiting: ask again at once.
      if (jobs.length < batchSize && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => { clearTimeout(timer); resolve(); };
        });
      }
    }
  };
  const loops = Promise.all(JOB_KINDS.map(loop));

  return {
    stop: async (graceMs = 30_000) => {
      stopping = true;
      wake();
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), graceMs); });
      const finished = await Promise.race([loops.then(() => 'done' as const), graceOver]);
      clearTimeout(timer);
      if (finished === 'late') {
        // The jobs in hand did not finish in time: back to the queue, for another worker.
        for (const [name, ids] of inHand) for (const id of ids) await boss.fail(name, id, { message: `the worker stopped after ${graceMs / 1000} s of grace` });
      }
      await queue.close({ graceful: false });
    },
    idle: async (ms = 500) => {
      for (;;) {
        if (await pendingJobs(queue) === 0) return;
        await new Promise((resolve) => setTimeout(resolve, ms));
      }
    },
  };
}

/** Jobs waiting, retrying or held by a worker, in every queue of Dyad's. */
export async function pendingJobs(queue: OpenQueue): Promise<number> {
  const { rows } = await queue.boss.getDb().executeSql(
    `SELECT COUNT(*)::int AS n FROM ${queue.schema}.job WHERE name = ANY($1) AND state IN ('created', 'retry', 'active')`,
    [JOB_KINDS.map(queueName)]) as { rows: { n: number }[] };
  return Number(rows[0]?.n ?? 0);
}
