/**
 * Counting events without reading them: an actor's events grouped by partner, period, type and
 * mode, straight off the dyad index (either side of it; its rows carry those columns), for
 * timelines and profiles over archives of millions of events.
 */
import type { EventType } from '../model/index.ts';
import type { Connection, SqlValue } from './dialect.ts';
import { overlapping } from './sql.ts';
import type { CountFilter, EventCount } from './store.ts';

/** One side of the dyad index: rows where `actor` is in column `side`. */
function sideQuery(side: 'a' | 'b', filter: CountFilter): { sql: string; params: SqlValue[] } {
  const other = side === 'a' ? 'b' : 'a';
  const where = [`x.${side} = ?`];
  const params: SqlValue[] = [filter.actor];
  if (filter.partner !== undefined) {
    where.push(`x.${other} = ?`);
    params.push(filter.partner);
  }
  overlapping(filter, 'x.date_first', 'x.date_last', where, params);
  return {
    sql: `SELECT x.${other} AS partner, x.period, x.type, x.mode, COUNT(*) AS n
      FROM event_dyads x WHERE ${where.join(' AND ')}
      GROUP BY x.${other}, x.period, x.type, x.mode`,
    params,
  };
}

/** An actor's events counted by partner, period, type and mode, ordered by period. */
export async function countEvents(c: Connection, filter: CountFilter): Promise<EventCount[]> {
  // A pair is stored once, with its codes in order: the actor may be either column.
  const sides = filter.partner === undefined ? (['a', 'b'] as const)
    : [filter.actor < filter.partner ? 'a' as const : 'b' as const];
  const out: EventCount[] = [];
  for (const side of sides) {
    const { sql, params } = sideQuery(side, filter);
    for (const r of await c.all<{ partner: string; period: string; type: EventType; mode: string | null; n: number }>(sql, params)) {
      out.push({ partner: r.partner, period: r.period, type: r.type, ...(r.mode ? { mode: r.mode } : {}), events: Number(r.n) });
    }
  }
  return out.sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0) || (x.partner < y.partner ? -1 : x.partner > y.partner ? 1 : 0));
}
