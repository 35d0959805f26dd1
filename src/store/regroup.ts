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
import type { Connection, SqlValue } from './dialect.ts';
import { indexMention, insertEvent, refreshModes, rewriteEvent, setLeader, type EventHead } from './event-writer.ts';
import { chooseLeader, compareRanked, DAY_TOLERANCE, sameEvent, type RankedShape } from './grouping.ts';
import { marks, splitCodes } from './sql.ts';
import type { StoreCapabilities } from './store.ts';

/** A mention to store: its shape and rank, and its row's other values. */
export interface AddedMention extends Omit<RankedShape, 'seq'> {
  readonly mode: string | null;
  /** The event of the stored mention this one replaces (the same report in a new version of its article). */
  readonly formerEvent?: number;
  /** Columns of its row other than event_id, and their values. */
  readonly columns: readonly string[];
  readonly values: readonly SqlValue[];
}

/** What changed before the sweep: mentions to add, and events that lost mentions already deleted. */
export interface MentionChanges {
  readonly added: readonly AddedMention[];
  /** Events whose leading mention was deleted. */
  readonly leaderless: ReadonlySet<number>;
  /** Events that lost other mentions (their mode may change). */
  readonly thinned: ReadonlySet<number>;
}

/** A mention in the sweep: stored (with its row id and event) or about to be added. */
interface Node extends RankedShape {
  readonly mode: string | null;
  readonly stored?: { readonly id: number; readonly article: number; readonly event: number; readonly leads: boolean };
  readonly added?: AddedMention;
}

/** A leader a mention may join: a stored event's leader, or a node that leads since this sweep. */
type Leader = (RankedShape & { readonly event: number }) | Node;

// Added mentions come after every stored one of equal rank, as their row ids will.
const ADDED_SEQ = 2 ** 52;

const MENTION_COLUMNS = `m.id, m.article_id, m.event_id, m.rank, m.type, m.date, m.mode, m.actors, m.recipients,
  CASE WHEN e.leader_id = m.id THEN 1 ELSE 0 END AS leads`;

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

/** The bounds of an index range holding everything whose dates may match `m`'s. */
function windowOf(m: RankedShape): [string, string, string] {
  const { first, last } = dateBounds(m.date);
  const shift = (day: string, days: number): string => dateOfDay(dayNumber(day) + days);
  return [shift(first, -WINDOW_BEFORE), shift(last, DAY_TOLERANCE), shift(first, -DAY_TOLERANCE)];
}

const codesOf = (m: RankedShape): string[] => [...new Set([...m.actors, ...m.recipients])];

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
  queue.push(changes.added.map((a, i) => ({ ...a, seq: ADDED_SEQ + i, added: a })));
  for (const id of changes.leaderless) queue.push(await membersOf(c, id));

  for (let m = queue.pop(); m; m = queue.pop()) {
    const candidates = [...await storedLeadersNear(c, m, dropped), ...newLeaders.filter((l) => l.type === m.type)];
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
      queue.push((await storedMentionsNear(c, m)).filter((n) => compareRanked(n, m) > 0 && sameEvent(n, m)));
    }
  }
  return { decided, dropped };
}

/** The stored mentions of an event. */
async function membersOf(c: Connection, eventId: number): Promise<Node[]> {
  const rows = await c.all<MentionRow>(
    `SELECT ${MENTION_COLUMNS} FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.event_id = ?`, [eventId]);
  return rows.map(nodeOf);
}

/** Stored events of m's type sharing a code with it around its date, whose leaders still lead. */
async function storedLeadersNear(c: Connection, m: RankedShape, dropped: ReadonlySet<number>): Promise<Leader[]> {
  const codes = codesOf(m);
  const rows = await c.all<{ id: number; rank: string; leader_id: number; date: string; actors: string; recipients: string }>(
    `SELECT DISTINCT e.id, e.rank, e.leader_id, e.date, e.actors, e.recipients
     FROM event_actors x JOIN events e ON e.id = x.event_id
     WHERE x.code IN (${marks(codes.length)}) AND x.type = ? AND x.date_first >= ? AND x.date_first <= ? AND x.date_last >= ?`,
    [...codes, m.type, ...windowOf(m)]);
  return rows.filter((r) => !dropped.has(Number(r.id))).map((r) => ({
    event: Number(r.id), rank: r.rank, seq: Number(r.leader_id), type: m.type, date: r.date,
    actors: splitCodes(r.actors), recipients: splitCodes(r.recipients),
  }));
}

