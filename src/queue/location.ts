/**
 * Where the queue lives: in the archive's own PostgreSQL database, in a schema of its own beside
 * the archive's (the archive's schema name + "_queue", or dyad_queue), so that archives side by
 * side in one database (tests, tenants) each have their own queue.
 */
import { userInfo } from 'node:os';
import { DyadError } from '../model/index.ts';

export interface QueueLocation {
  /** The connection string for the queue library (the archive URL without Dyad's own parameters). */
  readonly connectionString: string;
  /** The schema the queue's tables live in. */
  readonly schema: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,56}$/;

/** True when an archive location names a PostgreSQL server (and so can hold a queue). */
export function hasQueue(archive: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(archive);
}

/** The queue of a postgres:// archive; a SQLite archive has none (work runs in one process). */
export function queueLocation(archive: string): QueueLocation {
  if (!hasQueue(archive)) {
    throw new DyadError('usage', `a job queue lives in PostgreSQL: give --db postgres://... (on a SQLite archive, ${archive}, every command works in one process)`, '--db');
  }
  const url = new URL(archive);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  // As the store does (and psql): the system user when neither the URL nor the environment names one.
  if (!url.username && !process.env['PGUSER'] && !process.env['USER']) url.username = userInfo().username;
  const name = schema === null ? 'dyad_queue' : `${schema}_queue`;
  if (!IDENTIFIER.test(name)) throw new DyadError('usage', `the archive's schema "${schema ?? ''}" cannot name a queue schema: use a plain identifier of at most 56 characters`, '--db');
  return { connectionString: url.href, schema: name };
}
