/**
 * A dyad's timeline: for two actors, their events per month, by PLOVER type and by quad class,
 * with the cooperation–conflict score (sum and mean of the PLOVER scores of the events). Each
 * point names the filter that lists the events behind it.
 */
import { EVENT_TYPES, ploverScore, QUAD, type EventType, type PartialDate, type Quad } from '../model/index.ts';
import type { EventCount, EventFilter, Store } from '../store/index.ts';

export interface Range {
  readonly from?: PartialDate | undefined;
  readonly to?: PartialDate | undefined;
}

export interface TimelinePoint {
  /** "YYYY-MM", or "YYYY" for the events dated only to that year. */
  readonly period: string;
  readonly events: number;
  readonly byType: Readonly<Partial<Record<EventType, number>>>;
  /** Events by quad class: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict. */
  readonly byQuad: Readonly<Record<Quad, number>>;
  /** Sum and mean of the events' PLOVER scores (−10 conflict … +10 cooperation). */
  readonly score: { readonly sum: number; readonly mean: number };
  /** The events filter that lists this point's events. */
  readonly query: EventFilter;
}

export interface Timeline {
  readonly actors: readonly [string, string];
  readonly points: readonly TimelinePoint[];
  readonly total: { readonly events: number; readonly byQuad: Readonly<Record<Quad, number>>; readonly score: { readonly sum: number; readonly mean: number } };
}

/** `x` rounded to `places` decimals (figures meant for people, not further arithmetic). */
export const round = (x: number, places = 2): number => Math.round(x * 10 ** places) / 10 ** places;

/** A range without its undefined bounds (the store's filters take absent, not undefined). */
export function defined(range: Range): { from?: PartialDate; to?: PartialDate } {
  return { ...(range.from !== undefined ? { from: range.from } : {}), ...(range.to !== undefined ? { to: range.to } : {}) };
}

/** Fold counts into per-period points (the counts may be of several partners: all are summed). */
export function pointsOf(counts: readonly EventCount[], dyad?: readonly [string, string]): TimelinePoint[] {
  const byPeriod = new Map<string, { events: number; byType: Partial<Record<EventType, number>>; byQuad: Record<Quad, number>; sum: number }>();
  for (const c of counts) {
    let p = byPeriod.get(c.period);
    if (!p) byPeriod.set(c.period, p = { events: 0, byType: {}, byQuad: { 1: 0, 2: 0, 3: 0, 4: 0 }, sum: 0 });
    p.events += c.events;
    p.byType[c.type] = (p.byType[c.type] ?? 0) + c.events;
    p.byQuad[QUAD[c.type]] += c.events;
    p.sum += ploverScore(c.type, c.mode) * c.events;
  }
  return [...byPeriod].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, p]) => ({
    period,
    events: p.events,
    byType: Object.fromEntries(EVENT_TYPES.filter((t) => p.byType[t]).map((t) => [t, p.byType[t]])),
    byQuad: p.byQuad,
    score: { sum: round(p.sum), mean: round(p.sum / p.events) },
    query: { ...(dyad ? { dyad } : {}), from: period, to: period },
  }));
}

/** The timeline of two actors' events, month by month. */
export async function dyadTimeline(store: Store, a: string, b: string, range: Range = {}): Promise<Timeline> {
  const points = pointsOf(await store.eventCounts({ actor: a, partner: b, ...defined(range) }), [a, b]);
  const byQuad: Record<Quad, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  let events = 0;
  let sum = 0;
  for (const p of points) {
    events += p.events;
    sum += p.score.sum;
    for (const q of [1, 2, 3, 4] as const) byQuad[q] += p.byQuad[q];
  }
  return { actors: [a, b], points, total: { events, byQuad, score: { sum: round(sum), mean: events ? round(sum / events) : 0 } } };
}
