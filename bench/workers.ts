/**
 * Scale-out: articles coded and stored per second by 1, 2 and 4 `dyad worker` processes taking
 * article jobs from the queue of one PostgreSQL archive, and the ratio of each to one worker.
 *
 *   npm run bench:workers [-- ARTICLES [postgres://127.0.0.1:5432/test [BATCH]]]
 *
 * For each count, a fresh archive (its own schema, and its queue's) gets ARTICLES generated
 * article jobs, due a little later so that every worker has started and compiled its lexicons
 * first; the rate is ARTICLES over the time from the first job taken to the last one done, read
 * from the queue's own table (process start-up is not counted). Schemas are dropped afterwards.
 *
 * While the workers run, the server's view of their store connections (pg_stat_activity,
 * application_name 'dyad') is sampled every 100 ms: the share of samples in which some store
 * statement or transaction is under way (the store is busy), and on average how many are, and
 * how many of those wait on an advisory lock (the store's grouping locks: storing serialised).
 * Other Dyad processes on the same server at that time would be counted too. The load average
 * is the machine's at the end of each run.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openQueue, queueLocation, queueName } from '../src/queue/index.ts';
import { openStore } from '../src/store/index.ts';

const total = Number(process.argv[2] ?? 600);
const base = process.argv[3] ?? 'postgres://127.0.0.1:5432/test';
const batch = process.argv[4] ?? '1';
const COUNTS = [1, 2, 4];
/** Seconds the jobs wait before they are due: workers start and compile their lexicons meanwhile. */
const HEAD_START = 20;
const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const STATES = ['Kazakhstan', 'Turkey', 'Russia', 'China', 'Uzbekistan', 'Kyrgyzstan', 'Azerbaijan', 'Iran', 'India', 'Japan', 'Germany', 'France',
  'Poland', 'Hungary', 'Ukraine', 'Georgia', 'Mongolia', 'Qatar', 'Egypt', 'Canada'];
const TEMPLATES = [
  (a: string, b: string) => `${a} and ${b} signed an agreement on trade.`,
  (a: string, b: string) => `The foreign minister of ${a} visited ${b} and held talks with his counterpart.`,
  (a: string, b: string) => `${a} accused ${b} of violating the agreement.`,
  (a: string, b: string) => `${a} sent humanitarian aid to ${b}.`,
  (a: string, b: string) => `${a} and ${b} agreed to raise bilateral trade to 5 billion dollars by 2030.`,
];

/** Article i: six sentences over generated pairs, dated within five years (deterministic). */
function article(i: number): { address: string; title: string; text: string; published: string; source: 'file'; lang: 'en' } {
  let seed = (i * 2654435761) % 4294967296;
  const rnd = (n: number): number => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed % n;
  };
  const published = `${2020 + rnd(5)}-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
  const sentences = Array.from({ length: 6 }, () => {
    const a = STATES[rnd(STATES.length)] ?? 'Kazakhstan';
    const b = STATES[rnd(STATES.length)] ?? 'Turkey';
    return (TEMPLATES[rnd(TEMPLATES.length)] ?? TEMPLATES[0] ?? ((x: string) => x))(a, b === a ? 'Turkey' : b);
  });
  return { address: `bench-workers://${i}`, title: `Report ${i}`, text: `Report ${i}\n\n${sentences.join(' ')}\n`, published, source: 'file', lang: 'en' };
}

/** Samples of the store's connections: how many samples, in how many a statement or transaction was under way, how many of them, how many waiting on a lock. */
type Activity = { samples: number; busy: number; open: number; waiting: number };

async function runWorkers(location: string, n: number, due: Date): Promise<Activity> {
  const activity: Activity = { samples: 0, busy: 0, open: 0, waiting: 0 };
  const watcher = new pg.Client({ connectionString: queueLocation(location).connectionString });
  await watcher.connect();
  let running = true;
  const sampling = (async () => {
    while (running) {
      const { rows } = await watcher.query<{ open: number; waiting: number }>(
        `SELECT COUNT(*) FILTER (WHERE state = 'active' OR state LIKE 'idle in transaction%')::int AS open,
                COUNT(*) FILTER (WHERE state = 'active' AND wait_event_type = 'Lock' AND wait_event = 'advisory')::int AS waiting
         FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'dyad' AND pid <> pg_backend_pid()`);
      const { open = 0, waiting = 0 } = rows[0] ?? {};
      // From the time the jobs are due: before it the workers start and wait.
      if (Date.now() >= due.getTime()) {
        activity.samples++;
        if (open > 0) activity.busy++;
        activity.open += open;
        activity.waiting += waiting;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    const procs = Array.from({ length: n }, () => spawn(process.execPath, ['--import', 'tsx', MAIN, 'worker', '--db', location, '--until-idle', '--batch', batch],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'] }));
    const codes = await Promise.all(procs.map((p) => new Promise((resolve) => p.on('close', resolve))));
    if (codes.some((c) => c !== 0)) throw new Error(`a worker exited with ${codes.join(', ')}`);
  } finally {
    running = false;
    await sampling;
    await watcher.end();
  }
  return activity;
}

function shares(a: Activity): string {
  const per = (x: number): string => (x / (a.samples || 1)).toFixed(2);
  return `store busy in ${Math.round((100 * a.busy) / (a.samples || 1))}% of samples, ${per(a.open)} transactions under way on average, ${per(a.waiting)} of them waiting on a lock`;
}

async function measure(n: number): Promise<{ rate: number; activity: Activity }> {
  const url = new URL(base);
  url.searchParams.set('schema', `dyad_bench_workers_${randomBytes(3).toString('hex')}_${n}`);
  const location = url.href;
  const store = await openStore(location);
  await store.close();
  const queue = await openQueue(location);
  try {
    const dueAt = new Date(Date.now() + HEAD_START * 1000);
    const due = dueAt.toISOString();
    for (let i = 0; i < total; i += 500) {
      await queue.boss.insert(Array.from({ length: Math.min(500, total - i) }, (_, k) => ({
        name: queueName('article'), data: { article: article(i + k), today: '2024-01-01' }, startAfter: due,
      })));
    }
    const activity = await runWorkers(location, n, dueAt);
    const { rows } = await queue.boss.getDb().executeSql(
      `SELECT COUNT(*)::int AS n, EXTRACT(EPOCH FROM MAX(completed_on) - MIN(started_on))::float AS secs FROM ${queue.schema}.job WHERE state = 'completed'`, []) as { rows: { n: number; secs: number }[] };
    const done = rows[0];
    if (done?.n !== total) throw new Error(`${done?.n ?? 0} of ${total} jobs completed`);
    return { rate: total / done.secs, activity };
  } finally {
    await queue.close({ graceful: false });
    await drop(location);
  }
}

async function drop(location: string): Promise<void> {
  const { connectionString, schema } = queueLocation(location);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS "${new URL(location).searchParams.get('schema') ?? ''}" CASCADE`);
  } finally {
    await client.end();
  }
}

const rates: number[] = [];
for (const n of COUNTS) {
  const { rate, activity } = await measure(n);
  rates.push(rate);
  const ratio = rate / (rates[0] ?? rate);
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  process.stdout.write(`${n} worker${n === 1 ? ' ' : 's'}: ${rate.toFixed(1)} articles/s (×${ratio.toFixed(2)} of one worker); load average ${load}; ${shares(activity)}\n`);
}
process.stdout.write(`${total} generated articles of 6 sentences per run, batch ${batch}, on ${base}\n`);
