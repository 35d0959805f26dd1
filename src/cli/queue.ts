/**
 * What the queue commands (worker, watch, status, ingest --queue, recode) share: opening the
 * archive together with its queue when it has one, and the options about jobs.
 */
import { hasQueue, localSink, openQueue, queueSink, type OpenQueue, type QueueOptions, type SinkOptions, type WorkSink } from '../queue/index.ts';
import type { LexiconSet } from '../lexicon/index.ts';
import { openStore, resolveLocation, type Store } from '../store/index.ts';
import type { OptionSpecs } from './options.ts';
import { wholeNumber } from './shared.ts';

/** For commands that enqueue jobs. */
export const JOB_OPTIONS = {
  'job-timeout': {
    type: 'string', value: 'SECONDS',
    description: 'how long a worker may hold each job enqueued before another takes it up (default: 10 minutes for fetches, 5 for articles and recodes)',
  },
} as const satisfies OptionSpecs;

/** The seconds of --job-timeout, when given. */
export function jobTimeout(values: { readonly 'job-timeout'?: string }): number | undefined {
  const v = values['job-timeout'];
  if (v === undefined) return undefined;
  const n = wholeNumber('job-timeout', v);
  return Math.max(1, n);
}

/** The archive, and its queue when it lives on PostgreSQL. */
export interface Workplace {
  readonly store: Store;
  readonly queue: OpenQueue | undefined;
  /** The sink new work goes to: the queue, or this process. */
  sink(lexicons: LexiconSet, options?: SinkOptions): WorkSink;
}

/** Open the archive named by --db and, on PostgreSQL, its queue; run `work`; close both. */
export async function withWorkplace<T>(
  values: { readonly db?: string }, work: (w: Workplace) => Promise<T>,
  queueOptions: QueueOptions & { readonly open?: boolean; readonly create?: boolean } = {},
): Promise<T> {
  const location = resolveLocation(values.db);
  // A command that only reads (status) refuses an archive that does not exist instead of making one.
  const store = await openStore(location, { create: queueOptions.create !== false });
  let queue: OpenQueue | undefined;
  try {
    if (hasQueue(location) && queueOptions.open !== false) queue = await openQueue(location, queueOptions);
    const q = queue;
    return await work({
      store,
      queue,
      sink: (lexicons, options = {}) => (q ? queueSink(q, options) : localSink(store, lexicons, options)),
    });
  } finally {
    await queue?.close({ graceful: false });
    await store.close();
  }
}
