/**
 * The main text of a page as paragraphs. Boilerplate is removed first by what it declares itself
 * to be (tags, ARIA roles, class and id names of ads, sharing bars, menus, comments), then
 * Mozilla's Readability (Firefox Reader View) picks the article body among what remains.
 */
import { Readability } from '@mozilla/readability';
import { COMMENT_NODE, isElement, parseDocument, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './dom.ts';

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

/** Elements that end a paragraph: text either side of them is not one paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead',
  'tr', 'ul',
]);
/** Table cells are joined on one line with a space between them: a table row is one paragraph. */
const CELLS = new Set(['td', 'th']);

/** The main text of a parsed page, as paragraphs (the document is modified). */
export function mainParagraphs(doc: DomDocument): string[] {
  removeNoise(doc);
  // Readability rewrites the tree it reads; the clone keeps the cleaned page for the fallback.
  const reader = new Readability<DomNode>(doc.cloneNode(true) as never, { serializer: (node) => node as unknown as DomNode });
  const content = reader.parse()?.content;
  const fromReader = content ? paragraphsOf(content) : [];
  if (fromReader.length > 0) return fromReader;
  const root = doc.querySelector('article, [itemprop="articleBody"], main') ?? doc.body;
  return root ? paragraphsOf(root) : [];
}

/** Paragraphs of an HTML fragment (a feed item's content), boilerplate removed. */
export function fragmentParagraphs(html: string): string[] {
  const doc = parseDocument(html);
  removeNoise(doc);
  return doc.body ? paragraphsOf(doc.body) : [];
}

/**
 * Remove boilerplate. An element that looks like the article's container is kept whatever its
 * name says (sites wrap the whole story in a "content-with-sidebar" div often enough): one that
 * holds an <article> or <main>, or most of a page's substantial text.
 */
export function removeNoise(doc: DomDocument): void {
  removeComments(doc.documentElement);
  const body = doc.body;
  if (!body) return;
  for (const el of [...body.querySelectorAll(NOISE_TAGS.join(','))]) el.remove();
  const total = textLength(body);
  const selector = [...LAYOUT_TAGS, '[role]', '[hidden]', '[aria-hidden]', '[class]', '[id]', '[style]'].join(',');
  for (const el of [...body.querySelectorAll(selector)]) {
    // An ancestor removed earlier in this loop took the element with it.
    if (!body.contains(el) || !isNoise(el)) continue;
    const length = textLength(el);
    const container = el.querySelector('article, main, [itemprop="articleBody"]') !== null || (length >= MIN_ARTICLE && length >= total * 0.5);
    if (!container) el.remove();
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

function removeComments(node: DomNode): void {
  for (const child of [...node.childNodes]) {
    if (child.nodeType === COMMENT_NODE) child.remove();
    else if (isElement(child)) removeComments(child);
  }
}

function textLength(el: DomElement): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
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
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      buffer += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (!isElement(node)) return;
    const tag = node.localName.toLowerCase();
    if (NOISE_TAGS.includes(tag)) return;
    if (tag === 'br') {
      buffer += '\n';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of node.childNodes) walk(child);
    if (CELLS.has(tag)) buffer += ' ';
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}
