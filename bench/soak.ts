/**
 * Kill-at-random-points soak of ingest, on SQLite and PostgreSQL. A folder of generated articles
 * (four languages, a few dyads crowded into a few weeks so that events group across articles) is
 * ingested by `dyad ingest`'s own code in a child process, which is SIGKILLed at a random moment
 * of its work; then the archive is checked whole:
 *
 * - it opens (and, on SQLite, passes PRAGMA integrity_check and foreign_key_check);
 * - no article is half-written: every stored article has exactly the mentions and facts a clean
 *   ingest of the same folder gives it, and every event has a mention;
 *
 * and the ingest is started again (a resume: what is stored is unchanged, the rest added), to be
 * killed again or to finish. Once a run's last ingest finishes, its archive must equal that of
 * one clean ingest of the folder: the same articles, mentions, facts, events and the mentions
 * each event groups. Prints runs, kills and mismatches per backend; exits 1 on any mismatch.
 *
 *   npm run bench:soak -- [--runs N] [--kills N] [--articles N] [--backend sqlite|postgres|both] [--seed N]
 *
 * --runs: archives per backend (default 8); --kills: the most kills in one run (default 3, each
 * run draws 1 to N); --articles: the folder's size (default 150); --sabotage (SQLite): after each
 * kill, delete one stored mention behind the store's back, to see the checks catch a half-written
 * article (every run must then report mismatches); PostgreSQL is
 * DYAD_TEST_PG (default postgres://127.0.0.1:5432/test), a fresh schema per archive, dropped after.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ingest } from '../src/archive/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { backends, type Backend } from '../test/fixtures/store/backends.ts';
import { random } from '../test/fixtures/store/orders.ts';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The date ingest assumes for a file that names none (the generated ones all do). */
const TODAY = '2022-06-30';

// ---- the child: one ingest, telling the parent when it starts and each item it stores ----

async function child(location: string, folder: string): Promise<void> {
  const lexicons = LexiconSet.load();
  const store = await openStore(location);
  process.stdout.write('ready\n');
  const summary = await ingest(store, [folder], lexicons, {
    today: TODAY, onItem: (done, _address, status) => process.stdout.write(`item ${done} ${status}\n`),
  });
  await store.close();
  process.stdout.write(`done added ${summary.added} unchanged ${summary.unchanged} failed ${summary.failed.length}\n`);
}

// ---- the folder of generated articles ----

const pick = <T>(items: readonly T[], rand: () => number): T => items[Math.floor(rand() * items.length)] as T;

/** Sentences the coder reads as events and facts, by language; {d} is a day of May 2022. */
const SENTENCES: Readonly<Record<'en' | 'ru' | 'tr' | 'kk', readonly string[]>> = {
  en: [
    'President Tokayev visited Ankara on {d} May 2022 and met President Erdogan.',
    'Kazakhstan and Turkey signed {n} agreements on trade and energy on {d} May 2022.',
    'Russia accused Ukraine of shelling the border on {d} May 2022.',
    'President Mirziyoyev visited Astana on {d} May 2022 and met President Tokayev.',
    'Tokayev held talks with Putin in Moscow on {d} May 2022.',
    'Kazakhstan and Turkey agreed to raise trade to $10 billion by 2030.',
    'Azerbaijan and Turkey signed {n} agreements on {d} May 2022.',
    'The ministers then discussed the weather and the state of the roads at length.',
  ],
  ru: [
    'Президент Казахстана Касым-Жомарт Токаев {d} мая 2022 года посетил Турцию.',
    'Эрдоган провел переговоры с Мирзиёевым в Анкаре.',
    'Президент Узбекистана провел телефонный разговор с Токаевым.',
    'Казахстан и Турция подписали {n} соглашений {d} мая 2022 года.',
    'Министры обсудили погоду и состояние дорог.',
  ],
  tr: [
    'Tokayev Türkiye\'yi ziyaret etti.',
    'Erdoğan dün Bakü\'de resmi ziyarette bulundu.',
    'Tokayev, Türkiye\'ye resmi bir ziyaret gerçekleştirdi.',
    'Bakanlar hava durumunu görüştü.',
  ],
  kk: [
    'Тоқаев Түркияға ресми сапармен барды.',
    'Тоқаев кеше Бішкекте жұмыс сапарымен болды.',
    'Мирзиёев Тоқаевты Ташкентте қабылдады.',
  ],
};

