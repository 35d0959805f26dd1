/**
 * Writing through the API: the token checked before the body is read, bodies the API refuses,
 * replacing an archived text only when asked, and articles coded off the event loop by a coder
 * thread: reads answer quickly while a large article is coded, a full queue answers 503 with
 * Retry-After, and an article that runs over its time does not stall the ones after it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { LexiconSet } from '../src/lexicon/index.ts';
import { createServer } from '../src/serve/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { backends } from './fixtures/store/backends.ts';

const TOKEN = 'test-token-writing';
const headers = { authorization: `Bearer ${TOKEN}` };
const lexicons = LexiconSet.load();
const dir = mkdtempSync(join(tmpdir(), 'dyad-api-writing-'));
let archives = 0;

after(() => rmSync(dir, { recursive: true, force: true }));

/** A server with a token over a fresh archive. */
async function writable(options: { queueLimit?: number; codingTimeoutMs?: number; errorLog?: (line: string) => void } = {}): Promise<{ app: FastifyInstance; store: Store }> {
  const store = await openStore(join(dir, `archive-${++archives}.db`));
  const app = await createServer({ store, lexicons, token: TOKEN, coders: 1, ...options });
  return { app, store };
}

async function closeBoth({ app, store }: { app: FastifyInstance; store: Store }): Promise<void> {
  await app.close();
  await store.close();
}

const VISIT = { title: 'Tokayev in Ankara', lang: 'en', published: '2022-05-11', text: 'President Tokayev visited Ankara on 10 May 2022 and met President Erdogan.' };

/** A long English article: visits, agreements and accusations on many days, with filler between. */
function longArticle(sentences: number): { title: string; lang: string; published: string; text: string } {
  const lines = Array.from({ length: sentences }, (_, i) => {
    const day = 1 + (i % 28);
    switch (i % 4) {
      case 0: return `President Tokayev visited Ankara on ${day} May 2022 and met President Erdogan.`;
      case 1: return `Kazakhstan and Turkey signed ${2 + (i % 9)} agreements on trade and energy on ${day} May 2022.`;
      case 2: return `Russia accused Ukraine of shelling the border on ${day} June 2022.`;
      default: return 'The ministers then discussed the price of grain, the weather and the state of the roads at length.';
    }
  });
  return { title: 'A long report', lang: 'en', published: '2022-07-01', text: lines.join(' ') };
}

/** The status line and whether the server closed the connection, for a raw request whose body is not all sent. */
function rawRequest(port: number, head: string, bodyBytes: number): Promise<{ status: string; closedBy: 'server' | 'timeout'; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => { socket.destroy(); resolve({ status: received.split('\r\n')[0] ?? '', closedBy: 'timeout', ms: performance.now() - started }); }, 5000);
    socket.on('data', (d: Buffer) => { received += d.toString('latin1'); });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ status: received.split('\r\n')[0] ?? '', closedBy: 'server', ms: performance.now() - started });
    });
    socket.write(head);
    socket.write('x'.repeat(bodyBytes));
  });
}

