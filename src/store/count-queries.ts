/**
 * Counting events without reading them: an actor's events grouped by partner, period, type, mode
 * and scope (bilateral or multilateral). Off the summary tables kept with the events
 * (dyad-counts.ts) when the date range is whole months or years and no language is asked for,
 * else off the dyad index (either side of it; its rows carry those columns). An event with
 * several partners is one row per partner in `countEvents`; `countTotals` counts each event once.
 */
import { EVENT_TYPES, QUAD, type EventType } from '../model/index.ts';
import type { Connection, SqlValue } from './dialect.ts';
import { filterBounds, marks, overlapping } from './sql.ts';
import type { CountFilter, EventCount, EventTotal, PartnerCount, Scope } from './store.ts';

/**
 * An event's scope from its number of distinct parties (actors and recipients): two is
 * bilateral, three or more (a summit, a joint statement of a group) multilateral.
 */
const PARTIES = (event: string): string => `(SELECT COUNT(*) FROM event_actors p WHERE p.event_id = ${event})`;
const SCOPE = (event: string): string => `CASE WHEN ${PARTIES(event)} > 2 THEN 'multilateral' ELSE 'bilateral' END`;

/** The filter's type and quad class as a condition on a type column; a type outside the asked quad class matches nothing. */
function typeConditions(filter: Pick<CountFilter, 'type' | 'quad'>, column: string, where: string[], params: SqlValue[]): void {
  if (filter.type === undefined && filter.quad === undefined) return;
  const types = EVENT_TYPES.filter((t) => (filter.type === undefined || t === filter.type) && (filter.quad === undefined || QUAD[t] === filter.quad));
  if (types.length === 0) where.push('1 = 0');
  else {
    where.push(`${column} IN (${marks(types.length)})`);
    params.push(...types);
  }
}

/**
 * Conditions on an event (its id in column `event`, its type and mode in `type` and `mode`) that
 * every count and list shares: its type or quad class, mode, a language among its mentions, its scope.
 */
