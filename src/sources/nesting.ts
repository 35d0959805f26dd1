/**
 * Markup nested past a bound, flattened before it is parsed. htmlparser2 (linkedom's parser)
 * keeps the open elements in an array it shifts at the front, so a parse costs time in the
 * square of the nesting depth: 40,000 nested divs take seconds, the 5 MB a fetch allows hours.
 * One pass of htmlparser2's own tokenizer follows the open elements as its parser would (void
 * elements, end tags implied by a start tag, end tags without a start); elements opened past the
 * bound lose their tags but keep their text: a block's tags become a paragraph break (two <br>),
 * a table cell's a space, any other element's nothing. An XML document (a feed) is read by XML's
 * rules instead: no void elements and no implied end tags, every "<x/>" closed, and a flattened
 * block's break written "<br/><br/>" (an open <br> would nest what follows it).
 */
import { Tokenizer } from 'htmlparser2';
import { BLOCK_TAGS, CELL_TAGS } from './tags.ts';

/** The markup to parse, how deep the original nests, and whether it was flattened. */
export interface BoundedMarkup {
  readonly html: string;
  readonly depth: number;
  readonly flattened: boolean;
}

/** Elements without content or end tag. */
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Inside these (SVG, MathML) "<x/>" closes the element, as in XML. */
const FOREIGN = new Set(['svg', 'math']);

/** Open elements a start tag closes first, as htmlparser2's parser has them (which follows HTML's rules). */
const CLOSED_BY: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const p = new Set(['p']);
  const form = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
  const map = new Map<string, ReadonlySet<string>>([
    ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
    ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])], ['option', new Set(['option'])],
    ['optgroup', new Set(['optgroup', 'option'])], ['dd', new Set(['dd', 'dt'])], ['dt', new Set(['dd', 'dt'])],
    ['rt', new Set(['rt', 'rp'])], ['rp', new Set(['rt', 'rp'])], ['tbody', new Set(['thead', 'tbody'])], ['tfoot', new Set(['thead', 'tbody'])],
  ]);
  for (const tag of ['select', 'input', 'output', 'button', 'datalist', 'textarea']) map.set(tag, form);
  for (const tag of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset',
    'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']) map.set(tag, p);
  return map;
})();

/** What an element's tags become when it is flattened. */
function stands(tag: string): string {
  return BLOCK_TAGS.has(tag) ? BREAK : CELL_TAGS.has(tag) ? ' ' : '';
}

const BREAK = '<br><br>';
const XML_BREAK = '<br/><br/>';
const NONE: ReadonlySet<string> = new Set();
const NOTHING_CLOSED: ReadonlyMap<string, ReadonlySet<string>> = new Map();

interface Open {
  readonly tag: string;
  /** Within the bound: its tags are kept. */
  readonly kept: boolean;
}

/**
 * `html` (or an XML document, with `xml`) with the elements opened deeper than `maxDepth`
 * flattened; unchanged when it nests no deeper.
 */
export function boundNesting(html: string, maxDepth: number, { xml = false }: { readonly xml?: boolean } = {}): BoundedMarkup {
  const voids = xml ? NONE : VOID;
  const closedBy = xml ? NOTHING_CLOSED : CLOSED_BY;
  const breakTags = xml ? XML_BREAK : BREAK;
  const flat = (tag: string): string => (stands(tag) === BREAK ? breakTags : stands(tag));
  const stack: Open[] = [];
  const openCount = new Map<string, number>();
  // Pieces of the output: [start, end, replacement] spans of the input, in order.
  const edits: [number, number, string][] = [];
  // Tags flattened one after another (twenty thousand <div> in a row) become one break, not
  // twenty thousand: the parse that follows then has nothing left of them to read.
  const edit = (start: number, end: number, replacement: string): void => {
    const last = edits[edits.length - 1];
    if (last && html.slice(last[1], start).trim() === '') {
      last[1] = end;
      if (replacement === breakTags || last[2] === '') last[2] = replacement;
    } else {
      edits.push([start, end, replacement]);
    }
  };
  let depth = 0;
  let kept = 0;
  let foreign = 0;
  let tag = '';
  let tagStart = 0;

  const pop = (): Open | undefined => {
    const top = stack.pop();
    if (!top) return undefined;
    openCount.set(top.tag, (openCount.get(top.tag) ?? 1) - 1);
    if (top.kept) kept--;
    if (FOREIGN.has(top.tag)) foreign--;
    return top;
  };
  const open = (end: number, selfClosing: boolean): void => {
    if (voids.has(tag) || (selfClosing && (xml || foreign > 0))) return;
    const within = kept < maxDepth;
    stack.push({ tag, kept: within });
    openCount.set(tag, (openCount.get(tag) ?? 0) + 1);
    if (within) kept++;
    else edit(tagStart, end + 1, flat(tag));
    if (FOREIGN.has(tag)) foreign++;
    depth = Math.max(depth, stack.length);
  };

  const tokenizer = new Tokenizer({ decodeEntities: false, xmlMode: xml }, {
    onopentagname(start, end) {
      tag = html.slice(start, end).toLowerCase();
      tagStart = start - 1;
      const closes = closedBy.get(tag);
      while (closes && stack.length > 0 && closes.has(stack[stack.length - 1]?.tag ?? '')) pop();
    },
    onopentagend(end) {
      open(end, false);
    },
    onselfclosingtag(end) {
      open(end, true);
    },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      if ((openCount.get(name) ?? 0) === 0) return;
      const close = html.indexOf('>', end);
      for (let top = pop(); top !== undefined; top = pop()) {
        if (top.tag !== name) continue;
        if (!top.kept) edit(start - 2, close < 0 ? html.length : close + 1, flat(name));
        break;
      }
    },
    onattribdata() {}, onattribentity() {}, onattribend() {}, onattribname() {}, oncdata() {}, oncomment() {},
    ondeclaration() {}, onend() {}, onprocessinginstruction() {}, ontext() {}, ontextentity() {},
  });
  tokenizer.write(html);
  tokenizer.end();
  if (edits.length === 0) return { html, depth, flattened: false };
  const parts: string[] = [];
  let from = 0;
  for (const [start, end, replacement] of edits) {
    parts.push(html.slice(from, start), replacement);
    from = end;
  }
  parts.push(html.slice(from));
  return { html: parts.join(''), depth, flattened: true };
}
