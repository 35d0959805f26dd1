/**
 * Partial dates as the event record carries them: "2022", "2022-05" or "2022-05-10".
 * Comparison works on the parts both dates give, as the gold guideline scores them.
 */

export type PartialDate = string;

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export interface DateParts {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** Parts of a partial date, or undefined when the text is not one. */
export function parseDate(text: string): DateParts | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isPartialDate(text: string): boolean {
  return parseDate(text) !== undefined;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  // Date.UTC reads years 0–99 as 1900–1999; kept for them so that nothing stored changes.
  if (year < 100) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatDate(parts: DateParts): PartialDate {
  const y = String(parts.year).padStart(4, '0');
  if (parts.month === undefined) return y;
  const m = `${y}-${String(parts.month).padStart(2, '0')}`;
  if (parts.day === undefined) return m;
  return `${m}-${String(parts.day).padStart(2, '0')}`;
}

/** The date cut to year ("year") or month ("month"). */
export function truncateDate(date: PartialDate, to: 'year' | 'month'): PartialDate {
  return to === 'year' ? date.slice(0, 4) : date.slice(0, 7);
}

/** True when the two dates agree on every part both give. */
export function datesAgree(a: PartialDate, b: PartialDate): boolean {
  const n = Math.min(a.length, b.length, 7);
  return a.slice(0, n) === b.slice(0, n);
}

// The store asks for the bounds of the same few thousand dates over and over.
const BOUNDS = new Map<string, { readonly first: string; readonly last: string }>();
const MAX_BOUNDS = 50_000;

/** First and last day a partial date may stand for, as "YYYY-MM-DD". */
export function dateBounds(date: PartialDate): { readonly first: string; readonly last: string } {
  const known = BOUNDS.get(date);
  if (known) return known;
  const p = parseDate(date);
  if (!p) throw new RangeError(`not a date: ${date}`);
  const month1 = p.month ?? 1;
  const month2 = p.month ?? 12;
  const first = formatDate({ year: p.year, month: month1, day: p.day ?? 1 });
  const last = formatDate({ year: p.year, month: month2, day: p.day ?? daysInMonth(p.year, month2) });
  const bounds = Object.freeze({ first, last });
  if (BOUNDS.size >= MAX_BOUNDS) BOUNDS.clear();
  BOUNDS.set(date, bounds);
  return bounds;
}

/** True when a moment (partial date) falls in [from, to]; open ends are unbounded. */
export function dateWithin(date: PartialDate, from?: PartialDate, to?: PartialDate): boolean {
  const { first, last } = dateBounds(date);
  if (from !== undefined && last < dateBounds(from).first) return false;
  if (to !== undefined && first > dateBounds(to).last) return false;
  return true;
}

/** Days from 1970-01-01 of the first day of a partial date (for ordering and distances). */
export function dayNumber(date: PartialDate): number {
  const p = parseDate(date);
  if (!p) throw new RangeError(`not a date: ${date}`);
  return Math.floor(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1) / 86_400_000);
}

/** The calendar date of a day number. */
export function dateOfDay(day: number): PartialDate {
  const d = new Date(day * 86_400_000);
  return formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}
