/**
 * A posted article as a job for a coder thread, and what becomes of it: plain data both, since
 * they cross between threads. `runArticleJob` is what the thread does with one job.
 */
import { storeArticle } from '../archive/index.ts';
import type { LexiconSet } from '../lexicon/index.ts';
import { isDyadError, type Lang, type PartialDate } from '../model/index.ts';
import { contentHash, isStoreError, type PutStatus, type Store } from '../store/index.ts';

export interface ArticleJob {
  /** The address given, or one made from the text's hash. */
  readonly address: string;
  readonly title: string;
  /** The whole text as archived (the title line first when a title was given). */
  readonly text: string;
  readonly lang?: Lang;
  readonly published?: PartialDate;
  /** The day the article arrived: its publication date when neither the request nor the text gives one. */
  readonly today: PartialDate;
  /** The article may replace a different text archived at its address. */
  readonly replace: boolean;
}

export interface ArticleStored {
  readonly status: PutStatus;
  readonly articleId: number;
  readonly events: number;
}

export const FAILURE_KINDS = [
  /** The article cannot be coded as sent (a 400). */
  'refused',
  /** Its address holds a different text and replacing was not asked for (a 409). */
  'conflict',
  /** The archive failed: unavailable, busy with other writers, or refusing the records. */
  'store',
  /** A fault of Dyad's, or a job that ran over its time (a 500). */
  'internal',
] as const;

export interface JobFailure {
  readonly kind: (typeof FAILURE_KINDS)[number];
  /** The error's stable code (a DyadError code, a store reason, or "internal"/"timeout"). */
  readonly code: string;
  readonly message: string;
  /** The field of the article at fault. */
  readonly path?: string;
  /** Where an internal fault happened, for the server's log. */
  readonly stack?: string;
}

export type JobOutcome =
  | { readonly ok: true; readonly stored: ArticleStored }
  | { readonly ok: false; readonly failure: JobFailure };

/** The failure an error thrown while coding or storing stands for. */
export function failureOf(error: unknown): JobFailure {
  if (isStoreError(error)) return { kind: 'store', code: error.reason, message: error.message, ...(error.path ? { path: error.path } : {}) };
  if (isDyadError(error)) return { kind: 'refused', code: error.code, message: error.message, ...(error.path ? { path: error.path } : {}) };
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: 'internal', code: 'internal', message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

/**
 * Code and store one article. A different text at its address is a conflict unless the job may
 * replace it; the same text again goes through (the store answers "unchanged").
 */
export async function runArticleJob(store: Store, lexicons: LexiconSet, job: ArticleJob): Promise<JobOutcome> {
  try {
    if (!job.replace) {
      const [held] = await store.articles({ address: job.address, limit: 1 });
      if (held && held.contentHash !== contentHash(job.text)) {
        return {
          ok: false,
          failure: {
            kind: 'conflict', code: 'conflict', path: 'address',
            message: `${job.address} already holds a different text (article ${held.id}): send "replace": true to replace it`,
          },
        };
      }
    }
    const stored = await storeArticle(store, lexicons, {
      address: job.address, title: job.title, text: job.text, source: 'api',
      ...(job.lang ? { lang: job.lang } : {}), ...(job.published ? { published: job.published } : {}),
    }, job.today);
    return { ok: true, stored };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}
