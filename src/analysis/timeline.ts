/**
 * A dyad's timeline: for two actors, their events per month, by PLOVER type, by quad class and
 * by scope (bilateral, multilateral), with the cooperation–conflict score (sum and mean of the
 * PLOVER scores of the events). Each point names the filter that lists the events behind it.
 */
import { EVENT_TYPES, ploverScore, QUAD, type EventType, type Quad } from '../model/index.ts';
import type { EventFilter, Scope, Store } from '../store/index.ts';
import { countFilterOf, defined, eventFilterOf, type EventSelection } from './filter.ts';

export type { Range } from './filter.ts';

/** Sum and mean of PLOVER scores; the mean of no events is null, not 0. */
export interface Score {
  readonly sum: number;
  readonly mean: number | null;
}

export interface TimelinePoint {
  /** "YYYY-MM", or "YYYY" for the events dated only to that year. */
  readonly period: string;
  /** Distinct events: each once, however many articles report it and however many parties it has. */
  readonly events: number;
  readonly byType: Readonly<Partial<Record<EventType, number>>>;
  /** Events by quad class: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict. */
  readonly byQuad: Readonly<Record<Quad, number>>;
  /** Events with two parties, and with three or more. */
  readonly byScope: Readonly<Record<Scope, number>>;
  /** Sum and mean of the events' PLOVER scores (−10 conflict … +10 cooperation). */
  readonly score: Score;
  /** The events filter that lists this point's events. */
  readonly query: EventFilter;
}

export interface Totals {
  readonly events: number;
  readonly byQuad: Readonly<Record<Quad, number>>;
  readonly byScope: Readonly<Record<Scope, number>>;
  readonly score: Score;
}

export interface Timeline {
  readonly actors: readonly [string, string];
  readonly points: readonly TimelinePoint[];
  readonly total: Totals;
}

/** What a point is made of: events of one period, type, mode and scope, each counted once. */
export interface CountedEvents {
  readonly period: string;
  readonly type: EventType;
  readonly mode?: string;
  readonly scope: Scope;
  readonly events: number;
}

/** `x` rounded to `places` decimals (figures meant for people, not further arithmetic). */
export const round = (x: number, places = 2): number => Math.round(x * 10 ** places) / 10 ** places;

export { defined };

const noQuads = (): Record<Quad, number> => ({ 1: 0, 2: 0, 3: 0, 4: 0 });
const noScopes = (): Record<Scope, number> => ({ bilateral: 0, multilateral: 0 });

/** Fold distinct-event counts into per-period points; each point's query adds the selection to its period. */
export function pointsOf(counts: readonly CountedEvents[], base: Omit<EventFilter, 'from' | 'to'> = {}): TimelinePoint[] {
  const byPeriod = new Map<string, { events: number; byType: Partial<Record<EventType, number>>; byQuad: Record<Quad, number>; byScope: Record<Scope, number>; sum: number }>();
  for (const c of counts) {
    let p = byPeriod.get(c.period);
    if (!p) byPeriod.set(c.period, p = { events: 0, byType: {}, byQuad: noQuads(), byScope: noScopes(), sum: 0 });
    p.events += c.events;
    p.byType[c.type] = (p.byType[c.type] ?? 0) + c.events;
    p.byQuad[QUAD[c.type]] += c.events;
    p.byScope[c.scope] += c.events;
    p.sum += ploverScore(c.type, c.mode) * c.events;
  }
  return [...byPeriod].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, p]) => ({
    period,
    events: p.events,
    byType: Object.fromEntries(EVENT_TYPES.filter((t) => p.byType[t]).map((t) => [t, p.byType[t]])),
    byQuad: p.byQuad,
    byScope: p.byScope,
    score: { sum: round(p.sum), mean: round(p.sum / p.events) },
    query: { ...base, from: period, to: period },
  }));
}

/** The totals of a list of points. */
export function totalsOf(points: readonly TimelinePoint[]): Totals {
  const byQuad = noQuads();
  const byScope = noScopes();
  let events = 0;
  let sum = 0;
  for (const p of points) {
    events += p.events;
    sum += p.score.sum;
    for (const q of [1, 2, 3, 4] as const) byQuad[q] += p.byQuad[q];
    byScope.bilateral += p.byScope.bilateral;
    byScope.multilateral += p.byScope.multilateral;
  }
  return { events, byQuad, byScope, score: { sum: round(sum), mean: events ? round(sum / events) : null } };
}

/** The timeline of two actors' events, month by month, under a selection. */
export async function dyadTimeline(store: Store, a: string, b: string, selection: EventSelection = {}): Promise<Timeline> {
  const counts = await store.eventTotals(countFilterOf(a, b, selection));
  const points = pointsOf(counts, { dyad: [a, b], ...eventFilterOf({ ...defined(selection), from: undefined, to: undefined }) });
  return { actors: [a, b], points, total: totalsOf(points) };
}
