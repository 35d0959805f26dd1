/**
 * The records the ingest stage hands on: an article read from a source, or a problem with one
 * source. Both are plain data; a problem never stops a run, it is reported beside the articles.
 */
import type { Lang } from '../model/index.ts';

/** Where an article came from: a text file, an HTML file, a feed item, or a fetched page. */
export const SOURCE_KINDS = ['file', 'html', 'feed', 'url', 'api'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One article, ready for the text stage. */
export interface SourceArticle {
  /** File path or URL (the final URL after redirects, or a feed item's link). */
  readonly address: string;
  readonly title: string;
  /** The title on the first line, then paragraphs separated by blank lines. */
  readonly text: string;
  /** YYYY-MM-DD or YYYY-MM, from the source's metadata. */
  readonly published?: string;
  /** Only when the source declares it (page or feed metadata); otherwise the text stage guesses. */
  readonly lang?: Lang;
  readonly source: SourceKind;
  /** The charset the bytes were decoded from, lower case ("utf-8", "windows-1251", ...). */
  readonly charset?: string;
  /** What was wrong with the source though it gave this article (bytes not text in its charset, markup too deep for the extractor). */
  readonly warnings?: readonly SourceWarning[];
}

/** Stable problem codes: callers branch on these, never on messages. */
export const PROBLEM_CODES = [
  'not_found',
  'binary',
  'empty',
  'too_large',
  'timeout',
  'bad_scheme',
  'too_many_redirects',
  'http_status',
  'unreadable',
  'not_article',
  /** A fetch would have reached a loopback, private, link-local, ... address (see FetchLimits.allowPrivate). */
  'blocked_address',
  /** A second file of one run that would go by the address of another (see fileAddress). */
  'duplicate_address',
  // An article whose text, once read from its source, is longer than the limit.
  'too_long',
  // A feed item whose page the feed's time budget left no time to read (its feed text stands in).
  'over_budget',
  /** A named pipe, socket or device where a file was expected: never opened. */
  'not_file',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Why one source (or one item of it) gave no article. */
export interface SourceProblem {
  readonly address: string;
  readonly code: ProblemCode;
  readonly message: string;
}

/**
 * The longest article text accepted, in characters (UTF-16 code units, as String.length counts
 * them): 2,000,000, far past any article. Longer texts are refused rather than coded slowly.
 */
export const DEFAULT_MAX_TEXT_CHARS = 2_000_000;

/** A too_long problem for an article whose text is longer than `max` characters, else undefined. */
export function tooLong(article: SourceArticle, max = DEFAULT_MAX_TEXT_CHARS): SourceProblem | undefined {
  const length = article.text.length;
  if (length <= max) return undefined;
  return problem(article.address, 'too_long', `${article.address}: the text is ${length.toLocaleString('en')} characters long, more than the limit of ${max.toLocaleString('en')}`);
}

/** A problem record. */
export function problem(address: string, code: ProblemCode, message: string): SourceProblem {
  return { address, code, message };
}

/**
 * Stable warning codes: a source's bytes that are not text in its charset (invalid_bytes); a page
 * nested deeper than the extractor's bound, or one whose main text Readability did not find in
 * time, read by a plain walk of its text (deep_markup, slow_markup).
 */
export const WARNING_CODES = ['invalid_bytes', 'deep_markup', 'slow_markup'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** Something wrong with a source that still gave its article: reported, and the article kept. */
export interface SourceWarning {
  readonly address: string;
  readonly code: WarningCode;
  readonly message: string;
}

/** A warning record. */
export function warning(address: string, code: WarningCode, message: string): SourceWarning {
  return { address, code, message };
}

/** True for a problem, false for an article (the two are told apart by their `code`). */
export function isSourceProblem(record: SourceArticle | SourceProblem): record is SourceProblem {
  return 'code' in record;
}

/**
 * Collapse a title or paragraph to one line: NFC, single spaces, no zero-width or soft hyphens,
 * and no control characters (a page or feed may carry them as bytes or as &#1;; plain text loses
 * them when its lines are cleaned).
 */
export function oneLine(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return title.normalize('NFC').replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '').replace(/[\s\u200b\u00ad]+/g, ' ').trim();
}

/**
 * The article text in the shape the text stage reads: title line, blank line, paragraphs.
 * A first paragraph that repeats the title (a page's own headline) is dropped.
 */
export function composeText(title: string, paragraphs: readonly string[]): string {
  const clean = paragraphs.map(oneLine).filter((p) => p.length > 0);
  if (clean.length > 0 && sameWords(clean[0] ?? '', title)) clean.shift();
  return [oneLine(title), ...clean].join('\n\n');
}

function sameWords(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}
