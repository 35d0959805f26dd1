/**
 * Workers on PostgreSQL: three worker processes ingest a folder while one is killed in the middle
 * of a job; the archive ends equal to a single-process ingest of the same folder, and every job
 * is done (the killed one taken up again by another worker) and none has effect twice.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ingest } from '../src/archive/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { enqueueSources, openQueue, queueLocation, queueSink, queueStatus, rerunFailed, type QueueStatus } from '../src/queue/index.ts';
import { createServer, ROUTES } from '../src/serve/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { postgresConfig } from '../src/store/postgres/config.ts';
import { writeArticles } from './fixtures/queue/articles.ts';
import { backends } from './fixtures/store/backends.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./fixtures/queue/worker-child.ts', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const ARTICLES = 30;
const TODAY = '2024-01-01';

const backend = backends().find((b) => b.name === 'postgres');
const skip = backend?.skip ?? 'no PostgreSQL backend';

/** The whole archive in a comparable form: articles, events with their mentions, facts; no ids or times. */
async function snapshot(store: Store): Promise<unknown> {
  const events: string[] = [];
  for await (const { event: e, mentions } of store.export()) {
    const ms = mentions.map((m) => `${m.article.address} ${m.pattern} ${m.evidence.start}-${m.evidence.end}`).sort();
    events.push(`${e.type} ${e.actors.join('+')}>${e.recipients.join('+')} ${e.date} s${e.sources} [${ms.join('; ')}]`);
  }
  const articles = (await store.articles({ limit: 10_000 })).map((a) => `${a.address} ${a.contentHash} ${a.lexiconVersion}`).sort();
  const facts = (await store.facts({ limit: 10_000 })).map((f) => `${f.kind} ${f.parties.join('+')} ${f.date ?? ''} ${f.article.address}`).sort();
  const { articles: na, events: ne, mentions, facts: nf } = await store.stats();
  return { counts: { articles: na, events: ne, mentions, facts: nf }, articles, events: events.sort(), facts };
}

interface Proc {
  readonly lines: string[];
  readonly exited: Promise<number | string | null>;
  kill(signal: NodeJS.Signals): void;
}

function run(args: readonly string[]): Proc {
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buffered = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => {
    buffered += d.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
  });
  proc.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<number | string | null>((resolve) => proc.on('close', (code, signal) => {
    if (code !== 0 && signal === null) process.stderr.write(stderr);
    resolve(code ?? signal);
  }));
  return { lines, exited, kill: (s) => proc.kill(s) };
}