describe('API: the token comes before the body', () => {
  let server: { app: FastifyInstance; store: Store };
  let port = 0;

  before(async () => {
    server = await writable();
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  after(() => closeBoth(server));

  test('a body that is not even JSON, without the token, is a 401: the token is checked before parsing', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/articles', payload: '{not json', headers: { 'content-type': 'application/json' } });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().field, 'headers.authorization');
  });

  test('a 100 MB body announced without the token is refused at once and never read: the server closes the connection', async () => {
    const head = 'POST /api/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n';
    const res = await rawRequest(port, head, 1024);
    assert.equal(res.status, 'HTTP/1.1 401 Unauthorized');
    assert.equal(res.closedBy, 'server', 'the server hung up instead of waiting for the rest');
    assert.ok(res.ms < 2000, `${res.ms.toFixed(0)} ms`);
  });

  test('with the token, a body over the limit is a 413 before it is read', async () => {
    const head = `POST /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n`;
    const res = await rawRequest(port, head, 1024);
    assert.equal(res.status, 'HTTP/1.1 413 Payload Too Large');
    assert.equal(res.closedBy, 'server');
  });

  test('bodies the API cannot use name what is wrong', async () => {
    const post = (payload: string | object, type = 'application/json') =>
      server.app.inject({ method: 'POST', url: '/api/articles', payload, headers: { ...headers, 'content-type': type } });
    const cases: [Awaited<ReturnType<typeof post>>, number, string, string][] = [
      [await post('{not json'), 400, 'bad_request', 'body'],
      [await post('text please', 'text/plain'), 415, 'unsupported_media_type', 'headers.content-type'],
      [await post({ ...VISIT, text: 'Tokayev\u0000 visited Ankara.' }), 400, 'bad_request', 'body.text'],
      [await post({ ...VISIT, title: 'A\u0000' }), 400, 'bad_request', 'body.title'],
      [await post({ ...VISIT, replace: 'yes' }), 400, 'bad_request', 'body.replace'],
      [await post({ ...VISIT, colour: 'red' }), 400, 'bad_request', 'body.colour'],
    ];
    for (const [res, status, error, field] of cases) {
      assert.deepEqual([res.statusCode, res.json().error, res.json().field], [status, error, field], res.body);
    }
    assert.match(cases[2]?.[0].json().message, /body\.text: contains a NUL character \(U\+0000\) at offset 7/);
    assert.equal((await server.store.stats()).articles, 0);
  });
});

for (const backend of backends()) {
  describe(`API on ${backend.name}: replacing an archived text needs "replace": true`, { skip: backend.skip }, () => {
    let server: { app: FastifyInstance; store: Store };
    before(async () => {
      // The coder thread opens the archive from its full location (a PostgreSQL schema included).
      const location = backend.fresh();
      const store = await openStore(location);
      server = { store, app: await createServer({ store, lexicons, token: TOKEN, coders: 1, archive: location }) };
    });
    after(async () => {
      await closeBoth(server);
      await backend.cleanup();
    });

    test('a different text at a known address is a 409 naming the address; with replace it is replaced', async () => {
      const post = (payload: object) => server.app.inject({ method: 'POST', url: '/api/articles', payload, headers });
      const first = await post({ ...VISIT, address: 'https://news.test/visit' });
      assert.deepEqual([first.statusCode, first.json().status], [200, 'added']);
      const changed = { ...VISIT, address: 'https://news.test/visit', text: 'President Tokayev visited Ankara on 11 May 2022 and met President Erdogan.' };
      const refused = await post(changed);
      assert.equal(refused.statusCode, 409);
      assert.deepEqual([refused.json().error, refused.json().field], ['conflict', 'body.address']);
      assert.match(refused.json().message, /^https:\/\/news\.test\/visit already holds a different text \(article \d+\): send "replace": true/);
      // The same text again is no conflict.
      assert.equal((await post({ ...VISIT, address: 'https://news.test/visit' })).json().status, 'unchanged');
      const replaced = await post({ ...changed, replace: true });
      assert.deepEqual([replaced.statusCode, replaced.json().status, replaced.json().articleId], [200, 'replaced', first.json().articleId]);
      const listed = await server.app.inject({ method: 'GET', url: `/api/articles?address=${encodeURIComponent('https://news.test/visit')}` });
      assert.deepEqual(listed.json().items.map((a: { id: number }) => a.id), [first.json().articleId]);
      const stored = await server.app.inject({ method: 'GET', url: `/api/articles/${first.json().articleId}` });
      assert.match(stored.json().text, /11 May 2022/);
    });
  });
}

describe('API: articles are coded off the event loop', () => {
  test('reads answer quickly while a large article is coded, and the article is stored', async () => {
    const server = await writable();
    try {
      // The first article also waits for the coder thread to warm up.
      assert.equal((await server.app.inject({ method: 'POST', url: '/api/articles', payload: VISIT, headers })).statusCode, 200);
      const article = longArticle(600);
      const started = performance.now();
      let postMs = 0;
      const posting = server.app.inject({ method: 'POST', url: '/api/articles', payload: article, headers })
        .then((res) => { postMs = performance.now() - started; return res; });
      const latencies: number[] = [];
      const reads = ['/api/stats', '/api/events?actor=KAZ&limit=5', '/api/search?q=Tokayev', '/api/dyads/KAZ/TUR/timeline'];
      while (postMs === 0) {
        const t = performance.now();
        const res = await server.app.inject({ method: 'GET', url: reads[latencies.length % reads.length] ?? '/api/stats' });
        latencies.push(performance.now() - t);
        assert.equal(res.statusCode, 200);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const res = await posting;
      assert.deepEqual([res.statusCode, res.json().status], [200, 'added'], res.body);
      assert.ok(res.json().events > 0, `${res.json().events} events`);
      const sorted = [...latencies].sort((a, b) => a - b);
      const summary = `${article.text.length} characters coded and stored in ${postMs.toFixed(0)} ms; ${latencies.length} reads meanwhile, `
        + `median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, slowest ${sorted.at(-1)?.toFixed(1)} ms`;
      process.stdout.write(`# ${summary}\n`);
      assert.ok(latencies.length >= 5, summary);
      // Coded on the event loop, a read would wait for the whole article; off it, reads wait for
      // nothing of it. Compared with the article's own time, so a loaded machine does not decide.
      assert.ok((sorted.at(-1) ?? 0) < postMs / 4, summary);
    } finally {
      await closeBoth(server);
    }
  });

  test('a full queue answers 503 with Retry-After; the articles it took are stored', async () => {
    const server = await writable({ queueLimit: 1 });
    try {
      const posts = [longArticle(300), VISIT, { ...VISIT, text: `${VISIT.text} Again.` }]
        .map((payload) => server.app.inject({ method: 'POST', url: '/api/articles', payload, headers }));
      const [running, waiting, refused] = await Promise.all(posts);
      assert.deepEqual([running?.statusCode, waiting?.statusCode], [200, 200]);
      assert.equal(refused?.statusCode, 503);
      assert.equal(refused?.json().error, 'busy');
      assert.ok(Number(refused?.headers['retry-after']) >= 1, String(refused?.headers['retry-after']));
      assert.equal((await server.store.stats()).articles, 2);
    } finally {
      await closeBoth(server);
    }
  });

  test('an article that runs over its time is a logged 500, and the next article is coded by a fresh thread', async () => {
    const lines: string[] = [];
    // 20,000 sentences take seconds on any machine; the limit is a small fraction of that.
    const server = await writable({ codingTimeoutMs: 300, errorLog: (line) => lines.push(line) });
    try {
      const slow = await server.app.inject({ method: 'POST', url: '/api/articles', payload: longArticle(20_000), headers });
      assert.equal(slow.statusCode, 500);
      assert.equal(lines.length, 1);
      const logged = JSON.parse(lines[0] ?? '{}') as { requestId: string; error: { code: string; message: string } };
      assert.deepEqual([logged.requestId, logged.error.code], [slow.json().requestId, 'timeout']);
      assert.match(logged.error.message, /took over 0\.3 s/);
      // The time limit runs from when a warm thread takes the article, so the fresh thread's warm-up is not counted.
      const next = await server.app.inject({ method: 'POST', url: '/api/articles', payload: VISIT, headers });
      assert.deepEqual([next.statusCode, next.json().status], [200, 'added'], lines.join('\n'));
    } finally {
      await closeBoth(server);
    }
  });
});