/** Write `count` articles (folders by language, file names dated in May 2022) into a new folder. */
function writeFolder(count: number, seed: number): string {
  const rand = random(seed);
  const folder = join(mkdtempSync(join(tmpdir(), 'dyad-soak-')), 'articles');
  for (const lang of Object.keys(SENTENCES)) mkdirSync(join(folder, lang), { recursive: true });
  for (let i = 0; i < count; i++) {
    const lang = pick(['en', 'en', 'ru', 'tr', 'kk'] as const, rand);
    const day = 1 + Math.floor(rand() * 20);
    const sentences = Array.from({ length: 2 + Math.floor(rand() * 5) }, () => pick(SENTENCES[lang], rand)
      .replaceAll('{d}', String(day + Math.floor(rand() * 3))).replaceAll('{n}', String(2 + Math.floor(rand() * 12))));
    const name = `2022-05-${String(day + 2).padStart(2, '0')}-${String(i).padStart(4, '0')}.txt`;
    writeFileSync(join(folder, lang, name), `Report ${i}\n\n${sentences.join(' ')}\n`);
  }
  return folder;
}

// ---- running the child ----

interface Ingest {
  /** How the child ended: its exit code, or 'killed'. */
  readonly end: number | 'killed';
  /** Items it reported stored (or skipped or failed) before it ended. */
  readonly items: number;
  /** Milliseconds from "ready" to its end. */
  readonly ms: number;
}

/** Run the child's ingest of `folder` into `location`; with `killAfterMs`, SIGKILL it that long after it is ready. */
function runIngest(location: string, folder: string, killAfterMs?: number): Promise<Ingest> {
  const proc = spawn(process.execPath, ['--import', 'tsx', SELF, '--child', location, folder], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let items = 0;
  let ready = 0;
  let stderr = '';
  let buffer = '';
  let timer: NodeJS.Timeout | undefined;
  proc.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  proc.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('item ')) items++;
      if (line === 'ready') {
        ready = performance.now();
        if (killAfterMs !== undefined) timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      }
    }
  });
  return new Promise((resolve) => proc.on('close', (code, signal) => {
    clearTimeout(timer);
    if (signal === null && code !== 0) process.stderr.write(stderr);
    resolve({ end: signal === 'SIGKILL' ? 'killed' : code ?? -1, items, ms: performance.now() - ready });
  }));
}

// ---- what an archive holds, in comparable form ----

interface Snapshot {
  /** Per article address: its row, mentions and facts, as sorted strings. */
  readonly articles: ReadonlyMap<string, string>;
  /** Every event with the mentions it groups (by article address and offset), sorted. */
  readonly events: readonly string[];
  readonly stats: string;
}

/** An article's row, mentions and facts as one string: what a clean ingest of it must give again. */
async function articleKey(store: Store, id: number): Promise<string> {
  const a = await store.article(id);
  if (!a) return 'missing';
  const mentions = a.mentions.map((m) => `${m.record.type}/${m.record.mode ?? ''} ${m.record.actor.map((x) => x.code).join('+')}>${m.record.recipient.map((x) => x.code).join('+')} ${m.date} @${m.evidence.start}-${m.evidence.end} ${m.pattern}`).sort();
  const facts = a.facts.map((f) => `${f.kind} ${f.parties.join('+')} ${f.date ?? ''} @${f.evidence.start}-${f.evidence.end}`).sort();
  return JSON.stringify({ title: a.title, lang: a.lang, published: a.published, length: a.text.length, mentions, facts });
}

async function snapshot(location: string): Promise<Snapshot> {
  const store = await openStore(location);
  try {
    const articles = new Map<string, string>();
    for (let offset = 0; ; offset += 500) {
      const page = await store.articles({ limit: 500, offset });
      for (const a of page) articles.set(a.address ?? `#${a.id}`, await articleKey(store, a.id));
      if (page.length < 500) break;
    }
    const events: string[] = [];
    for await (const { event: e, mentions } of store.export()) {
      const members = mentions.map((m) => `${m.article.address ?? ''}@${m.evidence.start}`).sort();
      events.push(`${e.type} ${e.actors.join('+')}>${e.recipients.join('+')} ${e.date} s${e.sources} ${e.languages.join(',')} [${members.join(' ')}]`);
    }
    // Every figure of the stats but the schema and lexicon versions, which are the same on both sides.
    const { articles: count, mentions, events: eventCount, facts, translations, languages } = await store.stats();
    return { articles, events: events.sort(), stats: JSON.stringify({ count, mentions, eventCount, facts, translations, languages }) };
  } finally {
    await store.close();
  }
}

