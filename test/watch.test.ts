/**
 * `dyad watch` against a feed server of its own on 127.0.0.1 (reached with allowPrivate: the
 * safe fetch refuses loopback otherwise): new items are picked up, an unchanged feed is answered
 * 304 and not read again, a failing source backs off and is reported, one host is asked one
 * request at a time, and a restarted watch hands on nothing it handed on before.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LexiconSet } from '../src/lexicon/index.ts';
import { localSink, openQueue, queueLocation, queueSink, queueStatus, watch, type PollReport } from '../src/queue/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { backends } from './fixtures/store/backends.ts';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Item { readonly title: string; readonly text: string; readonly link: string }

/** A feed server: /news.rss with ETag and Last-Modified, /plain.rss without validators, /broken.rss a 500. */
class FeedServer {
  items: Item[] = [];
  readonly hits: { path: string; status: number; conditional: boolean }[] = [];
  active = 0;
  maxActive = 0;
  #server: Server | undefined;
  base = '';

  async start(): Promise<void> {
    this.#server = createServer((req, res) => { void this.#answer(req, res); });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }

  get etag(): string {
    return `"v${this.items.length}"`;
  }

  rss(): string {
    const items = this.items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><description>${i.text}</description><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>`);
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title><language>en</language>${items.join('')}</channel></rss>`;
  }

  async #answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    // A little latency, so that two requests to this host at once would overlap.
    await new Promise((r) => setTimeout(r, 30));
    const path = req.url ?? '';
    const conditional = req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
    let status = 200;
    if (path === '/broken.rss') {
      status = 500;
      res.writeHead(500).end('down');
    } else if (path === '/news.rss' && req.headers['if-none-match'] === this.etag) {
      status = 304;
      res.writeHead(304, { etag: this.etag }).end();
    } else if (path === '/news.rss') {
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: this.etag, 'last-modified': 'Tue, 05 Mar 2024 10:00:00 GMT' }).end(this.rss());
    } else if (path === '/plain.rss') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(this.rss());
    } else {
      status = 404;
      res.writeHead(404).end();
    }
    this.hits.push({ path, status, conditional });
    this.active--;
  }
}

const ITEMS: Item[] = [
  { title: 'Kazakhstan and Turkey sign agreements', text: 'Kazakhstan and Turkey signed an agreement on trade in Ankara on Tuesday.', link: 'https://news.example/a1' },
  { title: 'Uzbek president in Moscow', text: 'The President of Uzbekistan visited Moscow.', link: 'https://news.example/a2' },
  { title: 'China pledges investment', text: 'China pledged to invest two billion dollars in Kazakhstan.', link: 'https://news.example/a3' },
];

