/**
 * Full-text search over articles: each article's stems are indexed when it is stored, and a query
 * is stemmed the same way (in the language asked for, or in every language), then matched and
 * ranked by the engine (FTS5's bm25 on SQLite, ts_rank on PostgreSQL), among a bounded number of
 * the newest matches.
 */
import { LANGS, type Lang } from '../model/index.ts';
import { articleTerms, queryTerms } from '../text/index.ts';
import type { Connection, SearchSpelling, SqlValue } from './dialect.ts';
import { ARTICLE_COLUMNS, toSummary } from './rows.ts';
import { overlapping, pageOf, runRows } from './sql.ts';
import type { SearchFilter, SearchHit, StoreCapabilities } from './store.ts';

const FILL_PAGE = 500;
/** PostgreSQL refuses a lexeme of 2,047 bytes or more; a longer "word" is never prose. */
export const MAX_TERM_BYTES = 2046;
/**
 * PostgreSQL refuses a tsvector over 1 MB (its distinct lexemes and 4 bytes for each); an
 * article with more distinct words than fit is indexed by the first ones, on every engine alike.
 */
export const MAX_DISTINCT_BYTES = 1_000_000;

const byteLength = (term: string): number => Buffer.byteLength(term, 'utf8');

/** Terms every engine can index: over-long ones dropped, distinct ones kept within the budget. */
export function indexableTerms(terms: readonly string[]): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  let budget = MAX_DISTINCT_BYTES;
  for (const term of terms) {
    if (!seen.has(term)) {
      const size = byteLength(term);
      if (size > MAX_TERM_BYTES || size + 4 > budget) continue;
      budget -= size + 4;
      seen.add(term);
    }
    kept.push(term);
  }
  return kept;
}

/** The terms of an article to index: its title's and text's (computed already, or here), those every engine can hold. */
function termsOf(title: string | null | undefined, text: string, lang: Lang, computed?: string): string {
  const terms = computed ?? articleTerms(title, text, lang);
  return indexableTerms(terms === '' ? [] : terms.split(' ')).join(' ');
}

/** An article to index: its row id and what its terms come from. */
export interface IndexedArticle {
  readonly id: number;
  readonly lang: Lang;
  readonly title: string | undefined;
  readonly text: string;
  /** True when the article had terms indexed before (a new version or a recode). */
  readonly indexed: boolean;
  /** Its terms as the coding stage computed them (`articleTerms`), if it did. */
  readonly terms?: string;
}

/** Index several articles' terms, replacing what was indexed for them before, in few statements. */
export async function indexArticles(c: Connection, caps: StoreCapabilities, search: SearchSpelling, articles: readonly IndexedArticle[]): Promise<void> {
  for (const a of articles) if (a.indexed) await c.run(search.remove, [a.id]);
  // up to 500 articles a statement on a server
  await runRows(c, caps, (n) => `${search.insertInto} ${Array.from({ length: n }, () => search.row).join(', ')}`,
    articles.map((a) => [a.id, termsOf(a.title, a.text, a.lang, a.terms)]), 1000);
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

/**
 * How many matching articles a search ranks at most: the most recently archived ones (highest
 * id) that pass the language and date filters, or more when a later page asks for more. Ranking
 * costs a read of each ranked article's statistics, so ranking every match would make a common
 * word's search grow with the archive; an older article that would rank above them is not found
 * when more articles than this match (docs/archive.md, Search).
 */
export const SEARCH_CANDIDATES = 2000;

/** Articles matching every word of the query, best first among the SEARCH_CANDIDATES newest matches. */
export async function searchArticles(c: Connection, search: SearchSpelling, filter: SearchFilter): Promise<SearchHit[]> {
  // A word no index can hold (too long) matches no article, so neither does the query.
  const groups = queryTerms(filter.q, filter.lang ? [filter.lang] : LANGS)
    .map((g) => g.filter((t) => byteLength(t) <= MAX_TERM_BYTES));
  if (groups.length === 0 || groups.some((g) => g.length === 0)) return [];
  const query = search.query(groups);
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (filter.lang !== undefined) {
    where.push('a.lang = ?');
    params.push(filter.lang);
  }
  overlapping(filter, 'a.published_first', 'a.published_last', where, params);
  const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [limit, offset] = pageOf(filter);
  // The newest candidates: the index finds them without ranking anything; only they are ranked.
  const candidates = `SELECT m.article_id FROM (${search.matching}) m ${where.length ? `JOIN articles a ON a.id = m.article_id ${filtered}` : ''}
     ORDER BY m.article_id DESC LIMIT ?`;
  // The page is cut from the ranks before the articles' rows are read (a rank may come with
  // matches besides the candidates: the filters hold them back).
  const page = `SELECT s.article_id, s.rank FROM (${search.rank(candidates)}) s
     ${where.length ? `JOIN articles a ON a.id = s.article_id ${filtered}` : ''} ORDER BY s.rank, s.article_id LIMIT ? OFFSET ?`;
  const rows = await c.all(
    `SELECT ${ARTICLE_COLUMNS}, p.rank FROM (${page}) p JOIN articles a ON a.id = p.article_id ORDER BY p.rank, a.id`,
    [query, query, ...params, Math.max(SEARCH_CANDIDATES, offset + limit), ...params, limit, offset]);
  return rows.map((r) => ({ article: toSummary(r), rank: Number(r['rank']) }));
}
