/**
 * Keeping the archive's events what the grouping rule (grouping.ts) makes of the mentions it
 * holds, when mentions arrive or leave. The rule takes mentions in a fixed order, each joining
 * an event led by an earlier one or leading its own, so a change can only affect what comes
 * after it in that order: a sweep re-decides, in order, exactly the mentions whose choice may
 * have changed (the new ones; the followers of a leader that left or now follows; the later
 * mentions that match a new leader) and stops where nothing changes. The result is what
 * grouping the whole set from scratch gives (clustering.ts), whatever the order of the writes.
 *
 * Runs inside the write transaction; on PostgreSQL the caller holds the lock of every event
 * type involved (a sweep never leaves the type it starts in).
 */
import { dateBounds, dateOfDay, dayNumber } from '../model/index.ts';
import { WINDOW_BEFORE, inheritIds } from './clustering.ts';
import type { Connection } from './dialect.ts';
import { IndexRows, insertEvents, refreshModes, rewriteEvents, type EventHead } from './event-writer.ts';
import { chooseLeader, compareRanked, DAY_TOLERANCE, modeOf, sameEvent, type EventShape, type RankedShape } from './grouping.ts';
import { chunks, marks, splitCodes, updateById } from './sql.ts';
import type { StoreCapabilities } from './store.ts';

/** A mention about to be stored. */
export interface AddedMention extends Omit<RankedShape, 'seq'> {
  readonly mode: string | null;
  /** The event of the stored mention this one replaces (the same report in a new version of its article). */
  readonly formerEvent?: number;
}

/** What changed before the sweep: mentions to add, and events that lost mentions already deleted. */
export interface MentionChanges {
  readonly added: readonly AddedMention[];
  /** Events whose leading mention was deleted. */
  readonly leaderless: ReadonlySet<number>;
  /** Events that lost other mentions (their mode may change). */
  readonly thinned: ReadonlySet<number>;
}

/** A mention in the sweep: stored (with its row id and event) or about to be added (its index in `added`). */
interface Node extends RankedShape {
  readonly mode: string | null;
  readonly stored?: { readonly id: number; readonly article: number; readonly event: number; readonly leads: boolean };
  readonly added?: number;
  readonly formerEvent?: number;
}

/** A leader a mention may join: a stored event's leader, or a node that leads since this sweep. */
type Leader = Node & { readonly event?: number };

// Added mentions come after every stored one of equal rank, as their row ids will.
const ADDED_SEQ = 2 ** 52;

// A mention leads its event when it has the event's rank (ranks are unique in an archive).
const MENTION_COLUMNS = `m.id, m.article_id, m.event_id, m.rank, m.type, m.date, m.mode, m.actors, m.recipients,
  CASE WHEN e.rank = m.rank THEN 1 ELSE 0 END AS leads`;

type MentionRow = {
  id: number; article_id: number; event_id: number; rank: string; type: string; date: string; mode: string | null;
  actors: string; recipients: string; leads: number;
};

function nodeOf(r: MentionRow): Node {
  return {
    rank: r.rank, seq: Number(r.id), type: r.type, date: r.date, mode: r.mode,
    actors: splitCodes(r.actors), recipients: splitCodes(r.recipients),
    stored: { id: Number(r.id), article: Number(r.article_id), event: Number(r.event_id), leads: Number(r.leads) === 1 },
  };
}

/** The stored mentions of an event. */
async function membersOf(c: Connection, eventId: number): Promise<Node[]> {
  const rows = await c.all<MentionRow>(
    `SELECT ${MENTION_COLUMNS} FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.event_id = ?`, [eventId]);
  return rows.map(nodeOf);
}

const shift = (day: string, days: number): string => dateOfDay(dayNumber(day) + days);

type EventRow = { id: number; rank: string; date: string; actors: string; recipients: string };

/**
 * Stored events of a type sharing a code with a shape around its date. Nothing is written while
 * the sweep runs, so the answer for one shape holds for the whole sweep: the many reports of one
 * event that re-decide after a new leader arrives mostly share a shape, and ask once.
 */
class StoredEvents {
  readonly #c: Connection;
  readonly #answers = new Map<string, EventRow[]>();

  constructor(c: Connection) {
    this.#c = c;
  }