/** Stored mentions of m's type sharing a code with it around its date. */
async function storedMentionsNear(c: Connection, m: RankedShape): Promise<Node[]> {
  const codes = codesOf(m);
  const rows = await c.all<MentionRow>(
    `SELECT DISTINCT ${MENTION_COLUMNS}
     FROM mention_actors y JOIN mentions m ON m.id = y.mention_id JOIN events e ON e.id = m.event_id
     WHERE y.code IN (${marks(codes.length)}) AND y.type = ? AND y.date_first >= ? AND y.date_first <= ? AND y.date_last >= ?`,
    [...codes, m.type, ...windowOf(m)]);
  return rows.map(nodeOf);
}

const isNode = (l: Leader): l is Node => !('event' in l);

/**
 * Store added mentions and regroup what they and the removals affect. Returns the ids of the
 * added mentions, in order, and the other articles whose mentions moved to another event (their
 * translation links are computed from the events they report).
 */
export async function applyChanges(
  c: Connection, caps: StoreCapabilities, changes: MentionChanges, now: string,
): Promise<{ readonly addedIds: number[]; readonly movedArticles: ReadonlySet<number> }> {
  const { decided, dropped } = await sweep(c, changes);

  // New leaders in the grouping order, each with its members; a group may keep a dropped event's id.
  const groups = new Map<Node, Node[]>();
  const target = new Map<Node, number | Node>();
  for (const { node, leader } of decided) {
    if (isNode(leader)) {
      groups.set(leader, [...(groups.get(leader) ?? []), node]);
      target.set(node, leader);
    } else {
      target.set(node, leader.event);
    }
  }
  const leaders = [...groups.keys()].sort(compareRanked);
  const former = (n: Node): number | undefined => n.stored?.event ?? n.added?.formerEvent;
  const kept = inheritIds(leaders.map((key) => ({ key, formerEvents: (groups.get(key) ?? []).map(former) })), dropped);

  const eventOf = new Map<Node, number>();
  const touched = new Set<number>(changes.thinned);
  for (const l of leaders) {
    const head: EventHead = { type: l.type, actors: l.actors, recipients: l.recipients, date: l.date, rank: l.rank, leaderId: l.stored?.id ?? null };
    let id = kept.get(l);
    if (id !== undefined) await rewriteEvent(c, caps, id, head);
    else id = await insertEvent(c, caps, head, await firstSeen(c, (groups.get(l) ?? []).map(former), now));
    eventOf.set(l, id);
    touched.add(id);
  }

  const movedArticles = new Set<number>();
  const addedIds: number[] = [];
  const added = decided.filter(({ node }) => node.added).sort((a, b) => a.node.seq - b.node.seq);
  for (const { node } of decided) {
    const t = target.get(node) as number | Node;
    const eventId = typeof t === 'number' ? t : eventOf.get(t) as number;
    if (!node.stored || node.stored.event === eventId) continue;
    await c.run('UPDATE mentions SET event_id = ? WHERE id = ?', [eventId, node.stored.id]);
    movedArticles.add(node.stored.article);
    touched.add(eventId).add(node.stored.event);
  }
  for (const { node } of added) {
    const a = node.added as AddedMention;
    const t = target.get(node) as number | Node;
    const eventId = typeof t === 'number' ? t : eventOf.get(t) as number;
    const [row] = await c.all<{ id: number }>(
      `INSERT INTO mentions (event_id, ${a.columns.join(', ')}) VALUES (?, ${marks(a.values.length)}) RETURNING id`, [eventId, ...a.values]);
    const id = Number(row?.id);
    addedIds.push(id);
    await indexMention(c, caps, id, node);
    if (groups.has(node)) await setLeader(c, eventId, id);
    touched.add(eventId);
  }
  const gone = [...dropped].filter((id) => ![...kept.values()].includes(id));
  for (const id of gone) {
    await c.run('DELETE FROM events WHERE id = ?', [id]);
    touched.delete(id);
  }
  await refreshModes(c, caps, touched);
  return { addedIds, movedArticles };
}

/** When the archive first saw a group: the earliest first sighting of the events its members were in, else now. */
async function firstSeen(c: Connection, formerEvents: readonly (number | undefined)[], now: string): Promise<string> {
  const ids = [...new Set(formerEvents.filter((id): id is number => id !== undefined))];
  if (ids.length === 0) return now;
  const [row] = await c.all<{ t: string | null }>(`SELECT MIN(first_seen) AS t FROM events WHERE id IN (${marks(ids.length)})`, ids);
  return row?.t ?? now;
}
