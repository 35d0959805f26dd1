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
import { inheritIds } from './clustering.ts';
import { CountChange } from './dyad-counts.ts';
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

const shift = (day: string, days: number): string => dateOfDay(dayNumber(day) + days);

type EventRow = { id: number; rank: string; date: string; actors: string; recipients: string };

const shapeKeys = new WeakMap<EventShape, string>();

/** What the stored lookups of a shape depend on: its type, its codes and its date (kept with the shape). */
function shapeKey(m: EventShape): string {
  let key = shapeKeys.get(m);
  if (key === undefined) {
    key = `${m.type} ${[...new Set([...m.actors, ...m.recipients])].sort().join(' ')} ${m.date}`;
    shapeKeys.set(m, key);
  }
  return key;
}

// Rows of a VALUES list per lookup statement: long enough to save round trips, short enough to plan.
const LOOKUPS_PER_STATEMENT = 500;

/** What the sweep looks up around a shape: its codes and type, and the date ranges of its stored events and followers. */
interface Lookup {
  readonly key: string;
  readonly codes: readonly string[];
  readonly type: string;
  /** Three ranges of days on which followers start (an empty one, from after to, where a range repeats another). */
  readonly ranges: readonly (readonly [string, string])[];
  /**
   * The same for the stored events whose dates agree with the shape's (grouping.ts, rule 3),
   * which start within a few days of its span, or on the first day of its month or its year.
   */
  readonly eventRanges: readonly (readonly [string, string])[];
}

// Where a shape's month or year starts on its first day, that range is the days' range already.
const NO_RANGE: readonly [string, string] = ['1', '0'];

function lookupOf(key: string, m: EventShape): Lookup {
  const { first, last } = dateBounds(m.date);
  const month = `${first.slice(0, 7)}-01`;
  const year = `${first.slice(0, 4)}-01-01`;
  return {
    key, codes: [...new Set([...m.actors, ...m.recipients])], type: m.type,
    // Stored mentions after m report the same event only when as precise as m or less: a day at
    // most 3 days later, or m's month or year; so they start in a range of days (the first few,
    // for a day; the first, for a month) or on the first day of its month or year.
    ranges: [
      [first, first === last ? shift(first, DAY_TOLERANCE) : first],
      month === first ? NO_RANGE : [month, month],
      year === first || year === month ? NO_RANGE : [year, year],
    ],
    eventRanges: [
      [shift(first, -DAY_TOLERANCE), shift(last, DAY_TOLERANCE)],
      month >= shift(first, -DAY_TOLERANCE) ? NO_RANGE : [month, month],
      year >= shift(first, -DAY_TOLERANCE) || year === month ? NO_RANGE : [year, year],
    ],
  };
}

const eventLookups: string[] = [];

/**
 * The stored events of a type sharing one of n codes with a shape, starting in one of three
 * ranges of days (parameters: codes, type, from, to, per range).
 */
function eventLookup(n: number): string {
  const branch = `SELECT e.id, e.rank, e.date, e.actors, e.recipients FROM event_actors x JOIN events e ON e.id = x.event_id
    WHERE x.code IN (${marks(n)}) AND x.type = ? AND x.date_first >= ? AND x.date_first <= ?`;
  return eventLookups[n] ??= [branch, branch, branch].join(' UNION ALL ');
}

const followerLookups: string[] = [];

/** The stored mentions of a type with one of n codes starting in one of three ranges of days (parameters: codes, type, from, to, per range). */
function followerLookup(n: number): string {
  const branch = `SELECT ${MENTION_COLUMNS} FROM mention_actors y JOIN mentions m ON m.id = y.mention_id JOIN events e ON e.id = m.event_id
    WHERE y.code IN (${marks(n)}) AND y.type = ? AND y.date_first >= ? AND y.date_first <= ?`;
  return followerLookups[n] ??= [branch, branch, branch].join(' UNION ALL ');
}

/** Append to `list` the items whose id it does not hold yet (a shape's lookups through two of its codes find one row twice). */
function addDistinct<T>(list: T[] | undefined, items: readonly T[], id: (t: T) => number): void {
  if (!list || items.length === 0) return;
  const seen = new Set(list.map(id));
  for (const t of items) {
    if (seen.has(id(t))) continue;
    seen.add(id(t));
    list.push(t);
  }
}

