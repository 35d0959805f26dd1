import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { fetchSource, readSources, type FetchedSource, type FetchLimits, type ReadOptions, type SourceArticle, type SourceProblem } from '../src/sources/index.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/sources/', import.meta.url));
const PAGE_RU = '<html lang="ru"><head><title>Токаев в Анкаре</title></head><body><nav>Главная</nav><article><p>Президент Казахстана прибыл в Анкару с официальным визитом.</p><p>Подписано 15 соглашений.</p></article></body></html>';

/**
 * The test server stands for a public site: it listens on 127.0.0.2 (Linux routes all of
 * 127.0.0.0/8 to the loopback interface), which every fetch here allows by name. Loopback stays
 * refused otherwise; test/fetch-addresses.test.ts checks that.
 */
const HOST = '127.0.0.2';
const OPEN: FetchLimits = { allowAddresses: [HOST] };

/** Everything the server was asked, to check what Dyad sends. */
const requests: IncomingMessage[] = [];

/** Routes of the local test server. */
function route(req: IncomingMessage, res: ServerResponse, origin: string): void {
  const url = new URL(req.url ?? '/', origin);
  const path = url.pathname;
  const hop = /^\/hop\/(\d+)$/.exec(path);
  if (hop) {
    const n = Number(hop[1]);
    res.writeHead(n > 0 ? 302 : 200, n > 0 ? { location: `/hop/${n - 1}` } : { 'content-type': 'text/plain; charset=utf-8' });
    res.end(n > 0 ? '' : 'Arrived\n\nAfter the redirects.');
    return;
  }
  switch (path) {
    case '/page':
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
      res.end(iconv.encode(PAGE_RU, 'windows-1251'));
      return;
    case '/feed':
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><language>en</language>
        <item><title>Feed title one</title><link>/item/1</link><pubDate>Wed, 11 May 2022 08:00:00 GMT</pubDate><description>Summary one.</description></item>
        <item><title>Feed title two</title><link>/item/missing</link><description>Summary two.</description></item>
        </channel></rss>`);
      return;
    case '/item/1':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(readFileSync(`${FIXTURES}page-en.html`));
      return;
    case '/atom':
      // Generic XML type: the root element tells it is a feed.
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(readFileSync(`${FIXTURES}feed.atom`));
      return;
    case '/text':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(iconv.encode('Тоқаев Анкарада\n\nКездесу өтті.', 'utf-8'));
      return;
    case '/untyped':
      res.writeHead(200);
      res.end('<!DOCTYPE html><html><head><title>Untyped</title></head><body><p>Sniffed as a page.</p></body></html>');
      return;
    case '/image':
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
      return;
    case '/missing':
    case '/item/missing':
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
      return;
    case '/loop':
      res.writeHead(301, { location: '/loop' });
      res.end();
      return;
    case '/to-file':
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
      return;
    case '/to-ftp':
      res.writeHead(307, { location: 'ftp://127.0.0.1/x' });
      res.end();
      return;
    case '/no-location':
      res.writeHead(302);
      res.end();
      return;
    case '/big-declared':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(10_000) });
      res.end('x'.repeat(10_000));
      return;
    case '/big-streamed': {
      // Chunked, no Content-Length: only counting the bytes as they come stops it.
      res.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const push = (): void => {
        if (res.destroyed || sent >= 400) return void res.end();
        sent++;
        res.write('y'.repeat(1024), () => setImmediate(push));
      };
      push();
      return;
    }
    case '/slow-headers':
      // Never answers; the client's timeout must end it.
      return;
    case '/slow-body':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('Title\n\nThe first part arrives, the rest never does.');
      return;
    default:
      res.writeHead(500);
      res.end();
  }
}

let server: Server;
let origin = '';

before(async () => {
  server = createServer((req, res) => {
    requests.push(req);
    route(req, res, origin);
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  origin = `http://${HOST}:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function read(inputs: string[], options: ReadOptions = {}): Promise<(SourceArticle | SourceProblem)[]> {
  const out: (SourceArticle | SourceProblem)[] = [];
  for await (const r of readSources(inputs, { ...options, limits: { ...OPEN, ...options.limits } })) out.push(r);
  return out;
}

async function fetchProblem(path: string, limits: FetchLimits = {}): Promise<SourceProblem> {
  const r = await fetchSource(`${origin}${path}`, { ...OPEN, ...limits });
  assert.ok('code' in r, `expected a problem, got status ${(r as FetchedSource).status}`);
  return r;
}

describe('fetching pages and feeds', () => {
  it('reads a page in the charset of its Content-Type, sending a User-Agent that names Dyad', async () => {
    const [a] = await read([`${origin}/page`]);
    assert.deepEqual(a, {
      address: `${origin}/page`,
      title: 'Токаев в Анкаре',
      text: 'Токаев в Анкаре\n\nПрезидент Казахстана прибыл в Анкару с официальным визитом.\n\nПодписано 15 соглашений.',
      lang: 'ru',
      source: 'url',
      charset: 'windows-1251',
    });
    assert.match(requests.at(-1)?.headers['user-agent'] ?? '', /^Dyad\//);
  });

  it('reads a feed, resolving item links against the feed URL', async () => {
    const records = await read([`${origin}/feed`]);
    assert.deepEqual(records.map((r) => ('code' in r ? r.code : `${r.source} ${r.address} ${r.text}`)), [
      `feed ${origin}/item/1 Feed title one\n\nSummary one.`,
      `feed ${origin}/item/missing Feed title two\n\nSummary two.`,
    ]);
  });

  it('fetches each item\'s page on request, keeping the feed text when a page fails', async () => {
    const records = await read([`${origin}/feed`], { fullPages: true });
    assert.equal(records.length, 3);
    const [full, failed, fallback] = records;
    assert.equal((full as SourceArticle).source, 'url');
    assert.equal((full as SourceArticle).title, 'Feed title one');
    assert.equal((full as SourceArticle).published, '2022-05-11');
    assert.match((full as SourceArticle).text, /^Feed title one\n\nThe President of Kazakhstan, Kassym-Jomart Tokayev, arrived in Ankara/);
    assert.equal((failed as SourceProblem).code, 'http_status');
    assert.equal((failed as SourceProblem).address, `${origin}/item/missing`);
    assert.equal((fallback as SourceArticle).text, 'Feed title two\n\nSummary two.');
  });

  it('decides by Content-Type, and by the bytes when the type is generic or absent', async () => {
    const records = await read([`${origin}/atom`, `${origin}/text`, `${origin}/untyped`, `${origin}/image`]);
    assert.deepEqual(records.map((r) => ('code' in r ? r.code : `${r.source}:${r.title}`)), [
      "feed:Tokayev Ankara'da", 'feed:Токаев в Анкаре', 'feed:Ticaret hedefi',
      'url:Тоқаев Анкарада',
      'url:Untyped',
      'not_article',
    ]);
  });

  it('follows a redirect chain within the limit, checking every hop, and reports the final address', async () => {
    const [a] = await read([`${origin}/hop/5`]);
    assert.equal((a as SourceArticle).address, `${origin}/hop/0`);
    assert.equal((a as SourceArticle).title, 'Arrived');
    const ok = await fetchSource(`${origin}/hop/2`, { ...OPEN, maxRedirects: 2 });
    assert.equal((ok as FetchedSource).status, 200);
  });

  it('refuses too many redirects', async () => {
    assert.equal((await fetchProblem('/hop/6')).code, 'too_many_redirects');
    assert.equal((await fetchProblem('/hop/3', { maxRedirects: 2 })).code, 'too_many_redirects');
    assert.equal((await fetchProblem('/loop')).code, 'too_many_redirects');
  });

  it('refuses a redirect to a scheme other than http(s)', async () => {
    const toFile = await fetchProblem('/to-file');
    assert.equal(toFile.code, 'bad_scheme');
    assert.match(toFile.message, /file:/);
    assert.equal((await fetchProblem('/to-ftp')).code, 'bad_scheme');
    assert.equal((await fetchProblem('/no-location')).code, 'http_status');
  });

  it('refuses non-http inputs without fetching them', async () => {
    const before = requests.length;
    for (const input of ['file:///etc/hostname', 'ftp://127.0.0.1/a', 'data:text/html,<p>x</p>', 'javascript:alert(1)']) {
      assert.equal(((await fetchSource(input, OPEN)) as SourceProblem).code, 'bad_scheme', input);
    }
    assert.equal(requests.length, before);
  });

  it('reports HTTP errors and unreachable servers', async () => {
    const missing = await fetchProblem('/missing');
    assert.equal(missing.code, 'http_status');
    assert.match(missing.message, /404/);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, HOST, resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await fetchSource(`http://${HOST}:${port}/`, OPEN);
    assert.equal((refused as SourceProblem).code, 'unreadable');
    assert.match((refused as SourceProblem).message, /ECONNREFUSED/);
  });

  it('times out on a server that does not answer or stops sending', async () => {
    const started = Date.now();
    assert.equal((await fetchProblem('/slow-headers', { timeoutMs: 300 })).code, 'timeout');
    assert.equal((await fetchProblem('/slow-body', { timeoutMs: 300 })).code, 'timeout');
    assert.ok(Date.now() - started < 3000);
  });

  it('refuses bodies over the size limit, declared or streamed', async () => {
    assert.equal((await fetchProblem('/big-declared', { maxBytes: 5000 })).code, 'too_large');
    assert.equal((await fetchProblem('/big-streamed', { maxBytes: 64 * 1024 })).code, 'too_large');
    const small = await fetchSource(`${origin}/big-declared`, { ...OPEN, maxBytes: 20_000 });
    assert.equal((small as FetchedSource).body.length, 10_000);
  });
});
