/**
 * Translation links: articles that are versions of one another in different languages. Words
 * differ across languages but what the coder extracts does not, so two articles are linked when
 * they were published within 3 days and the sets of what they report agree: the events their
 * mentions were grouped into (same type, parties and date) and their facts' keys (parties,
 * levels, counts, amounts). Linked when at least 2 keys are shared and Jaccard >= 0.5.
 */
import { LANGS, type FactRecord } from '../model/index.ts';
import type { Connection, SqlValue } from './dialect.ts';
import { chunks, marks } from './sql.ts';
import type { StoreCapabilities } from './store.ts';
import { jaccard } from './grouping.ts';

export const MIN_SHARED_KEYS = 2;
export const MIN_KEY_OVERLAP = 0.5;
export const MAX_DAYS_APART = 3;

/** What must agree between two statements of one fact, in any language. */
export function factKey(f: FactRecord): string {
  const parties = [...new Set(f.parties)].sort().join('+');
  switch (f.kind) {
    case 'partnership':
      return `partnership|${parties}|${f.level}`;
    case 'commitment':
      return `commitment|${parties}|${f.metric}|${f.value}|${f.unit}`;
    case 'agreement':
      return `agreement|${parties}|${f.count ?? ''}`;
  }
}

/** What an article reports, as keys comparable across languages: its events' ids and its facts' keys. */
export async function keysOf(c: Connection, articleId: number): Promise<Set<string>> {
  const rows = await c.all<{ k: string }>(
    `SELECT DISTINCT 'e:' || CAST(event_id AS TEXT) AS k FROM mentions WHERE article_id = ?
     UNION SELECT DISTINCT 'f:' || fact_key AS k FROM facts WHERE article_id = ?`, [articleId, articleId]);
  return new Set(rows.map((r) => r.k));
}

/** What linking needs to know of the article just stored. */
export interface LinkSubject {
  readonly id: number;
  readonly lang: string;
  readonly publishedFirst: string | undefined;
  readonly publishedLast: string | undefined;
}

function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Link an article to its translations already archived (both ways); returns how many. */
export async function linkTranslations(c: Connection, a: LinkSubject): Promise<number> {
  if (a.publishedFirst === undefined || a.publishedLast === undefined) return 0;
  const own = await keysOf(c, a.id);
  if (own.size < MIN_SHARED_KEYS) return 0;
  // Only articles sharing at least one event or fact key can qualify; the indexes find them.
  const candidates = await c.all<{ id: number }>(
    `SELECT a.id FROM articles a
     WHERE a.lang <> ? AND a.published_last >= ? AND a.published_first <= ? AND a.id IN (
       SELECT m2.article_id FROM mentions m1 JOIN mentions m2 ON m2.event_id = m1.event_id
       WHERE m1.article_id = ? AND m2.article_id <> ?
       UNION
       SELECT f2.article_id FROM facts f1 JOIN facts f2 ON f2.fact_key = f1.fact_key
       WHERE f1.article_id = ? AND f2.article_id <> ?)
     ORDER BY a.id`,
    [a.lang, shiftDay(a.publishedFirst, -MAX_DAYS_APART), shiftDay(a.publishedLast, MAX_DAYS_APART), a.id, a.id, a.id, a.id],
  );
  let linked = 0;
  for (const { id } of candidates) {
    const other = await keysOf(c, Number(id));
    const shared = [...own].filter((k) => other.has(k)).length;
    const score = jaccard(own, other);
    if (shared < MIN_SHARED_KEYS || score < MIN_KEY_OVERLAP) continue;
    await c.run(
      `INSERT INTO article_links (a, b, kind, score) VALUES (?, ?, 'translation', ?), (?, ?, 'translation', ?)
       ON CONFLICT (a, kind, b) DO UPDATE SET score = excluded.score`,
      [a.id, id, score, id, a.id, score],
    );
    linked++;
  }
  return linked;
}

/** Each article's event and fact keys, a statement for all of them. */
async function keysOfMany(c: Connection, caps: StoreCapabilities, ids: readonly number[]): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>(ids.map((id) => [id, new Set()]));
  for (const part of chunks(ids, caps)) {
    const rows = await c.all<{ article_id: number; k: string }>(
      `SELECT DISTINCT article_id, 'e:' || CAST(event_id AS TEXT) AS k FROM mentions WHERE article_id IN (${marks(part.length)})
       UNION SELECT DISTINCT article_id, 'f:' || fact_key AS k FROM facts WHERE article_id IN (${marks(part.length)})`, [...part, ...part]);
    for (const r of rows) out.get(Number(r.article_id))?.add(r.k);
  }
  return out;
}

// An article spans at most a year (a date given to the year only): one whose last day is in a
// window starts at most this many days before it.
const LONGEST_SPAN = 366;

/**
 * True when some article in another language than a subject's was published near it: a
 * translation can only be such an article. An archive in one language (or a batch far from any
 * other language's articles) skips the reads of every key.
 */
