/**
 * RSS (2.0 and 1.0/RDF) and Atom feeds: every item is an article. Parsed as XML with the same
 * DOM as pages, so escaped HTML, CDATA and Atom's inline XHTML all come out as markup that the
 * page code turns into paragraphs.
 */
import { isLang, type Lang } from '../model/index.ts';
import { composeText, oneLine, problem, type SourceArticle, type SourceProblem } from './article.ts';
import { decodeSource, declaredXmlCharset } from './charset.ts';
import { isHttpUrl } from './fetch.ts';
import { normalizeDate } from './dates.ts';
import { isElement, type DomElement } from './dom.ts';
import { langOf } from './html-meta.ts';
import { fragmentParagraphs } from './html-text.ts';
import { parseXml } from './xml.ts';
import { textParagraphs } from './text.ts';

/** One feed item, before it becomes an article. */
export interface FeedItem {
  readonly title?: string;
  /** Absolute http(s) URL of the item's page, when the feed gives one. */
  readonly link?: string;
  readonly published?: string;
  readonly lang?: Lang;
  readonly paragraphs: readonly string[];
}

export interface FeedOptions {
  /** The charset of the HTTP Content-Type header, which outranks the XML prolog. */
  readonly charset?: string | undefined;
}

/** Read a feed's bytes: an article per item, a problem per unusable item or for the whole feed. */
export function readFeed(address: string, bytes: Uint8Array, options: FeedOptions = {}): (SourceArticle | SourceProblem)[] {
  const decoded = decodeSource(address, bytes, options.charset ?? declaredXmlCharset(bytes));
  if ('code' in decoded) return [decoded];
  const items = parseFeed(decoded.text, address);
  if (items === undefined) return [problem(address, 'not_article', `${address}: not an RSS or Atom feed`)];
  if (items.length === 0) return [problem(address, 'empty', `${address}: the feed has no items`)];
  return items.map((item, i) => feedArticle(item, `${address}#item-${i + 1}`, decoded.charset));
}

/** An article from a feed item; `fallback` is its address when the item has no link. */
export function feedArticle(item: FeedItem, fallback: string, charset?: string): SourceArticle | SourceProblem {
  const address = item.link ?? fallback;
  // Paragraphs as they will be stored: one of nothing but control characters is none.
  const paragraphs = item.paragraphs.map(oneLine).filter((p) => p !== '');
  // An item may be a description alone; its first paragraph then serves as the title.
  const title = item.title ?? paragraphs.shift();
  if (title === undefined) return problem(address, 'not_article', `${address}: feed item without title or text`);
  return {
    address,
    title,
    text: composeText(title, paragraphs),
    ...(item.published !== undefined && { published: item.published }),
    ...(item.lang !== undefined && { lang: item.lang }),
    source: 'feed',
    ...(charset !== undefined && { charset }),
  };
}

/** The items of a decoded feed, or undefined when the document is no RSS or Atom feed. */
export function parseFeed(xml: string, base?: string): FeedItem[] | undefined {
  const root = parseXml(xml);
  if (!root) return undefined;
  const kind = localName(root);
  if (kind === 'feed') {
    const feedLang = root.getAttribute('xml:lang');
    return [...root.querySelectorAll('entry')].map((e) => atomItem(e, feedLang, base));
  }
  if (kind === 'rss' || kind === 'rdf') {
    const channel = child(root, 'channel');
    const feedLang = text(child(channel, 'language')) ?? text(child(channel, 'dc:language'));
    return [...root.querySelectorAll('item')].map((i) => rssItem(i, feedLang, base));
  }
  return undefined;
}

function rssItem(item: DomElement, feedLang: string | undefined, base: string | undefined): FeedItem {
  const guid = child(item, 'guid');
  const permalink = guid && guid.getAttribute('isPermaLink') !== 'false' ? text(guid) : undefined;
  const body = text(child(item, 'content:encoded')) ?? text(child(item, 'description'));
  return assemble({
    title: htmlTitle(text(child(item, 'title'))),
    link: absolute(text(child(item, 'link')) ?? permalink, base),
    published: normalizeDate(text(child(item, 'pubDate')) ?? text(child(item, 'dc:date'))),
    lang: langOf(text(child(item, 'dc:language')) ?? feedLang),
    paragraphs: body === undefined ? [] : markupParagraphs(body),
  });
}

