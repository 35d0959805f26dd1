/**
 * The parts of better-sqlite3 the store uses, described structurally so that the package is
 * loaded only when a SQLite archive is opened and its types are not a compile-time dependency.
 */

export interface SqliteStatement {
  /** True when the statement returns rows (SELECT, or INSERT ... RETURNING). */
  readonly reader: boolean;
  all(params: readonly unknown[]): unknown[];
  run(params: readonly unknown[]): { readonly changes: number };
}

export interface SqliteDatabase {
  readonly inTransaction: boolean;
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  pragma(source: string, options?: { readonly simple?: boolean }): unknown;
  function(name: string, options: { readonly deterministic?: boolean }, fn: (value: unknown) => unknown): unknown;
  close(): unknown;
}

export interface SqliteOpenOptions {
  /** Milliseconds to wait for another process's write lock (SQLite's busy_timeout). */
  readonly timeout?: number;
  /** Refuse to open a file that does not exist (instead of creating it). */
  readonly fileMustExist?: boolean;
}

/** The default export of better-sqlite3: the Database constructor. */
export type SqliteDatabaseConstructor = new (filename: string, options?: SqliteOpenOptions) => SqliteDatabase;

export interface SqliteConfig {
  /** File path, or ":memory:". */
  readonly path: string;
  /** How long a writer waits for another process's transaction (ms). */
  readonly busyTimeout: number;
}

/** Where the archive is kept when no location is given. */
export const DEFAULT_SQLITE_PATH = './dyad.db';

/** SQLite settings for a location: a path, or "sqlite:PATH". */
export function sqliteConfig(location: string): SqliteConfig {
  const path = location.startsWith('sqlite:') ? location.slice('sqlite:'.length) : location;
  return { path: path === '' ? DEFAULT_SQLITE_PATH : path, busyTimeout: 15_000 };
}
