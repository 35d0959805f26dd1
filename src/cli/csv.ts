/**
 * CSV as spreadsheets read it (RFC 4180): a UTF-8 byte-order mark so that Excel reads Turkish,
 * Russian and Kazakh letters as UTF-8 and not as the machine's legacy code page, records ended
 * by CRLF, and a cell quoted when it holds the delimiter, a quote or a line break.
 */

/** The delimiters `--delimiter` offers: a comma, or a semicolon for Excel in locales that write 0,5. */
export const DELIMITERS = [',', ';', 'tab'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvStyle {
  readonly delimiter: Delimiter;
  /** Start the file with a UTF-8 byte-order mark. */
  readonly bom: boolean;
}

export const BOM = '\uFEFF';

/** A number as written, or text a spreadsheet would read as a formula ("=HYPERLINK(...)", "+7", "@x"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/**
 * One cell. Lists are joined by spaces. Text that a spreadsheet would run as a formula (an
 * article's sentence may begin with "=" or "@") gets a leading apostrophe, as OWASP advises;
 * numbers, negative ones included, are left as they are.
 */
export function csvField(value: unknown, delimiter: Delimiter = ','): string {
  const sep = delimiter === 'tab' ? '\t' : delimiter;
  let s = Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record: its cells and the CRLF that ends it. */
export function csvRecord(values: readonly unknown[], style: CsvStyle): string {
  return `${values.map((v) => csvField(v, style.delimiter)).join(style.delimiter === 'tab' ? '\t' : style.delimiter)}\r\n`;
}
