/**
 * The store stage: the archive of articles, events, mentions and facts, on SQLite (a file, the
 * default) or PostgreSQL (shared by many processes), behind one contract.
 */
import { dialectFor, resolveLocation } from './connect.ts';
import { migrate } from './migrations.ts';
import type { OpenOptions } from './dialect.ts';
import { StoreError } from './errors.ts';
import { SqlStore } from './sql-store.ts';
import type { Store } from './store.ts';

export type * from './store.ts';
export { PUT_STATUSES } from './store.ts';
export { StoreError, isStoreError, STORE_ERROR_REASONS, type StoreErrorReason } from './errors.ts';
export { contentHash, normalizeContent } from './content-hash.ts';
export { SCHEMA_VERSION } from './migrations.ts';
export { resolveLocation } from './connect.ts';
export type { OpenOptions } from './dialect.ts';

/**
 * Open (creating or upgrading) an archive: a file path or `sqlite:PATH` for SQLite, a
 * `postgres://` URL (`?schema=NAME` to use a schema) for PostgreSQL; default $DYAD_DB, else ./dyad.db.
 * With `create: false` (commands that only read) an archive that does not exist is a
 * `store_missing` error, and nothing is created.
 */
export async function openStore(location?: string, options: OpenOptions = {}): Promise<Store> {
  const dialect = dialectFor(resolveLocation(location));
  const driver = await dialect.createDriver(options);
  try {
    if (options.create === false) {
      // An existing file or schema that holds no Dyad archive is no archive either.
      await driver.transaction('read', (c) => c.all('SELECT MAX(version) AS v FROM schema_migrations')).catch(() => {
        throw new StoreError('store_missing', `no Dyad archive at ${dialect.location} (reading does not create one: dyad ingest makes it, or give --db)`, dialect.location);
      });
    }
    await migrate(driver, dialect);
  } catch (error) {
    await driver.close();
    throw error;
  }
  return new SqlStore(dialect, driver);
}
