/**
 * One poll of one watched source: a conditional request through the sources stage's bounded,
 * address-checked fetch; on 304 nothing is read; on 200 the feed's items (or the page) are read
 * and those not handed on before are handed to the sink; on a failure the source backs off,
 * doubling its wait each time up to a cap, and the reason is kept for `dyad status`.
 */
import { fetchSource, isSourceProblem, readFetchedSource, type FetchLimits, type SourceArticle } from '../sources/index.ts';
import { contentHash, type Store, type WatchedSource } from '../store/index.ts';
import type { WorkSink } from './sink.ts';

export interface PollSettings {
  /** Time between polls of a healthy source. */
  readonly intervalMs: number;
  /** The longest a failing source waits before its next try. */
  readonly maxBackoffMs: number;
  readonly limits: FetchLimits;
  /** Hand each new feed item's link to a fetch job that reads the whole page. */
  readonly fullPages: boolean;
}

/** What one poll found. */
export interface PollReport {
  readonly address: string;
  readonly outcome: 'new' | 'unchanged' | 'not_modified' | 'failed';
  /** Items read from the answer (0 when not modified). */
  readonly items: number;
  /** Items handed on: new since the last poll. */
  readonly handed: number;
  readonly error?: string;
  /** ISO time of the next poll. */
  readonly nextCheck: string;
}

/** A feed item's key: its address and its text's hash, so an item whose text changed is new again. */
function itemKey(a: SourceArticle): string {
  return `${a.address} ${contentHash(a.text).slice(0, 16)}`;
}

/** The state a new source starts from. */
export function newSource(address: string): WatchedSource {
  return { address, failures: 0, items: 0 };
}

/** Poll one source now and save what was learnt; never throws for a source's own failure. */
export async function pollSource(store: Store, sink: WorkSink, source: WatchedSource, settings: PollSettings): Promise<PollReport> {
  const now = Date.now();
  const checked = new Date(now).toISOString();
  const validators = { ...(source.etag !== undefined && { etag: source.etag }), ...(source.lastModified !== undefined && { lastModified: source.lastModified }) };
  const fetched = await fetchSource(source.address, settings.limits, validators);
  if ('code' in fetched) return failed(store, source, checked, now, fetched.message, settings);
  const healthy = (extra: Partial<WatchedSource>): WatchedSource => {
    return {
      ...withoutError(source), ...extra, lastChecked: checked, lastSuccess: checked, failures: 0,
      nextCheck: new Date(now + settings.intervalMs).toISOString(),
      ...(fetched.etag !== undefined && { etag: fetched.etag }), ...(fetched.lastModified !== undefined && { lastModified: fetched.lastModified }),
    };
  };
  if (fetched.status === 304) {
    const next = healthy({});
    await store.saveWatchedSource(next);
    return { address: source.address, outcome: 'not_modified', items: 0, handed: 0, nextCheck: next.nextCheck ?? checked };
  }
  const articles: SourceArticle[] = [];
  const problems: { readonly code: string; readonly message: string }[] = [];
  // The feed's own text for each item: with fullPages the item's page is read by the fetch job.
  for await (const r of readFetchedSource(source.address, fetched, { limits: settings.limits })) {
    if (isSourceProblem(r)) problems.push(r);
    else articles.push(r);
  }
  // A feed with no items is quiet, not broken; a feed or page that cannot be read is a failure.
  const broken = problems.filter((p) => p.code !== 'empty');
  if (articles.length === 0 && broken.length > 0) return failed(store, source, checked, now, broken.map((p) => p.message).join('; '), settings);
  const keys = articles.map(itemKey);
  const unseen = new Set(await store.unseenItems(source.address, keys));
  const fresh = articles.filter((_, i) => unseen.has(keys[i] ?? ''));
  const handed = await handOn(sink, source.address, fresh, settings.fullPages);
  const next = healthy({ items: source.items + handed.length });
  // The items are recorded as handed on only after the sink took them: a crash in between
  // hands them on again next time, which the archive's idempotent ingest makes harmless.
  await store.saveWatchedSource(next, handed.map(itemKey));
  return { address: source.address, outcome: fresh.length > 0 ? 'new' : 'unchanged', items: articles.length, handed: handed.length, nextCheck: next.nextCheck ?? checked };
}

/** Hand new items to the sink; returns those it took (done here, a failed one is tried again next poll). */
async function handOn(sink: WorkSink, feed: string, items: readonly SourceArticle[], fullPages: boolean): Promise<SourceArticle[]> {
  const linked = (a: SourceArticle): boolean => fullPages && /^https?:\/\//i.test(a.address) && !a.address.startsWith(`${feed}#`);
  const pages = items.filter(linked);
  const texts = items.filter((a) => !linked(a));
  const results = [
    ...(await sink.fetches(pages.map((a) => ({ url: a.address })))).map((h, i) => [pages[i], h] as const),
    ...(await sink.articles(texts)).map((h, i) => [texts[i], h] as const),
  ];
  return results.filter(([, h]) => h.status !== 'failed').map(([a]) => a as SourceArticle);
}

async function failed(store: Store, source: WatchedSource, checked: string, now: number, error: string, settings: PollSettings): Promise<PollReport> {
  const failures = source.failures + 1;
  // Back off: twice the interval after the first failure, doubling each time, up to the cap.
  const wait = Math.min(settings.intervalMs * 2 ** failures, settings.maxBackoffMs);
  const next: WatchedSource = { ...source, lastChecked: checked, lastError: error, failures, nextCheck: new Date(now + wait).toISOString() };
  await store.saveWatchedSource(next);
  return { address: source.address, outcome: 'failed', items: 0, handed: 0, error, nextCheck: next.nextCheck ?? checked };
}

/** The source without its last error (it was answered this time). */
function withoutError(source: WatchedSource): WatchedSource {
  const copy: { -readonly [K in keyof WatchedSource]: WatchedSource[K] } = { ...source };
  delete copy.lastError;
  return copy;
}
