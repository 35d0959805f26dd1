/** From a location to a backend: the one place that looks at the location's form. */
import type { Dialect } from './dialect.ts';
import { StoreError } from './errors.ts';
import { isPostgresUrl } from './postgres/config.ts';
import { PostgresDialect } from './postgres/dialect.ts';
import { DEFAULT_SQLITE_PATH } from './sqlite/config.ts';
import { SqliteDialect } from './sqlite/dialect.ts';

/** The location to open: the argument, else $DYAD_DB, else ./dyad.db. */
export function resolveLocation(location?: string): string {
  return location || process.env['DYAD_DB'] || DEFAULT_SQLITE_PATH;
}

/** The dialect for a location: postgres:// URLs on PostgreSQL, anything else a SQLite file. */
export function dialectFor(location: string): Dialect {
  if (isPostgresUrl(location)) return new PostgresDialect(location);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new StoreError('store_unavailable', `unsupported archive location "${location}": give a file path or a postgres:// URL`, location);
  }
  return new SqliteDialect(location);
}
