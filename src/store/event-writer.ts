/**
 * Writing event rows and the index rows kept in step with them. An event's shape is its leading
 * mention's (type, parties, date) and its rank the leader's rank, so a mention leads its event
 * exactly when their ranks are equal; its mode is derived from its mentions (grouping.ts
 * `modeOf`). event_actors and event_dyads carry what lookups and counts read; mention_actors
 * lets regrouping find the mentions around a date. Runs inside the write transaction.
 */
import { dateBounds, type PartialDate } from '../model/index.ts';
import type { Connection, SqlValue } from './dialect.ts';
import { dyadPairs, rolesOf } from './dyads.ts';
import { Contributions } from './dyad-counts.ts';
import { modeOf, type EventShape } from './grouping.ts';
import { chunks, insertNumbered, insertRows, joinCodes, marks, updateById } from './sql.ts';
import type { StoreCapabilities } from './store.ts';

/** What an event row is written from: its leader's shape and rank, and its mode. */
export interface EventHead extends EventShape {
  readonly rank: string;
  readonly mode: string | null;
}

/** The month of a date ("2022-05"), or its year when that is all it gives. */
const periodOf = (date: PartialDate): string => date.slice(0, 7);

/** Index rows of events and mentions, written together in as few statements as the backend allows. */
export class IndexRows {
  readonly #eventActors: SqlValue[][] = [];
  readonly #eventDyads: SqlValue[][] = [];
  readonly #mentionActors: SqlValue[][] = [];

  readonly #multilateral = new Set<number>();

  /** An event's actor and dyad rows (the dyad rows carry what counts are grouped by). */
  event(id: number, e: EventHead): void {
    const { first, last } = dateBounds(e.date);
    const roles = rolesOf(e.actors, e.recipients);
    if (roles.size > 2) this.#multilateral.add(id);
    for (const [code, role] of roles) this.#eventActors.push([id, code, role, e.type, first, last]);
    for (const [a, b] of dyadPairs(roles)) this.#eventDyads.push([id, a, b, first, last, periodOf(e.date), e.type, e.mode]);
  }

  /** What the dyad rows gathered for these events contribute to the count summaries (dyad-counts.ts). */
  contributions(ids: ReadonlySet<number>): Contributions {
    const byEvent = new Map<number, { pairs: [string, string][]; period: string; type: string; mode: string }>();
    for (const [id, a, b, , , period, type, mode] of this.#eventDyads) {
      if (!ids.has(id as number)) continue;
      const e = byEvent.get(id as number) ?? { pairs: [], period: period as string, type: type as string, mode: (mode as string | null) ?? '' };
      e.pairs.push([a as string, b as string]);
      byEvent.set(id as number, e);
    }
    const out = new Contributions();
    for (const [id, e] of byEvent) out.event(e.pairs, e.period, e.type, e.mode, this.#multilateral.has(id));
    return out;
  }

  /** A mention's rows: one per code, with its type and date span. */
  mention(id: number, m: EventShape): void {
    const { first, last } = dateBounds(m.date);
    for (const code of new Set([...m.actors, ...m.recipients])) this.#mentionActors.push([id, code, m.type, first, last]);
  }

  /** Write the rows gathered so far. */
  async write(c: Connection, caps: StoreCapabilities): Promise<void> {
    await insertRows(c, caps, 'event_actors', ['event_id', 'code', 'role', 'type', 'date_first', 'date_last'], this.#eventActors.splice(0));
    await insertRows(c, caps, 'event_dyads', ['event_id', 'a', 'b', 'date_first', 'date_last', 'period', 'type', 'mode'], this.#eventDyads.splice(0));
    await insertRows(c, caps, 'mention_actors', ['mention_id', 'code', 'type', 'date_first', 'date_last'], this.#mentionActors.splice(0));
  }
}

/** A new event: its leader's head and when the archive first saw it. */
export interface NewEvent {
  readonly head: EventHead;
  readonly firstSeen: string;
}

const EVENT_COLUMNS = ['type', 'mode', 'date', 'date_first', 'date_last', 'actors', 'recipients', 'first_seen', 'rank'];

/**
 * Insert events in as few statements as the backend allows; returns their ids in the order
 * given (their index rows go to `index`). A leader's rank is unique, so it tells which row is which.
 */
export async function insertEvents(c: Connection, caps: StoreCapabilities, events: readonly NewEvent[], index: IndexRows): Promise<number[]> {
  const rows = events.map(({ head, firstSeen }) => {
    const { first, last } = dateBounds(head.date);
    return [head.type, head.mode, head.date, first, last, joinCodes(head.actors), joinCodes(head.recipients), firstSeen, head.rank];
  });
  const ids = await insertNumbered(c, caps, 'events', EVENT_COLUMNS, rows, ['rank']);
  events.forEach(({ head }, i) => index.event(ids[i] as number, head));
  return ids;
}

/** Insert one event led by `head`; returns its id. */
export async function insertEvent(c: Connection, caps: StoreCapabilities, head: EventHead, firstSeen: string, index: IndexRows): Promise<number> {
  return (await insertEvents(c, caps, [{ head, firstSeen }], index))[0] as number;
}

/**
 * Give events (their ids kept) new leaders. A new leader often reports the event just as the
 * old one did (a copy in another article): then only the rank changes, and the index rows stay.
 */
export async function rewriteEvents(c: Connection, caps: StoreCapabilities, events: ReadonlyMap<number, EventHead>, index: IndexRows): Promise<void> {
  const reshaped: number[] = [];
  const reranked: [number, string][] = [];
  for (const part of chunks([...events.keys()], caps)) {
    const rows = await c.all<{ id: number; type: string; mode: string | null; date: string; actors: string; recipients: string }>(
      `SELECT id, type, mode, date, actors, recipients FROM events WHERE id IN (${marks(part.length)})`, part);
    for (const r of rows) {
      const head = events.get(Number(r.id)) as EventHead;
      const same = r.type === head.type && r.mode === head.mode && r.date === head.date
        && r.actors === joinCodes(head.actors) && r.recipients === joinCodes(head.recipients);
      if (same) reranked.push([Number(r.id), head.rank]);
      else reshaped.push(Number(r.id));
    }
  }
  await updateById(c, caps, 'events', 'rank', reranked);
  for (const part of chunks(reshaped, caps)) {
    await c.run(`DELETE FROM event_actors WHERE event_id IN (${marks(part.length)})`, part);
    await c.run(`DELETE FROM event_dyads WHERE event_id IN (${marks(part.length)})`, part);
  }
  for (const id of reshaped) {
    const head = events.get(id) as EventHead;
    const { first, last } = dateBounds(head.date);
    await c.run(
      'UPDATE events SET type = ?, mode = ?, date = ?, date_first = ?, date_last = ?, actors = ?, recipients = ?, rank = ? WHERE id = ?',
      [head.type, head.mode, head.date, first, last, joinCodes(head.actors), joinCodes(head.recipients), head.rank, id]);
    index.event(id, head);
  }
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
