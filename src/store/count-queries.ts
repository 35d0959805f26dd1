/**
 * Counting events without reading them: an actor's events grouped by partner, period, type, mode
 * and scope (bilateral or multilateral), straight off the dyad index (either side of it; its rows
 * carry those columns), for timelines and profiles over archives of millions of events. An event
 * with several partners is one row per partner there; `countTotals` counts each event once.
 */
import { EVENT_TYPES, QUAD, type EventType } from '../model/index.ts';
import type { Connection, SqlValue } from './dialect.ts';
import { marks, overlapping } from './sql.ts';
import type { CountFilter, EventCount, EventTotal, Scope } from './store.ts';

/**
 * An event's scope from its number of distinct parties (actors and recipients): two is
 * bilateral, three or more (a summit, a joint statement of a group) multilateral.
 */
const PARTIES = (event: string): string => `(SELECT COUNT(*) FROM event_actors p WHERE p.event_id = ${event})`;
const SCOPE = (event: string): string => `CASE WHEN ${PARTIES(event)} > 2 THEN 'multilateral' ELSE 'bilateral' END`;

/**
 * Conditions on an event (its id in column `event`, its type and mode in `type` and `mode`) that
 * every count and list shares: its type or quad class, mode, a language among its mentions, its scope.
 */
export function eventConditions(filter: Pick<CountFilter, 'type' | 'quad' | 'mode' | 'lang' | 'scope'>,
  columns: { readonly event: string; readonly type: string; readonly mode: string }, where: string[], params: SqlValue[]): void {
  if (filter.type !== undefined || filter.quad !== undefined) {
    const types = EVENT_TYPES.filter((t) => (filter.type === undefined || t === filter.type) && (filter.quad === undefined || QUAD[t] === filter.quad));
    // A type outside the asked quad class matches nothing.
    if (types.length === 0) where.push('1 = 0');
    else {
      where.push(`${columns.type} IN (${marks(types.length)})`);
      params.push(...types);
    }
  }
  if (filter.mode !== undefined) {
    where.push(`${columns.mode} = ?`);
    params.push(filter.mode);
  }
  if (filter.lang !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = ${columns.event} AND m.lang = ?)`);
    params.push(filter.lang);
  }
  if (filter.scope !== undefined) where.push(`${PARTIES(columns.event)} ${filter.scope === 'multilateral' ? '> 2' : '<= 2'}`);
}

/** One side of the dyad index: rows where `actor` is in column `side`, with the filter's conditions. */
function sideWhere(side: 'a' | 'b', filter: CountFilter): { where: string; params: SqlValue[] } {
  const other = side === 'a' ? 'b' : 'a';
  const where = [`x.${side} = ?`];
  const params: SqlValue[] = [filter.actor];
  if (filter.partner !== undefined) {
    where.push(`x.${other} = ?`);
    params.push(filter.partner);
  }
  overlapping(filter, 'x.date_first', 'x.date_last', where, params);
  eventConditions(filter, { event: 'x.event_id', type: 'x.type', mode: 'x.mode' }, where, params);
  return { where: where.join(' AND '), params };
}

/** The sides of the index an actor's rows are on: both, or the one its pair with the partner puts it on. */
function sidesOf(filter: CountFilter): readonly ('a' | 'b')[] {
  // A pair is stored once, with its codes in order: the actor may be either column.
  return filter.partner === undefined ? ['a', 'b'] : [filter.actor < filter.partner ? 'a' : 'b'];
}

type CountRow = { period: string; type: EventType; mode: string | null; scope: Scope; n: number };

const byPeriod = (x: { period: string }, y: { period: string }): number => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0);

/** An actor's events counted by partner, period, type, mode and scope, ordered by period. */
export async function countEvents(c: Connection, filter: CountFilter): Promise<EventCount[]> {
  const out: EventCount[] = [];
  for (const side of sidesOf(filter)) {
    const other = side === 'a' ? 'b' : 'a';
    const { where, params } = sideWhere(side, filter);
    const rows = await c.all<CountRow & { partner: string }>(
      `SELECT t.partner, t.period, t.type, t.mode, t.scope, COUNT(*) AS n FROM (
         SELECT x.${other} AS partner, x.period, x.type, x.mode, ${SCOPE('x.event_id')} AS scope
         FROM event_dyads x WHERE ${where}) t
       GROUP BY t.partner, t.period, t.type, t.mode, t.scope`, params);
    for (const r of rows) {
      out.push({ partner: r.partner, period: r.period, type: r.type, ...(r.mode ? { mode: r.mode } : {}), scope: r.scope, events: Number(r.n) });
    }
  }
  return out.sort((x, y) => byPeriod(x, y) || (x.partner < y.partner ? -1 : x.partner > y.partner ? 1 : 0));
}

/** An actor's events (with one partner, or with any) counted once each, by period, type, mode and scope. */
export async function countTotals(c: Connection, filter: CountFilter): Promise<EventTotal[]> {
  const parts = sidesOf(filter).map((side) => sideWhere(side, filter));
  // UNION drops the second row of an event that has partners on both sides of the index.
  const rows = await c.all<CountRow>(
    `SELECT t.period, t.type, t.mode, t.scope, COUNT(*) AS n FROM (
       ${parts.map((p) => `SELECT x.event_id, x.period, x.type, x.mode, ${SCOPE('x.event_id')} AS scope FROM event_dyads x WHERE ${p.where}`).join(' UNION ')}
     ) t GROUP BY t.period, t.type, t.mode, t.scope`, parts.flatMap((p) => p.params));
  return rows.map((r): EventTotal => ({ period: r.period, type: r.type, ...(r.mode ? { mode: r.mode } : {}), scope: r.scope, events: Number(r.n) }))
    .sort((x, y) => byPeriod(x, y) || x.type.localeCompare(y.type) || x.scope.localeCompare(y.scope) || (x.mode ?? '').localeCompare(y.mode ?? ''));
}

/** How many events each actor takes part in with at least one partner (for lists that put actors with data first). */
export async function countByActor(c: Connection): Promise<Record<string, number>> {
  // Every event of each actor off the actor index, less its events with no other party (an
  // event of its own): two index scans, where reading both sides of the dyad index takes longer.
  const all = await c.all<{ code: string; n: number }>('SELECT code, COUNT(*) AS n FROM event_actors GROUP BY code');
  const alone = await c.all<{ code: string; n: number }>(
    `SELECT x.code, COUNT(*) AS n FROM event_actors x
     JOIN (SELECT event_id FROM event_actors GROUP BY event_id HAVING COUNT(*) = 1) s ON s.event_id = x.event_id
     GROUP BY x.code`);
  const out: Record<string, number> = Object.fromEntries(all.map((r) => [r.code, Number(r.n)]));
  for (const r of alone) out[r.code] = (out[r.code] ?? 0) - Number(r.n);
  return Object.fromEntries(Object.entries(out).filter(([, n]) => n > 0));
}
