/**
 * The store stage: the archive of articles, events, mentions and facts, on SQLite (a file, the
 * default) or PostgreSQL (shared by many processes), behind one contract.
 */
import { dialectFor, resolveLocation } from './connect.ts';
import { migrate } from './migrations.ts';
import { SqlStore } from './sql-store.ts';
import type { Store } from './store.ts';

export type * from './store.ts';
export { PUT_STATUSES, SCOPES } from './store.ts';
export { StoreError, isStoreError, STORE_ERROR_REASONS, type StoreErrorReason } from './errors.ts';
export { contentHash, normalizeContent } from './content-hash.ts';
export { SCHEMA_VERSION } from './migrations.ts';
export { resolveLocation } from './connect.ts';

/**
 * Open (creating or upgrading) an archive: a file path or `sqlite:PATH` for SQLite, a
 * `postgres://` URL (`?schema=NAME` to use a schema) for PostgreSQL; default $DYAD_DB, else ./dyad.db.
 */
export async function openStore(location?: string): Promise<Store> {
  const dialect = dialectFor(resolveLocation(location));
  const driver = await dialect.createDriver();
  try {
    await migrate(driver, dialect);
  } catch (error) {
    await driver.close();
    throw error;
  }
  return new SqlStore(dialect, driver);
}