async function othersNear(c: Connection, subjects: readonly LinkSubject[]): Promise<boolean> {
  const windows = new Map<string, { from: string; to: string }>();
  for (const s of subjects) {
    if (s.publishedFirst === undefined || s.publishedLast === undefined) continue;
    const from = shiftDay(s.publishedFirst, -MAX_DAYS_APART);
    const to = shiftDay(s.publishedLast, MAX_DAYS_APART);
    const w = windows.get(s.lang);
    windows.set(s.lang, w ? { from: from < w.from ? from : w.from, to: to > w.to ? to : w.to } : { from, to });
  }
  for (const [lang, { from, to }] of windows) {
    const others = LANGS.filter((l) => l !== lang);
    // A range of the (lang, published_first) index per other language.
    const [found] = await c.all(
      `SELECT 1 AS found FROM articles WHERE lang IN (${marks(others.length)}) AND published_first >= ? AND published_first <= ?
       AND published_last >= ? LIMIT 1`, [...others, shiftDay(from, -LONGEST_SPAN), to, from]);
    if (found) return true;
  }
  return false;
}

/**
 * Link several articles to their translations archived (both ways), as linkTranslations does
 * for each, in a few statements for all of them: their keys, the articles sharing a key with
 * any of them, those articles' keys, and the links.
 */
export async function linkAllTranslations(c: Connection, caps: StoreCapabilities, subjects: readonly LinkSubject[]): Promise<void> {
  if (!await othersNear(c, subjects)) return;
  const own = await keysOfMany(c, caps, subjects.map((s) => s.id));
  const linking = subjects.filter((s) => s.publishedFirst !== undefined && s.publishedLast !== undefined && (own.get(s.id)?.size ?? 0) >= MIN_SHARED_KEYS);
  if (linking.length === 0) return;
  const subjectOf = new Map(linking.map((s) => [s.id, s]));
  // Candidates: in another language, published within a few days (as linkTranslations asks).
  const candidates = new Map<number, number[]>();
  for (const part of chunks(linking.map((s) => s.id), caps)) {
    const rows = await c.all<{ subject: number; id: number; lang: string; published_first: string | null; published_last: string | null }>(
      `SELECT DISTINCT s.subject, a.id, a.lang, a.published_first, a.published_last FROM (
         SELECT m1.article_id AS subject, m2.article_id AS other FROM mentions m1 JOIN mentions m2 ON m2.event_id = m1.event_id
         WHERE m1.article_id IN (${marks(part.length)}) AND m2.article_id <> m1.article_id
         UNION
         SELECT f1.article_id, f2.article_id FROM facts f1 JOIN facts f2 ON f2.fact_key = f1.fact_key
         WHERE f1.article_id IN (${marks(part.length)}) AND f2.article_id <> f1.article_id) s
       JOIN articles a ON a.id = s.other JOIN articles sa ON sa.id = s.subject WHERE a.lang <> sa.lang`, [...part, ...part]);
    for (const r of rows) {
      const a = subjectOf.get(Number(r.subject)) as LinkSubject;
      const from = shiftDay(a.publishedFirst as string, -MAX_DAYS_APART);
      const to = shiftDay(a.publishedLast as string, MAX_DAYS_APART);
      if (r.lang === a.lang || r.published_last === null || r.published_first === null || r.published_last < from || r.published_first > to) continue;
      candidates.set(a.id, [...(candidates.get(a.id) ?? []), Number(r.id)]);
    }
  }
  const others = await keysOfMany(c, caps, [...new Set([...candidates.values()].flat())]);
  const links = new Map<string, SqlValue[]>();
  for (const a of linking) {
    const mine = own.get(a.id) as Set<string>;
    for (const o of candidates.get(a.id) ?? []) {
      const theirs = others.get(o) ?? new Set<string>();
      const shared = [...mine].filter((k) => theirs.has(k)).length;
      const score = jaccard(mine, theirs);
      if (shared < MIN_SHARED_KEYS || score < MIN_KEY_OVERLAP) continue;
      // Two articles of the batch that link find each other: one row each way, with one score.
      links.set(`${a.id} ${o}`, [a.id, o, score]);
      links.set(`${o} ${a.id}`, [o, a.id, score]);
    }
  }
  const rows = [...links.values()];
  const perStatement = Math.max(1, Math.floor(Math.min(caps.maxParameters, 15_000) / 3));
  for (let i = 0; i < rows.length; i += perStatement) {
    const part = rows.slice(i, i + perStatement);
    await c.run(
      `INSERT INTO article_links (a, b, kind, score) VALUES ${part.map(() => "(?, ?, 'translation', ?)").join(', ')}
       ON CONFLICT (a, kind, b) DO UPDATE SET score = excluded.score`, part.flat());
  }
}

/** Drop an article's translation links and link it again from what it reports now. */
export async function relinkArticle(c: Connection, articleId: number): Promise<void> {
  const [a] = await c.all<{ lang: string; published_first: string | null; published_last: string | null }>(
    'SELECT lang, published_first, published_last FROM articles WHERE id = ?', [articleId]);
  if (!a) return;
  await c.run('DELETE FROM article_links WHERE a = ? OR b = ?', [articleId, articleId]);
  await linkTranslations(c, { id: articleId, lang: a.lang, publishedFirst: a.published_first ?? undefined, publishedLast: a.published_last ?? undefined });
}
