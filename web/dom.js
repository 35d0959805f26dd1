// @ts-check
/**
 * Building the page: elements whose text is only ever inserted as text nodes (no markup from an
 * article is parsed), SVG elements, and the few ways the dashboard writes a number so that small
 * numbers look small: a count beside every share, n beside every index, "—" for no data.
 */

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Create an element; strings among the children become text nodes (never parsed as markup).
 * @param {string} tag
 * @param {Record<string, string | number | boolean | ((e: Event) => void) | undefined>} [attrs]
 * @param {...(Node | string | number | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    // Through the CSSOM: the Content-Security-Policy refuses style attributes in markup.
    else if (k === 'style') el.style.cssText = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
  return el;
}

/**
 * @param {string} tag
 * @param {Record<string, string | number>} [attrs]
 * @param {...(Node | string)} children
 * @returns {SVGElement}
 */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'style') el.style.cssText = String(v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children) el.append(c);
  return el;
}

/** @param {number} n */
export const fmt = (n) => n.toLocaleString('en');

/**
 * A figure to two significant digits: no more precision than a handful of events holds.
 * @param {number} x
 */
export function sig(x) {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(2)));
}

/**
 * A share with its count: "40% (4 of 10)"; with nothing to share, "—".
 * @param {number} part @param {number} whole
 */
export function share(part, whole) {
  if (whole === 0) return '—';
  return `${Math.round((100 * part) / whole)}% (${fmt(part)} of ${fmt(whole)})`;
}

/**
 * A mean PLOVER score with its n, or "—" when there is no event to average.
 * @param {{ mean: number | null }} score @param {number} n
 */
export function meanScore(score, n) {
  return score.mean === null || n === 0 ? '—' : `${score.mean > 0 ? '+' : ''}${sig(score.mean)} (n=${fmt(n)})`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A period as people write it: "May 2022", or "2022" for a year.
 * @param {string} period "YYYY-MM" or "YYYY"
 */
export function periodName(period) {
  const [y, m] = period.split('-');
  return m ? `${MONTHS[Number(m) - 1]} ${y}` : `${y}`;
}
