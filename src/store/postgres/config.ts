/**
 * The parts of the pg package the store uses, described structurally so that SQLite users need
 * not install it: it is imported only when a postgres:// archive is opened.
 */
import { userInfo } from 'node:os';
import { StoreError } from '../errors.ts';

export interface PgQueryResult<R> {
  readonly rows: R[];
  readonly rowCount: number | null;
}

export interface PgClient {
  query<R>(text: string, values?: unknown[]): Promise<PgQueryResult<R>>;
  /** Return the client to the pool; `true` destroys it (after a failed ROLLBACK). */
  release(destroy?: boolean): void;
}

export interface PgTypeParsers {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown;
}

export interface PgPoolConfig {
  readonly connectionString: string;
  readonly max?: number;
  /** Server options sent at connect time, e.g. "-c search_path=x". */
  readonly options?: string;
  readonly types?: PgTypeParsers;
  readonly connectionTimeoutMillis?: number;
  readonly application_name?: string;
}

export interface PgPool {
  connect(): Promise<PgClient>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** The pg module: its pool and its type parsers. */
export interface PgModule {
  readonly Pool: new (config: PgPoolConfig) => PgPool;
  readonly types: PgTypeParsers;
}

export interface PostgresConfig {
  /** The URL given to pg (without Dyad's own parameters). */
  readonly connectionString: string;
  /** The URL for messages: no password. */
  readonly location: string;
  /** A schema to keep the archive in (created if missing); the server's default when absent. */
  readonly schema?: string;
  readonly poolSize: number;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** True when a location names a PostgreSQL server. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/** PostgreSQL settings from a URL; `?schema=NAME` picks the schema. */
export function postgresConfig(location: string): PostgresConfig {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new StoreError('store_unavailable', `not a PostgreSQL URL: ${location}`, location);
  }
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  if (schema !== undefined && !IDENTIFIER.test(schema)) {
    throw new StoreError('store_unavailable', `schema must be a plain identifier, got "${schema}"`, location);
  }
  // Like psql (libpq), connect as the system user when neither the URL nor PGUSER names one;
  // pg alone would rely on $USER, which services and containers often lack.
  if (!url.username && !process.env['PGUSER'] && !process.env['USER']) url.username = userInfo().username;
  const shown = new URL(url.href);
  if (shown.password) shown.password = '***';
  // Messages name the schema too: two archives in one database differ only by it.
  if (schema) shown.searchParams.set('schema', schema);
  return { connectionString: url.href, location: shown.href, ...(schema ? { schema } : {}), poolSize: 4 };
}
