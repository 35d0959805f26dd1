/** Small SQL helpers shared by the store's modules: placeholder lists, batched inserts, paging. */
import { dateBounds, DyadError, isPartialDate, type PartialDate } from '../model/index.ts';
import type { Connection, SqlValue } from './dialect.ts';
import type { Page, StoreCapabilities } from './store.ts';

const markLists: string[] = [];

/** "?, ?, ?" for n values. */
export function marks(n: number): string {
  // Multi-row inserts ask for the same short lists once per row.
  if (n < 64) return (markLists[n] ??= Array.from({ length: n }, () => '?').join(', '));
  return Array.from({ length: n }, () => '?').join(', ');
}

/** The statements a multi-row statement on a server is cut into: as many rows each as `most` parameters (the parameter limit) allow. */
function insertGroups<T>(caps: StoreCapabilities, columns: number, rows: readonly T[], most = caps.maxParameters): T[][] {
  const per = Math.max(1, Math.floor(Math.min(most, caps.maxParameters) / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += per) out.push(rows.slice(i, i + per));
  return out;
}

const valueLists = new Map<string, string>();

/** "(?, ?), (?, ?)" for `rows` rows of `columns` values (the common sizes kept). */
function valuesOf(rows: number, columns: number): string {
  const key = `${rows} ${columns}`;
  let values = valueLists.get(key);
  if (values === undefined) {
    values = Array.from({ length: rows }, () => `(${marks(columns)})`).join(', ');
    if (valueLists.size < 256) valueLists.set(key, values);
  }
  return values;
}

/**
 * Run a statement over rows of parameters, `sql(n)` spelling it for n rows: in process (SQLite) its
 * one-row form, prepared once, run per row; on a server in as few statements as the parameter
 * limit (or `most` parameters) allows.
 */
export async function runRows(
  c: Connection, caps: StoreCapabilities, sql: (n: number) => string, rows: readonly (readonly SqlValue[])[], most = caps.maxParameters,
): Promise<void> {
  const width = rows[0]?.length;
  if (width === undefined) return;
  if (caps.inProcess) {
    await c.runEach(sql(1), rows);
    return;
  }
  for (const group of insertGroups(caps, width, rows, most)) await c.run(sql(group.length), group.flat());
}

/** Insert rows, as `runRows` runs them. */
export async function insertRows(
  c: Connection, caps: StoreCapabilities, table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[],
): Promise<void> {
  await runRows(c, caps, (n) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${valuesOf(n, columns.length)}`, rows);
}

/** Insert rows as insertRows does, returning `returning` of each inserted row (in no set order). */
async function insertReturning<R extends Record<string, unknown>>(
  c: Connection, caps: StoreCapabilities, table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], returning: string,
): Promise<R[]> {
  const out: R[] = [];
  for (const group of insertGroups(caps, columns.length, rows)) {
    out.push(...await c.all<R>(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${valuesOf(group.length, columns.length)} RETURNING ${returning}`,
      group.flat()));
  }
  return out;
}

/**
 * Insert rows and return their ids, in the order of `rows`. Where the transaction may number
 * rows itself (`Connection.nextId`, SQLite) they are numbered from the next id, as the table
 * would have numbered them in this order, and inserted with them; elsewhere the insert returns
 * each row's id with its `key` columns, which tell the rows apart (rows with equal keys are
 * interchangeable: they get their ids in the order given).
 */
export async function insertNumbered(
  c: Connection, caps: StoreCapabilities, table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[],
  key: readonly string[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const next = await c.nextId(table);
  if (next !== undefined) {
    await insertRows(c, caps, table, ['id', ...columns], rows.map((r, i) => [next + i, ...r]));
    return rows.map((_, i) => next + i);
  }
  const at = key.map((k) => columns.indexOf(k));
  const keyOf = (values: readonly unknown[]): string => values.map(String).join('\u001f');
  const returned = await insertReturning<Record<string, unknown>>(c, caps, table, columns, rows, ['id', ...key].join(', '));
  const idsOf = new Map<string, number[]>();
  for (const r of returned.sort((a, b) => Number(a['id']) - Number(b['id']))) {
    const k = keyOf(key.map((name) => r[name]));
    const list = idsOf.get(k);
    if (list) list.push(Number(r['id']));
    else idsOf.set(k, [Number(r['id'])]);
  }
  // rows of one key take its ids in order
  const taken = new Map<string, number>();
  return rows.map((r) => {
    const k = keyOf(at.map((i) => r[i]));
    const n = taken.get(k) ?? 0;
    taken.set(k, n + 1);
    return idsOf.get(k)?.[n] as number;
  });
}

/**
 * Set one column of many rows, found by id, in as few statements as the backend's parameter
 * limit allows (one statement a row costs a round trip each on a server). `integer` casts the
 * values, which a server would otherwise take for text.
 */
export async function updateById(
  c: Connection, caps: StoreCapabilities, table: string, column: string, rows: readonly (readonly [number, SqlValue])[], integer = false,
): Promise<void> {
  const value = integer ? 'CAST(? AS BIGINT)' : '?';
  const perStatement = Math.max(1, Math.floor(Math.min(caps.maxParameters, 10_000) / 2));
  for (let i = 0; i < rows.length; i += perStatement) {
    const batch = rows.slice(i, i + perStatement);
    await c.run(
      `UPDATE ${table} SET ${column} = v.column2 FROM (VALUES ${batch.map(() => `(CAST(? AS BIGINT), ${value})`).join(', ')}) AS v
       WHERE ${table}.id = v.column1`, batch.flat());
  }
}

/** Split values into groups small enough to bind in one `IN (...)`. */
export function chunks<T>(values: readonly T[], caps: StoreCapabilities): T[][] {
  const size = Math.min(caps.maxParameters, 10_000);
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;

/** LIMIT and OFFSET values of a page, bounded. */
export function pageOf(page: Page): [number, number] {
  const limit = Math.min(Math.max(0, Math.floor(page.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  return [limit, offset];
}

/** Codes as stored in one text column: sorted, space-separated. */
export function joinCodes(codes: readonly string[]): string {
  return codes.join(' ');
}

/** The inverse of joinCodes. */
export function splitCodes(text: unknown): string[] {
  return typeof text === 'string' && text !== '' ? text.split(' ') : [];
}

/** `{ key: value }`, or `{}` when the column is NULL (optional properties are never `undefined`). */
export function maybe<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return value === null || value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** Bounds of a filter date, or a bad_date error naming the option. */
export function filterBounds(date: PartialDate, option: string): { first: string; last: string } {
  if (!isPartialDate(date)) throw new DyadError('bad_date', `${option}: expected YYYY, YYYY-MM or YYYY-MM-DD, got "${date}"`, option);
  return dateBounds(date);
}

/**
 * Conditions keeping rows whose dates [firstColumn, lastColumn] overlap a filter's from–to range,
 * appended to `where` and `params`.
 */
export function overlapping(range: { readonly from?: PartialDate; readonly to?: PartialDate }, firstColumn: string, lastColumn: string,
  where: string[], params: SqlValue[]): void {
  if (range.from !== undefined) {
    where.push(`${lastColumn} >= ?`);
    params.push(filterBounds(range.from, 'from').first);
  }
  if (range.to !== undefined) {
    where.push(`${firstColumn} <= ?`);
    params.push(filterBounds(range.to, 'to').last);
  }
}
