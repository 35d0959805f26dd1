/**
 * The sources stage: files, folders, web pages and RSS/Atom feeds, named in any
 * mix, become plain article records (or problems). No coding and no storing happen here.
 */
import { stat } from 'node:fs/promises';
import { problem, type SourceArticle, type SourceProblem } from './article.ts';
import { hasScheme, isHttpUrl } from './fetch.ts';
import { pathText } from './paths.ts';
import { readFileSource, readUrlSource, type ReadOptions } from './read.ts';
import { walkFolder } from './walk.ts';

export type { ProblemCode, SourceArticle, SourceKind, SourceProblem, SourceWarning, WarningCode } from './article.ts';
export { isSourceProblem, PROBLEM_CODES, SOURCE_KINDS, WARNING_CODES } from './article.ts';
export { decodeBytes, detectCharset, scanUtf8, type Decoded, type InvalidBytes } from './charset.ts';
export { normalizeDate } from './dates.ts';
export { feedArticle, parseFeed, readFeed, type FeedItem } from './feed.ts';
export { DEFAULT_FETCH_LIMITS, fetchSource, type FetchedSource, type FetchLimits } from './fetch.ts';
export { htmlArticle, readHtml } from './html.ts';
export { publishedOf } from './published.ts';
export { DEFAULT_MAX_FILE_BYTES, readFileSource, readStreamSource, readUrlSource, type ReadOptions } from './read.ts';
export { EXTENSIONS, sniffFormat, type SourceFormat } from './sniff.ts';
export { readText, splitText } from './text.ts';
export { pathText, resolvePath, type FsPath } from './paths.ts';
export { walkFolder } from './walk.ts';

/**
 * Read every input (file, folder, http(s) URL of a page or feed) and yield each article or
 * problem as soon as it is read, in input order; a bad input or item never stops the run.
 * An input with a scheme ("name:") is taken for a URL, so only http and https ones are read.
 */
export async function* readSources(inputs: readonly string[], options: ReadOptions = {}): AsyncGenerator<SourceArticle | SourceProblem> {
  for (const input of inputs) {
    if (hasScheme(input)) {
      if (isHttpUrl(input)) yield* await guarded(input, () => readUrlSource(input, options));
      else yield problem(input, 'bad_scheme', `${input}: only files, folders and http(s) addresses are read, not ${input.slice(0, input.indexOf(':') + 1)}`);
      continue;
    }
    const st = await stat(input).catch(() => undefined);
    if (st?.isDirectory()) {
      for await (const entry of walkFolder(input)) {
        if (typeof entry === 'string' || Buffer.isBuffer(entry)) yield* await guarded(pathText(entry), () => readFileSource(entry, options));
        else yield entry;
      }
    } else {
      yield* await guarded(input, () => readFileSource(input, options));
    }
  }
}

/**
 * Run one reader; an exception it throws (a parser failing on a page no one foresaw) becomes
 * that source's problem, with its message, so the run goes on and the failure is still shown.
 */
async function guarded(address: string, read: () => Promise<(SourceArticle | SourceProblem)[]>): Promise<(SourceArticle | SourceProblem)[]> {
  try {
    return await read();
  } catch (e) {
    return [problem(address, 'unreadable', `${address}: ${e instanceof Error ? e.message : String(e)}`)];
  }
}
