/**
 * `dyad ingest --queue`: hand sources to the workers instead of coding them here. Local files
 * and folders are read here (a worker on another machine cannot read them) and each article
 * becomes a job; an http(s) address becomes a fetch job, fetched by whichever worker takes it.
 */
import { isHttpUrl, isSourceProblem, readSources, type ReadOptions, type SourceArticle } from '../sources/index.ts';
import type { WorkSink } from './sink.ts';

/** A source that gave no job, and why. */
export interface EnqueueProblem {
  readonly address: string;
  readonly reason: string;
  readonly message: string;
}

export interface EnqueueSummary {
  /** Article jobs and fetch jobs handed on. */
  readonly articles: number;
  readonly fetches: number;
  readonly skipped: readonly EnqueueProblem[];
  readonly failed: readonly EnqueueProblem[];
}

/** Problems that mean a source holds no article (as ingest skips them). */
const SKIPS: readonly string[] = ['binary', 'empty', 'not_article', 'too_long'];
/** Articles handed to the sink at once. */
const BATCH = 200;

/** Read the local inputs into article jobs and make each URL a fetch job. */
export async function enqueueSources(sink: WorkSink, inputs: readonly string[], options: ReadOptions = {}, onItem?: (done: number) => void): Promise<EnqueueSummary> {
  const urls = inputs.filter(isHttpUrl);
  const local = inputs.filter((i) => !isHttpUrl(i));
  await sink.fetches(urls.map((url) => ({ url, ...(options.fullPages === true && { fullPages: true }) })));
  const skipped: EnqueueProblem[] = [];
  const failed: EnqueueProblem[] = [];
  let batch: SourceArticle[] = [];
  let articles = 0;
  const flush = async (): Promise<void> => {
    const handed = await sink.articles(batch);
    for (const [i, h] of handed.entries()) {
      if (h.status === 'failed') failed.push({ address: batch[i]?.address ?? '', reason: 'failed', message: h.reason ?? 'failed' });
      else articles++;
    }
    batch = [];
  };
  let done = 0;
  for await (const item of readSources(local, options)) {
    onItem?.(++done);
    if (isSourceProblem(item)) {
      (SKIPS.includes(item.code) ? skipped : failed).push({ address: item.address, reason: item.code, message: item.message });
      continue;
    }
    batch.push(item);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return { articles, fetches: urls.length, skipped, failed };
}
