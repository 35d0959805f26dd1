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
 * The rule is not transitive (10 May agrees with 13 May, 13 May with 16 May, 10 May not with
 * 16 May), so which mentions end up together depends on the order they are looked at in. That
 * order is a property of the mentions themselves, never of when they were stored (see `rankOf`):
 * mentions are taken most precise date first, then earliest date, then by their content. Each
 * one joins the best-matching event led by a mention taken before it (equal parties first, then
 * overlap, then the closest date, then the leader taken first) or leads a new event. So the
 * archive's events are a function of the set of mentions it holds (docs/archive.md).
 */
import { dateBounds, dayNumber as dayNumberOf, parseDate, type DateParts, type PartialDate } from '../model/index.ts';

// A sweep compares each mention with every leader near it, parsing the same few dates again and
// again: their parts and day numbers are kept (the cache is dropped when it grows large).
const CACHE_SIZE = 50_000;
const partsCache = new Map<string, { parts: DateParts | undefined; day: number }>();

function dateInfo(date: PartialDate): { parts: DateParts | undefined; day: number } {
  let info = partsCache.get(date);
  if (!info) {
    if (partsCache.size >= CACHE_SIZE) partsCache.clear();
    const parts = parseDate(date);
    info = { parts, day: parts ? dayNumberOf(date) : NaN };
    partsCache.set(date, info);
  }
  return info;
}

const dayNumber = (date: PartialDate): number => {
  const { day } = dateInfo(date);
  if (Number.isNaN(day)) throw new RangeError(`not a date: ${date}`);
  return day;
};

/** What grouping compares: an event's or a mention's type, parties and date. */
export interface EventShape {
  readonly type: string;
  readonly actors: readonly string[];
  readonly recipients: readonly string[];
  readonly date: PartialDate;
}

/** A mention's shape with its place in the grouping order. */
export interface RankedShape extends EventShape {
  /** The mention's rank (`rankOf`); the order is by rank, then by `seq`. */
  readonly rank: string;
  /** Breaks ties between equal ranks (none in an archive, where every rank is unique: `copyRank`). */
  readonly seq: number;
}

/** Jaccard threshold over actors and recipients together. */
export const PARTY_OVERLAP = 0.5;
/** Most days apart two day-precise dates of one event may be. */
export const DAY_TOLERANCE = 3;

/** True when two partial dates can be the same event's date (rule 3). */
export function datesMatch(a: PartialDate, b: PartialDate): boolean {
  const pa = dateInfo(a).parts;
  const pb = dateInfo(b).parts;
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

/** True when two mentions may report the same real-world event (rules 1-3). */
export function sameEvent(a: EventShape, b: EventShape): boolean {
  return a.type === b.type && partyAgreement(a, b) > 0 && datesMatch(a.date, b.date);
}

// Ranks are compared as strings; no part ever holds this character.
const SEP = '\u001f';

/** What a mention's rank is made of. */
export interface RankParts {
  readonly type: string;
  /** Sorted, distinct codes. */
  readonly actors: readonly string[];
  readonly recipients: readonly string[];
  readonly date: PartialDate;
  readonly mode?: string | null | undefined;
  /** The content hash of the mention's article: its identity whatever its address or row id. */
  readonly article: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A mention's place in the grouping order, as a string compared by code units: day-precise
 * dates first, then month, then year, so that an event is led by its most precise report and a
 * vague one joins it rather than swallowing its neighbours; then the earliest date; then the
 * type; then fewer parties first (the core pair leads, and a report naming a third party joins
 * it, not the reverse); then the parties and mode; then the article's content and the
 * evidence's offsets, which tell apart any two different mentions.
 */
export function rankOf(m: RankParts): string {
  const p = parseDate(m.date);
  if (!p) throw new RangeError(`not a date: ${m.date}`);
  const precision = p.day !== undefined ? 0 : p.month !== undefined ? 1 : 2;
  const offset = (n: number): string => String(n).padStart(10, '0');
  const parties = String(new Set([...m.actors, ...m.recipients]).size).padStart(4, '0');
  return [precision, dateBounds(m.date).first, m.type, parties, m.actors.join(' '), m.recipients.join(' '), m.mode ?? '',
    m.article, offset(m.start), offset(m.end)].join(SEP);
}

/**
 * The rank of the `copy`-th repeat (from 0) of one rank in one article: the coder may print a
 * record twice, and every stored mention needs a rank of its own.
 */
export function copyRank(rank: string, copy: number): string {
  return copy === 0 ? rank : `${rank}${SEP}${copy}`;
}

/** Negative when `a` comes before `b` in the grouping order. */
export function compareRanked(a: Pick<RankedShape, 'rank' | 'seq'>, b: Pick<RankedShape, 'rank' | 'seq'>): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.seq - b.seq;
}

/**
 * The leader whose event a mention joins: among the leaders taken before it that report the
 * same event, the one with equal parties, else the greatest overlap, then the closest date,
 * then the one taken first; undefined when none does and the mention leads an event of its own.
 */
export function chooseLeader<L extends RankedShape>(mention: RankedShape, leaders: Iterable<L>): L | undefined {
  let best: { l: L; parties: number; distance: number } | undefined;
  const day = dayNumber(mention.date);
  for (const l of leaders) {
    if (compareRanked(l, mention) >= 0 || !sameEvent(mention, l)) continue;
    const parties = partyAgreement(mention, l);
    const distance = Math.abs(dayNumber(l.date) - day);
    const better = !best || parties > best.parties || (parties === best.parties
      && (distance < best.distance || (distance === best.distance && compareRanked(l, best.l) < 0)));
    if (better) best = { l, parties, distance };
  }
  return best?.l;
}

/**
 * An event's mode: its leader's, or when the leader gives none, the first one its other
 * mentions give in the grouping order ("visit" said by a report dated only to the year still
 * tells what the meeting was).
 */
export function modeOf(members: readonly (Pick<RankedShape, 'rank' | 'seq'> & { readonly mode: string | null })[]): string | null {
  return [...members].sort(compareRanked).find((m) => m.mode !== null)?.mode ?? null;
}
