/**
 * The main text of a page as paragraphs. Boilerplate is removed first by what it declares itself
 * to be (tags, ARIA roles, class and id names of ads, sharing bars, menus, comments), then
 * Mozilla's Readability (Firefox Reader View) picks the article body among what remains.
 */
import { Readability } from '@mozilla/readability';
import { runWithin, TIMED_OUT } from './deadline.ts';
import { COMMENT_NODE, descendants, isElement, MAX_PARSE_DEPTH, parseDocument, TEXT_NODE, type DomDocument, type DomElement, type DomNode, type ParsedPage } from './dom.ts';
import { BLOCK_TAGS, CELL_TAGS } from './tags.ts';

/** Elements that never hold article text. */
const NOISE_TAGS = [
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video',
  'audio', 'button', 'input', 'select', 'textarea', 'dialog',
];
/** Page furniture around the article (the article's own headline comes from the metadata). */
const LAYOUT_TAGS = ['nav', 'aside', 'footer', 'header', 'menu'];
const NOISE_ROLES = ['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alertdialog'];

/** Words in class and id names that mark boilerplate (matched as whole words of the name). */
const NOISE_WORDS = new Set([
  'ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adsbygoogle', 'banner',
  'sponsor', 'sponsored', 'promo', 'promoted', 'share', 'sharing', 'social', 'related', 'recommended',
  'newsletter', 'subscribe', 'subscription', 'cookie', 'cookies', 'consent', 'gdpr', 'comment',
  'comments', 'breadcrumb', 'breadcrumbs', 'sidebar', 'navbar', 'menu', 'popup', 'modal', 'outbrain',
  'taboola', 'disqus', 'paywall', 'byline', 'author', 'date', 'dateline', 'timestamp', 'tags',
]);

/** Characters (without spaces) below which a block is no article, whatever share of a page it is. */
const MIN_ARTICLE = 500;

/** Bounds on reading a page's main text; every field has a default. */
export interface ExtractBounds {
  /** Elements nested deeper than this are read by the plain walk (default 512, where browsers stop nesting). */
  readonly maxDepth?: number;
  /** Time Readability may take on one page before the plain walk reads it instead (default 2,000 ms). */
  readonly timeoutMs?: number;
}

export const DEFAULT_EXTRACT_BOUNDS: Required<ExtractBounds> = { maxDepth: MAX_PARSE_DEPTH, timeoutMs: 2000 };

/** Why a page's text was read by the plain walk rather than by Readability. */
export interface ExtractNote {
  readonly code: 'deep_markup' | 'slow_markup';
  readonly message: string;
}

/** A page's main text as paragraphs, and a note when the bounds sent it to the plain walk. */
export interface MainText {
  readonly paragraphs: string[];
  readonly note?: ExtractNote;
}

/**
 * The main text of a parsed page (the document is modified). Readability's cost grows with the
 * cube of the nesting depth, so a page nested past the bound (parsed with `bounds.maxDepth`), or
 * one Readability does not finish in time, is read by the plain walk: its boilerplate removed by
 * name, every paragraph kept.
 */
export function mainText(page: ParsedPage, bounds: ExtractBounds = {}): MainText {
  const { maxDepth, timeoutMs } = { ...DEFAULT_EXTRACT_BOUNDS, ...bounds };
  const doc = page.doc;
  removeNoise(doc);
  if (page.flattened || page.depth > maxDepth) {
    return plainWalk(doc, { code: 'deep_markup', message: `elements nested ${page.depth} deep, more than ${maxDepth}: the main text was read without Readability` });
  }
  // Readability rewrites the tree it reads; the clone keeps the cleaned page for the fallback.
  const reader = new Readability<DomNode>(doc.cloneNode(true) as never, { serializer: (node) => node as unknown as DomNode });
  const read = readable(timeoutMs, () => reader.parse());
  if (read === TIMED_OUT) {
    return plainWalk(doc, { code: 'slow_markup', message: `Readability took more than ${timeoutMs} ms: the main text was read without it` });
  }
  const fromReader = read?.content ? paragraphsOf(read.content) : [];
  return fromReader.length > 0 ? { paragraphs: fromReader } : plainWalk(doc);
}

/**
 * Readability's article, TIMED_OUT, or null when it found none or failed: on some trees it throws
 * (a TypeError walking up from a candidate that has no <body> above it), and the plain walk then
 * reads the page as it does one where Readability found nothing.
 */
function readable<T>(timeoutMs: number, parse: () => T | null): T | null | typeof TIMED_OUT {
  try {
    return runWithin(timeoutMs, parse);
  } catch (e) {
    if (e instanceof Error) return null;
    throw e;
  }
}

