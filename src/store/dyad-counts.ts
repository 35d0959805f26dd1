/**
 * The summary tables of event counts, kept in the write transaction so that a profile or a
 * timeline reads a bounded number of rows whatever the size of the archive:
 *
 *   - `dyad_counts`: how many events each actor had with each partner in each period (month, or
 *     year for events dated only to their year), by type, mode and whether the event had more
 *     than two parties (migration 7);
 *   - `dyad_years`: the same summed over each year (migration 9): a profile's partners and its
 *     balance read at most partners × years × types rows of it;
 *   - `actor_counts`: each actor's events with at least one partner, each event once however many
 *     partners it has, by month, type, mode and scope (migration 9): a profile's timeline.
 *
 * Each pair is counted from both sides (actor KAZ partner TUR, and actor TUR partner KAZ), so one
 * range of the key answers for an actor. The events a write changes are counted before and after
 * the change, and the difference is added to every table; a count that falls to zero is deleted.
 * The tables always equal a direct count of event_dyads (DYAD_COUNT_ROWS, ACTOR_COUNT_ROWS).
 */
import type { Connection, SqlValue } from './dialect.ts';
import { chunks, marks, runRows } from './sql.ts';
import type { StoreCapabilities } from './store.ts';

const SEP = '|';

/** The contributions of some events to the summaries, as keys joined by SEP with their counts. */
export class Contributions {
  /** "a|b|period|type|mode|multilateral" (a < b, one row per pair; mode '' for none). */
  readonly dyads = new Map<string, number>();
  /** "actor|period|type|mode|multilateral": each event once per party with a partner. */
  readonly actors = new Map<string, number>();

  /** Count one event from its dyad rows (its pairs, a < b, with the event's period, type, mode and scope). */
  event(pairs: readonly (readonly [string, string])[], period: string, type: string, mode: string, multilateral: boolean): void {
    const m = multilateral ? 1 : 0;
    const codes = new Set<string>();
    for (const [a, b] of pairs) {
      add(this.dyads, [a, b, period, type, mode, m].join(SEP), 1);
      codes.add(a);
      codes.add(b);
    }
    for (const code of codes) add(this.actors, [code, period, type, mode, m].join(SEP), 1);
  }
}

const add = (map: Map<string, number>, key: string, n: number): void => {
  map.set(key, (map.get(key) ?? 0) + n);
};

/** An event's scope in the summaries: 1 when it has more than two parties. */
const MULTILATERAL = (event: string): string =>
  `CASE WHEN (SELECT COUNT(*) FROM event_actors x WHERE x.event_id = ${event}) > 2 THEN 1 ELSE 0 END`;

/**
 * The rows of event_dyads spelled as the summary counts them (both sides, mode '' for none,
 * multilateral when the event has more than two codes): shared by the fill and the checks.
 */
export const DYAD_COUNT_ROWS = `
  SELECT d.a AS actor, d.b AS partner, d.period, d.type, COALESCE(d.mode, '') AS mode, ${MULTILATERAL('d.event_id')} AS multilateral
  FROM event_dyads d
  UNION ALL
  SELECT d.b, d.a, d.period, d.type, COALESCE(d.mode, ''), ${MULTILATERAL('d.event_id')}
  FROM event_dyads d`;

/** Each party of an event with a partner, once per event, spelled as actor_counts counts it. */
export const ACTOR_COUNT_ROWS = `
  SELECT d.event_id, d.a AS actor, d.period, d.type, COALESCE(d.mode, '') AS mode, ${MULTILATERAL('d.event_id')} AS multilateral
  FROM event_dyads d
  UNION
  SELECT d.event_id, d.b, d.period, d.type, COALESCE(d.mode, ''), ${MULTILATERAL('d.event_id')}
  FROM event_dyads d`;

/** Fill dyad_counts from the dyad index (migration 7). */
export const FILL_DYAD_COUNTS = `
  INSERT INTO dyad_counts (actor, partner, period, type, mode, multilateral, events)
  SELECT actor, partner, period, type, mode, multilateral, COUNT(*) FROM (${DYAD_COUNT_ROWS}) r
  GROUP BY actor, partner, period, type, mode, multilateral`;

/** Fill dyad_years and actor_counts (migration 9): the first from dyad_counts, the second from the dyad index. */
export const FILL_COARSE_COUNTS = `
  INSERT INTO dyad_years (actor, partner, year, type, mode, multilateral, events)
  SELECT actor, partner, substr(period, 1, 4), type, mode, multilateral, SUM(events) FROM dyad_counts
  GROUP BY actor, partner, substr(period, 1, 4), type, mode, multilateral;
  INSERT INTO actor_counts (actor, period, type, mode, multilateral, events)
  SELECT actor, period, type, mode, multilateral, COUNT(*) FROM (${ACTOR_COUNT_ROWS}) r
  GROUP BY actor, period, type, mode, multilateral`;

