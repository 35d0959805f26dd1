/**
 * PostgreSQL driver over a pg pool. Writes run at READ COMMITTED and serialise where they must
 * through transaction-scoped advisory locks (`lock`); reads run REPEATABLE READ READ ONLY so a
 * query and its follow-up aggregates see one snapshot.
 */
import { createHash } from 'node:crypto';
import type { Connection, Driver, Row, SqlValue, TransactionMode } from '../dialect.ts';
import type { PgClient, PgPool } from './config.ts';

/** Shared SQL uses `?`; pg wants `$1, $2, ...`. Question marks inside string literals stay. */
export function numberPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quoted = false;
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? `$${++n}` : ch;
  }
  return out;
}

/** A signed 64-bit advisory-lock key for a string (first 8 bytes of its sha256). */
export function lockKey(key: string): bigint {
  return BigInt.asIntN(64, createHash('sha256').update(key).digest().readBigUInt64BE(0));
}

// Shared SQL strings are few; their $n spellings and prepared-statement names are kept.
const SPELLINGS_CACHE_SIZE = 2000;
const spellings = new Map<string, { text: string; name: string }>();

/** The pg spelling of a shared SQL string, and the name it is prepared under on each connection. */
function spellingOf(sql: string): { text: string; name: string } {
  let known = spellings.get(sql);
  if (!known) {
    if (spellings.size >= SPELLINGS_CACHE_SIZE) spellings.clear();
    known = { text: numberPlaceholders(sql), name: `dyad_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}` };
    spellings.set(sql, known);
  }
  return known;
}

// Statements with many parameters are multi-row inserts and long IN lists, whose shapes vary
// with the batch: preparing each would fill the server's memory with plans used once.
const PREPARE_UP_TO = 64;

function connectionOf(client: PgClient, scope: string): Connection {
  const query = async <R>(sql: string, params: readonly SqlValue[]): Promise<{ rows: R[]; rowCount: number | null }> => {
    const { text, name } = spellingOf(sql);
    // A named statement is parsed and planned once per connection, then only bound and run.
    return params.length <= PREPARE_UP_TO ? client.query<R>({ name, text, values: [...params] }) : client.query<R>(text, [...params]);
  };
  return {
    all: async <R extends Row>(sql: string, params: readonly SqlValue[] = []) => (await query<R>(sql, params)).rows,
    run: async (sql: string, params: readonly SqlValue[] = []) => (await query(sql, params)).rowCount ?? 0,
    runEach: async (sql: string, rows: readonly (readonly SqlValue[])[]) => {
      let changed = 0;
      for (const params of rows) changed += (await query(sql, params)).rowCount ?? 0;
      return changed;
    },
    allEach: async <R extends Row>(sql: string, rows: readonly (readonly SqlValue[])[]) => {
      const out: R[][] = [];
      for (const params of rows) out.push((await query<R>(sql, params)).rows);
      return out;
    },
    // Ids come from each table's sequence, which concurrent writers share: inserts return them.
    nextId: async () => undefined,
    exec: async (sql: string) => { await client.query(sql); },
    lock: async (keys: readonly string[]) => {
      if (keys.length === 0) return;
      // One global order (by key number) for every transaction: no lock cycles, no deadlocks.
      // Keys are scoped by schema: archives side by side in one database do not wait on each other.
      // All of them in one statement, taken in that order (the ordered subquery feeds the calls).
      const ordered = [...new Set(keys.map((k) => lockKey(`${scope}:${k}`)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      await client.query(
        'SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k) AS ordered',
        [ordered.map(String)]);
    },
  };
}

export class PostgresDriver implements Driver {
  readonly #pool: PgPool;
  readonly #scope: string;

  /** `schema` scopes the advisory locks (the server's default schema when absent). */
  constructor(pool: PgPool, schema = '') {
    this.#pool = pool;
    this.#scope = schema;
  }

  /** Run `fn` in a transaction on one pooled client. */
  async transaction<T>(mode: TransactionMode, fn: (conn: Connection) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let destroy = false;
    if (mode === 'statement') {
      try {
        return await fn(connectionOf(client, this.#scope));
      } finally {
        client.release();
      }
    }
    try {
      await client.query(mode === 'write' ? 'BEGIN' : 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const result = await fn(connectionOf(client, this.#scope));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          // The connection is broken; the server rolls back on its own. Drop the client.
          destroy = true;
        }
        throw error;
      }
    } finally {
      client.release(destroy);
    }
  }

  /** Close every pooled connection. */
  async close(): Promise<void> {
    await this.#pool.end();
  }
}
