/**
 * Publication dates as sources write them (ISO 8601, RFC 822 in RSS, "11.05.2022" in Russian and
 * Turkish pages) to the partial dates the record carries. The date is taken as written, in the
 * publisher's own time zone: converting "2022-05-11T23:30+03:00" to UTC would move it a day.
 */
import { isPartialDate } from '../model/index.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

const FORMATS: readonly { re: RegExp; y: number; m: number; d: number; words?: boolean }[] = [
  { re: /^(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d])/, y: 1, m: 2, d: 3 },
  { re: /^(\d{4})(\d{2})(\d{2})(?:T|$)/, y: 1, m: 2, d: 3 },
  { re: /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/, y: 1, m: 2, d: 3 },
  { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/, y: 3, m: 2, d: 1 },
  { re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4}|\\d{2})\\b`, 'i'), y: 3, m: 2, d: 1, words: true },
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i'), y: 3, m: 1, d: 2, words: true },
];

/** A source's date text as YYYY-MM-DD (or YYYY-MM), or undefined when it is no date we trust. */
export function normalizeDate(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  for (const f of FORMATS) {
    const m = f.re.exec(text);
    if (!m) continue;
    const yearText = m[f.y] ?? '';
    let year = Number(yearText);
    if (yearText.length === 2) year += year >= 70 ? 1900 : 2000; // RFC 822 allows two-digit years
    const monthText = m[f.m] ?? '';
    const month = f.words ? MONTHS.indexOf(monthText.slice(0, 3).toLowerCase()) + 1 : Number(monthText);
    const dayText = m[f.d];
    const date = `${year}-${pad(month)}${dayText === undefined ? '' : `-${pad(Number(dayText))}`}`;
    // Years outside this range are placeholders ("0001-01-01") or typos, not publication dates.
    if (year >= 1900 && year <= 2100 && isPartialDate(date)) return date;
    return undefined;
  }
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