/** What these events contribute to the summaries now. */
async function contributionsOf(c: Connection, caps: StoreCapabilities, ids: readonly number[]): Promise<Contributions> {
  const out = new Contributions();
  for (const part of chunks(ids, caps)) {
    const rows = await c.all<{ event_id: number; a: string; b: string; period: string; type: string; mode: string; multilateral: number }>(
      `SELECT d.event_id, d.a, d.b, d.period, d.type, COALESCE(d.mode, '') AS mode, ${MULTILATERAL('d.event_id')} AS multilateral
       FROM event_dyads d WHERE d.event_id IN (${marks(part.length)}) ORDER BY d.event_id`, part);
    // An event's dyad rows share its period, type, mode and scope.
    for (let i = 0; i < rows.length;) {
      const first = rows[i] as (typeof rows)[number];
      const pairs: [string, string][] = [];
      for (; i < rows.length && Number((rows[i] as typeof first).event_id) === Number(first.event_id); i++) pairs.push([(rows[i] as typeof first).a, (rows[i] as typeof first).b]);
      out.event(pairs, first.period, first.type, first.mode, Number(first.multilateral) === 1);
    }
  }
  return out;
}

/** A summary table: its name, key columns and how a contribution's key maps to its rows. */
interface Summary {
  readonly table: string;
  readonly key: readonly string[];
  readonly rows: (key: string[], n: number) => SqlValue[][];
}

const SUMMARIES: readonly { readonly of: 'dyads' | 'actors'; readonly summary: Summary }[] = [
  {
    of: 'dyads',
    summary: {
      table: 'dyad_counts', key: ['actor', 'partner', 'period', 'type', 'mode', 'multilateral'],
      rows: ([a, b, period, type, mode, m], n) => [[a, b, period, type, mode, Number(m), n], [b, a, period, type, mode, Number(m), n]] as SqlValue[][],
    },
  },
  {
    of: 'dyads',
    summary: {
      table: 'dyad_years', key: ['actor', 'partner', 'year', 'type', 'mode', 'multilateral'],
      rows: ([a, b, period, type, mode, m], n) => {
        const year = (period as string).slice(0, 4);
        return [[a, b, year, type, mode, Number(m), n], [b, a, year, type, mode, Number(m), n]] as SqlValue[][];
      },
    },
  },
  {
    of: 'actors',
    summary: {
      table: 'actor_counts', key: ['actor', 'period', 'type', 'mode', 'multilateral'],
      rows: ([actor, period, type, mode, m], n) => [[actor, period, type, mode, Number(m), n]] as SqlValue[][],
    },
  },
];

/** Rows by their key columns (all but the last, the count), as the table orders them. */
function compareKeys(a: readonly SqlValue[], b: readonly SqlValue[]): number {
  for (let i = 0; i < a.length - 1; i++) {
    const [x, y] = [a[i] as SqlValue, b[i] as SqlValue];
    if (x !== y) return (x as string | number) < (y as string | number) ? -1 : 1;
  }
  return 0;
}

/** Add signed counts to one summary table; rows whose count falls to zero are deleted. */
async function addTo(c: Connection, caps: StoreCapabilities, s: Summary, delta: ReadonlyMap<string, number>): Promise<void> {
  // Keys that roll up to one row (two months of a year) are added together first.
  const merged = new Map<string, SqlValue[]>();
  for (const [k, n] of delta) {
    if (n === 0) continue;
    for (const row of s.rows(k.split(SEP), n)) {
      const id = row.slice(0, -1).join(SEP);
      const seen = merged.get(id);
      if (seen) seen[seen.length - 1] = (seen[seen.length - 1] as number) + n;
      else merged.set(id, row);
    }
  }
  const rows = [...merged.values()].filter((r) => r[r.length - 1] !== 0);
  if (rows.length === 0) return;
  const columns = [...s.key, 'events'];
  const row = `(${marks(columns.length)})`;
  const upsert = (n: number): string => `INSERT INTO ${s.table} (${columns.join(', ')}) VALUES ${Array.from({ length: n }, () => row).join(', ')}
       ON CONFLICT (${s.key.join(', ')}) DO UPDATE SET events = ${s.table}.events + excluded.events`;
  // In process, in key order: each upsert lands next to the one before.
  await runRows(c, caps, upsert, caps.inProcess ? rows.sort(compareKeys) : rows, 14_000);
  // A count that fell to zero is no row, as a direct count gives none (a partial index finds them).
  if (rows.some((r) => (r[r.length - 1] as number) < 0)) await c.run(`DELETE FROM ${s.table} WHERE events = 0`);
}

/**
 * A change to some events, counted: `before` reads what they contribute before the change,
 * `commit` what they contribute after it (with the events created meanwhile) and adds the
 * difference to the summaries.
 */
export class CountChange {
  readonly #c: Connection;
  readonly #caps: StoreCapabilities;
  readonly #ids: readonly number[];
  readonly #before: Contributions;

  private constructor(c: Connection, caps: StoreCapabilities, ids: readonly number[], before: Contributions) {
    this.#c = c;
    this.#caps = caps;
    this.#ids = ids;
    this.#before = before;
  }

  /** Count the contributions of the events about to change. */
  static async before(c: Connection, caps: StoreCapabilities, ids: Iterable<number>): Promise<CountChange> {
    const list = [...new Set(ids)];
    return new CountChange(c, caps, list, await contributionsOf(c, caps, list));
  }

  /**
   * Add to the summaries what the changed events contribute now, and `created` (the contributions
   * of the events created meanwhile, known without a read), less what the changed ones did.
   */
  async commit(created: Contributions): Promise<void> {
    const after = await contributionsOf(this.#c, this.#caps, this.#ids);
    for (const { of, summary } of SUMMARIES) {
      const delta = new Map<string, number>(created[of]);
      for (const [k, n] of after[of]) add(delta, k, n);
      for (const [k, n] of this.#before[of]) add(delta, k, -n);
      await addTo(this.#c, this.#caps, summary, delta);
    }
  }
}
