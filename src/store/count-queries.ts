/**
 * Counting events without reading them: an actor's events grouped by partner, period, type and
 * mode, off the summary table kept with the events (dyad-counts.ts) when the date range is whole
 * months or years, else off the dyad index (either side of it; its rows carry those columns).
 */
import type { EventType } from '../model/index.ts';
import type { Connection, SqlValue } from './dialect.ts';
import { filterBounds, overlapping } from './sql.ts';
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

/** True when a filter date is a year or a month: the summary's periods answer it exactly. */
const byPeriod = (date: string | undefined): boolean => date === undefined || /^\d{4}(-\d{2})?$/.test(date);

/**
 * The summary's conditions for events overlapping from–to: a month's events overlap when the
 * month does, a year-only event's when its year does (so a period is compared as a month or as
 * a year, by its length).
 */
function periodRange(filter: CountFilter, where: string[], params: SqlValue[]): void {
  if (filter.from !== undefined) {
    const { first } = filterBounds(filter.from, 'from');
    where.push('((length(s.period) = 7 AND s.period >= ?) OR (length(s.period) = 4 AND s.period >= ?))');
    params.push(first.slice(0, 7), first.slice(0, 4));
  }
  if (filter.to !== undefined) {
    const { last } = filterBounds(filter.to, 'to');
    where.push('((length(s.period) = 7 AND s.period <= ?) OR (length(s.period) = 4 AND s.period <= ?))');
    params.push(last.slice(0, 7), last.slice(0, 4));
  }
}

/** An actor's counts read off the summary table (dyad-counts.ts): a few hundred rows whatever the archive's size. */
async function countFromSummary(c: Connection, filter: CountFilter): Promise<EventCount[]> {
  const where = ['s.actor = ?'];
  const params: SqlValue[] = [filter.actor];
  if (filter.partner !== undefined) {
    where.push('s.partner = ?');
    params.push(filter.partner);
  }
  periodRange(filter, where, params);
  const rows = await c.all<{ partner: string; period: string; type: EventType; mode: string; n: number }>(
    `SELECT s.partner, s.period, s.type, s.mode, SUM(s.events) AS n FROM dyad_counts s WHERE ${where.join(' AND ')}
     GROUP BY s.partner, s.period, s.type, s.mode`, params);
  return rows.map((r) => ({ partner: r.partner, period: r.period, type: r.type, ...(r.mode ? { mode: r.mode } : {}), events: Number(r.n) }));
}

/** An actor's events counted by partner, period, type and mode, ordered by period. */
export async function countEvents(c: Connection, filter: CountFilter): Promise<EventCount[]> {
  const out = byPeriod(filter.from) && byPeriod(filter.to) ? await countFromSummary(c, filter) : await countFromIndex(c, filter);
  return out.sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0) || (x.partner < y.partner ? -1 : x.partner > y.partner ? 1 : 0)
    || (x.type < y.type ? -1 : x.type > y.type ? 1 : 0) || ((x.mode ?? '') < (y.mode ?? '') ? -1 : (x.mode ?? '') > (y.mode ?? '') ? 1 : 0));
}

/** An actor's counts off the dyad index, for date ranges finer than a month. */
async function countFromIndex(c: Connection, filter: CountFilter): Promise<EventCount[]> {
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
  return out;
}