/**
 * What the sweep reads of the stored archive around a shape: the stored events of its type
 * sharing a code with it around its date, and the stored mentions that may follow it. Nothing is
 * written while the sweep runs, so the answer for one shape holds for the whole sweep; the
 * shapes known up front (the mentions being added) are looked up together: on a server a few
 * statements for a whole batch, each a join of a VALUES list on the index; in process two
 * prepared lookups per shape.
 */
class StoredLookups {
  readonly #c: Connection;
  readonly #caps: StoreCapabilities;
  readonly #events = new Map<string, EventRow[]>();
  readonly #followers = new Map<string, Node[]>();
  readonly #members = new Map<number, Node[]>();

  constructor(c: Connection, caps: StoreCapabilities) {
    this.#c = c;
    this.#caps = caps;
  }

  /** Look up every shape not known yet, a few statements for all of them. */
  async prefetch(shapes: Iterable<EventShape>): Promise<void> {
    const todo = new Map<string, EventShape>();
    for (const m of shapes) {
      const key = shapeKey(m);
      if (!this.#events.has(key)) todo.set(key, m);
    }
    if (todo.size === 0) return;
    for (const k of todo.keys()) {
      this.#events.set(k, []);
      this.#followers.set(k, []);
    }
    const lookups = [...todo].map(([k, m]) => lookupOf(k, m));
    if (this.#caps.inProcess) await this.#lookUpEach(lookups);
    else await this.#lookUpJoined(lookups);
  }

  /** In process: two prepared lookups per shape (its events, its followers), each over all its codes. */
  async #lookUpEach(lookups: readonly Lookup[]): Promise<void> {
    const byCodes = new Map<number, Lookup[]>();
    for (const l of lookups) {
      const list = byCodes.get(l.codes.length);
      if (list) list.push(l);
      else byCodes.set(l.codes.length, [l]);
    }
    for (const [n, list] of byCodes) {
      const events = await this.#c.allEach<EventRow>(eventLookup(n),
        list.map((l) => l.eventRanges.flatMap(([from, to]) => [...l.codes, l.type, from, to])));
      const followers = await this.#c.allEach<MentionRow>(followerLookup(n),
        list.map((l) => l.ranges.flatMap(([from, to]) => [...l.codes, l.type, from, to])));
      list.forEach((l, i) => {
        addDistinct(this.#events.get(l.key), events[i] ?? [], (e) => Number(e.id));
        addDistinct(this.#followers.get(l.key), (followers[i] ?? []).map(nodeOf), (f) => f.seq);
      });
    }
  }

  /** On a server: a few statements for all the shapes, each a join of a VALUES list on the index. */
  async #lookUpJoined(lookups: readonly Lookup[]): Promise<void> {
    const perStatement = Math.max(1, Math.min(LOOKUPS_PER_STATEMENT, Math.floor(this.#caps.maxParameters / 6)));
    const eventRows = lookups.flatMap((l) => l.codes.flatMap((code) =>
      l.eventRanges.filter(([from, to]) => from <= to).map(([from, to]) => [l.key, code, l.type, from, to])));
    for (let i = 0; i < eventRows.length; i += perStatement) {
      const part = eventRows.slice(i, i + perStatement);
      const rows = await this.#c.all<EventRow & { k: string }>(
        `SELECT DISTINCT q.column1 AS k, e.id, e.rank, e.date, e.actors, e.recipients
         FROM (VALUES ${part.map(() => '(?, ?, ?, ?, ?)').join(', ')}) AS q
         JOIN event_actors x ON x.code = q.column2 AND x.type = q.column3 AND x.date_first >= q.column4 AND x.date_first <= q.column5
         JOIN events e ON e.id = x.event_id`, part.flat());
      for (const r of rows) this.#events.get(r.k)?.push(r);
    }
    const followerRows = lookups.flatMap((l) => l.codes.flatMap((code) =>
      l.ranges.filter(([from, to]) => from <= to).map(([from, to]) => [l.key, code, l.type, from, to])));
    for (let i = 0; i < followerRows.length; i += perStatement) {
      const part = followerRows.slice(i, i + perStatement);
      const rows = await this.#c.all<MentionRow & { k: string }>(
        `SELECT DISTINCT q.column1 AS k, ${MENTION_COLUMNS}
         FROM (VALUES ${part.map(() => '(?, ?, ?, ?, ?)').join(', ')}) AS q
         JOIN mention_actors y ON y.code = q.column2 AND y.type = q.column3 AND y.date_first >= q.column4 AND y.date_first <= q.column5
         JOIN mentions m ON m.id = y.mention_id JOIN events e ON e.id = m.event_id`, part.flat());
      for (const r of rows) this.#followers.get(r.k)?.push(nodeOf(r));
    }
  }

  /** True when the lookups of m's shape are done. */
  knows(m: EventShape): boolean {
    return this.#events.has(shapeKey(m));
  }

  /** The stored mentions of an event; with `alongside`, those of these events too, read in the same statement. */
  async membersOf(eventId: number, alongside: () => Iterable<number> = () => []): Promise<Node[]> {
    const known = this.#members.get(eventId);
    if (known) return known;
    const ids = [...new Set([eventId, ...alongside()])].filter((id) => !this.#members.has(id));
    for (const id of ids) this.#members.set(id, []);
    for (const part of chunks(ids, this.#caps)) {
      const rows = await this.#c.all<MentionRow>(
        `SELECT ${MENTION_COLUMNS} FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.event_id IN (${marks(part.length)})`, part);
      for (const r of rows) this.#members.get(Number(r.event_id))?.push(nodeOf(r));
    }
    return this.#members.get(eventId) ?? [];
  }

  /** The leaders m may join among the stored events: those whose leaders still lead, other than m. */
  async leadersNear(m: Node, dropped: ReadonlySet<number>): Promise<Leader[]> {
    await this.prefetch([m]);
    return (this.#events.get(shapeKey(m)) ?? [])
      // An event with m's rank is the one m leads (ranks are unique).
      .filter((r) => !dropped.has(Number(r.id)) && r.rank !== m.rank)
      .map((r) => ({
        event: Number(r.id), rank: r.rank, seq: 0, type: m.type, date: r.date, mode: null,
        actors: splitCodes(r.actors), recipients: splitCodes(r.recipients),
      }));
  }

  /** Stored mentions that come after m in the grouping order and report the same event: those a new leader m may take over. */
  async followersOf(m: Node): Promise<Node[]> {
    await this.prefetch([m]);
    const seen = new Set<number>();
    return (this.#followers.get(shapeKey(m)) ?? []).filter((n) => {
      // A mention found through two of its codes is one mention.
      if (seen.has(n.seq)) return false;
      seen.add(n.seq);
      return compareRanked(n, m) > 0 && sameEvent(n, m);
    });
  }
}

/**
 * The mentions that lead new events since the sweep began, by type and code: a mention can only
 * join a leader of its type that shares a code with it (rule 2), and a batch of articles makes
 * hundreds of new leaders.
 */
class NewLeaders {
  readonly #byCode = new Map<string, Node[]>();

  add(m: Node): void {
    for (const code of new Set([...m.actors, ...m.recipients])) {
      const key = `${m.type} ${code}`;
      const list = this.#byCode.get(key);
      if (list) list.push(m);
      else this.#byCode.set(key, [m]);
    }
  }

  /** The new leaders m may join (each once). */
  near(m: EventShape): Node[] {
    const out = new Set<Node>();
    for (const code of new Set([...m.actors, ...m.recipients])) for (const l of this.#byCode.get(`${m.type} ${code}`) ?? []) out.add(l);
    return [...out];
  }
}

/** The order in which the sweep re-decides mentions, each once. */
class Queue {
  // Last in the order first: the next to re-decide is popped off the end.
  readonly #items: Node[] = [];
  readonly #seen = new Set<number>();
  #fresh: Node[] = [];

  push(nodes: Iterable<Node>): void {
    const added: Node[] = [];
    for (const n of nodes) {
      if (this.#seen.has(n.seq)) continue;
      this.#seen.add(n.seq);
      added.push(n);
    }
    this.#fresh.push(...added);
    if (added.length > 16) {
      this.#items.push(...added);
      this.#items.sort((a, b) => compareRanked(b, a));
      return;
    }
    // A few followers at a time: each put in its place, without sorting the whole queue again.
    for (const n of added) {
      let [lo, hi] = [0, this.#items.length];
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareRanked(this.#items[mid] as Node, n) > 0) lo = mid + 1;
        else hi = mid;
      }
      this.#items.splice(lo, 0, n);
    }
  }

  /** The mentions waiting to be re-decided. */
  waiting(): readonly Node[] {
    return this.#items;
  }

  /** The mentions pushed since the last call: those whose stored lookups may not be done yet. */
  takeFresh(): Node[] {
    const fresh = this.#fresh;
    this.#fresh = [];
    return fresh;
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

async function sweep(c: Connection, caps: StoreCapabilities, changes: MentionChanges): Promise<Plan> {
  const queue = new Queue();
  const dropped = new Set<number>(changes.leaderless);
  const newLeaders = new NewLeaders();
  const decided: { node: Node; leader: Leader }[] = [];
  const stored = new StoredLookups(c, caps);
  await stored.prefetch(changes.added);
  queue.push(changes.added.map((a, i): Node => ({ ...a, seq: ADDED_SEQ + i, added: i })));
  const leaderless = [...changes.leaderless];
  for (const id of leaderless) queue.push(await stored.membersOf(id, () => leaderless));

  for (let m = queue.pop(); m; m = queue.pop()) {
    // What the sweep will read next is mostly known now: the shapes of the mentions waiting,
    // and the members of the stored leaders among them, read in a few statements together.
    if (!stored.knows(m)) await stored.prefetch([m, ...queue.takeFresh()]);
    const candidates = [...await stored.leadersNear(m, dropped), ...newLeaders.near(m)];
    const leader = chooseLeader(m, candidates);
    const led = m.stored?.leads === true ? m.stored.event : undefined;
    if (leader) {
      decided.push({ node: m, leader });
      if (led !== undefined) {
        // A leader that now follows an earlier one: its followers choose again.
        dropped.add(led);
        queue.push(await stored.membersOf(led, () => queue.waiting().flatMap((n) => (n.stored?.leads ? [n.stored.event] : []))));
      }
    } else if (led !== undefined) {
      decided.push({ node: m, leader: { ...m, event: led } });
    } else {
      // A new leader: the later mentions it matches may prefer it (and a leader among them now follows it).
      decided.push({ node: m, leader: m });
      newLeaders.add(m);
      queue.push(await stored.followersOf(m));
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
  const { decided, dropped } = await sweep(c, caps, changes);

  // Each new leader with its members (all of them: none followed it before); a group may keep a dropped event's id.
  const groups = new Map<Node, Node[]>();
  for (const { node, leader } of decided) {
    if (leader.event === undefined) groups.set(leader, [...(groups.get(leader) ?? []), node]);
  }
  const leaders = [...groups.keys()].sort(compareRanked);
  const former = (n: Node): number | undefined => n.stored?.event ?? n.formerEvent;
  const kept = inheritIds(leaders.map((key) => ({ key, formerEvents: (groups.get(key) ?? []).map(former) })), dropped);

  // The stored events this change may touch, counted before it for the summary table.
  const touched = new Set<number>([...dropped, ...changes.thinned, ...kept.values()]);
  for (const { node, leader } of decided) {
    if (leader.event !== undefined) touched.add(leader.event);
    if (node.stored) touched.add(node.stored.event);
  }
  const counts = await CountChange.before(c, caps, touched);

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
  // What the new events add to the count summary, from their rows before they are written.
  const created = index.contributions(new Set(ids));
  await index.write(c, caps);
  const keptIds = new Set(kept.values());
  const gone = [...dropped].filter((id) => !keptIds.has(id));
  for (const part of chunks(gone, caps)) await c.run(`DELETE FROM events WHERE id IN (${marks(part.length)})`, part);
  for (const id of [...gone, ...keptIds]) refresh.delete(id);
  await refreshModes(c, caps, refresh);
  await counts.commit(created);
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
