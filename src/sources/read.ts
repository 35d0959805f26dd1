/** One source to records: a file by its extension or first bytes, a URL by its Content-Type. */
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { composeText, DEFAULT_MAX_TEXT_CHARS, problem, tooLong, type SourceArticle, type SourceProblem } from './article.ts';
import { readFeed } from './feed.ts';
import { DEFAULT_FETCH_LIMITS, fetchSource, isHttpUrl, type FetchedSource, type FetchLimits } from './fetch.ts';
import { readHtml } from './html.ts';
import type { ExtractBounds } from './html-text.ts';
import { pathText, resolvePath, type FsPath } from './paths.ts';
import { formatOfContentType, formatOfPath, sniffFormat, type SourceFormat } from './sniff.ts';
import { readText } from './text.ts';
import { specialKind } from './walk.ts';

/**
 * How sources are read; every field has a default. The limits nest: a file may be 50 MB, a
 * fetched page or feed 5 MB, and the text read from either 2,000,000 characters (no article is
 * that long; the bytes limits bound memory, the text limit the time coding takes).
 */
export interface ReadOptions {
  /** Bounds on every fetch (pages, feeds, and feed items' pages). */
  readonly limits?: FetchLimits;
  /** Fetch each feed item's link and read the whole page instead of the feed's summary. */
  readonly fullPages?: boolean;
  /** Local files larger than this are refused (default 50 MB): no article is that long. */
  readonly maxFileBytes?: number;
  /** Articles whose text, once read from the source, is longer are refused as too_long (default 2,000,000 characters). */
  readonly maxTextChars?: number;
  /** Bounds on nesting depth and time when reading a page's main text. */
  readonly extract?: ExtractBounds;
  /**
   * With fullPages, the time for fetching and reading all the item pages of one feed (default
   * 5 minutes): an item not reached in time is reported (over_budget) and its feed text stands in.
   */
  readonly feedBudgetMs?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_FEED_BUDGET_MS = 5 * 60 * 1000;

type Out = SourceArticle | SourceProblem;

/**
 * Read one local file: text, HTML or feed by its extension, else by its first bytes. A path
 * given as text may name a file whose name is not UTF-8 (paths.ts `resolvePath`). A named pipe,
 * socket or device is refused without being read: opening a pipe would wait for a writer, and a
 * device may never end.
 */
export async function readFileSource(path: FsPath, options: ReadOptions = {}): Promise<Out[]> {
  return collect(streamFileSource(path, options));
}

/** Read one local file as readFileSource does, yielding each record as soon as it is read. */
export async function* streamFileSource(path: FsPath, options: ReadOptions = {}): AsyncGenerator<Out> {
  const target = typeof path === 'string' ? await resolvePath(path) : path;
  const address = pathText(target);
  const st = await stat(target).catch(() => undefined);
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!st) yield problem(address, 'not_found', `${address}: no such file or folder`);
  else if (st.isDirectory()) yield problem(address, 'not_file', `${address}: a folder, not a file`);
  else if (!st.isFile()) yield problem(address, 'not_file', `${address}: ${specialKind(st)}, not a file; not read`);
  else if (st.size > max) yield problem(address, 'too_large', `${address}: ${st.size} bytes, more than ${max}`);
  else yield* readFileBytes(target, address, max, options);
}

/** The bytes of a file that passed the checks, read as its name or first bytes tell. */
async function* readFileBytes(target: FsPath, address: string, max: number, options: ReadOptions): AsyncGenerator<Out> {
  let bytes: Uint8Array;
  let file: FileHandle | undefined;
  try {
    // Without blocking, and checked again once open: the path may have been made a pipe since.
    file = await open(target, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const opened = await file.stat();
    if (!opened.isFile()) {
      yield problem(address, 'not_file', `${address}: ${specialKind(opened)}, not a file; not read`);
      return;
    }
    if (opened.size > max) {
      yield problem(address, 'too_large', `${address}: ${opened.size} bytes, more than ${max}`);
      return;
    }
    bytes = await file.readFile();
  } catch (e) {
    yield problem(address, 'unreadable', `${address}: ${e instanceof Error ? e.message : String(e)}`);
    return;
  } finally {
    await file?.close();
  }
  const format = formatOfPath(address) ?? sniffFormat(bytes);
  yield* readBytes(address, bytes, format, 'file', undefined, options);
}

/**
 * Read a stream that has no name to go by (standard input): text, HTML or feed by its first
 * bytes. `address` names it in the records and problems; reading stops once the stream is
 * longer than a file may be.
 */
export async function readStreamSource(address: string, stream: AsyncIterable<Uint8Array>, options: ReadOptions = {}): Promise<Out[]> {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += chunk.length;
      if (size > max) return [problem(address, 'too_large', `${address}: more than ${max} bytes`)];
      chunks.push(chunk);
    }
  } catch (e) {
    return [problem(address, 'unreadable', `${address}: ${e instanceof Error ? e.message : String(e)}`)];
  }
  const bytes = Buffer.concat(chunks);
  return collect(readBytes(address, bytes, sniffFormat(bytes), 'file', undefined, options));
}

