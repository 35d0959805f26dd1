/**
 * SQLite driver over better-sqlite3: one connection per process, WAL journal so readers never
 * wait for the writer, and `BEGIN IMMEDIATE` so a write transaction takes the file's write lock
 * up front (a deferred transaction that upgrades later can fail with SQLITE_BUSY mid-way).
 */
import type { Connection, Driver, SqlValue, TransactionMode } from '../dialect.ts';
import type { SqliteConfig, SqliteDatabase, SqliteDatabaseConstructor, SqliteStatement } from './config.ts';

// Distinct SQL strings are few (IN lists vary by length only); the cap bounds memory anyway.
const STATEMENT_CACHE_SIZE = 500;

/** The next id of an AUTOINCREMENT table: past the highest it ever held and the highest it holds. */
const nextIdOf = (table: string): string =>
  `SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '${table}'), 0), COALESCE((SELECT MAX(id) FROM ${table}), 0)) + 1 AS next`;

export class SqliteDriver implements Driver {
  readonly #db: SqliteDatabase;
  readonly #statements = new Map<string, SqliteStatement>();
  // better-sqlite3 is synchronous, but transactions await between statements; this chain keeps
  // two async callers from interleaving statements on the one connection.
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;
  readonly #connection: Connection;

  private constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#connection = {
      all: async <R>(sql: string, params: readonly SqlValue[] = []) => this.#statement(sql).all(params) as R[],
      run: async (sql: string, params: readonly SqlValue[] = []) => {
        const stmt = this.#statement(sql);
        // RETURNING makes an INSERT a reader; run() would refuse it.
        return stmt.reader ? stmt.all(params).length : stmt.run(params).changes;
      },
      runEach: async (sql: string, rows: readonly (readonly SqlValue[])[]) => {
        const stmt = this.#statement(sql);
        let changed = 0;
        for (const params of rows) changed += stmt.run(params).changes;
        return changed;
      },
      allEach: async <R>(sql: string, rows: readonly (readonly SqlValue[])[]) => {
        const stmt = this.#statement(sql);
        return rows.map((params) => stmt.all(params) as R[]);
      },
      // BEGIN IMMEDIATE holds the file's write lock: no other writer numbers rows meanwhile.
      // An AUTOINCREMENT table never reuses an id: the next one is past sqlite_sequence's record.
      nextId: async (table: string) => {
        const [row] = this.#statement(nextIdOf(table)).all([]) as { next: number }[];
        return Number(row?.next ?? 1);
      },
      exec: async (sql: string) => { this.#db.exec(sql); },
      // Writers are already serialised by the file lock BEGIN IMMEDIATE takes.
      lock: async () => {},
    };
  }

  /** Open (creating if needed, and asked) the database file and set it up for safe concurrent use. */
  static open(Database: SqliteDatabaseConstructor, config: SqliteConfig, create = true): SqliteDriver {
    const db = new Database(config.path, { timeout: config.busyTimeout, fileMustExist: !create });
    try {
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode loses nothing committed when the process dies; only a power cut can
      // drop the last transactions, and it never corrupts the file.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // The default 2 MB page cache thrashes once the indexes of a large archive outgrow it:
      // every insert into them then reads pages back from the OS. 64 MB of cache and reads
      // through a memory map keep a million-event archive's hot pages at hand.
      db.pragma('cache_size = -65536');
      db.pragma('mmap_size = 268435456');
      db.pragma(`busy_timeout = ${config.busyTimeout}`);
      // SQLite's own lower() folds ASCII only; Russian, Kazakh and Turkish titles need JS's.
      db.function('dyad_lower', { deterministic: true }, (v) => (typeof v === 'string' ? v.toLowerCase() : v));
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteDriver(db);
  }

  /** Run `fn` in a transaction, one at a time on this connection. */
  transaction<T>(mode: TransactionMode, fn: (conn: Connection) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.#closed) throw new Error('the store is closed');
      this.#db.exec(mode === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN');
      try {
        const result = await fn(this.#connection);
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Close the file once pending transactions end. */
  async close(): Promise<void> {
    await this.#queue;
    if (this.#closed) return;
    this.#closed = true;
    this.#statements.clear();
    this.#db.close();
  }

  #statement(sql: string): SqliteStatement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.clear();
      stmt = this.#db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }
}
