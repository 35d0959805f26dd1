/**
 * Full-text search over articles: each article's stems are indexed when it is stored, and a query
 * is stemmed the same way (in the language asked for, or in every language), then matched and
 * ranked by the engine (FTS5's bm25 on SQLite, ts_rank on PostgreSQL).
 */
import { LANGS, type Lang } from '../model/index.ts';
import { queryTerms, searchTerms } from '../text/index.ts';
import type { Connection, SearchSpelling, SqlValue } from './dialect.ts';
import { ARTICLE_COLUMNS, toSummary } from './rows.ts';
import { overlapping, pageOf } from './sql.ts';
import type { SearchFilter, SearchHit } from './store.ts';

const FILL_PAGE = 500;

/** The terms of an article: its title and text. */
function termsOf(title: string | null | undefined, text: string, lang: Lang): string {
  return searchTerms(title ? `${title}\n${text}` : text, lang);
}

/** Index one article's terms, replacing what was indexed for it before. */
export async function indexArticle(c: Connection, search: SearchSpelling, id: number, lang: Lang, title: string | undefined, text: string): Promise<void> {
  await c.run(search.remove, [id]);
  await c.run(search.insert, [id, termsOf(title, text, lang)]);
}

/** Index every archived article (the migration that introduced search). */
export async function indexAllArticles(c: Connection, search: SearchSpelling): Promise<void> {
  for (let after = 0; ;) {
    const rows = await c.all<{ id: number; lang: Lang; title: string | null; text: string }>(
      'SELECT id, lang, title, text FROM articles WHERE id > ? ORDER BY id LIMIT ?', [after, FILL_PAGE]);
    for (const r of rows) await c.run(search.insert, [Number(r.id), termsOf(r.title, r.text, r.lang)]);
    const last = rows[rows.length - 1];
    if (!last || rows.length < FILL_PAGE) return;
    after = Number(last.id);
  }
}

/** Articles matching every word of the query, best first. */
export async function searchArticles(c: Connection, search: SearchSpelling, filter: SearchFilter): Promise<SearchHit[]> {
  const groups = queryTerms(filter.q, filter.lang ? [filter.lang] : LANGS);
  if (groups.length === 0) return [];
  const where: string[] = [];
  const params: SqlValue[] = [search.query(groups)];
  if (filter.lang !== undefined) {
    where.push('a.lang = ?');
    params.push(filter.lang);
  }
  overlapping(filter, 'a.published_first', 'a.published_last', where, params);
  const [limit, offset] = pageOf(filter);
  const rows = await c.all(
    `SELECT ${ARTICLE_COLUMNS}, s.rank FROM (${search.match}) s JOIN articles a ON a.id = s.article_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.rank, a.id LIMIT ? OFFSET ?`,
    [...params, limit, offset]);
  return rows.map((r) => ({ article: toSummary(r), rank: Number(r['rank']) }));
}