/** Fetch one http(s) address and read it as its Content-Type (or, when that says little, its bytes) tells. */
export async function readUrlSource(url: string, options: ReadOptions = {}): Promise<Out[]> {
  return collect(streamUrlSource(url, options));
}

/** Fetch and read one http(s) address as readUrlSource does, yielding each record (each feed item) as soon as it is read. */
export async function* streamUrlSource(url: string, options: ReadOptions = {}): AsyncGenerator<Out> {
  const fetched = await fetchSource(url, options.limits);
  if ('code' in fetched) {
    yield fetched;
    return;
  }
  yield* readFetchedSource(url, fetched, options);
}

/**
 * Read what fetchSource brought from `url` as its Content-Type (or, when that says little, its
 * bytes) tells: a page, a text, or a feed's items one by one (with fullPages, each item's page).
 */
export async function* readFetchedSource(url: string, fetched: FetchedSource, options: ReadOptions = {}): AsyncGenerator<Out> {
  const declared = formatOfContentType(fetched.contentType);
  if (declared === 'other') yield problem(url, 'not_article', `${url}: ${fetched.contentType} is not a page, feed or text`);
  else yield* readBytes(fetched.url, fetched.body, declared ?? sniffFormat(fetched.body), 'url', fetched.charset, options);
}

async function collect(records: AsyncIterable<Out>): Promise<Out[]> {
  const out: Out[] = [];
  for await (const r of records) out.push(r);
  return out;
}

async function* readBytes(address: string, bytes: Uint8Array, format: SourceFormat, origin: 'file' | 'url', charset: string | undefined, options: ReadOptions): AsyncGenerator<Out> {
  const max = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  switch (format) {
    case 'text':
      yield withinLimit(readText(address, bytes, origin, charset), max);
      return;
    case 'html':
      yield withinLimit(readHtml(address, bytes, { source: origin === 'file' ? 'html' : 'url', charset, extract: options.extract }), max);
      return;
    case 'feed': {
      const items = readFeed(address, bytes, { charset });
      if (options.fullPages) yield* withFullPages(items, address, options);
      else for (const item of items) yield withinLimit(item, max);
    }
  }
}

/** The record, or a too_long problem in its place when it is an article longer than `max` characters. */
function withinLimit(record: Out, max: number): Out {
  return ('code' in record ? undefined : tooLong(record, max)) ?? record;
}

/**
 * Replace each feed item's summary with the page it links to, yielding each item as soon as its
 * page is read, so that what is read is stored while the rest is fetched. The feed's title and
 * date are kept (they are the cleaner ones). A page that cannot be read, or that fails in any
 * way, is reported and the item's feed text stands in for it, so the item is not lost and the
 * other items go on. The pages of one feed share a time budget: an item not reached within it
 * is reported as over_budget (with its feed text), and a fetch is cut off where the budget ends.
 */
async function* withFullPages(items: readonly Out[], feed: string, options: ReadOptions): AsyncGenerator<Out> {
  const max = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  const budget = options.feedBudgetMs ?? DEFAULT_FEED_BUDGET_MS;
  const fetchTimeout = options.limits?.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs;
  const deadline = Date.now() + budget;
  const overBudget = (address: string): SourceProblem =>
    problem(address, 'over_budget', `${address}: not read, the ${budget / 1000} s for reading the feed's pages ran out; the feed's text stands in`);
  for (const item of items) {
    // an item with no page of its own goes by the feed's address ("FEED#item-3"): there is nothing to fetch
    if ('code' in item || !isHttpUrl(item.address) || item.address.startsWith(`${feed}#`)) {
      yield withinLimit(item, max);
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      yield overBudget(item.address);
      yield withinLimit(item, max);
      continue;
    }
    let page: SourceArticle | SourceProblem;
    try {
      page = await fullPage(item.address, { ...options.limits, timeoutMs: Math.min(fetchTimeout, left) }, options.extract);
    } catch (e) {
      page = problem(item.address, 'unreadable', `${item.address}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if ('code' in page) {
      yield page.code === 'timeout' && left < fetchTimeout ? overBudget(item.address) : page;
      yield withinLimit(item, max);
      continue;
    }
    const published = item.published ?? page.published;
    const lang = page.lang ?? item.lang;
    yield withinLimit({
      ...page,
      title: item.title,
      text: composeText(item.title, page.text.split('\n\n').slice(1)),
      ...(published !== undefined && { published }),
      ...(lang !== undefined && { lang }),
    }, max);
  }
}

async function fullPage(url: string, limits: FetchLimits | undefined, extract: ExtractBounds | undefined): Promise<SourceArticle | SourceProblem> {
  const fetched = await fetchSource(url, limits);
  if ('code' in fetched) return fetched;
  const format = formatOfContentType(fetched.contentType) ?? sniffFormat(fetched.body);
  if (format !== 'html') return problem(url, 'not_article', `${url}: the item's link is not a web page (${fetched.contentType || 'no content type'})`);
  return readHtml(fetched.url, fetched.body, { source: 'url', charset: fetched.charset, extract });
}
