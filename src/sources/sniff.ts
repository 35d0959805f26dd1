/** Which reader a source needs: by file extension, by Content-Type, or by its first bytes. */
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import { bomCharset } from './charset.ts';

export const SOURCE_FORMATS = ['text', 'html', 'feed'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Extensions a folder walk reads, and the format each holds. */
export const EXTENSIONS: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
};

/** The format a file name promises, or undefined for other extensions. */
export function formatOfPath(path: string): SourceFormat | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}

/**
 * The format a Content-Type announces: undefined when it says nothing useful (absent, generic
 * binary, or XML that may be a feed or XHTML, so the bytes decide), 'other' for media that are
 * no article (images, PDF, JSON...).
 */
export function formatOfContentType(contentType: string): SourceFormat | 'other' | undefined {
  if (contentType === 'text/html' || contentType === 'application/xhtml+xml') return 'html';
  if (/^application\/(?:rss|atom|rdf)\+xml$/.test(contentType)) return 'feed';
  if (contentType === 'text/plain') return 'text';
  if (contentType === '' || contentType === 'application/octet-stream' || /(?:^text\/|[/+]xml$)/.test(contentType)) return undefined;
  return 'other';
}

/** The format the first bytes reveal: a feed's root element, HTML's doctype or tags, else text. */
export function sniffFormat(bytes: Uint8Array): SourceFormat {
  const bom = bomCharset(bytes);
  const start = bom ? iconv.decode(Buffer.from(bytes.subarray(bom.length, 4096)), bom.charset) : Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const prolog = start.replace(/^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?>|<\?[^>]*\?>)\s*)*/i, '');
  if (/^<(?:[a-z]+:)?(?:rss|feed|rdf:rdf)[\s>]/i.test(prolog)) return 'feed';
  if (/^\s*(?:<!doctype\s+html|<html[\s>])/i.test(start) || /<(?:html|head|body)[\s>]/i.test(start.slice(0, 1024)) || /^<(?:html|head|body)[\s>]/i.test(prolog)) return 'html';
  return 'text';
}
