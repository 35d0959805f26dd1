/**
 * Facts beside events: partnership designations, numeric commitments and
 * batches of agreements, read from the sentence and the events coded in it.
 */
import { numberValue } from '../actors/index.ts';
import { CUE, type TagId } from '../lexicon/index.ts';
import type { PartialDate } from '../model/index.ts';
import type { SentenceView } from './sentence.ts';

export interface PartnershipFact {
  readonly level: string;
  readonly since?: PartialDate;
  readonly start: number;
  readonly end: number;
}

export interface CommitmentFact {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly by?: PartialDate;
  readonly status: 'target' | 'observed';
  readonly start: number;
  readonly end: number;
}

export interface AgreementFact {
  readonly count?: number;
  readonly fields: readonly string[];
  readonly start: number;
  readonly end: number;
}

/** Partnership levels named in the sentence, with the start the sentence gives them. */
export function partnershipsIn(view: SentenceView, eventDate: PartialDate | undefined, published: PartialDate): PartnershipFact[] {
  const out: PartnershipFact[] = [];
  const { first, last } = view.sentence;
  for (let i = first; i < last; i++) {
    const m = view.tags.at(CUE.partnershipLevels, i, last);
    if (!m) continue;
    let since: PartialDate | undefined;
    // "the Strategic Partnership Agreement signed in 2009": a year near the phrase dates it
    const near = view.dates.find((d) => d.start >= i - 4 && d.start <= i + m.length + 6);
    if (near) since = near.date;
    else if (eventDate !== undefined) since = eventDate;
    // A designation merely mentioned in the present ("their strategic partnership") has no start.
    out.push({ level: m.value, ...(since !== undefined && since <= published.slice(0, since.length) ? { since } : {}), start: i, end: i + m.length });
    i += m.length - 1;
  }
  return out;
}

/** Tokens looked at after an amount for a cue. */
const AFTER = 3;

/** How many tokens lie between an amount and the nearest cue of a set: up to `before` before it, or AFTER after it. */
function cueDistance(tag: TagId, view: SentenceView, a: { start: number; end: number }, before: number): number | undefined {
  const { first, last } = view.sentence;
  const prev = view.tags.findLast(tag, Math.max(first, a.start - before), a.start);
  const next = view.tags.find(tag, a.end, Math.min(last, a.end + AFTER));
  const d1 = prev ? a.start - (prev.start + prev.length) : undefined;
  const d2 = next ? next.start - a.end : undefined;
  return d1 === undefined ? d2 : d2 === undefined ? d1 : Math.min(d1, d2);
}

/** Tokens between an amount and the bracket that opens its conversion ("12 billion euros ($13.2 billion)", "(about $13 billion)"). */
const CONVERSION_GAP = 3;

/** True when amount `a` opens a bracket right after another amount: the same sum in another currency. */
function conversionOf(view: SentenceView, a: { start: number; end: number }): boolean {
  return view.amounts.some((b) => b.end <= a.start && a.start - b.end <= CONVERSION_GAP
    && view.tokens.slice(b.end, a.start).some((t) => t.key === '('));
}

/** Numeric targets ("to increase trade to 10 billion dollars by 2030") and reported levels. */
export function commitmentsIn(view: SentenceView): CommitmentFact[] {
  const out: CommitmentFact[] = [];
  const { first, last } = view.sentence;
  for (const a of view.amounts) {
    if (!a.unit || a.value < 1000 || conversionOf(view, a)) continue;
    const metric = view.tags.find(CUE.metrics, Math.max(first, a.start - 14), Math.min(last, a.end + 4));
    if (!metric) continue;
    // Cues before the amount ("reached $6 billion", "raise trade to $10 billion") or right after it,
    // where verb-final languages put them ("6,3 миллиард долларды құрады", "10 milyar dolarlık hedef").
    const target = cueDistance(CUE.targetWords, view, a, 16);
    const observed = cueDistance(CUE.observedWords, view, a, 5);
    if (target === undefined && observed === undefined) continue;
    // The cue nearer the amount decides: "set a goal after trade reached $6 billion" reports a level.
    const status = observed !== undefined && (target === undefined || observed <= target) ? 'observed' : 'target';
    // "by 2030" (a deadline word before the year) or "2030'a kadar" (after it); after the amount, else
    // before it ("By 2030, ...", Kazakh "2030 жылға қарай тауар айналымын 10 миллиард долларға")
    const deadline = (d: (typeof view.dates)[number]): boolean => view.tags.has(CUE.deadlineWords, d.start - 1) || view.tags.has(CUE.deadlineWords, d.end);
    const by = (view.dates.find((d) => d.start >= a.end && d.start < last && deadline(d))
      ?? view.dates.findLast((d) => d.end <= a.start && d.start >= first && deadline(d)))?.date;
    out.push({ metric: metric.value, value: a.value, unit: a.unit, ...(by ? { by } : {}), status, start: Math.min(a.start, metric.start), end: a.end });
  }
  return out;
}