/** The page's article (or main) element, else its body, as paragraphs: the text Readability did not pick. */
function plainWalk(doc: DomDocument, note?: ExtractNote): MainText {
  const root = doc.querySelector('article, [itemprop="articleBody"], main') ?? doc.body;
  const paragraphs = root ? paragraphsOf(root) : [];
  return note ? { paragraphs, note } : { paragraphs };
}

/** Paragraphs of an HTML fragment (a feed item's content), boilerplate removed. */
export function fragmentParagraphs(html: string): string[] {
  const doc = parseDocument(html);
  removeNoise(doc);
  return doc.body ? paragraphsOf(doc.body) : [];
}

/** Whether an element is one that marks the article: <article>, <main>, itemprop="articleBody". */
function isArticleElement(el: DomElement): boolean {
  return el.localName === 'article' || el.localName === 'main' || el.getAttribute('itemprop') === 'articleBody';
}

/**
 * Remove boilerplate. An element that looks like the article's container is kept whatever its
 * name says (sites wrap the whole story in a "content-with-sidebar" div often enough): one that
 * holds an <article> or <main>, or most of a page's substantial text. The text lengths and the
 * article elements inside each element are counted once, from the leaves up, so the cost is
 * linear in the page however deep it nests.
 */
export function removeNoise(doc: DomDocument): void {
  removeComments(doc.documentElement);
  const body = doc.body;
  if (!body) return;
  for (const el of [...body.querySelectorAll(NOISE_TAGS.join(','))]) el.remove();
  const nodes = [...descendants(body)];
  const letters = new Map<DomNode, number>();
  const holdsArticle = new Set<DomNode>();
  for (let k = nodes.length - 1; k >= 0; k--) {
    const node = nodes[k];
    if (!node) continue;
    const own = node.nodeType === TEXT_NODE ? (node.textContent ?? '').replace(/\s+/g, '').length : 0;
    const length = (letters.get(node) ?? 0) + own;
    letters.set(node, length);
    const parent = node.parentNode;
    if (!parent || node === body) continue;
    letters.set(parent, (letters.get(parent) ?? 0) + length);
    if (holdsArticle.has(node) || (isElement(node) && isArticleElement(node))) holdsArticle.add(parent);
  }
  const total = letters.get(body) ?? 0;
  const removed = new Set<DomNode>();
  for (const node of descendants(body, (n) => removed.has(n))) {
    if (node === body || !isElement(node) || !isNoise(node)) continue;
    const length = letters.get(node) ?? 0;
    const container = holdsArticle.has(node) || (length >= MIN_ARTICLE && length >= total * 0.5);
    if (!container) {
      node.remove();
      removed.add(node);
    }
  }
}

function isNoise(el: DomElement): boolean {
  if (LAYOUT_TAGS.includes(el.localName)) return true;
  if (NOISE_ROLES.includes(el.getAttribute('role') ?? '')) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (/(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(el.getAttribute('style') ?? '')) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  return names.split(/[^a-z0-9]+/).some((w) => NOISE_WORDS.has(w));
}

function removeComments(root: DomNode): void {
  for (const node of [...descendants(root)]) if (node.nodeType === COMMENT_NODE) node.remove();
}

/**
 * Text of a subtree as paragraphs: block elements break paragraphs, inline text is joined with
 * whitespace collapsed as a browser shows it, and two <br> in a row (how many Russian and Turkish
 * sites separate paragraphs) break one too.
 */
export function paragraphsOf(root: DomNode): string[] {
  const out: string[] = [];
  let buffer = '';
  const flush = (): void => {
    for (const part of buffer.split(/\n[ ]*\n/)) {
      const p = part.replace(/\s+/g, ' ').trim();
      if (p.length > 0) out.push(p);
    }
    buffer = '';
  };
  // Depth-first with an explicit stack (a page may nest deeper than the call stack goes): a
  // block element is entered, its children read, then it is left, which ends its paragraph.
  const stack: (DomNode | { readonly leave: string })[] = [root];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if ('leave' in item) {
      if (CELL_TAGS.has(item.leave)) buffer += ' ';
      if (BLOCK_TAGS.has(item.leave)) flush();
      continue;
    }
    const node = item;
    if (node.nodeType === TEXT_NODE) {
      buffer += (node.textContent ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.localName.toLowerCase();
    if (NOISE_TAGS.includes(tag)) continue;
    if (tag === 'br') {
      buffer += '\n';
      continue;
    }
    if (BLOCK_TAGS.has(tag)) flush();
    stack.push({ leave: tag });
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) {
      const child = children[k];
      if (child) stack.push(child);
    }
  }
  flush();
  return out;
}
