/**
 * The sources stage: files, folders, web pages and RSS/Atom feeds, named in any
 * mix, become plain article records (or problems). No coding and no storing happen here.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { problem, type SourceArticle, type SourceProblem } from './article.ts';
import { hasScheme, isHttpUrl } from './fetch.ts';
import { fileAddress, withFileAddress } from './file-address.ts';
import { pathText, type FsPath } from './paths.ts';
import { streamFileSource, streamUrlSource, type ReadOptions } from './read.ts';
import { walkFolder } from './walk.ts';

export type { ProblemCode, SourceArticle, SourceKind, SourceProblem, SourceWarning, WarningCode } from './article.ts';
export { DEFAULT_MAX_TEXT_CHARS, isSourceProblem, PROBLEM_CODES, SOURCE_KINDS, tooLong, WARNING_CODES } from './article.ts';
export { decodeBytes, detectCharset, scanUtf8, type Decoded, type InvalidBytes } from './charset.ts';
export { normalizeDate } from './dates.ts';
export { feedArticle, parseFeed, readFeed, type FeedItem } from './feed.ts';
export { ADDRESS_CLASSES, classifyAddress, type AddressClass, type NonPublic } from './address-class.ts';
export type { AddressPolicy, Resolver } from './connect-guard.ts';
export { DEFAULT_FETCH_LIMITS, fetchSource, isHttpUrl, type FetchedSource, type FetchLimits, type Validators } from './fetch.ts';
export { fileAddress } from './file-address.ts';
export { htmlArticle, readHtml, type HtmlOptions } from './html.ts';
export { DEFAULT_EXTRACT_BOUNDS, type ExtractBounds } from './html-text.ts';
export { givenDate, numericDate, publishedOf } from './published.ts';
export type { DateInText } from './published.ts';
export {
  DEFAULT_FEED_BUDGET_MS, DEFAULT_MAX_FILE_BYTES, readFetchedSource, readFileSource, readStreamSource, readUrlSource, streamFileSource, streamUrlSource,
  type ReadOptions,
} from './read.ts';
export { EXTENSIONS, sniffFormat, type SourceFormat } from './sniff.ts';
export { readText, splitText } from './text.ts';
export { pathText, resolvePath, type FsPath } from './paths.ts';
export { walkFolder } from './walk.ts';

/**
 * Read every input (file, folder, http(s) URL of a page or feed) and yield each article or
 * problem as soon as it is read, in input order (a feed's items one by one, as each item's page
 * is fetched with fullPages); a bad input or item never stops the run. An input with a scheme
 * ("name:") is taken for a URL, so only http and https ones are read. A file's articles go by
 * its path from the folder the input sits in (fileAddress), never by the server's path.
 */
export async function* readSources(inputs: readonly string[], options: ReadOptions = {}): AsyncGenerator<SourceArticle | SourceProblem> {
  // The file each address went to in this run: a second file under one address would replace
  // the first in the archive, so it is refused instead.
  const owners = new Map<string, { readonly path: string; readonly real: string }>();
  async function* readFile(input: string, entry: FsPath): AsyncGenerator<SourceArticle | SourceProblem> {
    // a name that is not UTF-8 goes by its text, odd bytes written \xNN (paths.ts)
    const path = pathText(entry);
    const address = fileAddress(input, path);
    const real = resolve(path);
    const owner = owners.get(address);
    if (owner !== undefined && owner.real !== real) {
      yield problem(path, 'duplicate_address', `${path}: goes by the same address as ${owner.path} ("${address}"); ingest the folder that holds both to keep them apart`);
      return;
    }
    owners.set(address, { path, real });
    for await (const r of guarded(path, () => streamFileSource(entry, options))) yield withFileAddress(r, path, address);
  }
  for (const input of inputs) {
    if (hasScheme(input)) {
      if (isHttpUrl(input)) yield* guarded(input, () => streamUrlSource(input, options));
      else yield problem(input, 'bad_scheme', `${input}: only files, folders and http(s) addresses are read, not ${input.slice(0, input.indexOf(':') + 1)}`);
      continue;
    }
    const st = await stat(input).catch(() => undefined);
    if (st?.isDirectory()) {
      for await (const entry of walkFolder(input)) {
        if (typeof entry === 'string' || Buffer.isBuffer(entry)) yield* readFile(input, entry);
        else yield entry;
      }
    } else {
      yield* readFile(input, input);
    }
  }
}

/**
 * How many items the inputs hold at least, told before reading them (for a progress bar): each
 * readable file a folder holds, each file and each URL named. A feed counts one here and may give
 * many items.
 */
export async function countSources(inputs: readonly string[]): Promise<number> {
  let count = 0;
  for (const input of inputs) {
    const st = hasScheme(input) ? undefined : await stat(input).catch(() => undefined);
    if (!st?.isDirectory()) {
      count++;
      continue;
    }
    for await (const entry of walkFolder(input)) if (typeof entry === 'string' || Buffer.isBuffer(entry)) count++;
  }
  return count;
}

/**
 * Run one reader; an exception it throws (a parser failing on a page no one foresaw) becomes
 * that source's problem, with its message, so the run goes on and the failure is still shown.
 * What the reader yielded before it threw has been handed on already.
 */
async function* guarded(address: string, read: () => AsyncIterable<SourceArticle | SourceProblem>): AsyncGenerator<SourceArticle | SourceProblem> {
  try {
    yield* read();
  } catch (e) {
    yield problem(address, 'unreadable', `${address}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
