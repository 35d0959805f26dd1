/**
 * Write-path throughput: articles stored per second by the store alone (the articles are coded
 * before the clock starts), 50 articles per transaction as ingest writes them, and the rate of a
 * raw insert of the very rows the store wrote into a fresh archive of the same schema (same
 * indexes and keys), in as many transactions: prepared single-row inserts on SQLite, multi-row
 * inserts on PostgreSQL. The ratio of the two is what the store's own work costs; it is measured
 * in one run because the machine's absolute figures swing.
 *
 *   npm run bench:archive [-- ARTICLES [postgres://127.0.0.1:5432/test | none]]
 *
 * Articles are generated from a few sentence templates over 40 states and five years, so
 * that events repeat across articles (grouping is exercised) and most articles are new.
 *
 * Before the clock starts, the store writes other generated articles into a scratch archive:
 * the first second of a process is spent compiling the store's code (the JIT), which a
 * long-running ingest pays once, and which a store timed cold would count against itself while
 * the raw insert, run after it, reuses the warmed driver.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { codeArticle } from '../src/coding/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { openStore, type CodedArticle, type NewArticle, type Store } from '../src/store/index.ts';
import { articleTerms } from '../src/text/index.ts';

const total = Number(process.argv[2] ?? 2000);
const pgUrl = process.argv[3] ?? 'postgres://127.0.0.1:5432/test';
const BATCH = 50;

const STATES = ['Kazakhstan', 'Turkey', 'Russia', 'China', 'Uzbekistan', 'Kyrgyzstan', 'Tajikistan', 'Azerbaijan', 'Armenia', 'Georgia',
  'Iran', 'India', 'Pakistan', 'Japan', 'Mongolia', 'Germany', 'France', 'Italy', 'Spain', 'Poland', 'Hungary', 'Ukraine', 'Belarus',
  'Moldova', 'Latvia', 'Lithuania', 'Estonia', 'Finland', 'Sweden', 'Norway', 'Austria', 'Greece', 'Serbia', 'Romania', 'Bulgaria',
  'Qatar', 'Egypt', 'Israel', 'Canada', 'Brazil'];
const TEMPLATES = [
  (a: string, b: string, d: string) => `${a} and ${b} signed an agreement on trade on ${d}.`,
  (a: string, b: string, d: string) => `The foreign minister of ${a} visited ${b} on ${d} and held talks with his counterpart.`,
  (a: string, b: string, d: string) => `${a} accused ${b} of violating the agreement on ${d}.`,
  (a: string, b: string, d: string) => `${a} sent humanitarian aid to ${b} on ${d}.`,
  (a: string, b: string, _d: string) => `${a} and ${b} agreed to raise bilateral trade to 5 billion dollars by 2030.`,
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function article(i: number): NewArticle {
  let seed = i * 2654435761 % 4294967296;
  const rnd = (n: number): number => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed % n;
  };
  const year = 2020 + rnd(5);
  const month = 1 + rnd(12);
  const day = 1 + rnd(28);
  const sentences: string[] = [];
  for (let k = 0; k < 6; k++) {
    const a = STATES[rnd(STATES.length)] ?? 'Kazakhstan';
    let b = STATES[rnd(STATES.length)] ?? 'Turkey';
    if (b === a) b = a === 'Turkey' ? 'Kazakhstan' : 'Turkey';
    const t = TEMPLATES[rnd(TEMPLATES.length)];
    if (t) sentences.push(t(a, b, `${MONTHS[month - 1]} ${day}`));
  }
  const published = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(28, day + 1)).padStart(2, '0')}`;
  return { address: `bench://${i}`, title: `Report ${i}`, text: `Report ${i}\n\n${sentences.join(' ')}\n`, published, lang: 'en', source: 'file' };
}

type Item = { readonly article: NewArticle; readonly coded: CodedArticle };

/** The tables a store writes, parents first, with the parent each row's slice follows. */
const TABLES: readonly { name: string; order: string; parents: readonly { column: string; table: string }[] }[] = [
  { name: 'articles', order: 'id', parents: [] },
  { name: 'events', order: 'id', parents: [] },
  { name: 'mentions', order: 'id', parents: [{ column: 'article_id', table: 'articles' }, { column: 'event_id', table: 'events' }] },
  { name: 'event_actors', order: 'event_id, code', parents: [{ column: 'event_id', table: 'events' }] },
  { name: 'event_dyads', order: 'event_id, a, b', parents: [{ column: 'event_id', table: 'events' }] },
  { name: 'mention_actors', order: 'mention_id, code', parents: [{ column: 'mention_id', table: 'mentions' }] },
  { name: 'facts', order: 'id', parents: [{ column: 'article_id', table: 'articles' }] },
  { name: 'fact_parties', order: 'fact_id, code', parents: [{ column: 'fact_id', table: 'facts' }] },
  { name: 'article_links', order: 'a, kind, b', parents: [{ column: 'a', table: 'articles' }, { column: 'b', table: 'articles' }] },
  { name: 'article_search', order: 'article_id', parents: [{ column: 'article_id', table: 'articles' }] },
  { name: 'dyad_counts', order: 'actor, partner, period, type, mode, multilateral', parents: [] },
];

