/**
 * A large archive, fast: EVENTS generated events (ten per article, one mention each, between 50
 * states over 26 years) written straight into the store's schema, a transaction per chunk of
 * articles (prepared inserts on SQLite, unnest() inserts on PostgreSQL), with every index row,
 * search terms and the count summaries the store itself would write for them. The store's own
 * write path (bench:archive) is not what this measures: it builds the archive bench:api reads.
 * As bulk loads do, the secondary indexes are dropped while the rows go in and built again, from
 * the schema's own definitions, at the end (inserting into a dozen random-order B-trees slows
 * the load several-fold once they outgrow the cache).
 *
 *   npm run bench:generate -- EVENTS DB      (DB: a SQLite file, or a postgres://...?schema=NAME URL)
 *
 * The events are as the store would group them: no two mentions of one generated article or of
 * two articles report one event (each event's date, parties and type are drawn, and its rank is
 * unique), so the archive is what ingesting the articles would make.
 */
import { userInfo } from 'node:os';
import Database from 'better-sqlite3';
import pg from 'pg';
import { EVENT_TYPES, QUAD, dateBounds, ploverScore, type EventRecord, type EventType } from '../src/model/index.ts';
import { openStore } from '../src/store/index.ts';
import { rankOf } from '../src/store/grouping.ts';
import { postgresConfig } from '../src/store/postgres/config.ts';
import { searchTerms } from '../src/text/index.ts';

const target = Number(process.argv[2] ?? 1_000_000);
const location = process.argv[3];
if (!location || !Number.isFinite(target) || target <= 0) {
  console.error('usage: npm run bench:generate -- EVENTS DB   (DB: a SQLite file or a postgres:// URL with ?schema=NAME)');
  process.exit(2);
}
const PER_ARTICLE = 10;
const CHUNK = 5000; // articles per transaction
const STATES = ['KAZ', 'TUR', 'RUS', 'CHN', 'UZB', 'KGZ', 'TJK', 'AZE', 'ARM', 'GEO', 'IRN', 'IND', 'PAK', 'JPN', 'MNG', 'DEU',
  'FRA', 'ITA', 'ESP', 'POL', 'HUN', 'UKR', 'BLR', 'MDA', 'LVA', 'LTU', 'EST', 'FIN', 'SWE', 'NOR', 'AUT', 'GRC', 'SRB', 'ROU',
  'BGR', 'QAT', 'EGY', 'ISR', 'CAN', 'BRA', 'USA', 'GBR', 'SAU', 'ARE', 'KOR', 'PRK', 'AFG', 'TKM', 'OTS', 'SCO'];
const LEXICON = 'bench';
const NOW = new Date().toISOString();

let seed = 12345;
const rnd = (n: number): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return Math.floor((seed / 4294967296) * n);
};

/** Rows of every table for one chunk of articles, column by column in TABLES' order. */
type Chunk = Map<string, unknown[][]>;

const TABLES: Record<string, readonly string[]> = {
  articles: ['id', 'address', 'content_hash', 'title', 'lang', 'published', 'published_first', 'published_last', 'text', 'source', 'lexicon_version', 'ingested_at'],
  events: ['id', 'type', 'mode', 'date', 'date_first', 'date_last', 'actors', 'recipients', 'first_seen', 'rank'],
  mentions: ['id', 'article_id', 'event_id', 'type', 'rank', 'lang', 'date', 'mode', 'actors', 'recipients', 'sentence', 'start_offset',
    'end_offset', 'evidence', 'pattern', 'confidence', 'lexicon_version', 'record'],
  event_actors: ['event_id', 'code', 'role', 'type', 'date_first', 'date_last'],
  event_dyads: ['event_id', 'a', 'b', 'date_first', 'date_last', 'period', 'type', 'mode'],
  mention_actors: ['mention_id', 'code', 'type', 'date_first', 'date_last'],
  article_search: ['article_id', 'terms'],
};

/** The count summaries, by their key columns joined with '|'. */
const summaries = { dyad_counts: new Map<string, number>(), dyad_years: new Map<string, number>(), actor_counts: new Map<string, number>() };
const count = (table: keyof typeof summaries, key: string): void => {
  summaries[table].set(key, (summaries[table].get(key) ?? 0) + 1);
};

