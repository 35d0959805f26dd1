/**
 * The dates stage: an event's date is the date expression of its own clause; else one that opens
 * the sentence ("On 21 November, it emerged that ..."); else, in a short sentence, one of its other
 * clause; else the report's date (a dateline's day, or the publication month). A date that bounds a
 * span ("by 2030", "since 2019", "2019'dan bu yana") dates no event, and a date inside a relative
 * clause ("who had visited Astana in 2019") dates only what that clause tells. A date given without
 * its year or week ("on Friday", "in March") is read ahead in a clause about the future.
 */
import { CUE } from '../lexicon/index.ts';
import type { DateMention } from '../actors/index.ts';
import type { PartialDate } from '../model/index.ts';
import type { CodingContext } from './context.ts';
import { clauseAt, clauseBounds, type SentenceView } from './sentence.ts';
import type { Trigger } from './triggers.ts';

/** How a date is chosen for a token. */
export interface DateQuery {
  /** The clause speaks of the future: a date without its year or week is the next one. */
  readonly ahead?: boolean;
  /** The side of the token its own date is looked for first: before it, or after it. */
  readonly side?: 'before' | 'after';
  /** Endings of a participle that modifies the noun after it (Turkish -ilen, -lenen): see `datesModifier`. */
  readonly modifierEndings?: readonly string[];
}

/** The first token after a date that is not its case ending or a year word ("2019'dan", "2019 жылдан"). */
function after(view: SentenceView, d: DateMention): number {
  let k = d.end;
  const last = view.sentence.last;
  while (k < last && (view.tokens[k]?.kind === 'suffix' || view.tags.has(CUE.yearWords, k, last))) k++;
  return k;
}

/** A deadline ("by 2030") or the start of a span ("since 2019"): the bound of a span, no event's date. */
function bound(view: SentenceView, d: DateMention): boolean {
  const { tags } = view;
  const next = after(view, d);
  return tags.has(CUE.deadlineWords, d.start - 1) || tags.has(CUE.deadlineWords, d.end)
    || tags.has(CUE.sinceWords, d.start - 1) || tags.has(CUE.sinceWords, next);
}

/** Only the date, its prepositions and punctuation in the clause from `start` to `end`. */
function dateAlone(view: SentenceView, d: DateMention, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    if (k >= d.start && k < d.end) continue;
    const t = view.tokens[k];
    if (t && t.kind !== 'punct' && t.kind !== 'suffix' && !view.tags.has(CUE.prepositions, k)) return false;
  }
  return true;
}

/** The clause a date belongs to: its own, or the next when it is a clause of the date alone. */
function clauseOfDate(view: SentenceView, d: DateMention): number {
  const c = clauseAt(view, d.start);
  const start = view.clauseStarts[c] ?? view.sentence.first;
  const end = view.clauseStarts[c + 1];
  return end !== undefined && dateAlone(view, d, start, end) ? c + 1 : c;
}

/** "On Tuesday, ...", "В четверг Токаев ...", "10 Mayıs'ta ...": a date that opens the sentence. */
function opensSentence(view: SentenceView, d: DateMention): boolean {
  for (let k = view.sentence.first; k < d.start; k++) if (!view.tags.has(CUE.prepositions, k)) return false;
  return true;
}

/** A date in a clause a relative pronoun opens ("who had visited Astana in 2019"). */
function inRelativeClause(view: SentenceView, d: DateMention): boolean {
  return view.tags.has(CUE.relativePronouns, view.clauseStarts[clauseAt(view, d.start)] ?? view.sentence.first);
}

/**
 * The stretch of the clause around token `at` that no comma or conjunction breaks: one verb and
 * its phrases in a chain ("signed a treaty in 2010 and visited Georgia in 2015", "в 2010 году
 * подписала договор, а в 2015 году посетила Грузию").
 */
function segmentAround(view: SentenceView, at: number, clause: { start: number; end: number }): { start: number; end: number } {
  let start = at;
  while (start > clause.start && !breaksAt(view, start - 1, clause.end)) start--;
  let end = at + 1;
  while (end < clause.end && !breaksAt(view, end, clause.end)) end++;
  return { start, end };
}

/** A comma or a conjunction at token k breaks a chain of phrases. */
function breaksAt(view: SentenceView, k: number, clauseEnd: number): boolean {
  return view.tokens[k]?.key === ',' || view.tags.has(CUE.conjunctions, k, clauseEnd);
}

/** The dates among `dates` on the preferred side of `at`, when there are any; else all of them. */
function onSide(dates: readonly DateMention[], at: number, side: DateQuery['side']): readonly DateMention[] {
  const preferred = side === 'before' ? dates.filter((d) => d.end <= at) : side === 'after' ? dates.filter((d) => d.start > at) : [];
  return preferred.length > 0 ? preferred : dates;
}

/** How far an apposition between commas may run ("Mirziyoyev, the winner of the 2021 election,"). */
const APPOSITION_REACH = 12;

/**
 * A date in a phrase set off by a comma after a name, up to the next comma or the sentence's end,
 * with no conjunction in it: an apposition or a participle phrase that describes the name
 * ("Mirziyoyev, the winner of the 2021 election,", "Мирзиёевым, избранным президентом в 2016
 * году."). It dates nothing outside the phrase.
 */
function inApposition(view: SentenceView, d: DateMention): boolean {
  const { first, last } = view.sentence;
  let open = d.start - 1;
  while (open >= first && view.tokens[open]?.key !== ',') open--;
  if (open < first || !view.actors.some((m) => m.end === open && !m.attributive)) return false;
  let close = d.end;
  while (close < last && view.tokens[close]?.key !== ',') close++;
  if (close - open > APPOSITION_REACH) return false;
  for (let k = open + 1; k < close; k++) if (view.tags.has(CUE.conjunctions, k, close)) return false;
  return true;
}

