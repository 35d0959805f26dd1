/**
 * `dyad watch`: poll feeds and pages on a schedule and hand what is new to a sink (the queue,
 * or this process on SQLite). The schedule lives in the archive (each source's next check), so
 * a restarted watch polls nothing before its time and re-reads nothing it has handed on.
 */
import { readFile } from 'node:fs/promises';
import { DyadError } from '../model/index.ts';
import { isHttpUrl, type FetchLimits } from '../sources/index.ts';
import type { Store, WatchedSource } from '../store/index.ts';
import { HostLimit } from './host-limit.ts';
import { newSource, pollSource, type PollReport } from './poll.ts';
import type { WorkSink } from './sink.ts';

export const DEFAULT_WATCH_INTERVAL_MS = 15 * 60 * 1000;
export const DEFAULT_MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
/** Between two requests to one host. */
export const DEFAULT_HOST_GAP_MS = 2000;
/** Sources polled at once (of different hosts). */
const PARALLEL = 4;

export interface WatchOptions {
  readonly store: Store;
  readonly sink: WorkSink;
  readonly sources: readonly string[];
  readonly intervalMs?: number;
  readonly maxBackoffMs?: number;
  readonly hostGapMs?: number;
  readonly limits?: FetchLimits;
  readonly fullPages?: boolean;
  /** Poll each source that is due once, then return (for cron, and tests). */
  readonly once?: boolean;
  /** Stops the watch between polls. */
  readonly signal?: AbortSignal;
  readonly onPoll?: (report: PollReport) => void;
}

/** Read a sources file: one http(s) address a line; blank lines and lines starting with # are skipped. */
export async function readSourceList(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new DyadError('file_not_found', `${path}: cannot read the sources file: ${(e as Error).message}`, path);
  }
  const out: string[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    checkSource(line, `${path}:${i + 1}`);
    out.push(line);
  }
  return out;
}

/** A source must be an http(s) address: a feed or a page. */
export function checkSource(source: string, where: string): void {
  if (!isHttpUrl(source) || !URL.canParse(source)) throw new DyadError('usage', `${where}: "${source}" is not an http(s) address of a feed or page`, where);
}

/** Watch until the signal stops it (or, with once, until every due source was polled once). */
export async function watch(options: WatchOptions): Promise<PollReport[]> {
  const settings = {
    intervalMs: options.intervalMs ?? DEFAULT_WATCH_INTERVAL_MS,
    maxBackoffMs: options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
    limits: options.limits ?? {},
    fullPages: options.fullPages === true,
  };
  const hosts = new HostLimit(options.hostGapMs ?? DEFAULT_HOST_GAP_MS);
  const wanted = [...new Set(options.sources)];
  const reports: PollReport[] = [];
  const stopped = (): boolean => options.signal?.aborted === true;
  for (;;) {
    const known = new Map((await options.store.watchedSources()).map((s) => [s.address, s]));
    const states = wanted.map((a) => known.get(a) ?? newSource(a));
    const now = Date.now();
    const due = states.filter((s) => s.nextCheck === undefined || Date.parse(s.nextCheck) <= now);
    await inParallel(due, PARALLEL, async (s) => {
      if (stopped()) return;
      const report = await hosts.run(s.address, () => pollSource(options.store, options.sink, s, settings));
      reports.push(report);
      options.onPoll?.(report);
    });
    if (options.once === true || stopped()) return reports;
    await sleepUntilDue(await nextDue(options.store, wanted), options.signal);
    if (stopped()) return reports;
  }
}

/** The earliest next check among the watched sources. */
async function nextDue(store: Store, wanted: readonly string[]): Promise<number> {
  const states: WatchedSource[] = (await store.watchedSources()).filter((s) => wanted.includes(s.address));
  const times = states.map((s) => (s.nextCheck === undefined ? 0 : Date.parse(s.nextCheck)));
  return times.length === 0 ? Date.now() : Math.min(...times);
}

/** Wait until `at` (at most a minute at a time, so a changed schedule is seen), or the signal. */
async function sleepUntilDue(at: number, signal: AbortSignal | undefined): Promise<void> {
  const ms = Math.max(50, Math.min(at - Date.now(), 60_000));
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

/** Run `work` over the items, at most `n` at a time. */
async function inParallel<T>(items: readonly T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, lane));
}
