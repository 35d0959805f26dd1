/**
 * The publication date an article is coded as of. Sources that carry metadata (pages, feeds)
 * give it; plain text files seldom do, but their names and first lines often carry a date.
 * Dates written in words ("22 декабря 2022 г.") need each language's month names and date
 * grammar: the archive stage reads those (archive/published.ts); this file reads what needs none.
 */
import { isPartialDate, type PartialDate } from '../model/index.ts';
import type { SourceArticle } from './article.ts';

/** "2022-05-11" or "2022-05" in a file name, not glued to other digits. */
const NAME_DATE = /(?:^|[^\d])((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?(?!\d)/;
/** A full ISO date written in the text. */
const ISO_DATE = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/;
/** A full dotted date, day first as all four languages write it with dots ("11.05.2022"). */
const DOTTED_DATE = /\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b/;
/** A full slashed date: day or month first, read only when one of the two cannot be a month. */
const SLASHED_DATE = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})\b/g;

/** A date found in an article's text, and where it starts. */
export interface DateInText {
  readonly date: PartialDate;
  readonly index: number;
}

/** The date the source itself gives: its metadata, else its file name or the last part of its address. */
export function givenDate(a: Pick<SourceArticle, 'published' | 'address'>): PartialDate | undefined {
  if (a.published) return a.published;
  const name = NAME_DATE.exec(a.address.split(/[\\/]/).pop() ?? '');
  if (name) return name[3] ? `${name[1]}-${name[2]}-${name[3]}` : `${name[1]}-${name[2]}`;
  return undefined;
}

function fullDate(year: string, month: string, day: string): PartialDate | undefined {
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isPartialDate(date) ? date : undefined;
}

/**
 * The first full date written in digits in `text`: an ISO date, else a dotted one (day first),
 * else a slashed one whose order is unambiguous ("22/12/2022", "12/22/2022"; not "05/11/2022").
 */
export function numericDate(text: string): DateInText | undefined {
  const iso = ISO_DATE.exec(text);
  const isoDate = iso && fullDate(iso[1] ?? '', iso[2] ?? '', iso[3] ?? '');
  if (iso && isoDate) return { date: isoDate, index: iso.index };
  const dotted = DOTTED_DATE.exec(text);
  const dottedDate = dotted && fullDate(dotted[3] ?? '', dotted[2] ?? '', dotted[1] ?? '');
  if (dotted && dottedDate) return { date: dottedDate, index: dotted.index };
  for (const m of text.matchAll(SLASHED_DATE)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if ((a > 12) === (b > 12)) continue;
    const date = a > 12 ? fullDate(m[3] ?? '', m[2] ?? '', m[1] ?? '') : fullDate(m[3] ?? '', m[1] ?? '', m[2] ?? '');
    if (date) return { date, index: m.index };
  }
  return undefined;
}

/**
 * The publication date of an article as far as it can be told without its language: its
 * metadata, a date in its file name or the last part of its address ("2022-05-11-visit.txt"),
 * the first full date written in digits in its text ("11.05.2022"), else `fallback`.
 */
export function publishedOf(a: Pick<SourceArticle, 'published' | 'address' | 'text'>, fallback: PartialDate): PartialDate {
  return givenDate(a) ?? numericDate(a.text)?.date ?? fallback;
}
