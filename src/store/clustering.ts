/**
 * Grouping a whole set of mentions at once, in memory, by the rule of grouping.ts: every mention
 * in the grouping order either joins the best event led by an earlier mention or leads its own.
 * Upgrading an archive regroups all of it this way; the write path (regroup.ts) reaches the same
 * result incrementally, and the tests hold the two against each other. Also here: which event id
 * each new group keeps, so that links to events survive a regrouping.
 */
import { dateBounds, dayNumber } from '../model/index.ts';
import { chooseLeader, compareRanked, DAY_TOLERANCE, type RankedShape } from './grouping.ts';

// A year-only leader spans 365 days, so its first day lies at most this far before the first
// day of a mention it matches.
export const WINDOW_BEFORE = 366 + DAY_TOLERANCE;

interface Indexed<M> {
  readonly m: M;
  readonly first: number;
  readonly last: number;
}

/** Leaders of one type by code, each list sorted by first day, for lookups around a date. */
class LeaderIndex<M extends RankedShape> {
  readonly #byCode = new Map<string, Indexed<M>[]>();

  add(m: M): void {
    const { first, last } = dateBounds(m.date);
    const entry = { m, first: dayNumber(first), last: dayNumber(last) };
    for (const code of new Set([...m.actors, ...m.recipients])) {
      const list = this.#byCode.get(code) ?? [];
      list.splice(lowerBound(list, entry.first), 0, entry);
      this.#byCode.set(code, list);
    }
  }

  /** Leaders sharing a code with `m` whose dates come within the tolerance of its dates. */
  near(m: RankedShape): Set<M> {
    const { first, last } = dateBounds(m.date);
    const [f, l] = [dayNumber(first), dayNumber(last)];
    const out = new Set<M>();
    for (const code of new Set([...m.actors, ...m.recipients])) {
      const list = this.#byCode.get(code) ?? [];
      for (let i = lowerBound(list, f - WINDOW_BEFORE); i < list.length; i++) {
        const e = list[i] as Indexed<M>;
        if (e.first > l + DAY_TOLERANCE) break;
        if (e.last >= f - DAY_TOLERANCE) out.add(e.m);
      }
    }
    return out;
  }
}

function lowerBound<M>(list: readonly Indexed<M>[], first: number): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as Indexed<M>).first < first) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The leader of every mention (a leader is its own), by the grouping rule over the whole set. */
export function groupMentions<M extends RankedShape>(mentions: readonly M[]): Map<M, M> {
  const leaderOf = new Map<M, M>();
  const indexes = new Map<string, LeaderIndex<M>>();
  for (const m of [...mentions].sort(compareRanked)) {
    let index = indexes.get(m.type);
    if (!index) indexes.set(m.type, index = new LeaderIndex<M>());
    const leader = chooseLeader(m, index.near(m));
    if (leader) {
      leaderOf.set(m, leader);
    } else {
      leaderOf.set(m, m);
      index.add(m);
    }
  }
  return leaderOf;
}

/** A group of mentions after regrouping, with the events its members were in before. */
export interface RegroupedEvent<K> {
  /** Identifies the group (its leader). */
  readonly key: K;
  /** For each member, the id of the event it was in before (or that its predecessor was in), if any. */
  readonly formerEvents: readonly (number | undefined)[];
}

/**
 * Which former event id each new group keeps: a group keeps the id of the event most of its
 * members come from; larger overlaps are served first, then overlaps holding the larger share
 * of their old event, then the lower id, then the group first in `groups`' order; each id goes
 * to one group at most. So an event whose mentions stay together keeps its id however the
 * archive around it changes, a split keeps it on the larger part, a merge keeps the id of the
 * larger side; a group that takes over no id gets a new one.
 */
export function inheritIds<K>(groups: readonly RegroupedEvent<K>[], available: ReadonlySet<number>): Map<K, number> {
  const claims: { key: K; order: number; id: number; count: number }[] = [];
  const sizes = new Map<number, number>();
  groups.forEach((g, order) => {
    const counts = new Map<number, number>();
    for (const id of g.formerEvents) if (id !== undefined && available.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, count] of counts) {
      claims.push({ key: g.key, order, id, count });
      sizes.set(id, (sizes.get(id) ?? 0) + count);
    }
  });
  const share = (c: { id: number; count: number }): number => c.count / (sizes.get(c.id) ?? 1);
  claims.sort((a, b) => b.count - a.count || share(b) - share(a) || a.id - b.id || a.order - b.order);
  const kept = new Map<K, number>();
  const taken = new Set<number>();
  for (const c of claims) {
    if (kept.has(c.key) || taken.has(c.id)) continue;
    kept.set(c.key, c.id);
    taken.add(c.id);
  }
  return kept;
}
