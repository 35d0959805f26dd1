/**
 * Date expressions resolved against the publication date: explicit dates
 * ("22 December 2022", "December 22", "11.05.2022", "in 2009"), months, weekdays
 * ("on Saturday") and relative expressions ("last month", "this week").
 */
import { CUE, type Tags } from '../lexicon/index.ts';
import {
  dateOfDay, dayNumber, daysInMonth, formatDate, parseDate, type PartialDate,
} from '../model/index.ts';
import type { Token } from '../text/index.ts';

export interface DateMention {
  /** Token range [start, end). */
  readonly start: number;
  readonly end: number;
  readonly date: PartialDate;
  /** How it was read, for `explain`. */
  readonly how: string;
}

function isYear(t: Token | undefined): number | undefined {
  if (!t || t.kind !== 'number' || !/^\d{4}$/.test(t.key)) return undefined;
  const y = Number(t.key);
  return y >= 1900 && y <= 2100 ? y : undefined;
}

function isDay(t: Token | undefined): number | undefined {
  if (!t || t.kind !== 'number' || !/^\d{1,2}$/.test(t.key)) return undefined;
  const d = Number(t.key);
  return d >= 1 && d <= 31 ? d : undefined;
}

/** The year a day and month without a year most likely fall in: not far after publication. */
function yearFor(month: number, published: PartialDate): number {
  const p = parseDate(published);
  if (!p) return new Date().getUTCFullYear();
  if (p.month !== undefined && month > p.month + 1) return p.year - 1;
  return p.year;
}

function dayFromPublished(published: PartialDate, offset: number): PartialDate {
  const p = parseDate(published);
  if (!p || p.day === undefined) return published.slice(0, 7);
  return dateOfDay(dayNumber(published) + offset);
}

function shiftMonth(published: PartialDate, offset: number): PartialDate {
  const p = parseDate(published);
  if (!p || p.month === undefined) return published.slice(0, 4);
  const total = p.year * 12 + (p.month - 1) + offset;
  return formatDate({ year: Math.floor(total / 12), month: (total % 12) + 1 });
}

