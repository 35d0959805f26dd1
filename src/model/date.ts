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

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

/** First and last day a partial date may stand for, as "YYYY-MM-DD". */
export function dateBounds(date: PartialDate): { readonly first: string; readonly last: string } {
  const p = parseDate(date);
  if (!p) throw new RangeError(`not a date: ${date}`);
  const month1 = p.month ?? 1;
  const month2 = p.month ?? 12;
  const first = formatDate({ year: p.year, month: month1, day: p.day ?? 1 });
  const last = formatDate({ year: p.year, month: month2, day: p.day ?? daysInMonth(p.year, month2) });
  return { first, last };
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
