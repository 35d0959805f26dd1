/**
 * Reading events. A filter on an actor or a dyad starts from its index table (event_actors,
 * event_dyads), ordered by (code or pair, date), so a dyad's events on an archive of millions
 * come off one index range instead of a scan.
 */
import { dateOfDay, dayNumber } from '../model/index.ts';
import type { Connection, SqlValue } from './dialect.ts';
import { eventConditions } from './count-queries.ts';
import { selectMentions, withCounts } from './rows.ts';
import { filterBounds, pageOf } from './sql.ts';
import type { EventFilter, EventRow, ExportedEvent, MentionRow, StoreCapabilities } from './store.ts';

/** Events matching a filter, oldest first. */
export async function findEvents(c: Connection, caps: StoreCapabilities, filter: EventFilter): Promise<EventRow[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  let source = 'events e';
  let date = 'e.date_first';
  let order = 'e.date_first, e.id';
  if (filter.dyad) {
    const [a, b] = [...filter.dyad].sort();
    source = 'event_dyads x JOIN events e ON e.id = x.event_id';
    where.push('x.a = ? AND x.b = ?');
    params.push(a ?? '', b ?? '');
    [date, order] = ['x.date_first', 'x.date_first, x.event_id'];
  }
  if (filter.actor !== undefined) {
    if (filter.dyad) {
      where.push('EXISTS (SELECT 1 FROM event_actors y WHERE y.event_id = e.id AND y.code = ?)');
    } else {
      source = 'event_actors x JOIN events e ON e.id = x.event_id';
      where.push('x.code = ?');
      [date, order] = ['x.date_first', 'x.date_first, x.event_id'];
    }
    params.push(filter.actor);
  }
  if (filter.from !== undefined) {
    const { first } = filterBounds(filter.from, 'from');
    // The exact test is on date_last; the bound on date_first (a year earlier at most) lets the
    // index narrow the range first.
    where.push(`${date} >= ? AND e.date_last >= ?`);
    params.push(dateOfDay(dayNumber(first) - 366), first);
  }
  if (filter.to !== undefined) {
    where.push(`${date} <= ?`);
    params.push(filterBounds(filter.to, 'to').last);
  }
  eventConditions(filter, { event: 'e.id', type: 'e.type', mode: 'e.mode' }, where, params);
  const [limit, offset] = pageOf(filter);
  const rows = await c.all(
    `SELECT e.* FROM ${source} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`,
    [...params, limit, offset]);
  return withCounts(c, caps, rows);
}

/** Every mention of one event. */
export async function findEventMentions(c: Connection, caps: StoreCapabilities, eventId: number): Promise<MentionRow[]> {
  return selectMentions(c, caps, 'm.event_id = ?', [eventId]);
}

/** One page of the export: events with ids above `after`, with their mentions. */
export async function exportPage(c: Connection, caps: StoreCapabilities, after: number, size: number): Promise<ExportedEvent[]> {
  const events = await withCounts(c, caps, await c.all('SELECT e.* FROM events e WHERE e.id > ? ORDER BY e.id LIMIT ?', [after, size]));
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) return [];
  const byEvent = new Map<number, MentionRow[]>();
  for (const m of await selectMentions(c, caps, 'm.event_id >= ? AND m.event_id <= ?', [first.id, last.id])) {
    const list = byEvent.get(m.eventId) ?? [];
    list.push(m);
    byEvent.set(m.eventId, list);
  }
  return events.map((event) => ({ event, mentions: byEvent.get(event.id) ?? [] }));
}
