/**
 * What a backend supplies to the shared store: a driver to run SQL, the few spellings in which
 * SQLite and PostgreSQL differ, and its declared capabilities. Shared SQL is written once with
 * `?` placeholders and `ON CONFLICT`/`RETURNING` (both engines understand them); everything
 * else that differs lives behind this interface.
 */
import type { StoreCapabilities } from './store.ts';

/** Values bound to placeholders: no booleans or bigints, so both drivers bind them the same way. */
export type SqlValue = string | number | null;

export type Row = Record<string, unknown>;

/** One connection inside one transaction. */
export interface Connection {
  /** Rows of a query (or of an INSERT ... RETURNING). */
  all<R extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<R[]>;
  /** Run a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Run one statement once per row of parameters, in order; resolves to the rows changed in all.
   * In process (SQLite) the statement is prepared once and the runs cost no await between them.
   */
  runEach(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<number>;
  /** Run one query once per row of parameters: the rows of each run, in order. */
  allEach<R extends Row = Row>(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<R[][]>;
  /**
   * The id the next row inserted into `table` gets when given none, where the transaction is the
   * only writer and may number new rows itself (SQLite, AUTOINCREMENT: past the highest id the
   * table ever held); undefined where ids come from a sequence other writers share (PostgreSQL),
   * and the insert returns them.
   */
  nextId(table: string): Promise<number | undefined>;
  /** Run a script of statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Hold locks on these keys until the transaction ends, taken in one global order so that
   * transactions locking overlapping keys cannot deadlock. A no-op where writers are serialised.
   */
  lock(keys: readonly string[]): Promise<void>;
}

/**
 * 'statement': a read of one statement, or of statements that need not agree with one another
 * (a check that a write transaction makes again under its locks); a server runs it without
 * BEGIN and COMMIT, two round trips fewer.
 */
export type TransactionMode = 'read' | 'write' | 'statement';

/** Connections to one database. */
export interface Driver {
  /**
   * Run `fn` in one transaction: commit when it resolves, roll back when it throws.
   * Read transactions see one consistent snapshot; write transactions are atomic and durable.
   */
  transaction<T>(mode: TransactionMode, fn: (conn: Connection) => Promise<T>): Promise<T>;
  /** Close the file or the pool; later calls fail. */
  close(): Promise<void>;
}

/** Column types in DDL. */
export interface ColumnTypes {
  /** An auto-numbered integer primary key whose numbers are never reused. */
  readonly id: string;
  /** An integer column referring to an `id`. */
  readonly ref: string;
  /** A double-precision number. */
  readonly real: string;
  /** A JSON document. */
  readonly json: string;
  /**
   * What ends the CREATE TABLE of a table that is all key (an index kept as a table), so that it
   * is stored once in its key's order ('WITHOUT ROWID' on SQLite; nothing where that is the default).
   */
  readonly keyedTable: string;
}

/**
 * The full-text index over articles: one row per article holding its search terms (stems,
 * computed by Dyad for every language the same way), and the engine's own ranking.
 */
export interface SearchSpelling {
  /** DDL creating `article_search`. */
  readonly create: string;
  /**
   * DDL dropping an index an older Dyad made in another form, so that it is created and filled
   * again (schema 4); empty when the engine's index kept its form.
   */
  readonly rebuild: string;
  /** Store one article's terms; parameters (article id, space-separated terms). */
  readonly insert: string;
  /** Store several articles' terms: `insert` with a VALUES row per article, each of `row`'s two parameters. */
  readonly insertInto: string;
  readonly row: string;
  /** Remove one article's terms; parameter (article id). */
  readonly remove: string;
  /** The one parameter of `match` for a query: every group must match, any term of a group. */
  query(groups: readonly (readonly string[])[]): string;
  /** A subquery of the article_id of the articles matching its parameter, cheap to read newest (highest id) first. */
  readonly matching: string;
  /**
   * A subquery of (article_id, rank) ranking the articles of `candidates` (a subquery of article
   * ids matching the query, the newest few) by how well they match its first parameter, the
   * query; `candidates`' own parameters follow. Lower rank is better. It may return other
   * matches besides the candidates, never fewer.
   */
  rank(candidates: string): string;
}

/** SQL spellings that differ between engines. */
export interface DialectAdapter {
  readonly types: ColumnTypes;
  readonly search: SearchSpelling;
  /** An expression lowercasing `expr` for every script (not only ASCII). */
  lower(expr: string): string;
  /** Statements refreshing the planner's statistics after a large load. */
  readonly optimize: string;
  /** True when a transaction failed on a transient conflict (busy file, deadlock) and may be retried. */
  isTransient(error: unknown): boolean;
}

/** How an archive is opened. */
export interface OpenOptions {
  /** Create the archive when it does not exist (default true); false for commands that only read. */
  readonly create?: boolean;
}

/** A backend: its capabilities, its SQL spellings and a way to connect. */
export interface Dialect {
  readonly capabilities: StoreCapabilities;
  readonly adapter: DialectAdapter;
  /** Where the archive lives, for messages (no password). */
  readonly location: string;
  /**
   * Open the file or the pool; loads the driver package only now. With `create: false` nothing
   * is created (no file, no schema): a missing archive is a `store_missing` error.
   */
  createDriver(options?: OpenOptions): Promise<Driver>;
}
