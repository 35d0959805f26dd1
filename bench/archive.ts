/**
 * Archive throughput: articles ingested per second (code + store) on a generated archive,
 * and the time of a dyad query on it, for SQLite and, when reachable, PostgreSQL.
 *
 *   npm run bench:archive [-- ARTICLES [postgres://127.0.0.1:5432/test]]
 *
 * Articles are generated from a few sentence templates over 40 states and five years, so
 * that events repeat across articles (grouping is exercised) and most articles are new.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { storeArticle } from '../src/archive/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { openStore, type Store } from '../src/store/index.ts';

const total = Number(process.argv[2] ?? 2000);
const pgUrl = process.argv[3] ?? 'postgres://127.0.0.1:5432/test';

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

function article(i: number): { address: string; title: string; text: string; published: string } {
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
  return { address: `bench://${i}`, title: `Report ${i}`, text: `Report ${i}\n\n${sentences.join(' ')}\n`, published };
}

async function run(name: string, store: Store, lexicons: LexiconSet): Promise<void> {
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const a = article(i);
    await storeArticle(store, lexicons, { ...a, source: 'file', lang: 'en' }, a.published);
  }
  const secs = (performance.now() - t0) / 1000;
  const stats = await store.stats();
  const q0 = performance.now();
  const reps = 50;
  for (let i = 0; i < reps; i++) await store.events({ dyad: ['KAZ', 'TUR'], limit: 100 });
  const qms = (performance.now() - q0) / reps;
  console.log(`${name.padEnd(10)} ${total} articles in ${secs.toFixed(1)} s = ${(total / secs).toFixed(0)} articles/s; archive ${JSON.stringify(stats)}; dyad query ${qms.toFixed(2)} ms`);
  await store.close();
}

const lexicons = LexiconSet.load();
lexicons.get('en');
console.log(`node ${process.version}; ${total} generated English articles of 6 sentences each, one process`);
await run('sqlite', await openStore(join(mkdtempSync(join(tmpdir(), 'dyad-bench-')), 'bench.db')), lexicons);
const schema = `dyad_bench_${process.pid}`;
try {
  await run('postgres', await openStore(`${pgUrl}?schema=${schema}`), lexicons);
} catch (e) {
  console.log(`postgres   skipped: ${e instanceof Error ? e.message : String(e)}`);
}
try {
  // The benchmark's schema is thrown away afterwards.
  const pg = await import('pg');
  const url = new URL(pgUrl);
  if (!url.username) url.username = process.env['PGUSER'] ?? userInfo().username;
  const client = new pg.default.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
} catch {
  // nothing to clean when PostgreSQL was not reachable
}
