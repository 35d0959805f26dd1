/**
 * When two mentions report the same real-world event. GDELT and ICEWS count one summit once per
 * news report; Dyad groups the reports, across articles and languages, by this rule:
 *
 * 1. The PLOVER type is equal (the mode may differ: one report says "visit", another "met").
 * 2. The parties agree: actor and recipient sets are equal, or the codes of both sides together
 *    overlap with Jaccard >= 0.5 and the direction is not reversed (no code that is an actor in
 *    one is a recipient in the other while a recipient of the first is an actor of the second).
 *    An event without recipients (A and B together) matches either direction between them.
 * 3. The dates agree on the parts both give: when both give a day, within 3 days (reports date
 *    a summit by its first or last day, or by the day they were written); otherwise the same
 *    year, and the same month when both give a month.
 *
 * A mention joins the best-matching candidate (equal parties first, then overlap, then the
 * closest date, then the oldest event). A more precise mention date makes the event's date
 * more precise ("2022-05" becomes "2022-05-10"), never less.
 */
import { dayNumber, parseDate, type PartialDate } from '../model/index.ts';

/** What grouping compares: an event's or a mention's type, parties and date. */
export interface EventShape {
  readonly type: string;
  readonly actors: readonly string[];
  readonly recipients: readonly string[];
  readonly date: PartialDate;
}

/** Jaccard threshold over actors and recipients together. */
export const PARTY_OVERLAP = 0.5;
/** Most days apart two day-precise dates of one event may be. */
export const DAY_TOLERANCE = 3;

/** True when two partial dates can be the same event's date (rule 3). */
export function datesMatch(a: PartialDate, b: PartialDate): boolean {
  const pa = parseDate(a);
  const pb = parseDate(b);
  if (!pa || !pb) return false;
  if (pa.day !== undefined && pb.day !== undefined) return Math.abs(dayNumber(a) - dayNumber(b)) <= DAY_TOLERANCE;
  if (pa.year !== pb.year) return false;
  return pa.month === undefined || pb.month === undefined || pa.month === pb.month;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((c) => sb.has(c));
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  return a.some((c) => b.includes(c));
}

/** Jaccard similarity of two code sets (0 when both are empty). */
export function jaccard(a: Iterable<string>, b: Iterable<string>): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const c of sa) if (sb.has(c)) shared++;
  const union = sa.size + sb.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** How well the parties agree (rule 2): 2 for equal sets, the Jaccard overlap, or 0 for no match. */
export function partyAgreement(a: EventShape, b: EventShape): number {
  if (sameSet(a.actors, b.actors) && sameSet(a.recipients, b.recipients)) return a.actors.length + a.recipients.length > 0 ? 2 : 0;
  const reversed = intersects(a.actors, b.recipients) && intersects(a.recipients, b.actors);
  if (reversed) return 0;
  const overlap = jaccard([...a.actors, ...a.recipients], [...b.actors, ...b.recipients]);
  return overlap >= PARTY_OVERLAP ? overlap : 0;
}

/** True when a mention and an event are the same real-world event (rules 1-3). */
export function sameEvent(a: EventShape, b: EventShape): boolean {
  return a.type === b.type && partyAgreement(a, b) > 0 && datesMatch(a.date, b.date);
}

/** The event a mention belongs to among candidates, or undefined when it is a new event. */
export function bestMatch<E extends EventShape & { readonly id: number }>(mention: EventShape, candidates: readonly E[]): E | undefined {
  let best: { e: E; parties: number; distance: number } | undefined;
  const day = dayNumber(mention.date);
  for (const e of candidates) {
    if (!sameEvent(mention, e)) continue;
    const parties = partyAgreement(mention, e);
    const distance = Math.abs(dayNumber(e.date) - day);
    const better = !best || parties > best.parties || (parties === best.parties
      && (distance < best.distance || (distance === best.distance && e.id < best.e.id)));
    if (better) best = { e, parties, distance };
  }
  return best?.e;
}

/** The more precise of two agreeing dates (the first when equally precise). */
export function morePrecise(current: PartialDate, other: PartialDate): PartialDate {
  return other.length > current.length ? other : current;
}