type Rows = Map<string, { columns: string[]; rows: unknown[][] }>;

/**
 * The rows of each table cut into `slices` transactions: parents evenly by id, each child row
 * in the slice of its latest parent (so every row's parents exist when it is inserted).
 */
function sliced(tables: Rows, slices: number): Map<string, unknown[][]>[] {
  const out = Array.from({ length: slices }, () => new Map<string, unknown[][]>());
  const sliceOf = new Map<string, Map<number, number>>();
  for (const t of TABLES) {
    const { columns, rows } = tables.get(t.name) ?? { columns: [], rows: [] };
    const idAt = columns.indexOf('id');
    const own = new Map<number, number>();
    rows.forEach((r, i) => {
      let s = t.parents.length === 0 ? Math.floor((i * slices) / rows.length) : 0;
      for (const p of t.parents) s = Math.max(s, sliceOf.get(p.table)?.get(Number(r[columns.indexOf(p.column)])) ?? 0);
      if (idAt >= 0) own.set(Number(r[idAt]), s);
      const slice = out[s] as Map<string, unknown[][]>;
      slice.set(t.name, [...(slice.get(t.name) ?? []), r]);
    });
    sliceOf.set(t.name, own);
  }
  return out;
}

/** Seconds of this process's processor time (user + system) since `from`. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

/**
 * Seconds of processor time of the main thread alone (Linux; undefined elsewhere): the process's
 * figure also counts V8's background threads (concurrent marking, compiling), whose share swings
 * with the machine's load; the store and the raw insert run on the main thread.
 */
function mainThreadSeconds(): number | undefined {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

let storeCpu = 0;
let storeMain: number | undefined;

/** Store the items 50 per transaction; returns articles/s (and keeps the processor time in storeCpu). */
async function storeRun(store: Store, items: readonly Item[]): Promise<number> {
  const t0 = performance.now();
  const m0 = mainThreadSeconds();
  const c0 = process.cpuUsage();
  for (let i = 0; i < items.length; i += BATCH) await store.putArticles(items.slice(i, i + BATCH));
  storeCpu = cpuSince(c0);
  const m1 = mainThreadSeconds();
  storeMain = m0 === undefined || m1 === undefined ? undefined : m1 - m0;
  return items.length / ((performance.now() - t0) / 1000);
}

/** Store other articles into a scratch archive, so that the timed run meets compiled code. */
async function warmUp(items: readonly Item[]): Promise<void> {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'dyad-bench-warm-')), 'store.db'));
  for (let i = 0; i < items.length; i += BATCH) await store.putArticles(items.slice(i, i + BATCH));
  await store.close();
}

