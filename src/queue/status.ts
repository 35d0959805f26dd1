/**
 * What the queue and the watched sources look like now: jobs per kind and state (the depth),
 * jobs finished lately (the throughput), the failures with their reasons, and each watched
 * source's last success. Read from pg-boss's tables in the queue's schema; on SQLite there is no
 * queue and the status is the sources alone.
 */
import type { Store, WatchedSource } from '../store/index.ts';
import type { OpenQueue } from './connect.ts';
import { JOB_KINDS, queueName, type JobKind } from './jobs.ts';

/** Jobs of one kind by state. */
export interface QueueDepth {
  readonly kind: JobKind;
  /** Waiting to be taken. */
  readonly queued: number;
  /** Failed at least once, waiting for their next try (backing off). */
  readonly retrying: number;
  /** Held by a worker now. */
  readonly active: number;
  /** Done within the last day (older ones are archived). */
  readonly completed: number;
  /** Parked after their last retry, until re-run. */
  readonly failed: number;
}

/** A job that failed: parked, or failing and waiting for its next try. */
export interface JobFailure {
  readonly id: string;
  readonly kind: JobKind;
  readonly state: 'failed' | 'retrying';
  /** The URL, address or article the job is about. */
  readonly subject: string;
  readonly reason: string;
  /** Tries made so far. */
  readonly attempts: number;
  /** ISO timestamp of the last failure (or, retrying, when the next try is due). */
  readonly at: string;
}

export interface Throughput {
  /** Jobs finished in the last minute and the last 15 minutes. */
  readonly lastMinute: number;
  readonly last15Minutes: number;
  /** Jobs per minute, averaged over the last 15 minutes. */
  readonly perMinute: number;
}

export interface QueueStatus {
  /** Whether work goes through a queue (PostgreSQL) or runs in one process (SQLite). */
  readonly queue: boolean;
  readonly depth: readonly QueueDepth[];
  readonly throughput: Throughput;
  readonly failures: readonly JobFailure[];
  readonly sources: readonly WatchedSource[];
}

const FAILURES_SHOWN = 50;

type Row = Record<string, unknown>;

async function sql(queue: OpenQueue, text: string, values: unknown[] = []): Promise<Row[]> {
  return (await queue.boss.getDb().executeSql(text, values)).rows as Row[];
}

/** The status of the queue (when there is one) and of the watched sources. */
export async function queueStatus(store: Store, queue: OpenQueue | undefined): Promise<QueueStatus> {
  const sources = await store.watchedSources();
  if (queue === undefined) return { queue: false, depth: [], throughput: { lastMinute: 0, last15Minutes: 0, perMinute: 0 }, failures: [], sources };
  const names = JOB_KINDS.map(queueName);
  const kindOf = (name: unknown): JobKind => JOB_KINDS.find((k) => queueName(k) === name) ?? 'article';
  const counts = await sql(queue, `SELECT name, state::text AS state, COUNT(*)::int AS n FROM ${queue.schema}.job WHERE name = ANY($1) GROUP BY name, state`, [names]);
  const depth = JOB_KINDS.map((kind): QueueDepth => {
    const n = (state: string): number => Number(counts.find((r) => r['name'] === queueName(kind) && r['state'] === state)?.['n'] ?? 0);
    return { kind, queued: n('created'), retrying: n('retry'), active: n('active'), completed: n('completed'), failed: n('failed') };
  });
  const [done] = await sql(queue, `SELECT
      COUNT(*) FILTER (WHERE completed_on > now() - interval '1 minute')::int AS m1,
      COUNT(*) FILTER (WHERE completed_on > now() - interval '15 minutes')::int AS m15
    FROM ${queue.schema}.job WHERE name = ANY($1) AND state = 'completed'`, [names]);
  const last15Minutes = Number(done?.['m15'] ?? 0);
  const failed = await sql(queue, `SELECT id, name, state::text AS state, data, output, retry_count, COALESCE(completed_on, start_after) AS at
    FROM ${queue.schema}.job WHERE name = ANY($1) AND (state = 'failed' OR (state = 'retry' AND output IS NOT NULL))
    ORDER BY at DESC LIMIT ${FAILURES_SHOWN}`, [names]);
  return {
    queue: true,
    depth,
    throughput: { lastMinute: Number(done?.['m1'] ?? 0), last15Minutes, perMinute: Math.round((last15Minutes / 15) * 10) / 10 },
    failures: failed.map((r) => ({
      id: String(r['id']),
      kind: kindOf(r['name']),
      state: r['state'] === 'failed' ? 'failed' : 'retrying',
      subject: subjectOf(r['data']),
      reason: reasonOf(r['output']),
      // retry_count counts the retries begun; a parked job made one try more than it retried.
      attempts: Number(r['retry_count']) + (r['state'] === 'failed' ? 1 : 0),
      at: new Date(r['at'] as string | Date).toISOString(),
    })),
    sources,
  };
}

/** What a job is about, from its payload. */
function subjectOf(data: unknown): string {
  const d = (data ?? {}) as { url?: unknown; article?: { address?: unknown }; articleId?: unknown };
  if (typeof d.url === 'string') return d.url;
  if (typeof d.article?.address === 'string') return d.article.address;
  if (typeof d.articleId === 'number') return `article ${d.articleId}`;
  return '(unknown payload)';
}

/** The message of a failure as pg-boss stored it (a serialised error, or the value a worker failed it with). */
function reasonOf(output: unknown): string {
  const o = (output ?? {}) as { message?: unknown; value?: { message?: unknown } };
  if (typeof o.message === 'string') return o.message;
  if (typeof o.value?.message === 'string') return o.value.message;
  return output === null || output === undefined ? '(no reason recorded)' : JSON.stringify(output);
}

/**
 * Put parked jobs back in the queue: these ids, or every failed job when none is given.
 * Returns how many were re-queued; an id that names no parked job is counted out, not an error.
 */
export async function rerunFailed(queue: OpenQueue, ids: readonly string[] = []): Promise<number> {
  const names = JOB_KINDS.map(queueName);
  const rows = await sql(queue, `SELECT id, name FROM ${queue.schema}.job WHERE name = ANY($1) AND state = 'failed'${ids.length > 0 ? ' AND id::text = ANY($2)' : ''}`,
    ids.length > 0 ? [names, [...ids]] : [names]);
  for (const name of names) {
    const of = rows.filter((r) => r['name'] === name).map((r) => String(r['id']));
    if (of.length > 0) await queue.boss.retry(name, of);
  }
  return rows.length;
}
