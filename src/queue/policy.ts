/**
 * How each kind of job is retried and how long a worker may hold it. A job that throws is
 * retried after `retryDelay` seconds, doubling each time (pg-boss's backoff, with jitter), up to
 * `retryLimit` retries; then it is parked as failed with its reason until someone re-runs it.
 * A job held longer than its expiry (its worker killed, its machine gone) is failed by the
 * queue's maintenance and so retried by another worker.
 */
import type { JobKind } from './jobs.ts';

export interface JobPolicy {
  readonly retryLimit: number;
  /** Seconds before the first retry. */
  readonly retryDelay: number;
  /** Seconds a worker may hold the job before another may take it up. */
  readonly expireInSeconds: number;
}

export const JOB_POLICIES: Readonly<Record<JobKind, JobPolicy>> = {
  // A feed with --full-pages may take its 5-minute page budget plus the feed's own fetch.
  fetch: { retryLimit: 5, retryDelay: 30, expireInSeconds: 10 * 60 },
  // Coding is bounded by the text limit (2,000,000 characters take well under a minute).
  article: { retryLimit: 3, retryDelay: 5, expireInSeconds: 5 * 60 },
  recode: { retryLimit: 3, retryDelay: 5, expireInSeconds: 5 * 60 },
};

/** How often the queue's maintenance looks for expired jobs (seconds); the kill test shortens it. */
export const DEFAULT_MAINTENANCE_SECONDS = 30;