async function sqliteRun(items: readonly Item[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-'));
  const store = await openStore(join(dir, 'store.db'));
  const rate = await storeRun(store, items);
  const stats = await store.stats();
  await store.close();
  // The rows the store wrote, read back.
  const src = new Database(join(dir, 'store.db'), { readonly: true });
  const tables: Rows = new Map();
  for (const t of TABLES) {
    const sql = t.name === 'article_search' ? 'SELECT rowid AS article_id, terms FROM article_search ORDER BY rowid' : `SELECT * FROM ${t.name} ORDER BY ${t.order}`;
    const stmt = src.prepare(sql).raw(true);
    tables.set(t.name, { columns: stmt.columns().map((c) => c.name), rows: stmt.all() as unknown[][] });
  }
  src.close();
  // A fresh archive of the same schema, set up as the store sets up its file.
  (await openStore(join(dir, 'raw.db'))).close();
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  const inserts = new Map([...tables].map(([name, { columns }]) => {
    const cols = name === 'article_search' ? ['rowid', 'terms'] : columns;
    return [name, db.prepare(`INSERT INTO ${name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)];
  }));
  const slices = sliced(tables, Math.ceil(items.length / BATCH));
  const t0 = performance.now();
  const m0 = mainThreadSeconds();
  const c0 = process.cpuUsage();
  for (const slice of slices) {
    db.exec('BEGIN IMMEDIATE');
    for (const t of TABLES) for (const r of slice.get(t.name) ?? []) inserts.get(t.name)?.run(r);
    db.exec('COMMIT');
  }
  const raw = items.length / ((performance.now() - t0) / 1000);
  const rawCpu = cpuSince(c0);
  const m1 = mainThreadSeconds();
  db.close();
  report('sqlite', rate, raw, stats);
  // Everything SQLite does runs in this process: its processor time is a ratio a loaded machine moves less.
  console.log(`sqlite    processor time: store ${storeCpu.toFixed(1)} s, raw ${rawCpu.toFixed(1)} s, ratio ${((100 * rawCpu) / storeCpu).toFixed(1)}%`);
  if (storeMain !== undefined && m0 !== undefined && m1 !== undefined) {
    const rawMain = m1 - m0;
    console.log(`sqlite    main thread: store ${storeMain.toFixed(2)} s, raw ${rawMain.toFixed(2)} s, ratio ${((100 * rawMain) / storeMain).toFixed(1)}%`);
  }
}

async function postgresRun(items: readonly Item[]): Promise<void> {
  const url = new URL(pgUrl);
  if (!url.username) url.username = process.env['PGUSER'] ?? userInfo().username;
  const storeSchema = `dyad_bench_${process.pid}`;
  const rawSchema = `dyad_bench_raw_${process.pid}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const store = await openStore(`${pgUrl}?schema=${storeSchema}`);
    const rate = await storeRun(store, items);
    const stats = await store.stats();
    await store.close();
    (await openStore(`${pgUrl}?schema=${rawSchema}`)).close();
    const tables: Rows = new Map();
    for (const t of TABLES) {
      const cols = t.name === 'article_search' ? 'article_id, terms::text AS terms' : '*';
      const res = await client.query({ text: `SELECT ${cols} FROM ${storeSchema}.${t.name} ORDER BY ${t.order}`, rowMode: 'array' });
      tables.set(t.name, { columns: res.fields.map((f) => f.name), rows: res.rows as unknown[][] });
    }
    const slices = sliced(tables, Math.ceil(items.length / BATCH));
    const t0 = performance.now();
    for (const slice of slices) {
      await client.query('BEGIN');
      for (const t of TABLES) {
        const { columns } = tables.get(t.name) ?? { columns: [] };
        const rows = slice.get(t.name) ?? [];
        const per = Math.floor(65_535 / columns.length);
        for (let i = 0; i < rows.length; i += per) {
          const part = rows.slice(i, i + per);
          const values = part.map((_, k) => `(${columns.map((c, j) => `$${k * columns.length + j + 1}${c === 'terms' ? '::tsvector' : ''}`).join(', ')})`);
          await client.query(`INSERT INTO ${rawSchema}.${t.name} (${columns.join(', ')}) VALUES ${values.join(', ')}`,
            part.flat().map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v)));
        }
      }
      await client.query('COMMIT');
    }
    const raw = items.length / ((performance.now() - t0) / 1000);
    report('postgres', rate, raw, stats);
  } finally {
    // The benchmark's schemas are thrown away afterwards.
    await client.query(`DROP SCHEMA IF EXISTS ${storeSchema} CASCADE; DROP SCHEMA IF EXISTS ${rawSchema} CASCADE`);
    await client.end();
  }
}

function report(name: string, rate: number, raw: number, stats: { events: number; mentions: number; facts: number }): void {
  console.log(`${name.padEnd(9)} store ${rate.toFixed(0).padStart(6)} articles/s   raw insert of the same rows ${raw.toFixed(0).padStart(6)} articles/s`
    + `   ratio ${((100 * rate) / raw).toFixed(1)}%   (${stats.events} events, ${stats.mentions} mentions, ${stats.facts} facts)`);
}

const lexicon = LexiconSet.load().get('en');
const WARM_UP = 500;
const coded = (i: number): Item => {
  const a = article(i);
  const { records } = codeArticle({ id: a.address ?? '', text: a.text, lang: 'en', published: a.published ?? '2024' }, lexicon);
  // As ingest does: the search terms are computed with the coding, before the store is called.
  return { article: a, coded: { records, lexiconVersion: lexicon.version, terms: articleTerms(a.title, a.text, 'en') } };
};
const items: Item[] = Array.from({ length: total }, (_, i) => coded(i));
console.log(`node ${process.version}; ${total} generated English articles of 6 sentences each, coded before timing; ${BATCH} per transaction;`
  + ` the store warmed up first on ${WARM_UP} others`);
// Articles numbered after the timed ones: another archive's worth of the same kind.
await warmUp(Array.from({ length: WARM_UP }, (_, i) => coded(total + i)));
await sqliteRun(items);
try {
  if (pgUrl !== 'none') await postgresRun(items);
} catch (e) {
  console.log(`postgres  skipped: ${e instanceof Error ? e.message : String(e)}`);
}