function atomItem(entry: DomElement, feedLang: string | null, base: string | undefined): FeedItem {
  const links = children(entry, 'link');
  const alternate = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  const content = child(entry, 'content');
  // Content given by reference (src=) has no text here; the summary stands in for it.
  const body = content && !content.hasAttribute('src') ? content : child(entry, 'summary');
  const titleEl = child(entry, 'title');
  return assemble({
    title: titleEl && atomType(titleEl) === 'text' ? text(titleEl) : htmlTitle(atomMarkup(titleEl)),
    link: absolute(alternate?.getAttribute('href') ?? undefined, base),
    published: normalizeDate(text(child(entry, 'published')) ?? text(child(entry, 'updated'))),
    lang: langOf(entry.getAttribute('xml:lang') ?? feedLang),
    paragraphs: body === undefined ? [] : atomType(body) === 'text' ? textParagraphs(text(body) ?? '') : markupParagraphs(atomMarkup(body) ?? ''),
  });
}

/** Drop absent fields, as exactOptionalPropertyTypes wants, and check the language. */
function assemble(fields: { title: string | undefined; link: string | undefined; published: string | undefined; lang: string | undefined; paragraphs: string[] }): FeedItem {
  const title = fields.title === undefined ? undefined : oneLine(fields.title);
  return {
    ...(title && { title }),
    ...(fields.link !== undefined && { link: fields.link }),
    ...(fields.published !== undefined && { published: fields.published }),
    ...(isLang(fields.lang) && { lang: fields.lang }),
    paragraphs: fields.paragraphs,
  };
}

/** Atom's text construct type: text, html or xhtml. */
function atomType(el: DomElement): string {
  return (el.getAttribute('type') ?? 'text').toLowerCase();
}

/** Atom html content is escaped markup (its text); xhtml content is inline markup. */
function atomMarkup(el: DomElement | undefined): string | undefined {
  if (!el) return undefined;
  return atomType(el) === 'xhtml' ? (el as DomElement & { innerHTML: string }).innerHTML : text(el);
}

/** Feed fields are HTML by custom, but many feeds put plain text with line breaks there. */
function markupParagraphs(body: string): string[] {
  return /<[a-z!/][^>]*>/i.test(body) ? fragmentParagraphs(body) : textParagraphs(body);
}

/** A title that may carry markup or HTML entities, as text. */
function htmlTitle(title: string | undefined): string | undefined {
  if (title === undefined || !/[<&]/.test(title)) return title;
  return fragmentParagraphs(title).join(' ');
}

/**
 * An item's link as an absolute http(s) URL, or undefined. Only http(s) links become article
 * addresses: a javascript:, data: or file: link is no page Dyad would fetch, and as an address it
 * would show the API's readers a script or a path of the server. Such an item is kept under the
 * feed's address and its number, as an item without a link is.
 */
function absolute(link: string | undefined, base: string | undefined): string | undefined {
  const l = link?.trim();
  if (!l) return undefined;
  // A relative link in a local feed file has nothing to resolve against.
  const from = base !== undefined && isHttpUrl(base) ? base : undefined;
  const resolved = URL.canParse(l, from) ? new URL(l, from).href : undefined;
  return resolved !== undefined && isHttpUrl(resolved) ? resolved : undefined;
}

function localName(el: DomElement): string {
  const name = el.nodeName.toLowerCase();
  return name.slice(name.indexOf(':') + 1);
}

function children(el: DomElement | undefined, name: string): DomElement[] {
  if (!el) return [];
  const lower = name.toLowerCase();
  return [...el.childNodes].filter(isElement).filter((c) => c.nodeName.toLowerCase() === lower);
}

function child(el: DomElement | undefined, name: string): DomElement | undefined {
  return children(el, name)[0];
}

function text(el: DomElement | undefined): string | undefined {
  const t = el?.textContent?.trim();
  return t ? t : undefined;
}
