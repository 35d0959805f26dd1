/**
 * The database side of event grouping: find the events a mention may report, attach it or
 * create a new event, keep the actor and dyad index rows in step with the event, and after an
 * article is replaced, refresh or delete the events it used to mention. Runs inside the write
 * transaction; on PostgreSQL the caller holds the lock of every event type it touches.
 */
import { dateBounds, dateOfDay, dayNumber, type PartialDate } from '../model/index.ts';
import type { Connection } from './dialect.ts';
import { dyadPairs, rolesOf } from './dyads.ts';
import { bestMatch, DAY_TOLERANCE, morePrecise, type EventShape } from './grouping.ts';
import { insertRows, joinCodes, marks, splitCodes } from './sql.ts';
import type { StoreCapabilities } from './store.ts';

/** A mention as grouping sees it. */
export interface MentionShape extends EventShape {
  readonly mode?: string;
}

interface Candidate extends EventShape {
  readonly id: number;
}

// A year-only event spans 365 days, so a candidate's first day lies at most this far before the
// mention's first day; the bound lets the lookup use the (code, type, date_first, date_last)
// index, which settles the exact test on date_last without reading the events.
const WINDOW_BEFORE = 366 + DAY_TOLERANCE;

function shift(day: string, days: number): string {
  return dateOfDay(dayNumber(day) + days);
}

/** The event this mention reports: an existing one (its date made more precise if need be) or a new one. */
export async function assignEvent(c: Connection, caps: StoreCapabilities, m: MentionShape, now: string): Promise<number> {
  const codes = [...new Set([...m.actors, ...m.recipients])];
  const { first, last } = dateBounds(m.date);
  if (codes.length > 0) {
    const rows = await c.all<{ id: number; date: string; actors: string; recipients: string }>(
      `SELECT DISTINCT e.id, e.date, e.actors, e.recipients
       FROM event_actors x JOIN events e ON e.id = x.event_id
       WHERE x.code IN (${marks(codes.length)}) AND x.type = ? AND x.date_first >= ? AND x.date_first <= ?
         AND x.date_last >= ?`,
      [...codes, m.type, shift(first, -WINDOW_BEFORE), shift(last, DAY_TOLERANCE), shift(first, -DAY_TOLERANCE)],
    );
    const candidates: Candidate[] = rows.map((r) => ({
      id: Number(r.id), type: m.type, date: r.date, actors: splitCodes(r.actors), recipients: splitCodes(r.recipients),
    }));
    const match = bestMatch(m, candidates);
    if (match) {
      const date = morePrecise(match.date, m.date);
      if (date !== match.date) await setEventDate(c, match.id, date);
      return match.id;
    }
  }
  const [row] = await c.all<{ id: number }>(
    `INSERT INTO events (type, mode, date, date_first, date_last, actors, recipients, first_seen)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [m.type, m.mode ?? null, m.date, first, last, joinCodes(m.actors), joinCodes(m.recipients), now],
  );
  const id = Number(row?.id);
  await writeIndex(c, caps, id, { type: m.type, mode: m.mode ?? null, date: m.date }, m.actors, m.recipients);
  return id;
}

/** Make an event's date more precise, in the event and in its index rows. */
async function setEventDate(c: Connection, id: number, date: PartialDate): Promise<void> {
  const { first, last } = dateBounds(date);
  await c.run('UPDATE events SET date = ?, date_first = ?, date_last = ? WHERE id = ?', [date, first, last, id]);
  await c.run('UPDATE event_actors SET date_first = ?, date_last = ? WHERE event_id = ?', [first, last, id]);
  await c.run('UPDATE event_dyads SET date_first = ?, date_last = ?, period = ? WHERE event_id = ?', [first, last, periodOf(date), id]);
}

/** The month of a date ("2022-05"), or its year when that is all it gives. */
const periodOf = (date: PartialDate): string => date.slice(0, 7);

/** Write an event's actor and dyad index rows (the dyad rows carry what counts are grouped by). */
async function writeIndex(
  c: Connection, caps: StoreCapabilities, id: number, e: { type: string; mode: string | null; date: PartialDate },
  actors: readonly string[], recipients: readonly string[],
): Promise<void> {
  const { first, last } = dateBounds(e.date);
  const roles = rolesOf(actors, recipients);
  await insertRows(c, caps, 'event_actors', ['event_id', 'code', 'role', 'type', 'date_first', 'date_last'],
    [...roles].map(([code, role]) => [id, code, role, e.type, first, last]));
  await insertRows(c, caps, 'event_dyads', ['event_id', 'a', 'b', 'date_first', 'date_last', 'period', 'type', 'mode'],
    dyadPairs(roles).map(([a, b]) => [id, a, b, first, last, periodOf(e.date), e.type, e.mode]));
}

/**
 * After an article's mentions were replaced: delete the events no mention reports any more, and
 * re-derive the others from the mentions left (parties and mode from the oldest, date the most
 * precise), since the removed mentions may have founded the event or made its date precise.
 */
export async function refreshEvents(c: Connection, caps: StoreCapabilities, ids: readonly number[]): Promise<void> {
  for (const id of ids) {
    const mentions = await c.all<{ date: string; mode: string | null; actors: string; recipients: string }>(
      'SELECT date, mode, actors, recipients FROM mentions WHERE event_id = ? ORDER BY id', [id]);
    const founder = mentions[0];
    if (!founder) {
      await c.run('DELETE FROM events WHERE id = ?', [id]);
      continue;
    }
    const date = mentions.reduce((d, m) => morePrecise(d, m.date), founder.date);
    const [event] = await c.all<{ type: string; date: string; mode: string | null; actors: string; recipients: string }>(
      'SELECT type, date, mode, actors, recipients FROM events WHERE id = ?', [id]);
    if (event && event.date === date && event.mode === founder.mode
      && event.actors === founder.actors && event.recipients === founder.recipients) continue;
    const { first, last } = dateBounds(date);
    await c.run('UPDATE events SET date = ?, date_first = ?, date_last = ?, mode = ?, actors = ?, recipients = ? WHERE id = ?',
      [date, first, last, founder.mode, founder.actors, founder.recipients, id]);
    await c.run('DELETE FROM event_actors WHERE event_id = ?', [id]);
    await c.run('DELETE FROM event_dyads WHERE event_id = ?', [id]);
    await writeIndex(c, caps, id, { type: event?.type ?? '', mode: founder.mode, date }, splitCodes(founder.actors), splitCodes(founder.recipients));
  }
}
