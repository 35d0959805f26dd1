/** XML documents (feeds) on the same DOM as pages. */
import { DOMParser } from 'linkedom';
import type { DomElement } from './dom.ts';

/**
 * The root element of an XML document, or undefined when there is none. The parser is lenient
 * (real feeds are often not well-formed) and expands no DTD entities, so a hostile feed cannot
 * blow up memory the "billion laughs" way.
 */
export function parseXml(xml: string): DomElement | undefined {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as { documentElement: DomElement | null };
  return doc.documentElement ?? undefined;
}