  async near(m: EventShape): Promise<readonly EventRow[]> {
    const codes = [...new Set([...m.actors, ...m.recipients])].sort();
    const key = `${m.type} ${codes.join(' ')} ${m.date}`;
    const known = this.#answers.get(key);
    if (known) return known;
    const { first, last } = dateBounds(m.date);
    // A year-only event's first day lies up to a year before the mention's: the lower bound keeps
    // the lookup on one range of the (code, type, date_first, date_last) index.
    const rows = await this.#c.all<EventRow>(
      `SELECT DISTINCT e.id, e.rank, e.date, e.actors, e.recipients
       FROM event_actors x JOIN events e ON e.id = x.event_id
       WHERE x.code IN (${marks(codes.length)}) AND x.type = ? AND x.date_first >= ? AND x.date_first <= ? AND x.date_last >= ?`,
      [...codes, m.type, shift(first, -WINDOW_BEFORE), shift(last, DAY_TOLERANCE), shift(first, -DAY_TOLERANCE)]);
    this.#answers.set(key, rows);
    return rows;
  }

  /** The leaders m may join among the stored events: those whose leaders still lead, other than m. */
  async leadersNear(m: Node, dropped: ReadonlySet<number>): Promise<Leader[]> {
    return (await this.near(m))
      // An event with m's rank is the one m leads (ranks are unique).
      .filter((r) => !dropped.has(Number(r.id)) && r.rank !== m.rank)
      .map((r) => ({
        event: Number(r.id), rank: r.rank, seq: 0, type: m.type, date: r.date, mode: null,
        actors: splitCodes(r.actors), recipients: splitCodes(r.recipients),
      }));
  }
}

/**
 * Stored mentions that come after m in the grouping order and report the same event: those a
 * new leader m may take over. Coming after m, they are as precise as m or less: a day at most 3
 * days later, or m's month or year; so they start on one of a few days, each a point of the
 * mention index.
 */
async function storedFollowersOf(c: Connection, m: Node): Promise<Node[]> {
  const codes = [...new Set([...m.actors, ...m.recipients])];
  const { first, last } = dateBounds(m.date);
  const days = first === last ? Array.from({ length: DAY_TOLERANCE + 1 }, (_, i) => shift(first, i)) : [first];
  const starts = [...new Set([...days, `${first.slice(0, 7)}-01`, `${first.slice(0, 4)}-01-01`])];
  const rows = await c.all<MentionRow>(
    `SELECT DISTINCT ${MENTION_COLUMNS}
     FROM mention_actors y JOIN mentions m ON m.id = y.mention_id JOIN events e ON e.id = m.event_id
     WHERE y.code IN (${marks(codes.length)}) AND y.type = ? AND y.date_first IN (${marks(starts.length)})`,
    [...codes, m.type, ...starts]);
  return rows.map(nodeOf).filter((n) => compareRanked(n, m) > 0 && sameEvent(n, m));
}

/** The order in which the sweep re-decides mentions, each once. */
class Queue {
  readonly #items: Node[] = [];
  readonly #seen = new Set<number>();

