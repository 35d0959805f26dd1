/** Classes of HTML elements that the readers of pages treat alike. */

/** Elements that end a paragraph: text either side of them is not one paragraph. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead',
  'tr', 'ul',
]);

/** Table cells are joined on one line with a space between them: a table row is one paragraph. */
export const CELL_TAGS: ReadonlySet<string> = new Set(['td', 'th']);
