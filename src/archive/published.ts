/**
 * The publication date an article is coded as of, found where a reader would look: the source's
 * metadata and address, then a dateline or byline ("TASHKENT, 22 December 2022 —", "Астана,
 * 22 декабря 2022 г.", "22 Aralık 2022", "2022 жылғы 22 желтоқсан", "December 22, 2022",
 * "22.12.2022"), read with the language's own month names and date grammar (its lexicon file),
 * then a full date in digits anywhere in the text. When there is none, the article is undated.
 */
import { findDates } from '../actors/index.ts';
import type { Lexicon } from '../lexicon/index.ts';
import type { PartialDate } from '../model/index.ts';
import { givenDate, numericDate, type DateInText, type SourceArticle } from '../sources/index.ts';
import { analyze, type Doc } from '../text/index.ts';

/** Lines at the top a dateline or byline stands on: a title, a byline, a dateline, the lede. */
const HEAD_LINES = 4;
/** A dateline or byline opens its line: only this much of each line is read. */
const LINE_REACH = 300;
/** A last line this short ("Опубликовано 22.12.2022") is a byline or a signature. */
const TAIL_LINE = 120;
/** Any day will do: a date in a dateline is taken only when it spells its year out. */
const NO_REFERENCE = '2000-01-01';

/** The lines a dateline or byline may stand on, first to last. */
function datelineLines(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const head = lines.slice(0, HEAD_LINES).map((l) => l.slice(0, LINE_REACH));
  const last = lines[lines.length - 1];
  return last !== undefined && lines.length > HEAD_LINES && last.length <= TAIL_LINE ? [...head, last] : head;
}

/** Full dates (day, month and a written year) in one line, as the language writes them in words or digits. */
function wordDates(doc: Doc, lex: Lexicon): DateInText[] {
  const out: DateInText[] = [];
  for (const s of doc.sentences) {
    const tags = lex.matcher.tag(doc.tokens, s.first, s.last);
    for (const d of findDates(doc.tokens, s.first, s.last, tags, NO_REFERENCE, lex.datesCapitalised)) {
      const spelled = doc.tokens.slice(d.start, d.end).some((t) => t.key.includes(d.date.slice(0, 4)));
      if (d.date.length === 10 && spelled) out.push({ date: d.date, index: doc.tokens[d.start]?.start ?? 0 });
    }
  }
  return out;
}

/** The first full date in a line, in words or in digits. */
function dateInLine(line: string, lex: Lexicon): PartialDate | undefined {
  const found = [...wordDates(analyze(line, lex.profile), lex), ...[numericDate(line)].filter((d) => d !== undefined)];
  return found.sort((a, b) => a.index - b.index)[0]?.date;
}

/** The date written in an article's dateline or byline, in its language. */
export function datelineDate(text: string, lex: Lexicon): PartialDate | undefined {
  for (const line of datelineLines(text)) {
    const date = dateInLine(line, lex);
    if (date !== undefined) return date;
  }
  return undefined;
}

/**
 * The publication date of an article: its metadata, a date in its address, its dateline or
 * byline, a full date in digits anywhere in its text; undefined when none of them gives one.
 */
export function publicationDate(a: Pick<SourceArticle, 'published' | 'address' | 'text'>, lex: Lexicon): PartialDate | undefined {
  return givenDate(a) ?? datelineDate(a.text, lex) ?? numericDate(a.text)?.date;
}

/** The warning an undated article is stored with, naming the date it was given instead. */
export function undatedMessage(address: string, today: PartialDate): string {
  return `${address}: no publication date in its metadata, address or text; dated ${today}, the day it was read `
    + '(give --published DATE, or write the date in its dateline)';
}