  push(nodes: Iterable<Node>): void {
    for (const n of nodes) {
      if (this.#seen.has(n.seq)) continue;
      this.#seen.add(n.seq);
      this.#items.push(n);
    }
    this.#items.sort((a, b) => compareRanked(b, a));
  }

  pop(): Node | undefined {
    return this.#items.pop();
  }
}

/** The sweep's outcome: each re-decided mention's leader, and the events whose leader no longer leads. */
interface Plan {
  readonly decided: readonly { readonly node: Node; readonly leader: Leader }[];
  readonly dropped: ReadonlySet<number>;
}

async function sweep(c: Connection, changes: MentionChanges): Promise<Plan> {
  const queue = new Queue();
  const dropped = new Set<number>(changes.leaderless);
  const newLeaders: Node[] = [];
  const decided: { node: Node; leader: Leader }[] = [];
  const stored = new StoredEvents(c);
  queue.push(changes.added.map((a, i): Node => ({ ...a, seq: ADDED_SEQ + i, added: i })));
  for (const id of changes.leaderless) queue.push(await membersOf(c, id));

  for (let m = queue.pop(); m; m = queue.pop()) {
    const candidates = [...await stored.leadersNear(m, dropped), ...newLeaders.filter((l) => l.type === m.type)];
    const leader = chooseLeader(m, candidates);
    const led = m.stored?.leads === true ? m.stored.event : undefined;
    if (leader) {
      decided.push({ node: m, leader });
      if (led !== undefined) {
        // A leader that now follows an earlier one: its followers choose again.
        dropped.add(led);
        queue.push(await membersOf(c, led));
      }
    } else if (led !== undefined) {
      decided.push({ node: m, leader: { ...m, event: led } });
    } else {
      // A new leader: the later mentions it matches may prefer it (and a leader among them now follows it).
      decided.push({ node: m, leader: m });
      newLeaders.push(m);
      queue.push(await storedFollowersOf(c, m));
    }
  }
  return { decided, dropped };
}

/**
 * Regroup what the changes affect: the added mentions are stored by `store`, given the event of
 * each, once their events exist. Returns the articles whose stored mentions moved to another
 * event (their translation links are computed from the events they report).
 */
export async function applyChanges(
  c: Connection, caps: StoreCapabilities, changes: MentionChanges, now: string,
  store: (events: readonly number[], index: IndexRows) => Promise<void>,
): Promise<ReadonlySet<number>> {
  const { decided, dropped } = await sweep(c, changes);

  // Each new leader with its members (all of them: none followed it before); a group may keep a dropped event's id.
  const groups = new Map<Node, Node[]>();
  for (const { node, leader } of decided) {
    if (leader.event === undefined) groups.set(leader, [...(groups.get(leader) ?? []), node]);
  }
  const leaders = [...groups.keys()].sort(compareRanked);
  const former = (n: Node): number | undefined => n.stored?.event ?? n.formerEvent;
  const kept = inheritIds(leaders.map((key) => ({ key, formerEvents: (groups.get(key) ?? []).map(former) })), dropped);

  const index = new IndexRows();
  const eventOf = new Map<Node, number>();
  const rewritten = new Map<number, EventHead>();
  const fresh: { leader: Node; head: EventHead; formers: (number | undefined)[] }[] = [];
  for (const l of leaders) {
    const members = groups.get(l) ?? [];
    const head: EventHead = { type: l.type, actors: l.actors, recipients: l.recipients, date: l.date, rank: l.rank, mode: modeOf(members) };
    const id = kept.get(l);
    if (id === undefined) {
      fresh.push({ leader: l, head, formers: members.map(former) });
    } else {
      rewritten.set(id, head);
      eventOf.set(l, id);
    }
  }
  // New events are numbered in their leaders' order, as when they were inserted one by one.
  const seen = await firstSeen(c, caps, fresh.map((f) => f.formers), now);
  const ids = await insertEvents(c, caps, fresh.map((f, i) => ({ head: f.head, firstSeen: seen[i] ?? now })), index);
  fresh.forEach((f, i) => eventOf.set(f.leader, ids[i] as number));
  await rewriteEvents(c, caps, rewritten, index);

  // Events kept by their leader whose members changed may take another mode.
  const refresh = new Set<number>(changes.thinned);
  const movedArticles = new Set<number>();
  const addedEvents: number[] = [];
  const moves: [number, number][] = [];
  for (const { node, leader } of decided) {
    const eventId = leader.event ?? eventOf.get(leader) as number;
    if (leader.event !== undefined && node.stored?.event !== eventId && node.mode !== null) refresh.add(eventId);
    if (node.added !== undefined) addedEvents[node.added] = eventId;
    if (!node.stored || node.stored.event === eventId) continue;
    moves.push([node.stored.id, eventId]);
    movedArticles.add(node.stored.article);
    if (!dropped.has(node.stored.event)) refresh.add(node.stored.event);
  }
  await updateById(c, caps, 'mentions', 'event_id', moves, true);
  await store(addedEvents, index);
  await index.write(c, caps);
  const keptIds = new Set(kept.values());
  const gone = [...dropped].filter((id) => !keptIds.has(id));
  for (const part of chunks(gone, caps)) await c.run(`DELETE FROM events WHERE id IN (${marks(part.length)})`, part);
  for (const id of [...gone, ...keptIds]) refresh.delete(id);
  await refreshModes(c, caps, refresh);
  return movedArticles;
}

/**
 * When the archive first saw each group: the earliest first sighting of the events its members
 * were in, else now.
 */
async function firstSeen(c: Connection, caps: StoreCapabilities, groups: readonly (readonly (number | undefined)[])[], now: string): Promise<string[]> {
  const ids = [...new Set(groups.flat().filter((id): id is number => id !== undefined))];
  const seen = new Map<number, string>();
  for (const part of chunks(ids, caps)) {
    for (const r of await c.all<{ id: number; first_seen: string }>(`SELECT id, first_seen FROM events WHERE id IN (${marks(part.length)})`, part)) {
      seen.set(Number(r.id), r.first_seen);
    }
  }
  return groups.map((formers) => {
    const times = formers.flatMap((id) => (id === undefined ? [] : [seen.get(id) ?? []].flat()));
    return times.length === 0 ? now : times.reduce((a, b) => (b < a ? b : a));
  });
}
