/** The SQLite backend: an archive in one file, no server. */
import { existsSync } from 'node:fs';
import type { Dialect, DialectAdapter, Driver, OpenOptions } from '../dialect.ts';
import { StoreError } from '../errors.ts';
import type { StoreCapabilities } from '../store.ts';
import { sqliteConfig, type SqliteConfig, type SqliteDatabaseConstructor } from './config.ts';
import { SqliteDriver } from './driver.ts';

const TRANSIENT = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_LOCKED']);

export const sqliteAdapter: DialectAdapter = {
  types: {
    // AUTOINCREMENT so that an event id, once exported, never names another event.
    id: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    ref: 'INTEGER',
    real: 'REAL',
    json: 'TEXT',
    keyedTable: 'WITHOUT ROWID',
  },
  search: {
    // FTS5 over Dyad's own stems. Its tokenizer must split them on spaces only: a stem may hold
    // a dot, comma or colon ("u.s", "6.3", "1,5"), and a quoted query word the tokenizer cut in
    // two would be a phrase, which an index without positions (detail=column) refuses. So every
    // character but separators (Z*) and controls (Cc) is a token character.
    create: `CREATE VIRTUAL TABLE article_search USING fts5(terms, tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N* P* S* Cf Co Cn Cs'", detail = column)`,
    // Archives before schema 4 cut stems at punctuation: the index is made again.
    rebuild: 'DROP TABLE article_search',
    insert: 'INSERT INTO article_search (rowid, terms) VALUES (?, ?)',
    insertInto: 'INSERT INTO article_search (rowid, terms) VALUES',
    row: '(?, ?)',
    remove: 'DELETE FROM article_search WHERE rowid = ?',
    // Each stem is one quoted string: FTS5 operators, parentheses and column filters in a query
    // are only characters of a word.
    query: (groups) => groups.map((g) => `(${g.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ')})`).join(' AND '),
    matching: 'SELECT rowid AS article_id FROM article_search WHERE article_search MATCH ?',
    // FTS5 narrows a match to a range of rowids before it ranks: bm25 runs on the range from the
    // lowest candidate up (bm25 needs the MATCH itself, so the candidates cannot be ranked apart).
    rank: (candidates) => `SELECT rowid AS article_id, bm25(article_search) AS rank FROM article_search
      WHERE article_search MATCH ? AND rowid >= (SELECT COALESCE(MIN(article_id), 0) FROM (${candidates}))`,
  },
  optimize: 'PRAGMA optimize',
  lower: (expr) => `dyad_lower(${expr})`,
  isTransient: (error) => TRANSIENT.has((error as { code?: unknown } | null)?.code as string),
};

export class SqliteDialect implements Dialect {
  readonly capabilities: StoreCapabilities = {
    // One writer at a time: BEGIN IMMEDIATE takes the file's write lock.
    concurrentWriters: false,
    nativeJson: false,
    maxParameters: 32_766,
    // Statements cost no round trip here: one-row statements, prepared once, run per row.
    inProcess: true,
  };
  readonly adapter = sqliteAdapter;
  readonly #config: SqliteConfig;

  constructor(location: string) {
    this.#config = sqliteConfig(location);
  }

  get location(): string {
    return this.#config.path;
  }

  /** Load better-sqlite3 and open the file. */
  async createDriver(options: OpenOptions = {}): Promise<Driver> {
    const create = options.create ?? true;
    const { path } = this.#config;
    if (!create && path !== ':memory:' && !existsSync(path)) {
      throw new StoreError('store_missing', `no archive at ${path} (reading does not create one: dyad ingest makes it, or give --db)`, path);
    }
    const Database = await loadBetterSqlite3();
    try {
      return SqliteDriver.open(Database, this.#config, create);
    } catch (error) {
      throw new StoreError('store_unavailable', `cannot open the archive ${this.#config.path}: ${(error as Error).message}`, this.#config.path);
    }
  }
}

async function loadBetterSqlite3(): Promise<SqliteDatabaseConstructor> {
  // A variable specifier keeps the package out of the type-check; it is described in config.ts.
  const specifier = 'better-sqlite3';
  try {
    const mod = (await import(specifier)) as { default: SqliteDatabaseConstructor };
    return mod.default;
  } catch (error) {
    throw new StoreError('store_unavailable', `SQLite archives need the better-sqlite3 package (npm install better-sqlite3@12): ${(error as Error).message}`);
  }
}