function chunkOf(firstArticle: number, articles: number): Chunk {
  const rows: Chunk = new Map(Object.keys(TABLES).map((t) => [t, []]));
  const push = (t: string, r: unknown[]): void => {
    rows.get(t)?.push(r);
  };
  for (let n = firstArticle; n < firstArticle + articles; n++) {
    const hash = `bench${String(n).padStart(12, '0')}`;
    const sentences: string[] = [];
    for (let k = 0; k < PER_ARTICLE; k++) {
      const id = (n - 1) * PER_ARTICLE + k + 1;
      const type = EVENT_TYPES[rnd(EVENT_TYPES.length)] as EventType;
      const a = STATES[rnd(STATES.length)] as string;
      let b = STATES[rnd(STATES.length)] as string;
      if (b === a) b = a === 'KAZ' ? 'TUR' : 'KAZ';
      const date = `${2000 + rnd(26)}-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
      const { first, last } = dateBounds(date);
      const text = `${a} ${type.toLowerCase()} ${b} ${k}`;
      sentences.push(text);
      const start = k * 20;
      const rank = rankOf({ type, actors: [a], recipients: [b], date, mode: null, article: hash, start, end: start + text.length });
      const record: EventRecord = {
        kind: 'event', id: `${hash}-${k}`, article: hash, type, cameo: '010', score: ploverScore(type), quad: QUAD[type],
        actor: [{ code: a, text: a }], recipient: [{ code: b, text: b }], date, lang: 'en',
        evidence: { sentence: k, start, end: start + text.length, text }, pattern: 'bench', flags: [], confidence: 1,
      };
      push('events', [id, type, null, date, first, last, a, b, NOW, rank]);
      push('mentions', [id, n, id, type, rank, 'en', date, null, a, b, k, start, start + text.length, text, 'bench', 1, LEXICON, JSON.stringify(record)]);
      push('event_actors', [id, a, 'actor', type, first, last]);
      push('event_actors', [id, b, 'recipient', type, first, last]);
      const [x, y] = a < b ? [a, b] : [b, a];
      push('event_dyads', [id, x, y, first, last, date.slice(0, 7), type, null]);
      push('mention_actors', [id, a, type, first, last]);
      push('mention_actors', [id, b, type, first, last]);
      // Every generated event is bilateral and has no mode.
      for (const [p, q] of [[a, b], [b, a]]) {
        count('dyad_counts', `${p}|${q}|${date.slice(0, 7)}|${type}||0`);
        count('dyad_years', `${p}|${q}|${date.slice(0, 4)}|${type}||0`);
        count('actor_counts', `${p}|${date.slice(0, 7)}|${type}||0`);
      }
    }
    const text = `Report ${n}\n\n${sentences.join('. ')}.`;
    push('articles', [n, `bench://${n}`, hash, `Report ${n}`, 'en', '2025-01-01', '2025-01-01', '2025-01-01', text, 'bench', LEXICON, NOW]);
    push('article_search', [n, searchTerms(`Report ${n}\n${text}`, 'en')]);
  }
  return rows;
}

const SUMMARY_COLUMNS: Record<keyof typeof summaries, readonly string[]> = {
  dyad_counts: ['actor', 'partner', 'period', 'type', 'mode', 'multilateral', 'events'],
  dyad_years: ['actor', 'partner', 'year', 'type', 'mode', 'multilateral', 'events'],
  actor_counts: ['actor', 'period', 'type', 'mode', 'multilateral', 'events'],
};
/** A summary's rows in key order: an actor's rows lie together, as a table clustered on its key keeps them. */
const summaryRows = (table: keyof typeof summaries): unknown[][] =>
  [...summaries[table]].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([k, n]) => [...k.split('|').map((v, i, all) => (i === all.length - 1 ? Number(v) : v)), n]);
const SUMMARY_TABLES = Object.keys(summaries) as (keyof typeof summaries)[];
/** The tables whose secondary indexes are dropped during the load. */
const LOADED = [...Object.keys(TABLES).filter((t) => t !== 'article_search'), ...SUMMARY_TABLES];

