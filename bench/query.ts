/**
 * Query latency on a large archive: builds an archive of about EVENTS events through the
 * store's own putArticles, a hundred articles per transaction (generated 50-sentence English-coded records, no text coding, so
 * the build measures storage), then times the queries an analyst runs most.
 *
 *   npm run bench:query [-- EVENTS [DB]]      (default 1000000 events, a temporary SQLite file)
 *
 * DB may be a postgres:// URL; building a million events there takes a long while.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_TYPES, QUAD, ploverScore, type EventRecord, type EventType } from '../src/model/index.ts';
import { openStore } from '../src/store/index.ts';

const target = Number(process.argv[2] ?? 1_000_000);
const location = process.argv[3] ?? join(mkdtempSync(join(tmpdir(), 'dyad-query-')), 'query.db');
const STATES = ['KAZ', 'TUR', 'RUS', 'CHN', 'UZB', 'KGZ', 'TJK', 'AZE', 'ARM', 'GEO', 'IRN', 'IND', 'PAK', 'JPN', 'MNG', 'DEU',
  'FRA', 'ITA', 'ESP', 'POL', 'HUN', 'UKR', 'BLR', 'MDA', 'LVA', 'LTU', 'EST', 'FIN', 'SWE', 'NOR', 'AUT', 'GRC', 'SRB', 'ROU',
  'BGR', 'QAT', 'EGY', 'ISR', 'CAN', 'BRA', 'USA', 'GBR', 'SAU', 'ARE', 'KOR', 'PRK', 'AFG', 'TKM', 'OTS', 'SCO'];
const PER_ARTICLE = 50;
const BATCH = 100;

let seed = 12345;
// A 32-bit LCG; its high bits (its low bits repeat with short periods: the years of one pair
// came out all odd when taken modulo).
const rnd = (n: number): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return Math.floor((seed / 4294967296) * n);
};

function event(article: string, k: number): EventRecord {
  const type = EVENT_TYPES[rnd(EVENT_TYPES.length)] as EventType;
  const a = STATES[rnd(STATES.length)] ?? 'KAZ';
  let b = STATES[rnd(STATES.length)] ?? 'TUR';
  if (b === a) b = a === 'KAZ' ? 'TUR' : 'KAZ';
  const date = `${2000 + rnd(26)}-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
  const text = `${a} ${type.toLowerCase()} ${b} ${k}`;
  return {
    kind: 'event', id: `${article}-${k}`, article, type, cameo: '010', score: ploverScore(type), quad: QUAD[type],
    actor: [{ code: a, text: a }], recipient: [{ code: b, text: b }], date, lang: 'en',
    evidence: { sentence: k, start: k * 20, end: k * 20 + text.length, text }, pattern: 'bench', flags: [], confidence: 1,
  };
}

const store = await openStore(location);
const t0 = performance.now();
const before = (await store.stats()).events;
let articles = 0;
while ((await store.stats()).events < target && articles < target) {
  for (let round = 0; round < 10; round++) {
    // A hundred articles per transaction, as a bulk load would write them.
    const batch = Array.from({ length: BATCH }, () => {
      const id = `bench-${before}-${articles++}`;
      const records = Array.from({ length: PER_ARTICLE }, (_, k) => event(id, k));
      return {
        article: { address: `bench://${id}`, title: id, lang: 'en' as const, published: '2025-01-01', text: `${id}\n\n${records.map((r) => r.evidence.text).join('. ')}` },
        coded: { records, lexiconVersion: 'bench' },
      };
    });
    await store.putArticles(batch);
  }
  process.stderr.write(`\r${articles} articles, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
process.stderr.write('\n');
await store.optimize();
const stats = await store.stats();
console.log(`built ${stats.events} events (${stats.mentions} mentions, ${articles} articles) in ${((performance.now() - t0) / 1000).toFixed(0)} s at ${store.location}`);

async function time(name: string, q: () => Promise<unknown>): Promise<void> {
  await q();
  const reps = 30;
  const s = performance.now();
  for (let i = 0; i < reps; i++) await q();
  console.log(`${name.padEnd(40)} ${((performance.now() - s) / reps).toFixed(2)} ms`);
}
await time('events of a dyad (KAZ,TUR), first 100', () => store.events({ dyad: ['KAZ', 'TUR'], limit: 100 }));
await time('events of a dyad in 2022', () => store.events({ dyad: ['KAZ', 'TUR'], from: '2022', to: '2022', limit: 1000 }));
await time('events of an actor (KAZ), first 100', () => store.events({ actor: 'KAZ', limit: 100 }));
await time('ASSAULT events of RUS', () => store.events({ actor: 'RUS', type: 'ASSAULT', limit: 100 }));
await time('counts of a dyad (KAZ,TUR) by month and type', () => store.eventCounts({ actor: 'KAZ', partner: 'TUR' }));
await time('counts of an actor (KAZ) by partner, month, type', () => store.eventCounts({ actor: 'KAZ' }));
await time('totals of an actor (KAZ), each event once', () => store.eventTotals({ actor: 'KAZ' }));
await time('bilateral counts of an actor (KAZ)', () => store.eventCounts({ actor: 'KAZ', scope: 'bilateral' }));
await time('verbal-cooperation counts reported in en', () => store.eventCounts({ actor: 'KAZ', quad: 1, lang: 'en' }));
await time('events per actor (country list)', () => store.actorEventCounts());
await time('full-text search, 20 best', () => store.search({ q: 'KAZ assault', limit: 20 }));
await store.close();
