/** HTML pages, from a file or the web: metadata and main text. */
import { basename, extname } from 'node:path';
import { composeText, oneLine, problem, warning, type SourceArticle, type SourceKind, type SourceProblem } from './article.ts';
import { decodeSource, declaredHtmlCharset } from './charset.ts';
import { parsePage } from './dom.ts';
import { pageMeta } from './html-meta.ts';
import { DEFAULT_EXTRACT_BOUNDS, mainText, type ExtractBounds } from './html-text.ts';

export interface HtmlOptions {
  /** 'html' for a file, 'url' for a fetched page. */
  readonly source?: SourceKind;
  /** The charset of the HTTP Content-Type header, which outranks the page's own <meta>. */
  readonly charset?: string | undefined;
  /** Bounds on nesting depth and time for the main-text extraction. */
  readonly extract?: ExtractBounds | undefined;
}

/** Read an HTML page's bytes as an article: declared title, date and language, main text. */
export function readHtml(address: string, bytes: Uint8Array, options: HtmlOptions = {}): SourceArticle | SourceProblem {
  const decoded = decodeSource(address, bytes, options.charset ?? declaredHtmlCharset(bytes));
  if ('code' in decoded) return decoded;
  const article = htmlArticle(address, decoded.text, options.source ?? 'html', decoded.charset, options.extract);
  // bytes that were no text in the page's charset are reported beside what extraction says
  if ('code' in article || !decoded.warning) return article;
  return { ...article, warnings: [decoded.warning, ...(article.warnings ?? [])] };
}

/**
 * An article from decoded HTML. A page whose markup was past the extraction's bounds is still
 * read (by a plain walk) and carries a warning saying so.
 */
export function htmlArticle(address: string, html: string, source: SourceKind, charset?: string, bounds?: ExtractBounds): SourceArticle | SourceProblem {
  const page = parsePage(html, bounds?.maxDepth ?? DEFAULT_EXTRACT_BOUNDS.maxDepth);
  const meta = pageMeta(page.doc);
  const main = mainText(page, bounds);
  // Paragraphs as they will be stored: one of nothing but control characters is none.
  const paragraphs = main.paragraphs.map(oneLine).filter((p) => p !== '');
  const note = main.note;
  if (paragraphs.length === 0) return problem(address, 'not_article', `${address}: no article text found in the page`);
  const title = oneLine(meta.title ?? '') || oneLine(titleFromAddress(address)) || address;
  return {
    address,
    title,
    text: composeText(title, paragraphs),
    ...(meta.published !== undefined && { published: meta.published }),
    ...(meta.lang !== undefined && { lang: meta.lang }),
    source,
    ...(charset !== undefined && { charset }),
    ...(note !== undefined && { warnings: [warning(address, note.code, `${address}: ${note.message}`)] }),
  };
}

/** A last-resort title for a page that names none: its file or URL path name. */
function titleFromAddress(address: string): string {
  let path = address;
  try {
    path = decodeURIComponent(new URL(address).pathname.replace(/\/+$/, ''));
  } catch {
    // not a URL: a file path, used as it is
  }
  const name = basename(path, extname(path));
  return name.replace(/[-_]+/g, ' ').trim() || address;
}
