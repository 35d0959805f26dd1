/** Reading facts: partnerships, commitments and agreements, by kind, party, dyad, date, language. */
import type { Connection, SqlValue } from './dialect.ts';
import { selectFacts } from './rows.ts';
import { overlapping, pageOf } from './sql.ts';
import type { FactFilter, FactRow, StoreCapabilities } from './store.ts';

/** Facts matching a filter, oldest first (undated last). */
export async function findFacts(c: Connection, caps: StoreCapabilities, filter: FactFilter): Promise<FactRow[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (filter.kind !== undefined) {
    where.push('f.kind = ?');
    params.push(filter.kind);
  }
  for (const code of [...(filter.party === undefined ? [] : [filter.party]), ...(filter.dyad ?? [])]) {
    where.push('f.id IN (SELECT p.fact_id FROM fact_parties p WHERE p.code = ?)');
    params.push(code);
  }
  overlapping(filter, 'f.date_first', 'f.date_last', where, params);
  if (filter.lang !== undefined) {
    where.push('f.lang = ?');
    params.push(filter.lang);
  }
  const [limit, offset] = pageOf(filter);
  return selectFacts(c, caps, where.length ? where.join(' AND ') : '1 = 1', [...params, limit, offset],
    'ORDER BY f.date_first NULLS LAST, f.id LIMIT ? OFFSET ?');
}