/** Find the date expressions in tokens [from, to). */
export function findDates(tokens: readonly Token[], from: number, to: number, tags: Tags, published: PartialDate, capitalised = true): DateMention[] {
  const out: DateMention[] = [];
  const pub = parseDate(published);
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t) continue;
    // dd.mm.yyyy
    if (t.kind === 'number' && /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(t.key)) {
      const [d, m, y] = t.key.split('.').map(Number) as [number, number, number];
      if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
        out.push({ start: i, end: i + 1, date: formatDate({ year: y, month: m, day: d }), how: 'dd.mm.yyyy' });
        continue;
      }
    }
    // relative expressions
    const rel = tags.at(CUE.relativeDates, i, to);
    if (rel) {
      const { unit, offset } = rel.value;
      let date: PartialDate;
      if (unit === 'day') date = dayFromPublished(published, offset);
      else if (unit === 'week') {
        // A week is placed by its Monday, which may fall in the previous month.
        const p = parseDate(published);
        if (p?.day !== undefined) {
          const n = dayNumber(published);
          const weekday = (new Date(n * 86_400_000).getUTCDay() + 6) % 7;
          date = dateOfDay(n - weekday + 7 * offset).slice(0, 7);
        } else date = published.slice(0, 7);
      } else if (unit === 'month') date = shiftMonth(published, offset);
      else date = String((pub?.year ?? 0) + offset);
      out.push({ start: i, end: i + rel.length, date, how: `relative ${unit} ${offset}` });
      i += rel.length - 1;
      continue;
    }
    // weekday: the latest such day on or before publication
    const wd = tags.at(CUE.weekdays, i, to);
    if (wd && (t.cap || !capitalised)) {
      let date: PartialDate = published.slice(0, 7);
      if (pub?.day !== undefined) {
        const n = dayNumber(published);
        const today = new Date(n * 86_400_000).getUTCDay();
        const back = (today - wd.value + 7) % 7;
        date = dateOfDay(n - back);
      }
      out.push({ start: i, end: i + 1, date, how: 'weekday before publication' });
      continue;
    }
    // month-led: "December 22[, 2022]", "May 2022", "December"
    const mo = tags.at(CUE.months, i, to);
    if (mo && (t.cap || !capitalised)) {
      let j = i + mo.length;
      // "Dec. 22, 2022": the dot of an abbreviated month inside a sentence
      if (tokens[j]?.key === '.' && isDay(tokens[j + 1]) !== undefined) j++;
      const day = isDay(tokens[j]);
      if (day !== undefined && j < to) {
        const dayEnd = ++j;
        if (tokens[j]?.key === ',') j++;
        const y = isYear(tokens[j]);
        const year = y ?? yearFor(mo.value, published);
        const end = y !== undefined ? j + 1 : dayEnd;
        out.push({ start: i, end, date: formatDate({ year, month: mo.value, day: Math.min(day, daysInMonth(year, mo.value)) }), how: 'month day' });
        i = end - 1;
        continue;
      }
      const y = isYear(tokens[j]);
      if (y !== undefined) {
        out.push({ start: i, end: j + 1, date: formatDate({ year: y, month: mo.value }), how: 'month year' });
        i = j;
        continue;
      }
      // A bare month name needs a preposition before it or a case suffix after it ("in January",
      // "Ocak'ta"), an inflection of its own ("қаңтарда") or a word for "month" after it ("Kasım
      // ayında"): a capitalised "May" alone is a modal, "Kasım" alone a name.
      const prev = tokens[i - 1];
      const marked = (prev !== undefined && tags.has(CUE.prepositions, i - 1)) || tokens[i + mo.length]?.kind === 'suffix' || t.key !== t.stem
        || tags.has(CUE.monthWords, i + mo.length, to);
      if (marked || !capitalised) {
        out.push({ start: i, end: i + mo.length, date: formatDate({ year: yearFor(mo.value, published), month: mo.value }), how: 'month' });
      }
      continue;
    }
    // day-led: "22 December [2022]"; a range "16-17 May" starts on its first day
    const day = isDay(t);
    if (day !== undefined && tokens[i + 1]?.key === '-' && isDay(tokens[i + 2]) !== undefined && tags.has(CUE.months, i + 3, to)) {
      i += 2;
    }
    if (day !== undefined) {
      const m2 = tags.at(CUE.months, i + 1, to);
      if (m2) {
        const j = i + 1 + m2.length;
        const y = isYear(tokens[j]);
        const year = y ?? yearFor(m2.value, published);
        out.push({ start: i, end: y !== undefined ? j + 1 : j, date: formatDate({ year, month: m2.value, day: Math.min(day, daysInMonth(year, m2.value)) }), how: 'day month' });
        i = (y !== undefined ? j + 1 : j) - 1;
        continue;
      }
    }
    // year-led, as Kazakh writes dates: "2015 жылғы 21 желтоқсанда", "2022 жылдың мамырында"
    const y = isYear(t);
    if (y !== undefined) {
      let j = i + 1;
      const word = tags.at(CUE.yearWords, j, to);
      if (word) j += word.length;
      const d = isDay(tokens[j]);
      const m3 = tags.at(CUE.months, d !== undefined ? j + 1 : j, to);
      if (word && m3) {
        const end = (d !== undefined ? j + 1 : j) + m3.length;
        out.push({ start: i, end, date: formatDate({ year: y, month: m3.value, ...(d !== undefined ? { day: Math.min(d, daysInMonth(y, m3.value)) } : {}) }), how: 'year-led' });
        i = end - 1;
        continue;
      }
    }
    // a bare year, not an amount ("2009", not "2009 tonnes")
    if (y !== undefined) {
      const next = tokens[i + 1];
      if (next && (tags.has(CUE.scales, i + 1) || tags.has(CUE.units, i + 1) || tags.has(CUE.currencies, i + 1))) continue;
      const prev = tokens[i - 1];
      if (prev && tags.has(CUE.currencies, i - 1)) continue;
      // "Allied Resolve-2022", "Zapad-2021", "EXPO-2017": a year joined to a name is part of the name
      const word = tokens[i - 2];
      const self = tokens[i];
      if (prev?.key === '-' && word?.kind === 'word' && self && word.end === prev.start && prev.end === self.start && word.text !== word.text.toLowerCase()) continue;
      out.push({ start: i, end: i + 1, date: String(y), how: 'year' });
    }
  }
  return out;
}
