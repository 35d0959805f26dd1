/**
 * What a worker does with each kind of job, through the archive stage's public entry. Every
 * handler is idempotent: the archive knows an article by its address and content hash, so a job
 * run twice (a retry after a timeout, a killed worker's job taken up again) stores nothing new.
 * A handler throws to fail the job (the queue retries it, then parks it with the message).
 */
import { ingest, recodeArticle, storeArticles } from '../archive/index.ts';
import type { LexiconSet } from '../lexicon/index.ts';
import type { FetchLimits } from '../sources/index.ts';
import type { Store } from '../store/index.ts';
import { JOB_SCHEMAS, sourceArticleOf, type JobKind } from './jobs.ts';

/** What a job did, for the worker's log line. */
export interface JobResult {
  readonly status: string;
  /** The address, URL or article id the job was about. */
  readonly subject: string;
  readonly events?: number;
}

export interface HandlerContext {
  readonly store: Store;
  readonly lexicons: LexiconSet;
  /** The fetch bounds of this worker; a job may also carry allowPrivate (set by whoever enqueued it with --allow-private). */
  readonly limits: FetchLimits;
}

/** A job's payload that does not fit its kind: failed with what is wrong. */
export class BadJobError extends Error {
  override readonly name = 'BadJobError';
}

function parse<K extends JobKind>(kind: K, data: unknown): ReturnType<(typeof JOB_SCHEMAS)[K]['parse']> {
  const checked = JOB_SCHEMAS[kind].safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new BadJobError(`the payload of this ${kind} job is not one: ${issue?.path.join('.') || '(payload)'}: ${issue?.message ?? 'invalid'}`);
  }
  return checked.data as ReturnType<(typeof JOB_SCHEMAS)[K]['parse']>;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** Run one job of this kind. */
export async function runJob(kind: JobKind, data: unknown, ctx: HandlerContext): Promise<JobResult> {
  switch (kind) {
    case 'article': {
      const [r] = await runArticleJobs([data], ctx);
      if (r === undefined || r instanceof Error) throw r ?? new Error('no result');
      return r;
    }
    case 'fetch': {
      const job = parse('fetch', data);
      const limits = { ...ctx.limits, ...(job.allowPrivate === true && { allowPrivate: true }) };
      const s = await ingest(ctx.store, [job.url], ctx.lexicons, { fullPages: job.fullPages === true, limits, ...(job.today !== undefined && { today: job.today }) });
      // A source that could not be read is worth a retry (a server down, a timeout); what was
      // stored before stays, and is 'unchanged' the next time.
      if (s.failed.length > 0) throw new Error(s.failed.map((f) => `${f.reason}: ${f.message}`).join('; '));
      return { status: `added ${s.added}, replaced ${s.replaced}, unchanged ${s.unchanged}, skipped ${s.skipped.length}`, subject: job.url, events: s.events };
    }
    case 'recode': {
      const job = parse('recode', data);
      const status = await recodeArticle(ctx.store, ctx.lexicons, job.articleId);
      return { status: status ?? 'gone', subject: `article ${job.articleId}` };
    }
  }
}

/**
 * Run a batch of article jobs: coded one by one, stored in one transaction. Each job gets its
 * own result, or its own error (a payload that is no article, an article the archive refuses).
 */
export async function runArticleJobs(batch: readonly unknown[], ctx: HandlerContext): Promise<(JobResult | Error)[]> {
  const out: (JobResult | Error)[] = [];
  const valid: { readonly k: number; readonly job: ReturnType<typeof JOB_SCHEMAS.article.parse> }[] = [];
  for (const [k, data] of batch.entries()) {
    try {
      valid.push({ k, job: parse('article', data) });
    } catch (e) {
      out[k] = e as Error;
    }
  }
  // Stored by the date they fall back on: the one given when they were enqueued (--published),
  // else today's, and then an article with no date of its own is flagged undated.
  const byDay = new Map<string, typeof valid>();
  for (const v of valid) byDay.set(v.job.today ?? '', [...(byDay.get(v.job.today ?? '') ?? []), v]);
  for (const [day, group] of byDay) {
    const fallback = day === '' ? { date: today(), given: false } : { date: day, given: true };
    const stored = await storeArticles(ctx.store, ctx.lexicons, group.map((g) => sourceArticleOf(g.job)), fallback);
    for (const [i, r] of stored.entries()) {
      const { k, job } = group[i] as (typeof group)[number];
      out[k] = r.status === 'failed'
        ? new Error(`${r.problem.reason}: ${r.problem.message}`)
        : { status: r.status, subject: job.article.address, events: r.events };
    }
  }
  return out;
}
