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
import { applyMentionPlans, mentionsOf, planMentions, storedMentions } from './article-mentions.ts';
import { indexArticles } from './search.ts';
import { chunks, insertNumbered, insertRows, joinCodes, marks } from './sql.ts';
import type { CodedArticle, NewArticle, PutResult, StoreCapabilities } from './store.ts';
import { factKey, linkAllTranslations, relinkArticle } from './translations.ts';

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
  if (coded.terms !== undefined && typeof coded.terms !== 'string') {
    throw new StoreError('store_invalid', 'the search terms of the article must be a string', 'terms');
  }
  coded.records.forEach((r, i) => {
    const date = r.kind === 'partnership' ? r.since : r.date;
    if (date !== undefined && !isPartialDate(date)) throw new StoreError('store_invalid', `record ${i}: not a date: "${date}"`, `records[${i}].date`);
    if (r.kind === 'event' && (!isLang(r.lang) || codesOf([...r.actor, ...r.recipient]).length === 0)) {
      throw new StoreError('store_invalid', `record ${i}: an event needs a language and at least one actor code`, `records[${i}]`);
    }
  });
}

/** What to do with an article, given the rows archived under its address and under its content. */
function decideFrom(byAddress: Existing | undefined, byHash: Existing | undefined, hash: string, lexiconVersion: string, dated: boolean): Decision {
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

const EXISTING_COLUMNS = 'id, address, content_hash, lexicon_version, undated';

/** The archived rows under these addresses and contents, by address and by hash (one statement when they fit in one). */
async function findExisting(c: Connection, caps: StoreCapabilities, addresses: readonly string[], hashes: readonly string[]): Promise<{
  byAddress: Map<string, Existing>; byHash: Map<string, Existing>;
}> {
  const byAddress = new Map<string, Existing>();
  const byHash = new Map<string, Existing>();
  const wantAddress = new Set(addresses);
  const wantHash = new Set(hashes);
  const keep = (r: Existing): void => {
    if (r.address !== null && wantAddress.has(r.address)) byAddress.set(r.address, r);
    if (wantHash.has(r.content_hash)) byHash.set(r.content_hash, r);
  };
  const [addressParts, hashParts] = [chunks([...wantAddress], caps), chunks([...wantHash], caps)];
  const [a, h] = [addressParts[0] ?? [], hashParts[0] ?? []];
  if (addressParts.length <= 1 && hashParts.length <= 1 && a.length + h.length <= caps.maxParameters) {
    // One round trip: a batch's addresses and hashes together (each column has its index).
    const where = [...(a.length ? [`address IN (${marks(a.length)})`] : []), ...(h.length ? [`content_hash IN (${marks(h.length)})`] : [])];
    if (where.length) for (const r of await c.all<Existing>(`SELECT ${EXISTING_COLUMNS} FROM articles WHERE ${where.join(' OR ')}`, [...a, ...h])) keep(r);
    return { byAddress, byHash };
  }
  for (const part of addressParts) {
    for (const r of await c.all<Existing>(`SELECT ${EXISTING_COLUMNS} FROM articles WHERE address IN (${marks(part.length)})`, part)) keep(r);
  }
  for (const part of hashParts) {
    for (const r of await c.all<Existing>(`SELECT ${EXISTING_COLUMNS} FROM articles WHERE content_hash IN (${marks(part.length)})`, part)) keep(r);
  }
  return { byAddress, byHash };
}

/** An article to store, with its content hash. */
export interface PutItem {
  readonly article: NewArticle;
  readonly coded: CodedArticle;
  readonly hash: string;
}

/** What to do with each article, given what the archive holds now (read in two queries). */
export async function decideAll(c: Connection, caps: StoreCapabilities, items: readonly PutItem[]): Promise<Decision[]> {
  const { byAddress, byHash } = await findExisting(c, caps, items.flatMap((i) => (i.article.address === undefined ? [] : [i.article.address])),
    items.map((i) => i.hash));
  return items.map((i) => decideFrom(i.article.address === undefined ? undefined : byAddress.get(i.article.address), byHash.get(i.hash),
    i.hash, i.coded.lexiconVersion, i.article.undated !== true));
}

function factDate(f: FactRecord): PartialDate | undefined {
  return f.kind === 'partnership' ? f.since : f.date;
}

function boundsOf(date: PartialDate | undefined): [string | null, string | null] {
  if (date === undefined) return [null, null];
  const { first, last } = dateBounds(date);
  return [first, last];
}

/** The identities an article's write touches: its own, and those of the row it replaces. */
function identities(item: PutItem, decision: Decision): string[] {
  const own = [`hash:${item.hash}`, ...(item.article.address === undefined ? [] : [`address:${item.article.address}`])];
  if (decision.kind !== 'replace') return own;
  const { existing } = decision;
  return [...own, `hash:${existing.content_hash}`, ...(existing.address === null ? [] : [`address:${existing.address}`])];
}

/**
 * The body of putArticles' write transaction. The batch is written in runs of articles that
 * touch no identity an earlier one of the run touches (the common case: the whole batch), each
 * run decided in one read, its events grouped in one sweep, its rows inserted a statement per
 * table; an article that touches an earlier one's identity starts a new run, which sees the
 * earlier run's writes as a later putArticle would.
 */
export async function writeArticles(c: Connection, dialect: Dialect, items: readonly PutItem[]): Promise<PutResult[]> {
  const out: PutResult[] = [];
  while (out.length < items.length) {
    const rest = items.slice(out.length);
    const caps = dialect.capabilities;
    // Two writers storing the same address or the same text serialise here (PostgreSQL);
    // SQLite writers are serialised already by BEGIN IMMEDIATE.
    if (caps.concurrentWriters) {
      await c.lock(rest.flatMap((i) => [`article:hash:${i.hash}`, ...(i.article.address === undefined ? [] : [`article:address:${i.article.address}`])]));
    }
    const decisions = await decideAll(c, caps, rest);
    const touched = new Set<string>();
    let n = 0;
    for (; n < rest.length; n++) {
      const keys = identities(rest[n] as PutItem, decisions[n] as Decision);
      if (keys.some((k) => touched.has(k))) break;
      for (const k of keys) touched.add(k);
    }
    out.push(...await writeRun(c, dialect, rest.slice(0, n), decisions.slice(0, n)));
  }
  return out;
}

/** An article being written in a run: its item, its row id, and the row it replaces. */
interface Writing {
  readonly item: PutItem;
  readonly id: number;
  readonly existing?: Existing;
  readonly events: readonly EventRecord[];
  readonly facts: readonly FactRecord[];
}

const FACT_COLUMNS = ['article_id', 'kind', 'fact_key', 'parties', 'lang', 'date', 'date_first', 'date_last', 'sentence', 'start_offset',
  'end_offset', 'evidence', 'lexicon_version', 'record'];

async function writeRun(c: Connection, dialect: Dialect, items: readonly PutItem[], decisions: readonly Decision[]): Promise<PutResult[]> {
  const caps = dialect.capabilities;
  const now = new Date().toISOString();
  const replacing = decisions.flatMap((d) => (d.kind === 'replace' ? [Number(d.existing.id)] : []));
  const old = await storedMentions(c, caps, replacing);
  if (caps.concurrentWriters) await lockGrouping(c, caps, items, decisions, old, replacing);

  // Article rows: replaced ones updated in place, new ones inserted together.
  const ids = new Map<PutItem, number>();
  for (const [i, item] of items.entries()) {
    const d = decisions[i] as Decision;
    if (d.kind === 'replace') ids.set(item, await updateArticle(c, item, d.existing, now));
  }
  await clearArticles(c, caps, replacing);
  const added = items.filter((_, i) => decisions[i]?.kind === 'add');
  const addedIds = await insertNumbered(c, caps, 'articles', ARTICLE_COLUMNS,
    added.map((item) => [item.article.address ?? null, item.hash, ...articleFields(item, now)]), ['content_hash']);
  added.forEach((item, i) => ids.set(item, addedIds[i] as number));

  const writing: Writing[] = items.flatMap((item, i): Writing[] => {
    const d = decisions[i] as Decision;
    if (d.kind === 'unchanged') return [];
    return [{
      item, id: ids.get(item) as number, ...(d.kind === 'replace' ? { existing: d.existing } : {}),
      events: item.coded.records.filter((r): r is EventRecord => r.kind === 'event'),
      facts: item.coded.records.filter((r): r is FactRecord => r.kind !== 'event'),
    }];
  });
  const plans = writing.map((w) => planMentions(old.get(w.id) ?? [], mentionsOf(w.events, w.id, w.item.hash, w.item.coded.lexiconVersion)));
  const movedArticles = await applyMentionPlans(c, caps, plans, now);
  await insertFacts(c, caps, writing);
  await indexArticles(c, caps, dialect.adapter.search, writing.map((w) => ({
    id: w.id, lang: w.item.article.lang, title: w.item.article.title, text: w.item.article.text, indexed: w.existing !== undefined,
    ...(w.item.coded.terms === undefined ? {} : { terms: w.item.coded.terms }),
  })));

  // Links are computed from the events articles report: regrouping may have changed another
  // article's, so its links are computed again, as they would be had it been stored last.
  const written = new Set(writing.map((w) => w.id));
  for (const other of [...movedArticles].filter((a) => !written.has(a)).sort((a, b) => a - b)) await relinkArticle(c, other);
  await linkAllTranslations(c, caps, writing.map((w) => {
    const [first, last] = boundsOf(w.item.article.published);
    return { id: w.id, lang: w.item.article.lang, publishedFirst: first ?? undefined, publishedLast: last ?? undefined };
  }));
  return items.map((item, i) => {
    const d = decisions[i] as Decision;
    return d.kind === 'unchanged' ? { status: 'unchanged', articleId: d.id } : { status: d.kind === 'replace' ? 'replaced' : 'added', articleId: ids.get(item) as number };
  });
}

/**
 * Grouping reads and writes the events of each type the articles touch, old and new: one lock
 * per type keeps two writers from grouping the same mentions at once. Translation linking reads
 * other articles through shared events and fact keys: locking the fact keys too means of two
 * related articles stored at once, the second sees the first. All in one statement.
 */
async function lockGrouping(c: Connection, caps: StoreCapabilities, items: readonly PutItem[], decisions: readonly Decision[],
  old: ReadonlyMap<number, readonly { readonly type: string }[]>, replacing: readonly number[]): Promise<void> {
  const oldFacts: string[] = [];
  for (const part of chunks(replacing, caps)) {
    const rows = await c.all<{ fact_key: string }>(`SELECT DISTINCT fact_key FROM facts WHERE article_id IN (${marks(part.length)})`, part);
    oldFacts.push(...rows.map((r) => r.fact_key));
  }
  const records = items.filter((_, i) => decisions[i]?.kind !== 'unchanged').flatMap((i) => i.coded.records);
  await c.lock([
    ...[...records.flatMap((r) => (r.kind === 'event' ? [r.type] : [])), ...[...old.values()].flat().map((m) => m.type)].map((t) => `events:${t}`),
    ...[...records.flatMap((r) => (r.kind === 'event' ? [] : [factKey(r)])), ...oldFacts].map((k) => `facts:${k}`),
  ]);
}

const ARTICLE_COLUMNS = ['address', 'content_hash', 'title', 'lang', 'published', 'published_first', 'published_last', 'undated', 'text',
  'source', 'lexicon_version', 'ingested_at'];

function articleFields({ article, coded }: PutItem, now: string): SqlValue[] {
  const [pubFirst, pubLast] = boundsOf(article.published);
  return [article.title ?? null, article.lang, article.published ?? null, pubFirst, pubLast, article.undated === true ? 1 : 0, article.text,
    article.source ?? null, coded.lexiconVersion, now];
}

async function updateArticle(c: Connection, item: PutItem, existing: Existing, now: string): Promise<number> {
  const id = Number(existing.id);
  await c.run(
    `UPDATE articles SET address = ?, content_hash = ?, title = ?, lang = ?, published = ?, published_first = ?,
     published_last = ?, undated = ?, text = ?, source = ?, lexicon_version = ?, ingested_at = ? WHERE id = ?`,
    // A copy found by its content keeps the address it was archived under.
    [existing.address ?? item.article.address ?? null, item.hash, ...articleFields(item, now), id]);
  return id;
}

/** Drop what replaced articles' new versions state again: their facts and translation links. */
async function clearArticles(c: Connection, caps: StoreCapabilities, ids: readonly number[]): Promise<void> {
  for (const part of chunks(ids, caps)) {
    await c.run(`DELETE FROM facts WHERE article_id IN (${marks(part.length)})`, part);
    await c.run(`DELETE FROM article_links WHERE a IN (${marks(part.length)}) OR b IN (${marks(part.length)})`, [...part, ...part]);
  }
}

/** The facts of the articles written, and their parties; a row is told by its place in its article. */
async function insertFacts(c: Connection, caps: StoreCapabilities, writing: readonly Writing[]): Promise<void> {
  const rows: SqlValue[][] = [];
  const partiesOf: string[][] = [];
  for (const w of writing) {
    for (const f of w.facts) {
      const date = factDate(f);
      const parties = [...new Set(f.parties)].sort();
      rows.push([w.id, f.kind, factKey(f), joinCodes(parties), f.lang, date ?? null, ...boundsOf(date), f.evidence.sentence,
        f.evidence.start, f.evidence.end, f.evidence.text, w.item.coded.lexiconVersion, JSON.stringify(f)]);
      partiesOf.push(parties);
    }
  }
  // Facts at one place with one key have the same parties (the key holds them): such rows are interchangeable.
  const ids = await insertNumbered(c, caps, 'facts', FACT_COLUMNS, rows, ['article_id', 'kind', 'fact_key', 'sentence', 'start_offset', 'end_offset']);
  const partyRows = ids.map((id, i) => ({ id, parties: partiesOf[i] ?? [] })).sort((a, b) => a.id - b.id)
    .flatMap(({ id, parties }) => parties.map((p) => [id, p]));
  await insertRows(c, caps, 'fact_parties', ['fact_id', 'code'], partyRows);
}
