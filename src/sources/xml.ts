/** XML documents (feeds) on the same DOM as pages. */
import { DOMParser } from 'linkedom';
import { MAX_PARSE_DEPTH, type DomElement } from './dom.ts';
import { boundNesting } from './nesting.ts';

/**
 * The root element of an XML document, or undefined when there is none. The parser is lenient
 * (real feeds are often not well-formed) and expands no DTD entities, so a hostile feed cannot
 * blow up memory the "billion laughs" way. Its cost grows with the square of the nesting depth
 * (as with pages, nesting.ts), so elements nested past the bound are flattened first, their
 * text kept: a feed's items sit a few levels deep, far within it.
 */
export function parseXml(xml: string): DomElement | undefined {
  const bounded = boundNesting(xml, MAX_PARSE_DEPTH, { xml: true }).html;
  const doc = new DOMParser().parseFromString(bounded, 'text/xml') as unknown as { documentElement: DomElement | null };
  return doc.documentElement ?? undefined;
}
