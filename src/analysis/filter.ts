/**
 * What an analysis looks at: a date range and the events' type or quad class, mode, a language
 * they were reported in, and their scope (bilateral or multilateral). Every view takes the same
 * filter, so a figure and the list of events behind it always agree.
 */
import type { EventType, Lang, PartialDate, Quad } from '../model/index.ts';
import type { CountFilter, EventFilter, Scope } from '../store/index.ts';

export interface Range {
  readonly from?: PartialDate | undefined;
  readonly to?: PartialDate | undefined;
}

export interface EventSelection extends Range {
  readonly type?: EventType | undefined;
  readonly quad?: Quad | undefined;
  readonly mode?: string | undefined;
  readonly lang?: Lang | undefined;
  readonly scope?: Scope | undefined;
}

type Defined<T> = { -readonly [K in keyof T]?: Exclude<T[K], undefined> };

/** A selection without its undefined fields (the store's filters take absent, not undefined). */
export function defined(selection: EventSelection): Defined<EventSelection> {
  return Object.fromEntries(Object.entries(selection).filter(([, v]) => v !== undefined)) as Defined<EventSelection>;
}

/** The store's count filter for an actor (and a partner) under a selection. */
export function countFilterOf(actor: string, partner: string | undefined, selection: EventSelection): CountFilter {
  return { actor, ...(partner !== undefined ? { partner } : {}), ...defined(selection) };
}

/** The events filter that lists the events behind a figure computed under a selection. */
export function eventFilterOf(selection: EventSelection): Omit<EventFilter, 'actor' | 'dyad' | 'limit' | 'offset'> {
  return defined(selection);
}