export function eventConditions(filter: Pick<CountFilter, 'type' | 'quad' | 'mode' | 'lang' | 'scope'>,
  columns: { readonly event: string; readonly type: string; readonly mode: string }, where: string[], params: SqlValue[]): void {
  typeConditions(filter, columns.type, where, params);
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

/** True when a filter date is a year or a month: the summaries' periods answer it exactly. */
const wholePeriod = (date: string | undefined): boolean => date === undefined || /^\d{4}(-\d{2})?$/.test(date);
/** True when a filter date is a year: the yearly summary answers it exactly. */
const wholeYear = (date: string | undefined): boolean => date === undefined || /^\d{4}$/.test(date);

/** True when the summaries answer the filter: whole months or years, no language. */
const summarised = (filter: CountFilter): boolean => wholePeriod(filter.from) && wholePeriod(filter.to) && filter.lang === undefined;

/**
 * A summary's conditions for events overlapping from–to: a month's events overlap when the
 * month does, a year-only event's when its year does (so a period is compared as a month or as
 * a year, by its length).
 */
function periodRange(filter: CountFilter, where: string[], params: SqlValue[]): void {
  // Each test comes with a plain bound on the period (a year sorts before its months), which
  // lets the key's range narrow the rows first.
  if (filter.from !== undefined) {
    const { first } = filterBounds(filter.from, 'from');
    where.push('s.period >= ? AND ((length(s.period) = 7 AND s.period >= ?) OR (length(s.period) = 4 AND s.period >= ?))');
    params.push(first.slice(0, 4), first.slice(0, 7), first.slice(0, 4));
  }
  if (filter.to !== undefined) {
    const { last } = filterBounds(filter.to, 'to');
    where.push('s.period <= ? AND ((length(s.period) = 7 AND s.period <= ?) OR (length(s.period) = 4 AND s.period <= ?))');
    params.push(last.slice(0, 7), last.slice(0, 7), last.slice(0, 4));
  }
}

/** The yearly summary's conditions for a range of whole years. */
function yearRange(filter: CountFilter, where: string[], params: SqlValue[]): void {
  if (filter.from !== undefined) {
    where.push('s.year >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    where.push('s.year <= ?');
    params.push(filter.to);
  }
}

/** A row's period as the filter's `per` groups it (none when the whole range is one period). */
function periodOf(filter: CountFilter, column: string): string | undefined {
  return filter.per === 'year' ? `substr(${column}, 1, 4)` : filter.per === 'range' ? undefined : column;
}

/** A summary table to read: its name, the column holding the period, and whether it has partners. */
interface SummaryTable {
  readonly table: 'dyad_counts' | 'dyad_years' | 'actor_counts';
  readonly period: string;
  readonly partners: boolean;
}

type SummaryRow = { partner?: string; period: string; type: EventType; mode: string; multilateral: number; n: number };

/**
 * Counts read off a summary table (dyad-counts.ts): a bounded number of rows whatever the
 * archive's size; with `byType` false the filter's types and modes are counted together.
 */
async function readSummary(c: Connection, filter: CountFilter, source: SummaryTable, byType = true): Promise<SummaryRow[]> {
  const where = ['s.actor = ?'];
  const params: SqlValue[] = [filter.actor];
  if (filter.partner !== undefined) {
    where.push('s.partner = ?');
    params.push(filter.partner);
  }
  if (source.table === 'dyad_years') yearRange(filter, where, params);
  else periodRange(filter, where, params);
  typeConditions(filter, 's.type', where, params);
  if (filter.mode !== undefined) {
    where.push('s.mode = ?');
    params.push(filter.mode);
  }
  if (filter.scope !== undefined) {
    where.push('s.multilateral = ?');
    params.push(filter.scope === 'multilateral' ? 1 : 0);
  }
  const period = periodOf(filter, `s.${source.period}`);
  const keys = [...(source.partners ? ['s.partner'] : []), ...(period ? [period] : []), ...(byType ? ['s.type', 's.mode'] : []), 's.multilateral'];
  return c.all<SummaryRow>(
    `SELECT ${source.partners ? 's.partner, ' : ''}${period ?? "''"} AS period, ${byType ? 's.type, s.mode' : "'' AS type, '' AS mode"}, s.multilateral, SUM(s.events) AS n
     FROM ${source.table} s WHERE ${where.join(' AND ')}
     GROUP BY ${keys.join(', ')} HAVING SUM(s.events) > 0`, params);
}

const scopeOf = (multilateral: number): Scope => (Number(multilateral) === 1 ? 'multilateral' : 'bilateral');

/** An actor's per-partner rows off the summaries: by year or the whole range off the yearly one when the range is whole years. */
function partnerSummary(c: Connection, filter: CountFilter, byType: boolean): Promise<SummaryRow[]> {
  const yearly = filter.per !== undefined && filter.per !== 'month' && wholeYear(filter.from) && wholeYear(filter.to);
  return readSummary(c, filter, yearly
    ? { table: 'dyad_years', period: 'year', partners: true }
    : { table: 'dyad_counts', period: 'period', partners: true }, byType);
}

/** An actor's counts read off the summaries. */
async function countFromSummary(c: Connection, filter: CountFilter): Promise<EventCount[]> {
  const rows = await partnerSummary(c, filter, true);
  return rows.map((r) => ({
    partner: r.partner as string, period: r.period, type: r.type, ...(r.mode ? { mode: r.mode } : {}), scope: scopeOf(r.multilateral), events: Number(r.n),
  }));
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** An actor's events counted by partner, period, type, mode and scope, ordered by period then partner, type and mode. */
export async function countEvents(c: Connection, filter: CountFilter): Promise<EventCount[]> {
  const out = summarised(filter) ? await countFromSummary(c, filter) : await countFromIndex(c, filter);
  return out.sort((x, y) => byPeriod(x, y) || cmp(x.partner, y.partner) || cmp(x.type, y.type) || cmp(x.mode ?? '', y.mode ?? '') || cmp(x.scope, y.scope));
}

/** An actor's counts off the dyad index: for date ranges finer than a month, or a language. */
async function countFromIndex(c: Connection, filter: CountFilter): Promise<EventCount[]> {
  return (await indexRows(c, filter, true)).map((r) => ({
    partner: r.partner, period: r.period, type: r.type, ...(r.mode ? { mode: r.mode } : {}), scope: r.scope, events: Number(r.n),
  }));
}

/** An actor's per-partner rows off either side of the dyad index; with `byType` false, types and modes together. */
async function indexRows(c: Connection, filter: CountFilter, byType: boolean): Promise<(CountRow & { partner: string })[]> {
  const out: (CountRow & { partner: string })[] = [];
  const period = periodOf(filter, 'x.period');
  const [inner, outer, grouped] = byType ? ['x.type, x.mode, ', 't.type, t.mode', ', t.type, t.mode'] : ['', "'' AS type, '' AS mode", ''];
  for (const side of sidesOf(filter)) {
    const other = side === 'a' ? 'b' : 'a';
    const { where, params } = sideWhere(side, filter);
    out.push(...await c.all<CountRow & { partner: string }>(
      `SELECT t.partner, t.period, ${outer}, t.scope, COUNT(*) AS n FROM (
         SELECT x.${other} AS partner, ${period ?? "''"} AS period, ${inner}${SCOPE('x.event_id')} AS scope
         FROM event_dyads x WHERE ${where}) t
       GROUP BY t.partner, t.period${grouped}, t.scope`, params));
  }
  return out;
}

/**
 * An actor's events counted by partner, period and scope, the filter's types and modes together
 * (as `countEvents` would give them, summed): far fewer rows where only the number matters.
 */
export async function countPartners(c: Connection, filter: CountFilter): Promise<PartnerCount[]> {
  const rows: { partner?: string; period: string; scope?: Scope; multilateral?: number; n: number }[] = summarised(filter)
    ? await partnerSummary(c, filter, false)
    : await indexRows(c, filter, false);
  return rows.map((r) => ({ partner: r.partner as string, period: r.period, scope: r.scope ?? scopeOf(r.multilateral ?? 0), events: Number(r.n) }))
    .sort((x, y) => byPeriod(x, y) || cmp(x.partner, y.partner) || cmp(x.scope, y.scope));
}

/**
 * An actor's events (with one partner, or with any) counted once each, by period, type, mode and
 * scope: off dyad_counts for a pair (a pair's row is one event), off actor_counts for an actor
 * with any partner, else off the dyad index.
 */
export async function countTotals(c: Connection, filter: CountFilter): Promise<EventTotal[]> {
  const rows: CountRow[] = summarised(filter)
    ? (await readSummary(c, filter, filter.partner !== undefined
      ? { table: 'dyad_counts', period: 'period', partners: false }
      : { table: 'actor_counts', period: 'period', partners: false })).map((r) => ({ ...r, mode: r.mode || null, scope: scopeOf(r.multilateral) }))
    : await totalsFromIndex(c, filter);
  return rows.map((r): EventTotal => ({ period: r.period, type: r.type, ...(r.mode ? { mode: r.mode } : {}), scope: r.scope, events: Number(r.n) }))
    .sort((x, y) => byPeriod(x, y) || cmp(x.type, y.type) || cmp(x.scope, y.scope) || cmp(x.mode ?? '', y.mode ?? ''));
}

/** Totals off the dyad index: for date ranges finer than a month, or a language. */
async function totalsFromIndex(c: Connection, filter: CountFilter): Promise<CountRow[]> {
  const parts = sidesOf(filter).map((side) => sideWhere(side, filter));
  const period = periodOf(filter, 'x.period');
  // UNION drops the second row of an event that has partners on both sides of the index.
  return c.all<CountRow>(
    `SELECT t.period, t.type, t.mode, t.scope, COUNT(*) AS n FROM (
       ${parts.map((p) => `SELECT x.event_id, ${period ?? "''"} AS period, x.type, x.mode, ${SCOPE('x.event_id')} AS scope FROM event_dyads x WHERE ${p.where}`).join(' UNION ')}
     ) t GROUP BY t.period, t.type, t.mode, t.scope`, parts.flatMap((p) => p.params));
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