// ---- checks ----

/** SQLite's own checks of the file: pages, indexes and foreign keys. */
function sqliteIntegrity(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const keys = db.pragma('foreign_key_check') as unknown[];
    return [...(integrity === 'ok' ? [] : [`integrity_check: ${String(integrity)}`]), ...(keys.length === 0 ? [] : [`foreign_key_check: ${keys.length} rows`])];
  } finally {
    db.close();
  }
}

/** What is wrong with an archive after a kill: it must open, pass its checks, and hold only whole articles. */
async function checkWhole(backend: BackendName, location: string, reference: Snapshot): Promise<{ problems: string[]; stored: number }> {
  let now: Snapshot;
  try {
    now = await snapshot(location);
  } catch (e) {
    return { problems: [`the archive does not open: ${e instanceof Error ? e.message : String(e)}`], stored: 0 };
  }
  const problems = backend === 'sqlite' ? sqliteIntegrity(location) : [];
  for (const [address, key] of now.articles) {
    const clean = reference.articles.get(address);
    if (clean === undefined) problems.push(`${address}: stored, but no clean ingest stores it`);
    else if (clean !== key) problems.push(`${address}: half-written or different (${key.slice(0, 160)} vs ${clean.slice(0, 160)})`);
  }
  for (const e of now.events) if (e.endsWith('[]')) problems.push(`an event without mentions: ${e}`);
  return { problems, stored: now.articles.size };
}

/** What differs between two snapshots, at most a few lines. */
function differences(a: Snapshot, b: Snapshot): string[] {
  const out: string[] = [];
  if (a.stats !== b.stats) out.push(`stats ${a.stats} vs ${b.stats}`);
  const addresses = new Set([...a.articles.keys(), ...b.articles.keys()]);
  for (const k of addresses) if (a.articles.get(k) !== b.articles.get(k)) out.push(`article ${k} differs`);
  const inB = new Set(b.events);
  const inA = new Set(a.events);
  for (const e of a.events) if (!inB.has(e)) out.push(`event only after the kills: ${e.slice(0, 200)}`);
  for (const e of b.events) if (!inA.has(e)) out.push(`event only in the clean ingest: ${e.slice(0, 200)}`);
  return out.slice(0, 10);
}

// ---- the soak ----

type BackendName = 'sqlite' | 'postgres';

interface Tally {
  runs: number;
  kills: number;
  /** Kills that came after some articles and before all were stored. */
  midway: number;
  finishedFirst: number;
  mismatches: number;
}

/** Archives of one backend: a fresh location each (a temp file, or a fresh PostgreSQL schema), all removed at the end. */
function locations(backend: BackendName): Backend {
  const found = backends().find((b) => b.name === backend);
  if (!found) throw new Error(`no backend ${backend}`);
  return found;
}

interface Options {
  readonly runs: number;
  readonly kills: number;
  readonly articles: number;
  readonly seed: number;
  readonly backends: readonly BackendName[];
  readonly sabotage: boolean;
}

/** What --sabotage does to an archive after a kill: one mention of the first article gone. */
function sabotage(path: string): void {
  const db = new Database(path);
  try {
    db.prepare('DELETE FROM mentions WHERE id = (SELECT min(id) FROM mentions)').run();
  } finally {
    db.close();
  }
}

/**
 * One run: kills at random moments, each followed by a check, then an ingest to its end and the
 * comparison. Kill moments are drawn over the time an ingest last took to finish (`scale.ms`,
 * a little past it), which the run's last ingest updates: the machine's load varies.
 */
