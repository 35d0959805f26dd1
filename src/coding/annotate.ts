/**
 * The first stage: the article read into sentences, each with its cue tags (one matcher pass),
 * clauses, actor mentions, dates and amounts. Offices resolve on the sentence's own date when it
 * names an earlier one ("in 2015 the President of Kazakhstan" is Nazarbayev).
 */
import { findActors, findAmounts, findDates, type ActorMention, type DateMention } from '../actors/index.ts';
import type { Lexicon } from '../lexicon/index.ts';
import type { PartialDate } from '../model/index.ts';
import { analyze, type Doc } from '../text/index.ts';
import type { ArticleInput } from './context.ts';
import { clauses, wordsOf, type SentenceView } from './sentence.ts';
import type { TraceHook } from './trace.ts';

/** Tokens from a dateline's place to its dash within which the dash must come ("ASTANA, 3 May 2022 —"). */
const DATELINE_REACH = 10;

/**
 * A dateline opens a report with the place and date it was filed from: "ASTANA, 3 May —", "ANKARA
 * (AA) -", "Москва. 19 января." Its place is where the report was written, never an actor; its
 * date, when it gives one, is the report's.
 */
function dateline(actors: readonly ActorMention[], doc: Doc, first: number, last: number, dates: readonly DateMention[]): { place: ActorMention; date?: DateMention } | undefined {
  const place = actors[0];
  if (!place || place.start !== first || (place.kind !== 'capital' && place.kind !== 'place')) return undefined;
  const after = doc.tokens[place.end]?.key;
  if (after !== ',' && after !== '.' && after !== '(') return undefined;
  const reach = Math.min(last, place.end + DATELINE_REACH);
  const dashAt = doc.tokens.slice(place.end, reach).findIndex((t) => t.key === '-' || t.key === '—' || t.key === '–');
  // "Москва. 19 января." is a sentence of its own: the place and a date, nothing else
  const alone = (after === '.' && place.end + 1 === last) || (dates.some((d) => d.start === place.end + 1) && dates.some((d) => d.end >= last - 1));
  if (dashAt < 0 && !alone) return undefined;
  const end = dashAt < 0 ? last : place.end + dashAt;
  const date = dates.find((d) => d.start > place.end && d.end <= end);
  return date ? { place, date } : { place };
}

/** Nothing but the date and punctuation in tokens [first, last). */
function dateAlone(doc: Doc, first: number, last: number, d: DateMention | undefined): boolean {
  if (!d) return false;
  for (let k = first; k < last; k++) if ((k < d.start || k >= d.end) && doc.tokens[k]?.kind !== 'punct') return false;
  return true;
}

/** Segment, tokenise and annotate every sentence of an article. */
export function annotate(input: ArticleInput, lex: Lexicon, trace?: TraceHook): { doc: Doc; views: SentenceView[]; dateline?: PartialDate } {
  const doc = analyze(input.text, lex.profile);
  const views: SentenceView[] = [];
  let datelineDate: PartialDate | undefined;
  let placeAlone = false;
  let groupBase = 0;
  for (const s of doc.sentences) {
    const tags = lex.matcher.tag(doc.tokens, s.first, s.last);
    const dates = findDates(doc.tokens, s.first, s.last, tags, input.published, lex.datesCapitalised);
    const explicit = dates.find((d) => d.date.length >= 7 && d.date < input.published.slice(0, d.date.length)) ?? dates.find((d) => d.date.length === 4);
    const found = findActors(doc.tokens, s.first, s.last, { lex, tags, date: explicit?.date ?? input.published }, groupBase);
    const line = s.paragraph <= 2 ? dateline(found, doc, s.first, s.last, dates) : undefined;
    const actors = line ? found.filter((m) => m !== line.place) : found;
    groupBase += actors.length + 1;
    const amounts = findAmounts(doc.tokens, s.first, s.last, tags);
    const { clauseOf, clauseStarts } = clauses(tags, doc.tokens, s.first, s.last);
    const view: SentenceView = { sentence: s, tokens: doc.tokens, tags, actors, dates, amounts, clauseOf, clauseStarts };
    views.push(view);
    // "Москва. 19 января.": the place may stand alone, and its date be the next sentence, alone too
    const lineDate = line?.date ?? (placeAlone && dates.length === 1 && dateAlone(doc, s.first, s.last, dates[0]) ? dates[0] : undefined);
    if (lineDate && datelineDate === undefined) {
      datelineDate = lineDate.date;
      trace?.(s.index, 'date', `dateline "${wordsOf(view, lineDate.start, lineDate.end)}": the report's date ${datelineDate}`);
    }
    placeAlone = line !== undefined && line.date === undefined && line.place.end + 2 >= s.last;
    if (trace) {
      trace(s.index, 'tokens', doc.tokens.slice(s.first, s.last).map((t) => `${t.text}/${t.stem}`).join(' '));
      const text = (a: number, b: number): string => doc.text.slice(doc.tokens[a]?.start ?? 0, doc.tokens[b - 1]?.end ?? 0);
      for (const m of actors) trace(s.index, 'actor', `"${text(m.start, m.end)}" ${m.kind} ${m.code || '?'}${m.sector ? ` ${m.sector}` : ''}${m.case ? ` case ${m.case}` : ''}${m.attributive ? ' attributive' : ''} group ${m.group}: ${m.how}`);
      for (const d of dates) trace(s.index, 'date', `"${wordsOf(view, d.start, d.end)}" → ${d.date} (${d.how})`);
    }
  }
  return { doc, views, ...(datelineDate !== undefined ? { dateline: datelineDate } : {}) };
}
