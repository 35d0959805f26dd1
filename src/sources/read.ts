/** One source to records: a file by its extension or first bytes, a URL by its Content-Type. */
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { composeText, problem, type SourceArticle, type SourceProblem } from './article.ts';
import { readFeed } from './feed.ts';
import { fetchSource, isHttpUrl, type FetchLimits } from './fetch.ts';
import { readHtml } from './html.ts';
import { pathText, resolvePath, type FsPath } from './paths.ts';
import { formatOfContentType, formatOfPath, sniffFormat, type SourceFormat } from './sniff.ts';
import { readText } from './text.ts';
import { specialKind } from './walk.ts';

/** How sources are read; every field has a default. */
export interface ReadOptions {
  /** Bounds on every fetch (pages, feeds, and feed items' pages). */
  readonly limits?: FetchLimits;
  /** Fetch each feed item's link and read the whole page instead of the feed's summary. */
  readonly fullPages?: boolean;
  /** Local files larger than this are refused (default 50 MB): no article is that long. */
  readonly maxFileBytes?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

type Out = SourceArticle | SourceProblem;

/**
 * Read one local file: text, HTML or feed by its extension, else by its first bytes. A path
 * given as text may name a file whose name is not UTF-8 (paths.ts `resolvePath`). A named pipe,
 * socket or device is refused without being read: opening a pipe would wait for a writer, and a
 * device may never end.
 */
export async function readFileSource(path: FsPath, options: ReadOptions = {}): Promise<Out[]> {
  const target = typeof path === 'string' ? await resolvePath(path) : path;
  const address = pathText(target);
  const st = await stat(target).catch(() => undefined);
  if (!st) return [problem(address, 'not_found', `${address}: no such file or folder`)];
  if (st.isDirectory()) return [problem(address, 'not_file', `${address}: a folder, not a file`)];
  if (!st.isFile()) return [problem(address, 'not_file', `${address}: ${specialKind(st)}, not a file; not read`)];
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (st.size > max) return [problem(address, 'too_large', `${address}: ${st.size} bytes, more than ${max}`)];
  let bytes: Uint8Array;
  let file: FileHandle | undefined;
  try {
    // Without blocking, and checked again once open: the path may have been made a pipe since.
    file = await open(target, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const opened = await file.stat();
    if (!opened.isFile()) return [problem(address, 'not_file', `${address}: ${specialKind(opened)}, not a file; not read`)];
    if (opened.size > max) return [problem(address, 'too_large', `${address}: ${opened.size} bytes, more than ${max}`)];
    bytes = await file.readFile();
  } catch (e) {
    return [problem(address, 'unreadable', `${address}: ${e instanceof Error ? e.message : String(e)}`)];
  } finally {
    await file?.close();
  }
  const format = formatOfPath(address) ?? sniffFormat(bytes);
  return readBytes(address, bytes, format, 'file', undefined, options);
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
  return readBytes(address, bytes, sniffFormat(bytes), 'file', undefined, options);
}

/** Fetch one http(s) address and read it as its Content-Type (or, when that says little, its bytes) tells. */
export async function readUrlSource(url: string, options: ReadOptions = {}): Promise<Out[]> {
  const fetched = await fetchSource(url, options.limits);
  if ('code' in fetched) return [fetched];
  const declared = formatOfContentType(fetched.contentType);
  if (declared === 'other') return [problem(url, 'not_article', `${url}: ${fetched.contentType} is not a page, feed or text`)];
  const format = declared ?? sniffFormat(fetched.body);
  return readBytes(fetched.url, fetched.body, format, 'url', fetched.charset, options);
}

async function readBytes(address: string, bytes: Uint8Array, format: SourceFormat, origin: 'file' | 'url', charset: string | undefined, options: ReadOptions): Promise<Out[]> {
  switch (format) {
    case 'text':
      return [readText(address, bytes, origin, charset)];
    case 'html':
      return [readHtml(address, bytes, { source: origin === 'file' ? 'html' : 'url', charset })];
    case 'feed': {
      const items = readFeed(address, bytes, { charset });
      return options.fullPages ? withFullPages(items, options) : items;
    }
  }
}

/**
 * Replace each feed item's summary with the page it links to. The feed's title and date are
 * kept (they are the cleaner ones); a page that cannot be read is reported, and the item's feed
 * text stands in for it, so the item is not lost.
 */
async function withFullPages(items: readonly Out[], options: ReadOptions): Promise<Out[]> {
  const out: Out[] = [];
  for (const item of items) {
    if ('code' in item || !isHttpUrl(item.address)) {
      out.push(item);
      continue;
    }
    const page = await fullPage(item.address, options.limits);
    if ('code' in page) {
      out.push(page, item);
      continue;
    }
    const published = item.published ?? page.published;
    const lang = page.lang ?? item.lang;
    out.push({
      ...page,
      title: item.title,
      text: composeText(item.title, page.text.split('\n\n').slice(1)),
      ...(published !== undefined && { published }),
      ...(lang !== undefined && { lang }),
    });
  }
  return out;
}

async function fullPage(url: string, limits: FetchLimits | undefined): Promise<SourceArticle | SourceProblem> {
  const fetched = await fetchSource(url, limits);
  if ('code' in fetched) return fetched;
  const format = formatOfContentType(fetched.contentType) ?? sniffFormat(fetched.body);
  if (format !== 'html') return problem(url, 'not_article', `${url}: the item's link is not a web page (${fetched.contentType || 'no content type'})`);
  return readHtml(fetched.url, fetched.body, { source: 'url', charset: fetched.charset });
}