async function until(what: string, check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('workers on PostgreSQL', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-queue-'));
  const folder = join(dir, 'reports');
  const queues: string[] = [];
  let lexicons: LexiconSet;
  before(() => {
    writeArticles(folder, ARTICLES);
    lexicons = LexiconSet.load();
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: postgresConfig(process.env['DYAD_TEST_PG'] ?? 'postgres://127.0.0.1:5432/test').connectionString });
    await client.connect();
    try {
      for (const s of queues) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    } finally {
      await client.end();
    }
    await backend?.cleanup();
  });
  /** A fresh archive, whose queue schema is dropped afterwards too. */
  const fresh = (): string => {
    const location = backend?.fresh() ?? '';
    queues.push(queueLocation(location).schema);
    return location;
  };

  test('three workers, one killed mid-job, give the archive one process gives; every job done once in effect', async () => {
    const reference = fresh();
    const single = await openStore(reference);
    try {
      const s = await ingest(single, [folder], lexicons, { today: TODAY });
      assert.equal(s.added, ARTICLES);
    } finally {
      await single.close();
    }

    const location = fresh();
    const store = await openStore(location);
    const queue = await openQueue(location);
    try {
      // A short job time, so that the killed worker's job is handed on within seconds.
      const summary = await enqueueSources(queueSink(queue, { today: TODAY, expireInSeconds: 3 }), [folder]);
      assert.equal(summary.articles, ARTICLES);

      const doomed = run([CHILD, location, '3']);
      await until('the doomed worker to take jobs', () => doomed.lines.includes('ready'));
      const workers = [1, 2].map(() => run([MAIN, 'worker', '--db', location, '--until-idle', '--maintenance', '1', '--batch', '2']));
      assert.equal(await doomed.exited, 'SIGKILL');
      const killedJob = doomed.lines.filter((l) => l.startsWith('start ')).at(-1)?.slice(6) ?? '';
      assert.deepEqual(await Promise.all(workers.map((w) => w.exited)), [0, 0]);

      const status = await queueStatus(store, queue);
      const articles = status.depth.find((d) => d.kind === 'article');
      assert.deepEqual(articles, { kind: 'article', queued: 0, retrying: 0, active: 0, completed: ARTICLES, failed: 0 });
      // The killed worker's job failed by its timeout and was done by another worker.
      const { rows } = await queue.boss.getDb().executeSql(`SELECT state::text AS state, retry_count FROM ${queue.schema}.job WHERE id = $1`, [killedJob]) as { rows: { state: string; retry_count: number }[] };
      assert.deepEqual(rows, [{ state: 'completed', retry_count: 1 }]);
      const done = workers.flatMap((w) => w.lines).filter((l) => l.startsWith('done article'));
      assert.ok(done.some((l) => l.includes(killedJob)), 'the killed job was taken up again');

      const reference_ = await openStore(reference);
      try {
        assert.deepEqual(await snapshot(store), await snapshot(reference_));
      } finally {
        await reference_.close();
      }
    } finally {
      await queue.close({ graceful: false });
      await store.close();
    }
  });

  test('a job that keeps failing is parked with its reason, shown, re-run; a job done twice changes nothing', async () => {
    const location = fresh();
    const store = await openStore(location);
    const queue = await openQueue(location);
    try {
      // A job whose payload no worker can run: it fails on every try.
      await queue.boss.insert([{ name: 'dyad-article', data: { article: { address: 'x' } }, retryLimit: 1, retryDelay: 1 }]);
      await enqueueSources(queueSink(queue, { today: TODAY }), [join(folder, '2023-01-01-report-001.txt'), join(folder, '2023-01-01-report-001.txt')]);
      const worker = run([MAIN, 'worker', '--db', location, '--until-idle']);
      assert.equal(await worker.exited, 0);
      const status = await queueStatus(store, queue);
      assert.equal(status.failures.length, 1);
      const [parked] = status.failures;
      assert.equal(parked?.state, 'failed');
      assert.equal(parked?.attempts, 2);
      assert.match(parked?.reason ?? '', /the payload of this article job is not one: article\.title/);
      // Twice the same article: one added, one unchanged; the archive holds it once.
      const lines = worker.lines.filter((l) => l.startsWith('done article'));
      assert.deepEqual(lines.map((l) => l.split(': ').at(-1)?.replace(/ \(.*/, '')).sort(), ['added', 'unchanged']);
      assert.equal((await store.stats()).articles, 1);

      const shown = run([MAIN, 'status', '--db', location]);
      assert.equal(await shown.exited, 0);
      assert.ok(shown.lines.some((l) => l.includes(`parked   article ${parked?.id ?? ''} x after 2 tries: the payload of this article job is not one`)), shown.lines.join('\n'));

      // The API answers the same, in the shape its document gives.
      const app = await createServer({ store, lexicons, queue });
      try {
        const res = await app.inject({ method: 'GET', url: '/api/status' });
        assert.equal(res.statusCode, 200);
        const body = res.json() as QueueStatus;
        assert.deepEqual(body.failures.map((f) => [f.id, f.state, f.reason]), [[parked?.id, 'failed', parked?.reason]]);
        assert.equal(body.depth.find((d) => d.kind === 'article')?.completed, 2);
        assert.ok(ROUTES.find((r) => r.path === '/api/status')?.response.safeParse(body).success);
      } finally {
        await app.close();
      }

      assert.equal(await rerunFailed(queue, [parked?.id ?? '']), 1);
      assert.equal((await queueStatus(store, queue)).depth.find((d) => d.kind === 'article')?.retrying, 1);
    } finally {
      await queue.close({ graceful: false });
      await store.close();
    }
  });
  test('SIGTERM: the worker finishes the job in hand, hands back one taken as the stop came, and exits 0', async () => {
    const location = fresh();
    const store = await openStore(location);
    const queue = await openQueue(location);
    try {
      await enqueueSources(queueSink(queue, { today: TODAY }), [folder]);
      const worker = run([MAIN, 'worker', '--db', location]);
      await until('the first job done', () => worker.lines.some((l) => l.startsWith('done article')));
      worker.kill('SIGTERM');
      assert.equal(await worker.exited, 0);
      const articles = (await queueStatus(store, queue)).depth.find((d) => d.kind === 'article');
      const done = worker.lines.filter((l) => l.startsWith('done article')).length;
      // Nothing is left held: a job taken as the stop came is handed back (retrying), the rest wait.
      assert.equal(articles?.active, 0);
      assert.equal(articles?.failed, 0);
      assert.equal(articles?.completed, done);
      assert.equal((articles?.queued ?? 0) + (articles?.retrying ?? 0), ARTICLES - done);
      assert.ok((articles?.retrying ?? 0) <= 1);
      assert.equal((await store.stats()).articles, done);
    } finally {
      await queue.close({ graceful: false });
      await store.close();
    }
  });
});
