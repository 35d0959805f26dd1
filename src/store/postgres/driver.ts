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

function connectionOf(client: PgClient, scope: string): Connection {
  const query = async <R>(sql: string, params: readonly SqlValue[]): Promise<{ rows: R[]; rowCount: number | null }> =>
    client.query<R>(numberPlaceholders(sql), [...params]);
  return {
    all: async <R extends Row>(sql: string, params: readonly SqlValue[] = []) => (await query<R>(sql, params)).rows,
    run: async (sql: string, params: readonly SqlValue[] = []) => (await query(sql, params)).rowCount ?? 0,
    exec: async (sql: string) => { await client.query(sql); },
    lock: async (keys: readonly string[]) => {
      // One global order (by key number) for every transaction: no lock cycles, no deadlocks.
      // Keys are scoped by schema: archives side by side in one database do not wait on each other.
      const ordered = [...new Set(keys.map((k) => lockKey(`${scope}:${k}`)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const k of ordered) await client.query('SELECT pg_advisory_xact_lock($1)', [k.toString()]);
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