async function generateSqlite(path: string, articles: number, progress: (done: number) => void): Promise<void> {
  (await openStore(path)).close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -2000000');
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
    AND tbl_name IN (${LOADED.map(() => '?').join(', ')})`).all(LOADED) as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  const insert = new Map(Object.entries(TABLES).map(([t, cols]) => {
    const names = t === 'article_search' ? ['rowid', 'terms'] : cols;
    return [t, db.prepare(`INSERT INTO ${t} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)];
  }));
  for (let first = 1; first <= articles; first += CHUNK) {
    const chunk = chunkOf(first, Math.min(CHUNK, articles - first + 1));
    db.transaction(() => {
      for (const [t, rows] of chunk) for (const r of rows) insert.get(t)?.run(r);
    })();
    progress(first + CHUNK - 1);
  }
  for (const table of SUMMARY_TABLES) {
    const columns = SUMMARY_COLUMNS[table];
    const add = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (const r of summaryRows(table)) add.run(r);
    })();
  }
  process.stderr.write(`\nbuilding ${indexes.length} indexes\n`);
  for (const i of indexes) db.exec(i.sql);
  db.exec('ANALYZE');
  db.close();
}

const PG_TYPES: Record<string, string> = { id: 'bigint', article_id: 'bigint', event_id: 'bigint', mention_id: 'bigint', sentence: 'int', start_offset: 'int', end_offset: 'int', confidence: 'float8', multilateral: 'int', events: 'bigint', record: 'jsonb' };

async function pgInsert(client: pg.Client, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  // One statement per table and chunk: each column bound as one array, unnested into rows.
  const arrays = columns.map((_, j) => rows.map((r) => r[j]));
  const selects = columns.map((c, j) => (table === 'article_search' && c === 'terms'
    ? `array_to_tsvector(string_to_array(unnest($${j + 1}::text[]), ' '))` : `unnest($${j + 1}::${PG_TYPES[c] ?? 'text'}[])`));
  await client.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${selects.join(', ')}`, arrays);
}

async function generatePostgres(url: string, articles: number, progress: (done: number) => void): Promise<void> {
  (await openStore(url)).close();
  const config = postgresConfig(url);
  const conn = new URL(config.connectionString);
  if (!conn.username) conn.username = process.env['PGUSER'] ?? userInfo().username;
  const client = new pg.Client({ connectionString: conn.toString(), ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}) });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    // Secondary indexes (not the primary keys, which constraints hold) are built again at the end.
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`, [[...LOADED, 'article_search']]);
    for (const i of indexes) await client.query(`DROP INDEX ${i.name}`);
    for (let first = 1; first <= articles; first += CHUNK) {
      const chunk = chunkOf(first, Math.min(CHUNK, articles - first + 1));
      await client.query('BEGIN');
      for (const [t, rows] of chunk) await pgInsert(client, t, TABLES[t] as readonly string[], rows);
      await client.query('COMMIT');
      progress(first + CHUNK - 1);
    }
    for (const table of SUMMARY_TABLES) {
      const rows = summaryRows(table);
      for (let i = 0; i < rows.length; i += 50_000) await pgInsert(client, table, SUMMARY_COLUMNS[table], rows.slice(i, i + 50_000));
    }
    process.stderr.write(`\nbuilding ${indexes.length} indexes\n`);
    await client.query("SET maintenance_work_mem = '1GB'");
    for (const i of indexes) await client.query(i.def);
    // The identity columns go on from the generated ids.
    for (const t of ['articles', 'events', 'mentions']) await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT MAX(id) FROM ${t}))`);
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

const articles = Math.ceil(target / PER_ARTICLE);
const t0 = performance.now();
const progress = (done: number): void => {
  process.stderr.write(`\r${Math.min(done, articles) * PER_ARTICLE} events, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
};
if (location.startsWith('postgres://') || location.startsWith('postgresql://')) await generatePostgres(location, articles, progress);
else await generateSqlite(location, articles, progress);
process.stderr.write('\n');
console.log(`generated ${articles * PER_ARTICLE} events in ${articles} articles in ${((performance.now() - t0) / 1000).toFixed(0)} s at ${location}`);
