/**
 * The dates stage: an event's date is the nearest date expression in its trigger's clause, else in
 * a short sentence, else the publication month. A deadline ("by 2030") is no event's date.
 */
import { CUE } from '../lexicon/index.ts';
import type { DateMention } from '../actors/index.ts';
import type { PartialDate } from '../model/index.ts';
import type { CodingContext } from './context.ts';
import { clauseBounds, type SentenceView } from './sentence.ts';

/** The nearest usable date expression to token `at`, if the sentence gives one. */
export function dateNear(view: SentenceView, at: number): PartialDate | undefined {
  return mentionNear(view, at)?.date;
}

function mentionNear(view: SentenceView, at: number, modifierEndings: readonly string[] = []): DateMention | undefined {
  const tags = view.tags;
  const usable = view.dates.filter((d) => !tags.has(CUE.deadlineWords, d.start - 1) && !tags.has(CUE.deadlineWords, d.end) && !datesModifier(view, d, at, modifierEndings));
  const clause = clauseBounds(view, at);
  const inClause = usable.filter((d) => d.start >= clause.start && d.start < clause.end);
  // Outside its own clause a date is trusted only in a short sentence of one or two clauses.
  const pool = inClause.length > 0 ? inClause : view.clauseStarts.length <= 2 ? usable : [];
  const near = [...pool].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
  return near[0];
}

/** How far after a modifier participle the noun it modifies may stand: the event there is the one the date is of. */
const MODIFIED_REACH = 2;

/**
 * "23 Ocak'ta düzenlenen gösterilere katılan diplomatları sınır dışı etti": a date right before a
 * participle that makes a modifier (written in lowercase) dates the noun after it, not an event
 * triggered elsewhere in the sentence.
 */
function datesModifier(view: SentenceView, d: DateMention, at: number, endings: readonly string[]): boolean {
  if (endings.length === 0) return false;
  // past its case suffix and a place named with it ("12 Mart'ta Vilnius'ta düzenlenen")
  let k = d.end;
  for (;;) {
    const place = view.actors.find((m) => m.start === k && m.kind !== 'pronoun');
    if (view.tokens[k]?.kind === 'suffix') k++;
    else if (place) k = place.end;
    else break;
  }
  const t = view.tokens[k];
  if (!t || t.kind !== 'word' || t.text !== t.text.toLowerCase() || !endings.some((e) => t.key.endsWith(e))) return false;
  return at < d.start || at > k + MODIFIED_REACH;
}

/**
 * The date of an event triggered at token `at`, and whether it lies before the publication month.
 * Of a plan (`future`), a month written without its year lies ahead: "will visit in May" in March
 * is this May, not last year's.
 */
export function eventDate(view: SentenceView, at: number, ctx: CodingContext, future = false): { date: PartialDate; past: boolean } {
  const near = mentionNear(view, at, ctx.lex.modifierEndings);
  const date = near === undefined ? ctx.pubMonth : future && near.yearBack ? nextYear(near.date) : near.date;
  const published = ctx.input.published;
  const past = date.slice(0, 4) < published.slice(0, 4) || (date.length >= 7 && date.slice(0, 7) < ctx.pubMonth);
  return { date, past };
}

/** The same day or month a year later. */
function nextYear(date: PartialDate): PartialDate {
  const next = `${String(Number(date.slice(0, 4)) + 1)}${date.slice(4)}`;
  // 29 February of a leap year has no day the year after
  return next.endsWith('-02-29') ? `${next.slice(0, 8)}28` : next;
}
