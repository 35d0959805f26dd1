/**
 * Storing one article with its coded records, in one transaction.
 *
 * Identity: an article with an address is that address (a new text there replaces the old
 * version's mentions and facts); without one, it is its content hash. Content already archived
 * under another identity is a copy and is not stored twice: the result names the archived one.
 * The same content coded by the same lexicon version again is 'unchanged' and writes nothing;
 * coded by another lexicon version it is 'replaced' (a recode).
 */
import {
  DyadError, dateBounds, isLang, isPartialDate, type EventRecord, type FactRecord, type PartialDate,
} from '../model/index.ts';
import type { Connection, Dialect, SqlValue } from './dialect.ts';
import { codesOf } from './dyads.ts';
import { StoreError } from './errors.ts';
import { mentionsOf, replaceMentions, storedMentions } from './article-mentions.ts';
import { indexArticle } from './search.ts';
import { insertRows, joinCodes, marks } from './sql.ts';
import type { CodedArticle, NewArticle, PutResult } from './store.ts';
import { factKey, linkTranslations, relinkArticle } from './translations.ts';

// A type alias, not an interface, so that it fits the driver's Row index signature.
type Existing = {
  readonly id: number;
  readonly address: string | null;
  readonly content_hash: string;
  readonly lexicon_version: string;
  readonly undated: number;
};

type Decision =
  | { readonly kind: 'unchanged'; readonly id: number }
  | { readonly kind: 'replace'; readonly existing: Existing }
  | { readonly kind: 'add' };

/** Check what the store cannot hold before any write. */
export function validateArticle(article: NewArticle, coded: CodedArticle): void {
  if (!isLang(article.lang)) throw new DyadError('bad_lang', `article language must be en, tr, ru or kk, got "${String(article.lang)}"`, 'lang');
  if (article.published !== undefined && !isPartialDate(article.published)) {
    throw new DyadError('bad_date', `published must be YYYY, YYYY-MM or YYYY-MM-DD, got "${article.published}"`, 'published');
  }
  if (typeof coded.lexiconVersion !== 'string' || coded.lexiconVersion === '') {
    throw new StoreError('store_invalid', 'the lexicon version that coded the article is missing', 'lexiconVersion');
  }
  coded.records.forEach((r, i) => {
    const date = r.kind === 'partnership' ? r.since : r.date;
    if (date !== undefined && !isPartialDate(date)) throw new StoreError('store_invalid', `record ${i}: not a date: "${date}"`, `records[${i}].date`);
    if (r.kind === 'event' && (!isLang(r.lang) || codesOf([...r.actor, ...r.recipient]).length === 0)) {
      throw new StoreError('store_invalid', `record ${i}: an event needs a language and at least one actor code`, `records[${i}]`);
    }
  });
}

async function findExisting(c: Connection, address: string | undefined, hash: string): Promise<{ byAddress?: Existing; byHash?: Existing }> {
  const cols = 'id, address, content_hash, lexicon_version, undated';
  const [byAddress] = address === undefined ? [] : await c.all<Existing>(`SELECT ${cols} FROM articles WHERE address = ?`, [address]);
  const [byHash] = await c.all<Existing>(`SELECT ${cols} FROM articles WHERE content_hash = ?`, [hash]);
  return { ...(byAddress ? { byAddress } : {}), ...(byHash ? { byHash } : {}) };
}

/** What to do with an article, given what the archive holds under its address and its content. */
export async function decide(c: Connection, address: string | undefined, hash: string, lexiconVersion: string, dated = false): Promise<Decision> {
  const { byAddress, byHash } = await findExisting(c, address, hash);
  const target = byAddress ?? byHash;
  if (!target) return { kind: 'add' };
  if (target.content_hash === hash) {
    // An undated article given its date now is coded again as of that date.
    const redated = dated && Number(target.undated) === 1;
    return target.lexicon_version === lexiconVersion && !redated ? { kind: 'unchanged', id: Number(target.id) } : { kind: 'replace', existing: target };
  }
  // A new text at a known address, but that text is archived already under another identity.
  if (byHash) return { kind: 'unchanged', id: Number(byHash.id) };
  return { kind: 'replace', existing: target };
}

function factDate(f: FactRecord): PartialDate | undefined {
  return f.kind === 'partnership' ? f.since : f.date;
}

function boundsOf(date: PartialDate | undefined): [string | null, string | null] {
  if (date === undefined) return [null, null];
  const { first, last } = dateBounds(date);
  return [first, last];
}

