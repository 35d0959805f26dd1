/**
 * The summary table of event counts: how many events each actor had with each partner in each
 * period (month, or year for events dated only to their year), by type, mode and whether the
 * event had more than two parties. A profile or a timeline reads a few hundred rows of it
 * whatever the size of the archive, instead of counting the dyad index (which grows with it).
 *
 * Each pair is counted from both sides (actor KAZ partner TUR, and actor TUR partner KAZ), so one
 * range of the key answers for an actor. It is kept in the write transaction: the events a write
 * changes are counted before and after the change, and the difference is added (migration 7 fills
 * it for archives written before it). Its rows always equal a direct count of event_dyads.
 */
import type { Connection, SqlValue } from './dialect.ts';
import { chunks, marks } from './sql.ts';
import type { StoreCapabilities } from './store.ts';

/** A dyad row's contribution, as "a|b|period|type|mode|multilateral" (mode '' for none). */
type Contributions = Map<string, number>;

const SEP = '|';

/** The key of a dyad row's contribution. */
export function contributionKey(a: string, b: string, period: string, type: string, mode: string, multilateral: boolean): string {
  return [a, b, period, type, mode, multilateral ? 1 : 0].join(SEP);
}

/**
 * The rows of event_dyads spelled as the summary counts them (both sides, mode '' for none,
 * multilateral when the event has more than two codes): shared by the fill and the checks.
 */
export const DYAD_COUNT_ROWS = `
  SELECT d.a AS actor, d.b AS partner, d.period, d.type, COALESCE(d.mode, '') AS mode,
    CASE WHEN (SELECT COUNT(*) FROM event_actors x WHERE x.event_id = d.event_id) > 2 THEN 1 ELSE 0 END AS multilateral
  FROM event_dyads d
  UNION ALL
  SELECT d.b, d.a, d.period, d.type, COALESCE(d.mode, ''),
    CASE WHEN (SELECT COUNT(*) FROM event_actors x WHERE x.event_id = d.event_id) > 2 THEN 1 ELSE 0 END
  FROM event_dyads d`;

/** Fill the summary from the dyad index (the migration that introduced it). */
export const FILL_DYAD_COUNTS = `
  INSERT INTO dyad_counts (actor, partner, period, type, mode, multilateral, events)
  SELECT actor, partner, period, type, mode, multilateral, COUNT(*) FROM (${DYAD_COUNT_ROWS}) r
  GROUP BY actor, partner, period, type, mode, multilateral`;

/** What these events contribute to the summary now. */
async function contributionsOf(c: Connection, caps: StoreCapabilities, ids: readonly number[]): Promise<Contributions> {
  const out: Contributions = new Map();
  for (const part of chunks(ids, caps)) {
    const rows = await c.all<{ a: string; b: string; period: string; type: string; mode: string; multilateral: number; n: number }>(
      `SELECT d.a, d.b, d.period, d.type, COALESCE(d.mode, '') AS mode,
         CASE WHEN (SELECT COUNT(*) FROM event_actors x WHERE x.event_id = d.event_id) > 2 THEN 1 ELSE 0 END AS multilateral, COUNT(*) AS n
       FROM event_dyads d WHERE d.event_id IN (${marks(part.length)})
       GROUP BY d.a, d.b, d.period, d.type, COALESCE(d.mode, ''), multilateral`, part);
    for (const r of rows) {
      const key = contributionKey(r.a, r.b, r.period, r.type, r.mode, Number(r.multilateral) === 1);
      out.set(key, (out.get(key) ?? 0) + Number(r.n));
    }
  }
  return out;
}

/**
 * A change to some events, counted: `before` reads what they contribute before the change,
 * `commit` what they contribute after it (with the events created meanwhile) and adds the
 * difference to the summary.
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
   * Add to the summary what the changed events contribute now, and `created` (the contributions
   * of the events created meanwhile, known without a read), less what the changed ones did.
   */
  async commit(created: ReadonlyMap<string, number>): Promise<void> {
    const after = await contributionsOf(this.#c, this.#caps, this.#ids);
    const delta = new Map<string, number>(created);
    for (const [k, n] of after) delta.set(k, (delta.get(k) ?? 0) + n);
    for (const [k, n] of this.#before) delta.set(k, (delta.get(k) ?? 0) - n);
    const rows: SqlValue[][] = [];
    for (const [k, n] of delta) {
      if (n === 0) continue;
      const [a, b, period, type, mode, multilateral] = k.split(SEP) as [string, string, string, string, string, string];
      rows.push([a, b, period, type, mode, Number(multilateral), n], [b, a, period, type, mode, Number(multilateral), n]);
    }
    if (rows.length === 0) return;
    const perStatement = Math.max(1, Math.floor(Math.min(this.#caps.maxParameters, 14_000) / 7));
    for (let i = 0; i < rows.length; i += perStatement) {
      const part = rows.slice(i, i + perStatement);
      await this.#c.run(
        `INSERT INTO dyad_counts (actor, partner, period, type, mode, multilateral, events) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (actor, partner, period, type, mode, multilateral) DO UPDATE SET events = dyad_counts.events + excluded.events`,
        part.flat());
    }
    // A count that fell to zero is no row, as a direct count gives none (a partial index finds them).
    if ([...delta.values()].some((n) => n < 0)) await this.#c.run('DELETE FROM dyad_counts WHERE events = 0');
  }
}
