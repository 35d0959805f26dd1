/**
 * The slice of the DOM that ingest uses, over linkedom (a fast DOM without a browser, enough for
 * Readability). Described structurally, as the project does with drivers, so the rest of the
 * stage is typed without the browser's lib.dom.
 */
import { parseHTML } from 'linkedom';
import { boundNesting } from './nesting.ts';

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;
export const COMMENT_NODE = 8;

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode> & Iterable<DomNode>;
  readonly parentNode: DomNode | null;
  remove(): void;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  closest(selector: string): DomElement | null;
  contains(node: DomNode): boolean;
  appendChild(node: DomNode): DomNode;
}

export interface DomDocument {
  readonly documentElement: DomElement;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  createElement(name: string): DomElement;
  cloneNode(deep: boolean): DomDocument;
}

/** Elements that belong in <head> when a page omits its <head> and <body> tags. */
const HEAD_TAGS = new Set(['title', 'meta', 'link', 'base', 'style', 'script', 'noscript', 'template']);

/** Nesting past this depth is flattened before parsing (Chromium's parser stops nesting at 512 too). */
export const MAX_PARSE_DEPTH = 512;

/** A parsed page, how deep its markup nested, and whether what lay deeper than the bound was flattened. */
export interface ParsedPage {
  readonly doc: DomDocument;
  readonly depth: number;
  readonly flattened: boolean;
}

/**
 * Parse an HTML page (or a fragment) into a document that always has a <head> and a <body>.
 * Elements nested deeper than `maxDepth` are flattened first (their text kept), so the parse
 * takes time linear in the page.
 */
export function parsePage(html: string, maxDepth = MAX_PARSE_DEPTH): ParsedPage {
  // linkedom parses a fragment without <html> into a bare element, so fragments are wrapped.
  const at = html.search(/<html[\s>]/i);
  const source = at >= 0 ? htmlFirst(html, at) : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const bounded = boundNesting(source, maxDepth);
  const doc = (parseHTML(bounded.html) as unknown as { document: DomDocument }).document;
  repairSkeleton(doc);
  return { doc, depth: bounded.depth, flattened: bounded.flattened };
}

/**
 * A page with markup before its <html> tag (a <meta> or a whole <head> written first), with that
 * markup moved inside it, where a browser puts it: linkedom would make the first element the
 * document and lose the page's text. A doctype and comments before <html> stay where they are.
 */
function htmlFirst(html: string, at: number): string {
  const prefix = html.slice(0, at).replace(/<!doctype[^>]*>|<!--[\s\S]*?-->/gi, '');
  if (prefix.trim() === '') return html;
  const end = html.indexOf('>', at);
  return `${html.slice(at, end + 1)}${prefix}${html.slice(end + 1)}`;
}

/** Parse an HTML page (or a fragment) into a document, as parsePage does. */
export function parseDocument(html: string): DomDocument {
  return parsePage(html).doc;
}

/**
 * HTML lets a page omit <head> and <body> and put content after </body>; a browser places it
 * all in the body, linkedom leaves it beside the (lazily created, empty) body, where Readability
 * would not see it. Head-only elements before any content go to the head, the rest to the body.
 */
function repairSkeleton(doc: DomDocument): void {
  const root = doc.documentElement;
  const head = doc.head;
  const body = doc.body;
  if (!head || !body) return;
  let inHead = true;
  for (const node of [...root.childNodes]) {
    if (node === head || node === body) continue;
    const tag = node.nodeName.toLowerCase();
    const blank = node.nodeType === TEXT_NODE && (node.textContent ?? '').trim() === '';
    node.remove();
    if (inHead && (HEAD_TAGS.has(tag) || blank || node.nodeType === COMMENT_NODE)) {
      head.appendChild(node);
    } else {
      inHead = false;
      body.appendChild(node);
    }
  }
}

/** Whether a node is an element (narrowing for the walkers). */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/**
 * The nodes under `root` in document order, `root` first. Iterative, so a page nested ten
 * thousand deep does not overflow the stack; `skip(node)` true leaves a node's subtree out.
 */
export function* descendants(root: DomNode, skip?: (node: DomNode) => boolean): Generator<DomNode> {
  const stack: DomNode[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    yield node;
    if (skip?.(node) === true) continue;
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) {
      const child = children[k];
      if (child) stack.push(child);
    }
  }
}