/** How far after a modifier participle the noun it modifies may stand: the event there is the one the date is of. */
const MODIFIED_REACH = 2;

/**
 * "23 Ocak'ta düzenlenen gösterilere katılan diplomatları sınır dışı etti": a date right before a
 * participle that makes a modifier (written in lowercase), or with a modifier's ending of its own
 * ("23 Ocak'taki gösteriler"), dates the noun after it, not an event triggered elsewhere in the sentence.
 */
function datesModifier(view: SentenceView, d: DateMention, at: number, endings: readonly string[]): boolean {
  if (endings.length === 0) return false;
  // past its case suffix and a place named with it ("12 Mart'ta Vilnius'ta düzenlenen")
  let k = d.end;
  for (;;) {
    const place = view.actors.find((m) => m.start === k && m.kind !== 'pronoun');
    // "23 Ocak'taki gösterilere": a date written as a modifier itself dates the noun after it
    if (view.tokens[k]?.kind === 'suffix' && k === d.end && endings.some((e) => view.tokens[k]?.key.endsWith(e))) return at < d.start || at > k + MODIFIED_REACH;
    if (view.tokens[k]?.kind === 'suffix') k++;
    else if (place) k = place.end;
    else break;
  }
  const t = view.tokens[k];
  if (!t || t.kind !== 'word' || t.text !== t.text.toLowerCase() || !endings.some((e) => t.key.endsWith(e))) return false;
  return at < d.start || at > k + MODIFIED_REACH;
}

/**
 * "on the eve of this year's summit", "2022's elections": a date that owns the noun after it dates
 * that noun, not an event triggered elsewhere in the sentence.
 */
function ownsNoun(view: SentenceView, d: DateMention, at: number): boolean {
  if (!view.tags.has(CUE.possessive, d.end, d.end + 1)) return false;
  return at < d.start || at > d.end + 1 + MODIFIED_REACH;
}

/** The nearest date to token `at` that dates what happens there, if the sentence gives one. */
export function dateNear(view: SentenceView, at: number, query: DateQuery = {}): PartialDate | undefined {
  const unbound = view.dates.filter((d) => !bound(view, d) && !datesModifier(view, d, at, query.modifierEndings ?? []) && !ownsNoun(view, d, at));
  const segment = segmentAround(view, at, clauseBounds(view, at));
  const inSegment = unbound.filter((d) => d.start >= segment.start && d.end <= segment.end);
  // beyond its own stretch, an event is not dated by an apposition's date
  const usable = unbound.filter((d) => !inApposition(view, d));
  const clause = clauseAt(view, at);
  const inClause = usable.filter((d) => clauseOfDate(view, d) === clause);
  // Outside its own clause a date is trusted when it opens the sentence, or in a short sentence of
  // one or two clauses, but never from a relative clause of its own.
  const opening = usable.filter((d) => opensSentence(view, d));
  const pool = inSegment.length > 0 ? onSide(inSegment, at, query.side)
    : inClause.length > 0 ? onSide(inClause, at, query.side)
      : opening.length > 0 ? opening
        : view.clauseStarts.length <= 2 ? usable.filter((d) => !inRelativeClause(view, d)) : [];
  const near = [...pool].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
  if (!near) return undefined;
  // Only the clause's own tense says which way its date points: "On 21 November it emerged that
  // they planned to sign" dates the plan on the day it emerged.
  return query.ahead && (inSegment.includes(near) || inClause.includes(near)) ? near.ahead ?? near.date : near.date;
}

/**
 * The day a headline's news happened: a headline (a first line of its own) tells what its lead
 * tells, so an event it names undated takes the first day the lead paragraph gives, in the
 * report's month ("Aliyev Phones Erdogan" ... "On February 6, Aliyev phoned").
 */
export function headlineDate(views: readonly SentenceView[], reportDate: PartialDate): PartialDate | undefined {
  const [title, lead] = views;
  if (!title || !lead || title.sentence.paragraph === lead.sentence.paragraph) return undefined;
  for (const v of views) {
    if (v.sentence.paragraph !== lead.sentence.paragraph) continue;
    const day = v.dates.find((d) => !bound(v, d) && !inRelativeClause(v, d) && d.date.length === 10);
    if (day) return day.date.startsWith(reportDate.slice(0, 7)) ? day.date : undefined;
  }
  return undefined;
}


/** The date of an event triggered by `trig`, and whether it lies before the publication month. */
export function eventDate(view: SentenceView, trig: Trigger, ctx: CodingContext, future: boolean): { date: PartialDate; past: boolean } {
  // A verb-final clause puts its date before its verb (and a noun's modifiers come before it too);
  // elsewhere a verb's date follows it ("signed a treaty in 2010 and visited Georgia in 2015").
  const side = ctx.lex.wordOrder === 'sov' ? 'before' : trig.pos === 'verb' ? 'after' : undefined;
  const undated = view.sentence.index === 0 ? ctx.headlineDate ?? ctx.reportDate : ctx.reportDate;
  const date = dateNear(view, trig.start, { ahead: future, modifierEndings: ctx.lex.modifierEndings, ...(side ? { side } : {}) }) ?? undated;
  const published = ctx.input.published;
  const past = date.slice(0, 4) < published.slice(0, 4) || (date.length >= 7 && date.slice(0, 7) < ctx.pubMonth);
  return { date, past };
}

