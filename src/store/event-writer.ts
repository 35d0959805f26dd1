/**
 * Writing event rows and the index rows kept in step with them: an event's shape is its
 * leading mention's (type, parties, date), its mode is derived from its mentions (grouping.ts
 * `modeOf`); event_actors and event_dyads carry what lookups and counts read; mention_actors
 * lets regrouping find the mentions around a date. Runs inside the write transaction.
 */
import { dateBounds, type PartialDate } from '../model/index.ts';
import type { Connection } from './dialect.ts';
import { dyadPairs, rolesOf } from './dyads.ts';
import { modeOf, type EventShape } from './grouping.ts';
import { chunks, insertRows, joinCodes, marks } from './sql.ts';
import type { StoreCapabilities } from './store.ts';

/** What an event row is written from: its leader's shape and rank, and the leader's row id once stored. */
export interface EventHead extends EventShape {
  readonly rank: string;
  readonly leaderId: number | null;
}

/** The month of a date ("2022-05"), or its year when that is all it gives. */
const periodOf = (date: PartialDate): string => date.slice(0, 7);

/** Insert an event led by `head`; returns its id. Its mode is set by `refreshModes`. */
export async function insertEvent(c: Connection, caps: StoreCapabilities, head: EventHead, firstSeen: string): Promise<number> {
  const { first, last } = dateBounds(head.date);
  const [row] = await c.all<{ id: number }>(
    `INSERT INTO events (type, mode, date, date_first, date_last, actors, recipients, first_seen, rank, leader_id)
     VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [head.type, head.date, first, last, joinCodes(head.actors), joinCodes(head.recipients), firstSeen, head.rank, head.leaderId],
  );
  const id = Number(row?.id);
  await writeIndex(c, caps, id, head, null);
  return id;
}

/** Give an existing event (its id kept) a new leader, and its index rows the leader's shape. */
export async function rewriteEvent(c: Connection, caps: StoreCapabilities, id: number, head: EventHead): Promise<void> {
  const { first, last } = dateBounds(head.date);
  await c.run(
    'UPDATE events SET type = ?, date = ?, date_first = ?, date_last = ?, actors = ?, recipients = ?, rank = ?, leader_id = ? WHERE id = ?',
    [head.type, head.date, first, last, joinCodes(head.actors), joinCodes(head.recipients), head.rank, head.leaderId, id]);
  await c.run('DELETE FROM event_actors WHERE event_id = ?', [id]);
  await c.run('DELETE FROM event_dyads WHERE event_id = ?', [id]);
  const [row] = await c.all<{ mode: string | null }>('SELECT mode FROM events WHERE id = ?', [id]);
  await writeIndex(c, caps, id, head, row?.mode ?? null);
}

/** Record the stored leader of an event that was written before its leader had a row id. */
export async function setLeader(c: Connection, eventId: number, leaderId: number): Promise<void> {
  await c.run('UPDATE events SET leader_id = ? WHERE id = ?', [leaderId, eventId]);
}

/** Write an event's actor and dyad index rows (the dyad rows carry what counts are grouped by). */
async function writeIndex(c: Connection, caps: StoreCapabilities, id: number, e: EventShape, mode: string | null): Promise<void> {
  const { first, last } = dateBounds(e.date);
  const roles = rolesOf(e.actors, e.recipients);
  await insertRows(c, caps, 'event_actors', ['event_id', 'code', 'role', 'type', 'date_first', 'date_last'],
    [...roles].map(([code, role]) => [id, code, role, e.type, first, last]));
  await insertRows(c, caps, 'event_dyads', ['event_id', 'a', 'b', 'date_first', 'date_last', 'period', 'type', 'mode'],
    dyadPairs(roles).map(([a, b]) => [id, a, b, first, last, periodOf(e.date), e.type, mode]));
}

/** Write the index rows by which regrouping finds a stored mention: one per code, with its type and date span. */
export async function indexMention(c: Connection, caps: StoreCapabilities, id: number, m: EventShape): Promise<void> {
  const { first, last } = dateBounds(m.date);
  await insertRows(c, caps, 'mention_actors', ['mention_id', 'code', 'type', 'date_first', 'date_last'],
    [...new Set([...m.actors, ...m.recipients])].map((code) => [id, code, m.type, first, last]));
}

/** Set each event's mode from its mentions, in the event and in its dyad rows, where it changed. */
export async function refreshModes(c: Connection, caps: StoreCapabilities, ids: Iterable<number>): Promise<void> {
  for (const part of chunks([...new Set(ids)], caps)) {
    const rows = await c.all<{ event_id: number; id: number; rank: string; mode: string | null; current: string | null }>(
      `SELECT m.event_id, m.id, m.rank, m.mode, e.mode AS current FROM mentions m JOIN events e ON e.id = m.event_id
       WHERE m.event_id IN (${marks(part.length)})`, part);
    const byEvent = new Map<number, { current: string | null; members: { rank: string; seq: number; mode: string | null }[] }>();
    for (const r of rows) {
      const id = Number(r.event_id);
      const entry = byEvent.get(id) ?? { current: r.current, members: [] };
      entry.members.push({ rank: r.rank, seq: Number(r.id), mode: r.mode });
      byEvent.set(id, entry);
    }
    for (const [id, { current, members }] of byEvent) {
      const mode = modeOf(members);
      if (mode === current) continue;
      await c.run('UPDATE events SET mode = ? WHERE id = ?', [mode, id]);
      await c.run('UPDATE event_dyads SET mode = ? WHERE event_id = ?', [mode, id]);
    }
  }
}
