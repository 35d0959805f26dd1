/**
 * Where new work goes. On PostgreSQL it is enqueued for `dyad worker` processes; on SQLite it is
 * done at once in this process (no queue server: the embedded default stays one command). Watch,
 * ingest and recode hand their work to a sink and need not know which.
 */
import { ingest, recodeArticle, storeArticles } from '../archive/index.ts';
import type { LexiconSet } from '../lexicon/index.ts';
import type { PartialDate } from '../model/index.ts';
import type { FetchLimits, SourceArticle } from '../sources/index.ts';
import type { Store } from '../store/index.ts';
import type { OpenQueue } from './connect.ts';
import { articleJobOf, queueName, type FetchJob, type JobKind } from './jobs.ts';

/** What became of one piece of work: queued, or done here with the archive's answer. */
export interface Handed {
  readonly status: 'queued' | 'added' | 'replaced' | 'unchanged' | 'failed';
  /** Why it failed (done here only). */
  readonly reason?: string;
}

export interface FetchRequest {
  readonly url: string;
  readonly fullPages?: boolean;
}

export interface WorkSink {
  /** True when work goes to the queue; false when this process does it. */
  readonly queued: boolean;
  /** Code and store articles already read. */
  articles(items: readonly SourceArticle[]): Promise<Handed[]>;
  /** Fetch pages or feeds and store what they hold. */
  fetches(items: readonly FetchRequest[]): Promise<Handed[]>;
  /** Recode archived articles. */
  recodes(articleIds: readonly number[]): Promise<Handed[]>;
}

export interface SinkOptions {
  /** The date to assume for articles whose source gives none. */
  readonly today?: PartialDate;
  /** Bounds and address policy of fetches (allowPrivate). */
  readonly limits?: FetchLimits;
  /** Seconds a worker may hold each job enqueued (default per kind). */
  readonly expireInSeconds?: number;
}

/** Jobs inserted per statement: thousands of articles enqueue in a few round trips. */
const INSERT_BATCH = 500;

/** A sink that enqueues every piece of work as a job. */
export function queueSink(queue: OpenQueue, options: SinkOptions = {}): WorkSink {
  const insert = async (kind: JobKind, payloads: readonly object[]): Promise<Handed[]> => {
    for (let i = 0; i < payloads.length; i += INSERT_BATCH) {
      await queue.boss.insert(payloads.slice(i, i + INSERT_BATCH).map((data) => ({
        name: queueName(kind), data, ...(options.expireInSeconds !== undefined && { expireInSeconds: options.expireInSeconds }),
      })));
    }
    return payloads.map(() => ({ status: 'queued' }));
  };
  const allowPrivate = options.limits?.allowPrivate === true;
  return {
    queued: true,
    articles: (items) => insert('article', items.map((a) => articleJobOf(a, options.today))),
    fetches: (items) => insert('fetch', items.map((f): FetchJob => ({
      url: f.url, ...(f.fullPages === true && { fullPages: true }), ...(allowPrivate && { allowPrivate }), ...(options.today !== undefined && { today: options.today }),
    }))),
    recodes: (ids) => insert('recode', ids.map((articleId) => ({ articleId }))),
  };
}

/** A sink that does the work at once, in this process, through the archive stage. */
export function localSink(store: Store, lexicons: LexiconSet, options: SinkOptions = {}): WorkSink {
  const fallback = options.today !== undefined ? { date: options.today, given: true } : { date: new Date().toISOString().slice(0, 10), given: false };
  const each = async <T>(items: readonly T[], work: (item: T) => Promise<Handed>): Promise<Handed[]> => {
    const out: Handed[] = [];
    for (const item of items) {
      try {
        out.push(await work(item));
      } catch (e) {
        out.push({ status: 'failed', reason: e instanceof Error ? e.message : String(e) });
      }
    }
    return out;
  };
  return {
    queued: false,
    articles: async (items) => (await storeArticles(store, lexicons, items, fallback)).map((r): Handed =>
      (r.status === 'failed' ? { status: 'failed', reason: r.problem.message } : { status: r.status })),
    fetches: (items) => each(items, async (f) => {
      const s = await ingest(store, [f.url], lexicons, {
        fullPages: f.fullPages === true, ...(options.limits && { limits: options.limits }), ...(options.today !== undefined && { today: options.today }),
      });
      if (s.failed.length > 0) return { status: 'failed', reason: s.failed.map((p) => p.message).join('; ') };
      return { status: s.added > 0 ? 'added' : s.replaced > 0 ? 'replaced' : 'unchanged' };
    }),
    recodes: (ids) => each(ids, async (id) => ({ status: (await recodeArticle(store, lexicons, id)) ?? 'unchanged' })),
  };
}
