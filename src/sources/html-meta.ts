/**
 * What a page says about itself: title, publication date and language, from the metadata
 * publishers fill in for search engines and social networks (Open Graph, JSON-LD, Dublin Core),
 * which is more reliable than anything guessed from the visible text.
 */
import { isLang, type Lang } from '../model/index.ts';
import { oneLine } from './article.ts';
import { normalizeDate } from './dates.ts';
import type { DomDocument, DomElement } from './dom.ts';

/** Title, date and language a page declares; each absent when the page does not say. */
export interface PageMeta {
  readonly title?: string;
  readonly published?: string;
  readonly lang?: Lang;
}

/** <meta> keys (name, property or itemprop, lower case) that carry the publication date, best first. */
const DATE_KEYS = [
  'article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate',
  'publish-date', 'publication_date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date',
  'dcterms.created', 'date', 'sailthru.date', 'parsely-pub-date',
];

/** schema.org types whose datePublished and headline are the article's own. */
const ARTICLE_TYPES = /(?:Article|BlogPosting|Report|WebPage)$/;

/** The metadata of a parsed page (read it before any cleaning removes scripts). */
export function pageMeta(doc: DomDocument): PageMeta {
  const metas = metaMap(doc);
  const ld = jsonLdArticle(doc);
  const title = pageTitle(doc, metas, ld);
  const published = DATE_KEYS.map((k) => normalizeDate(metas.get(k))).find((d) => d !== undefined)
    ?? normalizeDate(stringField(ld, 'datePublished'))
    ?? timeElementDate(doc);
  const lang = pageLang(doc, metas, ld);
  return { ...(title && { title }), ...(published && { published }), ...(lang && { lang }) };
}

/** A language tag ("ru-RU", "tr_TR", "kk") as one of Dyad's languages, if it is one. */
export function langOf(tag: string | null | undefined): Lang | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  // "kz" is the country code, but Kazakh sites use it as a language tag often enough to honour.
  const code = primary === 'kz' ? 'kk' : primary;
  return isLang(code) ? code : undefined;
}

function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of doc.querySelectorAll('meta[content]')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv'))?.toLowerCase();
    const content = m.getAttribute('content')?.trim();
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

function pageTitle(doc: DomDocument, metas: Map<string, string>, ld: Record<string, unknown> | undefined): string | undefined {
  const site = metas.get('og:site_name') ?? metas.get('application-name');
  const h1 = clean(doc.querySelector('article h1, main h1, h1')?.textContent);
  const candidates = [metas.get('og:title'), metas.get('twitter:title'), stringField(ld, 'headline'), titleTag(doc, h1), h1];
  for (const c of candidates) {
    const t = clean(c);
    if (t) return withoutSiteName(t, site);
  }
  return undefined;
}

/** The <title>, or the page's own headline when <title> is that headline plus the site's name. */
function titleTag(doc: DomDocument, h1: string | undefined): string | undefined {
  const title = clean(doc.querySelector('title')?.textContent);
  if (!title || !h1) return title;
  const parts = title.split(/\s+[|—–\-:·»]\s+/);
  return parts.some((p) => p === h1) ? h1 : title;
}

function withoutSiteName(title: string, site: string | undefined): string {
  if (!site) return title;
  const escaped = site.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title
    .replace(new RegExp(`\\s+[|—–\\-:·»]\\s+${escaped}$`, 'i'), '')
    .replace(new RegExp(`^${escaped}\\s+[|—–\\-:·»]\\s+`, 'i'), '');
  return stripped || title;
}

/**
 * The first JSON-LD object describing an article (searching arrays and @graph), else the first
 * object with a datePublished. Broken JSON-LD is the page's fault and only loses metadata.
 */
function jsonLdArticle(doc: DomDocument): Record<string, unknown> | undefined {
  const objects: Record<string, unknown>[] = [];
  // Arrays and @graph are searched with a stack of their own: JSON nested a million deep parses
  // fine and would overflow the call stack of a recursive search.
  const collect = (root: unknown): void => {
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const value = stack.pop();
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      } else if (value !== null && typeof value === 'object') {
        const obj = value as Record<string, unknown>;
        objects.push(obj);
        stack.push(obj['@graph']);
      }
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      continue; // see the doc comment: invalid JSON-LD only costs this page its metadata
    }
  }
  const isArticle = (o: Record<string, unknown>): boolean => [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
  return objects.find((o) => isArticle(o) && 'datePublished' in o) ?? objects.find(isArticle) ?? objects.find((o) => 'datePublished' in o);
}

function stringField(obj: Record<string, unknown> | undefined, key: string): string | undefined {
  const v = obj?.[key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * A <time> that dates the article: one marked pubdate, else one inside the article, else the
 * first outside the page's navigation, header and footer (where a site prints today's date).
 */
function timeElementDate(doc: DomDocument): string | undefined {
  const times = [...doc.querySelectorAll('time')];
  const dated = (t: DomElement): string | undefined => normalizeDate(t.getAttribute('datetime') ?? t.textContent);
  const pick = (pred: (t: DomElement) => boolean): string | undefined => times.filter(pred).map(dated).find((d) => d !== undefined);
  return pick((t) => t.hasAttribute('pubdate'))
    ?? pick((t) => t.closest('article') !== null)
    ?? pick((t) => t.closest('nav, header, footer, aside') === null);
}

/** The first language the page declares decides, even when it is none of Dyad's (then: none). */
function pageLang(doc: DomDocument, metas: Map<string, string>, ld: Record<string, unknown> | undefined): Lang | undefined {
  const root = doc.documentElement;
  const declared = [root.getAttribute('lang'), root.getAttribute('xml:lang'), metas.get('content-language'), metas.get('og:locale'), stringField(ld, 'inLanguage')]
    .find((tag) => tag !== null && tag !== undefined && tag.trim() !== '');
  return langOf(declared);
}

/** Text on one line as an article stores it (oneLine), or undefined when none is left. */
function clean(text: string | null | undefined): string | undefined {
  const t = text ? oneLine(text) : '';
  return t ? t : undefined;
}