async function soakRun(backend: BackendName, location: string, folder: string, reference: Snapshot, scale: { ms: number }, rand: () => number, options: Options, tally: Tally): Promise<void> {
  const kills = 1 + Math.floor(rand() * options.kills);
  const mismatch = (what: string): void => {
    tally.mismatches++;
    process.stdout.write(`  MISMATCH ${backend} run ${tally.runs}: ${what}\n`);
  };
  for (let k = 0; k < kills; k++) {
    const run = await runIngest(location, folder, rand() * scale.ms * 1.1);
    if (run.end !== 'killed') {
      tally.finishedFirst++;
      if (run.end !== 0) mismatch(`an ingest exited with ${run.end}`);
      continue;
    }
    tally.kills++;
    if (options.sabotage && backend === 'sqlite') sabotage(location);
    const { problems, stored } = await checkWhole(backend, location, reference);
    if (stored > 0 && stored < reference.articles.size) tally.midway++;
    for (const p of problems) mismatch(`after kill ${k + 1} (${stored} articles stored): ${p}`);
  }
  const last = await runIngest(location, folder);
  if (last.end !== 0) mismatch(`the last ingest exited with ${last.end}`);
  else scale.ms = last.ms;
  const after = await checkWhole(backend, location, reference);
  for (const p of after.problems) mismatch(`after the last ingest: ${p}`);
  for (const d of differences(await snapshot(location), reference)) mismatch(`against a clean ingest: ${d}`);
}

async function soakBackend(backend: BackendName, folder: string, options: Options): Promise<Tally> {
  const where = locations(backend);
  const tally: Tally = { runs: 0, kills: 0, midway: 0, finishedFirst: 0, mismatches: 0 };
  try {
    const cleanLocation = where.fresh();
    const clean = await runIngest(cleanLocation, folder);
    if (clean.end !== 0) throw new Error(`${backend}: the clean ingest exited with ${clean.end}`);
    const reference = await snapshot(cleanLocation);
    process.stdout.write(`${backend}: clean ingest of ${reference.articles.size} articles, ${reference.events.length} events in ${(clean.ms / 1000).toFixed(1)} s\n`);
    const rand = random(options.seed + (backend === 'sqlite' ? 1 : 2));
    const scale = { ms: clean.ms };
    for (let r = 0; r < options.runs; r++) {
      tally.runs++;
      await soakRun(backend, where.fresh(), folder, reference, scale, rand, options, tally);
      process.stdout.write(`  ${backend} run ${tally.runs}: ${tally.kills} kills so far, ${tally.mismatches} mismatches\n`);
    }
  } finally {
    await where.cleanup();
  }
  return tally;
}

function parseOptions(args: readonly string[]): Options {
  const value = (name: string, fallback: number): number => {
    const at = args.indexOf(`--${name}`);
    if (at < 0) return fallback;
    const v = args[at + 1] ?? '';
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`--${name} ${v}: expected a whole number of at least 1`);
    return Number(v);
  };
  const at = args.indexOf('--backend');
  const backend = at < 0 ? 'both' : args[at + 1];
  if (backend !== 'sqlite' && backend !== 'postgres' && backend !== 'both') throw new Error(`--backend ${backend ?? ''}: expected sqlite, postgres or both`);
  return {
    runs: value('runs', 8), kills: value('kills', 3), articles: value('articles', 150), seed: value('seed', 2022),
    backends: backend === 'both' ? ['sqlite', 'postgres'] : [backend],
    sabotage: args.includes('--sabotage'),
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const folder = writeFolder(options.articles, options.seed);
  const started = performance.now();
  const tallies = new Map<BackendName, Tally>();
  try {
    for (const backend of options.backends) tallies.set(backend, await soakBackend(backend, folder, options));
  } finally {
    rmSync(join(folder, '..'), { recursive: true, force: true });
  }
  process.stdout.write(`\nsoak: ${options.articles} articles, up to ${options.kills} kills a run, seed ${options.seed}, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  process.stdout.write('backend   runs  kills  (midway)  finished first  mismatches\n');
  for (const [backend, t] of tallies) {
    process.stdout.write(`${backend.padEnd(8)}  ${String(t.runs).padStart(4)}  ${String(t.kills).padStart(5)}  ${`(${t.midway})`.padStart(8)}  ${String(t.finishedFirst).padStart(14)}  ${String(t.mismatches).padStart(10)}\n`);
  }
  return [...tallies.values()].some((t) => t.mismatches > 0) ? 1 : 0;
}

if (process.argv[2] === '--child') {
  await child(process.argv[3] ?? '', process.argv[4] ?? '');
} else {
  process.exitCode = await main();
}