/** The body of putArticle's write transaction (identity re-checked under the lock). */
export async function writeArticle(
  c: Connection, dialect: Dialect, article: NewArticle, coded: CodedArticle, hash: string,
): Promise<PutResult> {
  const caps = dialect.capabilities;
  // Two writers storing the same address or the same text serialise here (PostgreSQL);
  // SQLite writers are serialised already by BEGIN IMMEDIATE.
  if (caps.concurrentWriters) {
    await c.lock([`article:hash:${hash}`, ...(article.address === undefined ? [] : [`article:address:${article.address}`])]);
  }
  const decision = await decide(c, article.address, hash, coded.lexiconVersion, article.undated !== true);
  if (decision.kind === 'unchanged') return { status: 'unchanged', articleId: decision.id };

  const events = coded.records.filter((r): r is EventRecord => r.kind === 'event');
  const facts = coded.records.filter((r): r is FactRecord => r.kind !== 'event');
  const now = new Date().toISOString();
  const [pubFirst, pubLast] = boundsOf(article.published);
  const existing = decision.kind === 'replace' ? decision.existing : undefined;
  const articleId = existing ? Number(existing.id) : undefined;

  const old = articleId === undefined ? [] : await storedMentions(c, articleId);
  if (caps.concurrentWriters) {
    // Grouping reads and writes the events of each type this article touches, old and new: one
    // lock per type keeps two writers from grouping the same mentions at once. Translation
    // linking reads other articles through shared events and fact keys: locking the fact keys
    // too means of two related articles stored at once, the second sees the first.
    const oldFacts = articleId === undefined ? [] : (await c.all<{ fact_key: string }>(
      'SELECT DISTINCT fact_key FROM facts WHERE article_id = ?', [articleId])).map((r) => r.fact_key);
    await c.lock([
      ...[...events.map((e) => e.type), ...old.map((m) => m.type)].map((t) => `events:${t}`),
      ...[...facts.map(factKey), ...oldFacts].map((k) => `facts:${k}`),
    ]);
  }

  const fields: SqlValue[] = [article.title ?? null, article.lang, article.published ?? null, pubFirst, pubLast,
    article.undated === true ? 1 : 0, article.text, article.source ?? null, coded.lexiconVersion, now];
  let id: number;
  if (existing) {
    id = Number(existing.id);
    await c.run('DELETE FROM facts WHERE article_id = ?', [id]);
    await c.run('DELETE FROM article_links WHERE a = ? OR b = ?', [id, id]);
    await c.run(
      `UPDATE articles SET address = ?, content_hash = ?, title = ?, lang = ?, published = ?, published_first = ?,
       published_last = ?, undated = ?, text = ?, source = ?, lexicon_version = ?, ingested_at = ? WHERE id = ?`,
      // A copy found by its content keeps the address it was archived under.
      [existing.address ?? article.address ?? null, hash, ...fields, id]);
  } else {
    const [row] = await c.all<{ id: number }>(
      `INSERT INTO articles (address, content_hash, title, lang, published, published_first, published_last, undated, text, source,
       lexicon_version, ingested_at) VALUES (?, ?, ${marks(fields.length)}) RETURNING id`,
      [article.address ?? null, hash, ...fields]);
    id = Number(row?.id);
  }

  const movedArticles = await replaceMentions(c, caps, id, old, mentionsOf(events, id, hash, coded.lexiconVersion), now);

  for (const f of facts) {
    const date = factDate(f);
    const parties = [...new Set(f.parties)].sort();
    const [row] = await c.all<{ id: number }>(
      `INSERT INTO facts (article_id, kind, fact_key, parties, lang, date, date_first, date_last, sentence, start_offset,
       end_offset, evidence, lexicon_version, record) VALUES (${marks(14)}) RETURNING id`,
      [id, f.kind, factKey(f), joinCodes(parties), f.lang, date ?? null, ...boundsOf(date), f.evidence.sentence,
        f.evidence.start, f.evidence.end, f.evidence.text, coded.lexiconVersion, JSON.stringify(f)]);
    await insertRows(c, caps, 'fact_parties', ['fact_id', 'code'], parties.map((p) => [Number(row?.id), p]));
  }

  await indexArticle(c, dialect.adapter.search, id, article.lang, article.title, article.text);
  // Links are computed from the events articles report: regrouping may have changed another
  // article's, so its links are computed again, as they would be had it been stored last.
  for (const other of [...movedArticles].filter((a) => a !== id).sort((a, b) => a - b)) await relinkArticle(c, other);
  await linkTranslations(c, { id, lang: article.lang, publishedFirst: pubFirst ?? undefined, publishedLast: pubLast ?? undefined });
  return { status: existing ? 'replaced' : 'added', articleId: id };
}