/** Run the CLI without blocking this process (its feed server must answer meanwhile). */
function dyad(args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('dyad watch', () => {
  const server = new FeedServer();
  const sqlite = backends().find((b) => b.name === 'sqlite');
  const postgres = backends().find((b) => b.name === 'postgres');
  let lexicons: LexiconSet;
  before(async () => {
    await server.start();
    lexicons = LexiconSet.load();
  });
  after(async () => {
    await server.stop();
    await sqlite?.cleanup();
    await postgres?.cleanup();
  });

  const once = (store: Store, sources: readonly string[], intervalMs: number): Promise<PollReport[]> =>
    watch({ store, sink: localSink(store, lexicons, { today: '2024-03-05' }), sources, intervalMs, hostGapMs: 0, limits: { allowPrivate: true }, once: true });

  test('picks up new items, is answered 304 when nothing changed, backs off a failing source and reports it', async () => {
    server.items = ITEMS.slice(0, 2);
    const store = await openStore(sqlite?.fresh());
    const news = `${server.base}/news.rss`;
    const broken = `${server.base}/broken.rss`;
    try {
      const first = await once(store, [news, broken], 300);
      assert.deepEqual(first.map((r) => [r.address, r.outcome, r.handed]).sort(), [[broken, 'failed', 0], [news, 'new', 2]]);
      assert.equal((await store.stats()).articles, 2);
      // One host, one request at a time.
      assert.equal(server.maxActive, 1);

      await sleep(350);
      // The feed is due again and unchanged: a conditional request, answered 304, nothing read.
      // The broken source waits twice the interval after its failure: not asked yet.
      const second = await once(store, [news, broken], 300);
      assert.deepEqual(second.map((r) => [r.address, r.outcome, r.items]), [[news, 'not_modified', 0]]);
      assert.deepEqual(server.hits.filter((h) => h.path === '/news.rss').map((h) => [h.status, h.conditional]), [[200, false], [304, true]]);
      assert.equal(server.hits.filter((h) => h.path === '/broken.rss').length, 1);

      await sleep(400);
      server.items = ITEMS;
      const third = await once(store, [news, broken], 300);
      assert.deepEqual(third.map((r) => [r.address, r.outcome, r.handed]).sort(), [[broken, 'failed', 0], [news, 'new', 1]]);
      assert.equal((await store.stats()).articles, 3);

      const status = await queueStatus(store, undefined);
      assert.equal(status.queue, false);
      const failing = status.sources.find((s) => s.address === broken);
      assert.equal(failing?.failures, 2);
      assert.match(failing?.lastError ?? '', /HTTP 500/);
      assert.equal(failing?.lastSuccess, undefined);
      // Backing off: four intervals after the second failure in a row.
      assert.ok(Date.parse(failing?.nextCheck ?? '') - Date.parse(failing?.lastChecked ?? '') >= 1200);
      const healthy = status.sources.find((s) => s.address === news);
      assert.equal(healthy?.failures, 0);
      assert.equal(healthy?.items, 3);
      assert.equal(healthy?.etag, '"v3"');
      assert.ok(healthy?.lastSuccess !== undefined);
    } finally {
      await store.close();
    }
  });

  test('a restarted watch hands on nothing it handed on before, even from a feed without validators', async () => {
    server.items = ITEMS.slice(0, 2);
    const location = sqlite?.fresh() ?? '';
    const plain = `${server.base}/plain.rss`;
    const first = await openStore(location);
    try {
      assert.deepEqual((await once(first, [plain], 1)).map((r) => [r.outcome, r.handed]), [['new', 2]]);
    } finally {
      await first.close();
    }
    server.items = ITEMS;
    await sleep(5);
    const again = await openStore(location);
    try {
      assert.deepEqual((await once(again, [plain], 1)).map((r) => [r.outcome, r.handed, r.items]), [['new', 1, 3]]);
      await sleep(5);
      assert.deepEqual((await once(again, [plain], 1)).map((r) => [r.outcome, r.handed]), [['unchanged', 0]]);
      assert.equal((await again.stats()).articles, 3);
    } finally {
      await again.close();
    }
  });

  test('the command: polls once, prints what each source gave, exits 1 when a source failed; refuses a bad sources line', async () => {
    server.items = ITEMS.slice(0, 1);
    const db = sqlite?.fresh() ?? '';
    const r = await dyad(['watch', `${server.base}/news.rss`, `${server.base}/broken.rss`, '--once', '--allow-private', '--host-gap', '0', '--db', db]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, new RegExp(`^new +${server.base}/news\\.rss 1 new of 1 items`, 'm'));
    assert.match(r.stdout, new RegExp(`^failed +${server.base}/broken\\.rss: .*HTTP 500.*backing off`, 'm'));
    const blocked = await dyad(['watch', `${server.base}/news.rss`, '--once', '--db', sqlite?.fresh() ?? '']);
    assert.equal(blocked.status, 1);
    assert.match(blocked.stdout, /failed .*loopback/);
    const status = await dyad(['status', '--db', db]);
    assert.equal(status.status, 0, status.stderr);
    assert.match(status.stdout, /queue: none/);
    assert.match(status.stdout, new RegExp(`${server.base}/broken\\.rss  last success never, 0 items; failing \\(1 in a row`));
    const bad = await dyad(['watch', 'ftp://x/feed', '--db', db]);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, 'dyad: argument 1: "ftp://x/feed" is not an http(s) address of a feed or page\n');
  });

  test('on PostgreSQL new items become article jobs in the queue', { skip: postgres?.skip ?? false }, async () => {
    server.items = ITEMS.slice(0, 2);
    const location = postgres?.fresh() ?? '';
    const store = await openStore(location);
    const queue = await openQueue(location);
    try {
      const reports = await watch({ store, sink: queueSink(queue), sources: [`${server.base}/news.rss`], hostGapMs: 0, limits: { allowPrivate: true }, once: true });
      assert.deepEqual(reports.map((r) => [r.outcome, r.handed]), [['new', 2]]);
      const status = await queueStatus(store, queue);
      assert.equal(status.depth.find((d) => d.kind === 'article')?.queued, 2);
      assert.equal((await store.stats()).articles, 0);
    } finally {
      await queue.close({ graceful: false });
      await store.close();
      await dropQueueSchema(location);
    }
  });
});

async function dropQueueSchema(location: string): Promise<void> {
  const { default: pg } = await import('pg');
  const { connectionString, schema } = queueLocation(location);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
