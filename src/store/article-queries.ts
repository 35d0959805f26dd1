/** Reading articles: lists, one article with what was coded from it, translations, recode batches. */
import type { Connection, SqlValue } from './dialect.ts';
import { ARTICLE_COLUMNS, selectFacts, selectMentions, toArticleText, toSummary } from './rows.ts';
import { jaccard } from './grouping.ts';
import { overlapping, pageOf } from './sql.ts';
import { keysOf } from './translations.ts';
import type {
  ArticleFilter, ArticleLink, ArticleSummary, ArticleText, SimilarArticle, StoreCapabilities, StoredArticle,
} from './store.ts';

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Articles matching a filter, oldest published first (undated last). */
export async function findArticles(c: Connection, lower: (expr: string) => string, filter: ArticleFilter): Promise<ArticleSummary[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (filter.address !== undefined) {
    where.push('a.address = ?');
    params.push(filter.address);
  }
  if (filter.lang !== undefined) {
    where.push('a.lang = ?');
    params.push(filter.lang);
  }
  overlapping(filter, 'a.published_first', 'a.published_last', where, params);
  if (filter.q !== undefined && filter.q !== '') {
    where.push(`(${lower('a.title')} LIKE ? ESCAPE '\\' OR ${lower('a.text')} LIKE ? ESCAPE '\\')`);
    params.push(likePattern(filter.q), likePattern(filter.q));
  }
  const [limit, offset] = pageOf(filter);
  const rows = await c.all(
    `SELECT ${ARTICLE_COLUMNS} FROM articles a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY a.published_first NULLS LAST, a.id LIMIT ? OFFSET ?`, [...params, limit, offset]);
  return rows.map(toSummary);
}

/** One article with its text, mentions (by position) and facts. */
export async function findArticle(c: Connection, caps: StoreCapabilities, id: number): Promise<StoredArticle | undefined> {
  const [row] = await c.all(`SELECT ${ARTICLE_COLUMNS}, a.text FROM articles a WHERE a.id = ?`, [id]);
  if (!row) return undefined;
  const mentions = (await selectMentions(c, caps, 'm.article_id = ?', [id]))
    .sort((x, y) => x.evidence.start - y.evidence.start || x.id - y.id);
  const facts = await selectFacts(c, caps, 'f.article_id = ?', [id], 'ORDER BY f.start_offset, f.id');
  return { ...toArticleText(row), mentions, facts };
}

/**
 * The other versions of an article: every article in another language that its translation
 * links reach, directly or through another version (if A is a version of B and of C, B and C are
 * versions of each other), so that the link is symmetric and all versions of a story list the
 * same set, less their own language (two reports in one language are not translations of each
 * other). Each with its agreement with this article, best first.
 */
export async function findTranslations(c: Connection, articleId: number): Promise<ArticleLink[]> {
  // UNION (not UNION ALL) drops an article met again, so the walk ends on cycles.
  const rows = await c.all(
    `WITH RECURSIVE versions (id) AS (
       SELECT CAST(? AS BIGINT)
       UNION SELECT l.b FROM article_links l JOIN versions v ON l.a = v.id WHERE l.kind = 'translation')
     SELECT ${ARTICLE_COLUMNS}, l.score FROM versions v JOIN articles a ON a.id = v.id
     LEFT JOIN article_links l ON l.a = ? AND l.b = a.id AND l.kind = 'translation'
     WHERE a.lang <> (SELECT o.lang FROM articles o WHERE o.id = ?)`, [articleId, articleId, articleId]);
  if (rows.length === 0) return [];
  const own = await keysOf(c, articleId);
  const links: ArticleLink[] = [];
  for (const r of rows) {
    // A version reached through another has no link of its own: its agreement is computed the same way.
    const direct = r['score'] === null || r['score'] === undefined ? undefined : Number(r['score']);
    links.push({ article: toSummary(r), kind: 'translation', score: direct ?? jaccard(own, await keysOf(c, Number(r['id']))) });
  }
  return links.sort((x, y) => y.score - x.score || x.article.id - y.article.id);
}

/** One batch of articles coded by another lexicon version, with ids above `after`. */
export async function recodePage(c: Connection, lexiconVersion: string, after: number, size: number): Promise<ArticleText[]> {
  const rows = await c.all(
    `SELECT ${ARTICLE_COLUMNS}, a.text FROM articles a WHERE a.lexicon_version <> ? AND a.id > ? ORDER BY a.id LIMIT ?`,
    [lexiconVersion, after, size]);
  return rows.map(toArticleText);
}

/** Articles reporting the same events as this one (translations included), most shared first. */
export async function findSimilar(c: Connection, articleId: number, limit: number): Promise<SimilarArticle[]> {
  const rows = await c.all(
    `SELECT ${ARTICLE_COLUMNS}, s.shared FROM (
       SELECT m2.article_id, COUNT(DISTINCT m2.event_id) AS shared
       FROM mentions m1 JOIN mentions m2 ON m2.event_id = m1.event_id
       WHERE m1.article_id = ? AND m2.article_id <> ? GROUP BY m2.article_id) s
     JOIN articles a ON a.id = s.article_id ORDER BY s.shared DESC, a.id LIMIT ?`, [articleId, articleId, limit]);
  return rows.map((r) => ({ article: toSummary(r), sharedEvents: Number(r['shared']) }));
}