/** Agreements signed: the count ("15 agreements", "a treaty ... and an agreement") and the fields listed. */
export function agreementsIn(view: SentenceView, from: number, to: number): AgreementFact | undefined {
  const toks = view.tokens;
  let count: number | undefined;
  let singles = 0;
  let start = -1;
  let end = -1;
  for (let i = from; i < to; i++) {
    const m = view.tags.at(CUE.agreementWords, i, to);
    if (!m) continue;
    if (start < 0) start = i;
    end = i + m.length;
    const prev = toks[i - 1];
    const prev2 = toks[i - 2];
    const n = prev?.kind === 'number' ? numberValue(prev.key) : prev ? view.tags.at(CUE.numberWords, i - 1, i)?.value : undefined;
    const n2 = prev2?.kind === 'number' ? numberValue(prev2.key) : undefined;
    if (n !== undefined) count = Math.max(count ?? 0, n);
    else if (n2 !== undefined && prev?.kind === 'word') count = Math.max(count ?? 0, n2);
    else if (prev && view.tags.has(CUE.indefinite, i - 1, i)) singles++;
    i += m.length - 1;
  }
  if (start < 0) return undefined;
  if (count === undefined && singles > 0) count = singles;
  const fields = fieldsAfter(view, end) ?? fieldsBefore(view, start, end) ?? [];
  return { ...(count !== undefined ? { count } : {}), fields, start, end };
}

/** Fields of a list: a phrase naming an actor is none ("a declaration on partnership between Turkey and Kazakhstan"). */
class FieldList {
  readonly fields: string[] = [];
  private cur: string[] = [];
  private named = false;
  constructor(private readonly view: SentenceView) {}
  add(i: number, front: boolean): void {
    const t = this.view.tokens[i];
    if (!t || (t.kind !== 'word' && t.kind !== 'number')) return;
    if (front) this.cur.unshift(t.text);
    else this.cur.push(t.text);
    if (this.view.actors.some((m) => m.start <= i && i < m.end)) this.named = true;
  }
  get words(): number {
    return this.cur.length;
  }
  flush(): void {
    const f = this.cur.join(' ').trim().toLowerCase();
    if (f && !this.named && !this.fields.includes(f)) this.fields.push(f);
    this.cur = [];
    this.named = false;
  }
}

function isSeparator(view: SentenceView, i: number): boolean {
  return view.tokens[i]?.key === ',' || view.tags.has(CUE.conjunctions, i);
}

/** "agreements in the fields of energy, transport and culture": the list after an opening word. */
function fieldsAfter(view: SentenceView, end: number): string[] | undefined {
  const { last } = view.sentence;
  const intro = view.tags.find(CUE.fieldIntro, end, Math.min(last, end + 4));
  if (!intro) return undefined;
  const list = new FieldList(view);
  for (let i = intro.start + intro.length; i < last; i++) {
    const t = view.tokens[i];
    if (!t || t.key === '.' || t.key === ';') break;
    if (isSeparator(view, i)) list.flush();
    else list.add(i, false);
  }
  list.flush();
  return list.fields;
}

/** Where a list of fields before an agreement word stops: a number, a mark other than a comma, an actor, a date, an agreement word or a clause break. */
function endsFieldList(view: SentenceView, i: number): boolean {
  const t = view.tokens[i];
  return !t || t.kind === 'number' || t.kind === 'punct' && t.key !== ','
    || view.actors.some((m) => m.start <= i && i < m.end) || view.dates.some((d) => d.start <= i && i < d.end)
    || view.tags.has(CUE.agreementWords, i) || view.tags.has(CUE.clauseBreaks, i);
}

/**
 * "enerji, ulaştırma ve kültür alanlarında 15 anlaşma", "анлашмалар ... салаларын қамтиды": the list
 * before a closing word, nearest the agreement words. It runs back to a name, a number, a date or a
 * clause break; an item keeps at most three words.
 */
function fieldsBefore(view: SentenceView, start: number, end: number): string[] | undefined {
  const { first, last } = view.sentence;
  let outro: { start: number; length: number } | undefined;
  // the closing word within four words before the agreement words or ten after them
  for (let i = Math.max(first, start - 12); i < Math.min(last, end + 10); i++) {
    const m = view.tags.at(CUE.fieldOutro, i, last);
    if (!m) continue;
    const near = i + m.length >= start - 4 && (i + m.length <= start || i >= end);
    if (near && (!outro || Math.abs(i - start) < Math.abs(outro.start - start))) outro = { start: i, length: m.length };
    i += m.length - 1;
  }
  if (!outro) return undefined;
  const list = new FieldList(view);
  for (let i = outro.start - 1; i >= first; i--) {
    if (endsFieldList(view, i)) break;
    if (isSeparator(view, i)) list.flush();
    else if (list.words >= 3) break;
    else list.add(i, true);
  }
  list.flush();
  return list.fields.reverse();
}
