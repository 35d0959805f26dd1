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

/** Start working; resolves once the worker listens on every queue. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { queue, store, lexicons } = options;
  await recordLexicon(store, lexicons);
  const ctx = { store, lexicons, limits: options.limits ?? {} };
  const emit = options.onJob ?? (() => undefined);
  const batchSize = options.batchSize ?? 1;
  for (const kind of JOB_KINDS) {
    const name = queueName(kind);
    const ids: { worker?: string } = {};
    ids.worker = await queue.boss.work<unknown>(name, { batchSize, pollingIntervalSeconds: options.pollingSeconds ?? 1 }, async (jobs: PgBoss.Job<unknown>[]) => {
      // pg-boss waits out its polling interval after every fetch; a full batch means more are
      // likely waiting, so the next fetch is asked for at once.
      if (jobs.length >= batchSize && ids.worker !== undefined) queue.boss.notifyWorker(ids.worker);
      // Each job of a batch succeeds or fails on its own: a failed one is failed here (to be
      // retried or parked), and pg-boss then completes only those still active.
      for (const job of jobs) emit({ phase: 'start', kind, id: job.id });
      const results = kind === 'article'
        ? await runArticleJobs(jobs.map((j) => j.data), ctx)
        : await Promise.all(jobs.map(async (j) => runJob(kind, j.data, ctx).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))));
      for (const [i, job] of jobs.entries()) {
        const r = results[i];
        if (r instanceof Error || r === undefined) {
          const message = r?.message ?? 'no result';
          emit({ phase: 'failed', kind, id: job.id, error: message });
          await queue.boss.fail(name, job.id, { message });
        } else {
          emit({ phase: 'done', kind, id: job.id, result: r });
        }
      }
    });
  }
  return {
    stop: (graceMs = 30_000) => queue.close({ graceful: true, timeoutMs: graceMs }),
    idle: async (pollMs = 500) => {
      for (;;) {
        if (await pendingJobs(queue) === 0) return;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
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
