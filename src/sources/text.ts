/** Plain text sources: the first line is the title, the rest are paragraphs. */
import { composeText, oneLine, problem, type SourceArticle, type SourceKind, type SourceProblem } from './article.ts';
import { decodeSource } from './charset.ts';

/** Lines that open a list item: they always start a paragraph of their own. */
const BULLET = /^\s*(?:[-*•–—]|\d{1,3}[.)])\s/;

/** Read a plain text file's (or response's) bytes as an article. */
export function readText(address: string, bytes: Uint8Array, source: SourceKind = 'file', declaredCharset?: string): SourceArticle | SourceProblem {
  const decoded = decodeSource(address, bytes, declaredCharset);
  if ('code' in decoded) return decoded;
  const { title, paragraphs } = splitText(decoded.text);
  // Nothing but control characters, zero-width spaces and the like: no title, so no article.
  if (title === '') return problem(address, 'empty', `${address}: no text`);
  return {
    address, title, text: composeText(title, paragraphs), source, charset: decoded.charset,
    ...(decoded.warning ? { warnings: [decoded.warning] } : {}),
  };
}

/** Title (first line with some text once cleaned; '' when none has) and paragraphs of decoded plain text. */
export function splitText(text: string): { title: string; paragraphs: string[] } {
  const lines = cleanLines(text);
  const first = lines.findIndex((l) => oneLine(l).length > 0);
  const title = oneLine(lines[first] ?? '');
  return { title, paragraphs: paragraphsOf(lines.slice(first + 1)) };
}

/** Paragraphs of plain text that has no title line (a feed item's text field). */
export function textParagraphs(text: string): string[] {
  return paragraphsOf(cleanLines(text));
}

/** Lines without carriage returns, control characters, tabs and trailing spaces. */
function cleanLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .split('\n')
    .map((l) => l.replace(/\t/g, ' ').trimEnd());
}

/**
 * Paragraphs of text lines. A blank line always ends a paragraph. Within a block, lines are
 * joined only when the text is hard-wrapped (e-mail and archive style, lines filled to a fixed
 * width); text with one paragraph per line keeps its lines apart, so headings stay headings.
 */
function paragraphsOf(lines: readonly string[]): string[] {
  const width = wrapWidth(lines);
  const out: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) out.push(current.join(' '));
    current = [];
  };
  lines.forEach((line, i) => {
    if (line.trim().length === 0) return flush();
    if (BULLET.test(line)) flush();
    current.push(line.trim());
    const next = lines[i + 1] ?? '';
    const joins = width !== undefined && line.length >= width * 0.6 && next.trim().length > 0 && !BULLET.test(next);
    if (!joins) flush();
  });
  flush();
  return out;
}

/**
 * The width text was wrapped at, or undefined when it was not: no line is long, and most lines
 * that are followed by another line of the same block come close to the longest one.
 */
function wrapWidth(lines: readonly string[]): number | undefined {
  // A loop, not Math.max(...lines): a file of a million lines would overflow the call stack.
  let width = 0;
  for (const l of lines) width = Math.max(width, l.length);
  if (width === 0 || width > 120) return undefined;
  const inner = lines.filter((l, i) => l.trim().length > 0 && (lines[i + 1] ?? '').trim().length > 0);
  if (inner.length < 3) return undefined;
  const filled = inner.filter((l) => l.length >= width * 0.75).length;
  return filled >= inner.length * 0.8 ? width : undefined;
}
