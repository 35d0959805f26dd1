/**
 * A large archive, fast: EVENTS generated events (ten per article, one mention each, between 50
 * states over 26 years) written straight into the store's schema, a transaction per chunk of
 * articles (prepared inserts on SQLite; on PostgreSQL the server draws the rows itself, see
 * generatePostgres), with every index row, search terms and the count summaries the store itself
 * would write for them. The store's own
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
    }
    const text = `Report ${n}\n\n${sentences.join('. ')}.`;
    push('articles', [n, `bench://${n}`, hash, `Report ${n}`, 'en', '2025-01-01', '2025-01-01', '2025-01-01', text, 'bench', LEXICON, NOW]);
    push('article_search', [n, searchTerms(`Report ${n}\n${text}`, 'en')]);
  }
  return rows;
}

const SUMMARY_TABLES = ['dyad_counts', 'dyad_years', 'actor_counts'] as const;
/**
 * The count summaries, counted off the events in SQL when all are in (a map in the generator
 * outgrows its heap at ten million), written in key order: an actor's rows lie together, as a
 * table clustered on its key keeps them. Every generated event is bilateral and has no mode, so
 * it counts once for either side.
 */
const SUMMARY_SQL: readonly string[] = (() => {
  const sides = `SELECT actors AS actor, recipients AS partner, date, type FROM events
    UNION ALL SELECT recipients, actors, date, type FROM events`;
  return [
    `INSERT INTO dyad_counts (actor, partner, period, type, mode, multilateral, events)
     SELECT actor, partner, substr(date, 1, 7), type, '', 0, count(*) FROM (${sides}) s GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    `INSERT INTO dyad_years (actor, partner, year, type, mode, multilateral, events)
     SELECT actor, partner, substr(date, 1, 4), type, '', 0, count(*) FROM (${sides}) s GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    `INSERT INTO actor_counts (actor, period, type, mode, multilateral, events)
     SELECT actor, substr(date, 1, 7), type, '', 0, count(*) FROM (${sides}) s GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  ];
})();
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
  process.stderr.write('\ncounting the summaries');
  db.transaction(() => {
    for (const sql of SUMMARY_SQL) db.exec(sql);
  })();
  process.stderr.write(`\nbuilding ${indexes.length} indexes\n`);
  for (const i of indexes) db.exec(i.sql);
  db.exec('ANALYZE');
  db.close();
}

/**
 * PostgreSQL builds the rows itself: a chunk's events are drawn by `random()` (seeded per chunk,
 * so a build is repeatable) in one `INSERT ... SELECT` per table from `generate_series`, and the
 * summaries are counted with `GROUP BY` at the end (SUMMARY_SQL, as on SQLite). Nothing crosses the wire but
 * the statements: the client-side generator spent most of its time building and sending arrays.
 * The rows are those the SQLite path writes (same columns, ranks, records and search terms; the
 * first article's terms are checked against `searchTerms` at the end).
 */
async function generatePostgres(url: string, articles: number, progress: (done: number) => void): Promise<void> {
  (await openStore(url)).close();
  const config = postgresConfig(url);
  const conn = new URL(config.connectionString);
  if (!conn.username) conn.username = process.env['PGUSER'] ?? userInfo().username;
  const client = new pg.Client({ connectionString: conn.toString(), ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}) });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    // As pg_restore --disable-triggers does: the foreign keys' row triggers are not fired while the
    // generated rows, consistent by construction, go in (it needs a superuser; without one they fire).
    await client.query('SET session_replication_role = replica').catch(() => undefined);
    // Secondary indexes (not the primary keys, which constraints hold) are built again at the end.
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`, [[...LOADED, 'article_search']]);
    for (const i of indexes) await client.query(`DROP INDEX ${i.name}`);
    const term = (w: string): string => searchTerms(w, 'en');
    // The draws' vocabularies, bound once per chunk: states, types with their stems, scores and quads.
    const vocab = [STATES, STATES.map(term), EVENT_TYPES, EVENT_TYPES.map((t) => term(t.toLowerCase())),
      EVENT_TYPES.map((t) => ploverScore(t)), EVENT_TYPES.map((t) => QUAD[t]), NOW, LEXICON];
    const sep = "chr(31)";
    for (let first = 1; first <= articles; first += CHUNK) {
      const last = Math.min(articles, first + CHUNK - 1);
      await client.query('BEGIN');
      await client.query('SELECT setseed($1)', [(first % 1_000_003) / 1_000_003]);
      // One row per event: its draws, then everything derived from them.
      await client.query(`CREATE TEMP TABLE draw ON COMMIT DROP AS
        WITH d AS (
          SELECT i AS id, (i - 1) / ${PER_ARTICLE} + 1 AS n, ((i - 1) % ${PER_ARTICLE})::int AS k,
            1 + floor(random() * ${EVENT_TYPES.length})::int AS t,
            1 + floor(random() * ${STATES.length})::int AS ai, 1 + floor(random() * ${STATES.length})::int AS bi,
            to_char(make_date(2000 + floor(random() * 26)::int, 1 + floor(random() * 12)::int, 1 + floor(random() * 28)::int), 'YYYY-MM-DD') AS date
          FROM generate_series($1::bigint, $2::bigint) i),
        p AS (
          SELECT d.*, $3::text[] AS st, $4::text[] AS sst, $5::text[] AS ty, $6::text[] AS tst,
            CASE WHEN bi <> ai THEN bi WHEN ($3::text[])[ai] = 'KAZ' THEN array_position($3::text[], 'TUR')
              ELSE array_position($3::text[], 'KAZ') END AS bj
          FROM d)
        SELECT id, n, k, date, ty[t] AS type, t, st[ai] AS a, st[bj] AS b, sst[ai] AS sa, sst[bj] AS sb, tst[t] AS stype,
          st[ai] || ' ' || lower(ty[t]) || ' ' || st[bj] || ' ' || k AS text, k * 20 AS start_offset,
          'bench' || lpad(n::text, 12, '0') AS hash
        FROM p`, [(first - 1) * PER_ARTICLE + 1, last * PER_ARTICLE, vocab[0], vocab[1], vocab[2], vocab[3]]);
      await client.query(`INSERT INTO articles (${TABLES['articles']?.join(', ')})
        SELECT n, 'bench://' || n, min(hash), 'Report ' || n, 'en', '2025-01-01', '2025-01-01', '2025-01-01',
          'Report ' || n || E'\n\n' || string_agg(text, '. ' ORDER BY k) || '.', 'bench', $2, $1
        FROM draw GROUP BY n ORDER BY n`, [vocab[6], vocab[7]]);
      await client.query(`INSERT INTO article_search (article_id, terms)
        SELECT n, array_to_tsvector(string_to_array('report ' || n || ' report ' || n || ' '
          || string_agg(sa || ' ' || stype || ' ' || sb || ' ' || k, ' ' ORDER BY k), ' '))
        FROM draw GROUP BY n ORDER BY n`);
      const rank = `concat_ws(${sep}, '0', date, type, '0002', a, b, '', hash, lpad(start_offset::text, 10, '0'),
        lpad((start_offset + length(text))::text, 10, '0'))`;
      await client.query(`INSERT INTO events (${TABLES['events']?.join(', ')})
        SELECT id, type, NULL, date, date, date, a, b, $1, ${rank} FROM draw ORDER BY id`, [vocab[6]]);
      await client.query(`INSERT INTO mentions (${TABLES['mentions']?.join(', ')})
        SELECT id, n, id, type, ${rank}, 'en', date, NULL, a, b, k, start_offset, start_offset + length(text), text, 'bench', 1, $3,
          jsonb_build_object('kind', 'event', 'id', hash || '-' || k, 'article', hash, 'type', type, 'cameo', '010',
            'score', ($1::float8[])[t], 'quad', ($2::int[])[t],
            'actor', jsonb_build_array(jsonb_build_object('code', a, 'text', a)),
            'recipient', jsonb_build_array(jsonb_build_object('code', b, 'text', b)), 'date', date, 'lang', 'en',
            'evidence', jsonb_build_object('sentence', k, 'start', start_offset, 'end', start_offset + length(text), 'text', text),
            'pattern', 'bench', 'flags', '[]'::jsonb, 'confidence', 1)
        FROM draw ORDER BY id`, [vocab[4], vocab[5], vocab[7]]);
      await client.query(`INSERT INTO event_actors (${TABLES['event_actors']?.join(', ')})
        SELECT id, code, role, type, date, date FROM draw, LATERAL (VALUES (a, 'actor', 1), (b, 'recipient', 2)) r(code, role, o)
        ORDER BY id, o`);
      await client.query(`INSERT INTO event_dyads (${TABLES['event_dyads']?.join(', ')})
        SELECT id, least(a, b), greatest(a, b), date, date, substr(date, 1, 7), type, NULL FROM draw ORDER BY id`);
      await client.query(`INSERT INTO mention_actors (${TABLES['mention_actors']?.join(', ')})
        SELECT id, code, type, date, date FROM draw, LATERAL (VALUES (a, 1), (b, 2)) r(code, o) ORDER BY id, o`);
      await client.query('COMMIT');
      progress(last);
    }
    process.stderr.write('\ncounting the summaries');
    for (const sql of SUMMARY_SQL) await client.query(sql);
    process.stderr.write(`\nbuilding ${indexes.length} indexes\n`);
    await client.query("SET maintenance_work_mem = '1GB'");
    for (const i of indexes) await client.query(i.def);
    // The identity columns go on from the generated ids.
    for (const t of ['articles', 'events', 'mentions']) await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT MAX(id) FROM ${t}))`);
    await client.query('SET session_replication_role = DEFAULT');
    for (const t of [...LOADED, 'article_search']) await client.query(`VACUUM ANALYZE ${t}`);
    // The rows are what the store would write: the first article's terms and ranks are the store's.
    const { rows: [check] } = await client.query<{ title: string; text: string; terms: string }>(
      `SELECT a.title, a.text, s.terms::text AS terms FROM articles a JOIN article_search s ON s.article_id = a.id WHERE a.id = 1`);
    if (check) {
      const want = [...new Set(searchTerms(`${check.title}\n${check.text}`, 'en').split(' '))].sort().join(' ');
      const got = check.terms.split(' ').map((t) => t.replace(/^'|'$/g, '')).sort().join(' ');
      if (want !== got) throw new Error(`generated search terms differ from the coder's: ${got} / ${want}`);
    }
    const { rows: ranks } = await client.query<{ type: EventType; a: string; b: string; date: string; start: number; end: number; rank: string }>(
      `SELECT e.type, e.actors AS a, e.recipients AS b, e.date, m.start_offset AS start, m.end_offset AS "end", e.rank
       FROM events e JOIN mentions m ON m.event_id = e.id WHERE m.article_id = 1`);
    for (const r of ranks) {
      const want = rankOf({ type: r.type, actors: [r.a], recipients: [r.b], date: r.date, mode: null, article: `bench${'1'.padStart(12, '0')}`, start: r.start, end: r.end });
      if (want !== r.rank) throw new Error(`a generated rank differs from the store's: ${JSON.stringify(r.rank)} / ${JSON.stringify(want)}`);
    }
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
