/**
 * The queue stage: work shared by many processes through a durable job queue kept in the
 * archive's PostgreSQL database (pg-boss), and the same work done in one process on SQLite.
 * `dyad worker` runs jobs (fetch, code-and-store, recode), `dyad ingest --queue` and
 * `dyad recode` enqueue them, `dyad watch` polls feeds and pages and hands on what is new, and
 * `dyad status` shows the queue and the watched sources.
 */
export { hasQueue, queueLocation, type QueueLocation } from './location.ts';
export { openQueue, type OpenQueue, type QueueOptions } from './connect.ts';
export { JOB_KINDS, queueName, type JobKind } from './jobs.ts';
export { JOB_POLICIES, DEFAULT_MAINTENANCE_SECONDS, type JobPolicy } from './policy.ts';
export { localSink, queueSink, type FetchRequest, type Handed, type SinkOptions, type WorkSink } from './sink.ts';
export { enqueueSources, type EnqueueProblem, type EnqueueSummary } from './enqueue.ts';
export { articlesToRecode, lexiconFingerprints, recordLexicon } from './fingerprint.ts';
export { pendingJobs, startWorker, type JobEvent, type RunningWorker, type WorkerOptions } from './worker.ts';
export type { JobResult } from './handlers.ts';
export { queueStatus, rerunFailed, type JobFailure, type QueueDepth, type QueueStatus, type Throughput } from './status.ts';
export { checkSource, DEFAULT_HOST_GAP_MS, DEFAULT_MAX_BACKOFF_MS, DEFAULT_WATCH_INTERVAL_MS, readSourceList, watch, type WatchOptions } from './watch.ts';
export type { PollReport } from './poll.ts';
