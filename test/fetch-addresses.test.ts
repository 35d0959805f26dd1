/**
 * What a fetch may reach: public addresses only, unless allowed. A "secret" server listens on
 * loopback (127.0.0.1 and ::1); a stand-in for a public site listens on 127.0.0.2 (Linux routes
 * all of 127.0.0.0/8 to the loopback interface) and is allowed by address, never by class. Every
 * spelling of loopback must be refused directly, behind a redirect from the stand-in, and as a
 * feed item's link with full pages; --allow-private (allowPrivate) lets each of them through.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import {
  classifyAddress, fetchSource, readSources, type FetchedSource, type FetchLimits, type SourceArticle, type SourceProblem,
} from '../src/sources/index.ts';

const STAND_IN = '127.0.0.2';
const OPEN: FetchLimits = { allowAddresses: [STAND_IN] };
const SECRET = 'Internal report\n\nThe text only the server itself can read.';

let secretPort = 0;
let standIn = '';
/** Requests that reached the secret server: a refusal must leave this empty. */
const leaked: string[] = [];
const servers: Server[] = [];

/** Every spelling of loopback the review tried, each a URL of the secret server. */
function loopbackUrls(path = '/secret'): string[] {
  return ['127.0.0.1', 'localhost', '[::1]', '2130706433', '0177.0.0.1', '[::ffff:127.0.0.1]', '127.1']
    .map((host) => `http://${host}:${secretPort}${path}`);
}

function secret(req: IncomingMessage, res: ServerResponse): void {
  leaked.push(req.url ?? '');
  if (req.url === '/secret.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<html><head><title>Internal report</title></head><body><article><p>${SECRET.split('\n\n')[1] ?? ''}</p></article></body></html>`);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(SECRET);
}

/** The public stand-in: redirects and feeds that point at the secret server. */
function publicSite(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', standIn);
  if (url.pathname === '/to') {
    res.writeHead(302, { location: url.searchParams.get('u') ?? '/' });
    res.end();
  } else if (url.pathname === '/feed') {
    const items = loopbackUrls('/secret.html').map((link, i) => `<item><title>Item ${i + 1}</title><link>${link.replace(/&/g, '&amp;')}</link><description>Summary ${i + 1}.</description></item>`);
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><language>en</language>${items.join('')}</channel></rss>`);
  } else if (url.pathname === '/page') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Public page\n\nAnyone may read this.');
  } else if (url.pathname === '/gzip' || url.pathname === '/br') {
    const text = Buffer.from(`Compressed ${url.pathname.slice(1)}\n\n${'The body was compressed on the way. '.repeat(50)}`);
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': url.pathname === '/gzip' ? 'gzip' : 'br' });
    res.end(url.pathname === '/gzip' ? gzipSync(text) : brotliCompressSync(text));
  } else if (url.pathname === '/bomb') {
    // 1 MB of zeros in a few kilobytes: the size limit counts what it decodes to.
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
    res.end(gzipSync(Buffer.alloc(1024 * 1024)));
  } else if (url.pathname === '/zstd') {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'zstd' });
    res.end('not really zstd');
  } else {
    res.writeHead(404);
    res.end();
  }
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, host: string, port = 0): Promise<number> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

before(async () => {
  secretPort = await listen(secret, '127.0.0.1');
  // The same port on IPv6 loopback, for [::1] (and localhost, where it resolves to ::1).
  await listen(secret, '::1', secretPort);
  standIn = `http://${STAND_IN}:${await listen(publicSite, STAND_IN)}`;
});

after(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function fetchOrProblem(url: string, limits: FetchLimits = {}): Promise<FetchedSource | SourceProblem> {
  return fetchSource(url, { ...OPEN, ...limits });
}

function problemOf(r: FetchedSource | SourceProblem): SourceProblem {
  assert.ok('code' in r, `expected a problem, got HTTP ${(r as FetchedSource).status} from ${(r as FetchedSource).url}`);
  return r;
}

async function readAll(inputs: string[], options: Parameters<typeof readSources>[1] = {}): Promise<(SourceArticle | SourceProblem)[]> {
  const out: (SourceArticle | SourceProblem)[] = [];
  for await (const r of readSources(inputs, options)) out.push(r);
  return out;
}

describe('fetching refuses addresses that are not public', () => {
  it('refuses every spelling of loopback, naming the host, the address and its class', async () => {
    leaked.length = 0;
    for (const url of loopbackUrls()) {
      const p = problemOf(await fetchSource(url));
      assert.equal(p.code, 'blocked_address', url);
      assert.equal(p.address, url);
      assert.match(p.message, /a loopback address: refused \(--allow-private to fetch it\)$/, url);
      assert.doesNotMatch(p.message, /redirected/, url);
    }
    assert.deepEqual(leaked, []);
    const literal = problemOf(await fetchSource(`http://127.0.0.1:${secretPort}/secret`));
    assert.equal(literal.message, `http://127.0.0.1:${secretPort}/secret: 127.0.0.1 is a loopback address: refused (--allow-private to fetch it)`);
    const mapped = problemOf(await fetchSource(`http://[::ffff:127.0.0.1]:${secretPort}/secret`));
    assert.match(mapped.message, /: ::ffff:7f00:1 \(IPv4 127\.0\.0\.1\) is a loopback address: refused/);
    const named = problemOf(await fetchSource(`http://localhost:${secretPort}/secret`));
    assert.match(named.message, /: localhost is (127\.0\.0\.1|::1), a loopback address: refused/);
    // https connections go through the same check.
    for (const host of ['localhost', '127.0.0.1', '[::1]']) {
      assert.equal(problemOf(await fetchSource(`https://${host}:${secretPort}/secret`)).code, 'blocked_address', host);
    }
  });

  it('lets every spelling through with allowPrivate', async () => {
    for (const url of loopbackUrls()) {
      const r = await fetchSource(url, { allowPrivate: true });
      assert.ok(!('code' in r), `${url}: ${'code' in r ? r.message : ''}`);
      assert.equal(Buffer.from(r.body).toString(), SECRET);
    }
  });

  it('refuses a redirect from an allowed server to any spelling of loopback, and follows it with allowPrivate', async () => {
    leaked.length = 0;
    for (const url of loopbackUrls()) {
      const start = `${standIn}/to?u=${encodeURIComponent(url)}`;
      const p = problemOf(await fetchOrProblem(start));
      assert.equal(p.code, 'blocked_address', url);
      assert.equal(p.address, start);
      assert.match(p.message, /: redirected to http:\/\/.*: .* a loopback address: refused/, url);
    }
    assert.deepEqual(leaked, []);
    for (const url of loopbackUrls()) {
      const r = await fetchOrProblem(`${standIn}/to?u=${encodeURIComponent(url)}`, { allowPrivate: true });
      assert.equal((r as FetchedSource).status, 200, url);
    }
  });

  it('refuses a feed item link to loopback with full pages, keeping the item\'s feed text; allowPrivate reads the pages', async () => {
    leaked.length = 0;
    const records = await readAll([`${standIn}/feed`], { fullPages: true, limits: OPEN });
    const blocked = records.filter((r): r is SourceProblem => 'code' in r);
    const kept = records.filter((r): r is SourceArticle => !('code' in r));
    assert.deepEqual(blocked.map((p) => p.code), Array(7).fill('blocked_address'));
    assert.deepEqual(kept.map((a) => [a.source, a.text]), loopbackUrls().map((_, i) => ['feed', `Item ${i + 1}\n\nSummary ${i + 1}.`]));
    assert.deepEqual(leaked, []);
    const open = await readAll([`${standIn}/feed`], { fullPages: true, limits: { ...OPEN, allowPrivate: true } });
    assert.deepEqual(open.map((r) => ('code' in r ? r.code : `${r.source}: ${r.text}`)), loopbackUrls().map((_, i) => `url: Item ${i + 1}\n\nThe text only the server itself can read.`));
    assert.equal(leaked.length, 7);
  });

  it('judges a name by the address it resolves to, at every connection', async () => {
    leaked.length = 0;
    // A public-looking name that resolves to loopback.
    const toLoopback: FetchLimits = { resolve: async () => [{ address: '127.0.0.1', family: 4 }] };
    const p = problemOf(await fetchSource(`http://news.example:${secretPort}/secret`, toLoopback));
    assert.equal(p.message, `http://news.example:${secretPort}/secret: news.example is 127.0.0.1, a loopback address: refused (--allow-private to fetch it)`);
    // Rebinding: the name first resolves to the allowed server, then (for the redirect's new
    // connection) to loopback; the second answer is refused when it is about to be used.
    let lookups = 0;
    const rebinding: FetchLimits = { ...OPEN, resolve: async () => [{ address: lookups++ === 0 ? STAND_IN : '127.0.0.1', family: 4 }] };
    const port = new URL(standIn).port;
    const start = `http://rebind.example:${port}/to?u=${encodeURIComponent(`http://rebind.example:${secretPort}/secret`)}`;
    const rebound = problemOf(await fetchSource(start, rebinding));
    assert.equal(rebound.code, 'blocked_address');
    assert.match(rebound.message, /redirected to http:\/\/rebind\.example:\d+\/secret: rebind\.example is 127\.0\.0\.1, a loopback address/);
    assert.equal(lookups, 2);
    assert.deepEqual(leaked, []);
    // A name with a refused and an allowed address is connected to the allowed one only.
    const mixed = await fetchSource(`http://mixed.example:${port}/page`, { ...OPEN, resolve: async () => [{ address: '127.0.0.1', family: 4 }, { address: STAND_IN, family: 4 }] });
    assert.equal((mixed as FetchedSource).status, 200);
  });

  it('refuses private, link-local and metadata addresses without connecting', async () => {
    for (const [host, what] of [['10.0.0.1', 'a private'], ['192.168.1.1', 'a private'], ['169.254.169.254', 'a link-local'], ['[fd00::1]', 'a unique-local'], ['0.0.0.0', 'an unspecified'], ['[64:ff9b::a00:1]', 'a private']] as const) {
      const p = problemOf(await fetchSource(`http://${host}/`, { timeoutMs: 2000 }));
      assert.equal(p.code, 'blocked_address', host);
      assert.match(p.message, new RegExp(`is ${what} address: refused`), host);
    }
  });

  it('takes addresses and CIDR ranges to allow, and refuses a list entry that is neither', async () => {
    assert.equal((await fetchSource(`${standIn}/page`, { allowAddresses: ['127.0.0.0/30'] }) as FetchedSource).status, 200);
    assert.equal(problemOf(await fetchSource(`${standIn}/page`, { allowAddresses: ['127.0.0.1'] })).code, 'blocked_address');
    await assert.rejects(fetchSource(`${standIn}/page`, { allowAddresses: ['intranet'] }), /"intranet" is neither an IP address nor a CIDR range/);
  });

  it('decodes gzip and brotli bodies, counting the decoded bytes against the limit', async () => {
    for (const enc of ['gzip', 'br']) {
      const r = await fetchOrProblem(`${standIn}/${enc}`) as FetchedSource;
      assert.match(Buffer.from(r.body).toString(), new RegExp(`^Compressed ${enc}\\n\\nThe body was compressed`));
    }
    assert.equal(problemOf(await fetchOrProblem(`${standIn}/bomb`, { maxBytes: 100_000 })).code, 'too_large');
    const zstd = problemOf(await fetchOrProblem(`${standIn}/zstd`));
    assert.equal(zstd.code, 'unreadable');
    assert.match(zstd.message, /Content-Encoding: zstd/);
  });
});

describe('address classes', () => {
  it('classifies IPv4 and IPv6, judging IPv6 forms that carry an IPv4 address by that address', () => {
    const cases: Record<string, string | undefined> = {
      '127.0.0.1': 'loopback', '127.255.0.9': 'loopback', '10.1.2.3': 'private', '172.16.0.1': 'private', '192.168.0.1': 'private',
      '100.64.0.1': 'shared', '169.254.169.254': 'link-local', '224.0.0.1': 'multicast', '255.255.255.255': 'broadcast',
      '0.0.0.0': 'unspecified', '192.0.2.1': 'reserved', '240.0.0.1': 'reserved',
      '::1': 'loopback', '::': 'unspecified', 'fe80::1': 'link-local', 'fd12:3456::1': 'unique-local', 'fc00::1': 'unique-local',
      'fec0::1': 'site-local', 'ff02::1': 'multicast', '2001:db8::1': 'reserved', '2001::1': 'reserved', '64:ff9b:1::1': 'reserved',
      '::7f00:1': 'reserved', '::ffff:7f00:1': 'loopback', '::ffff:10.0.0.1': 'private', '::ffff:0:7f00:1': 'loopback',
      '64:ff9b::7f00:1': 'loopback', '64:ff9b::a9fe:a9fe': 'link-local', '2002:c0a8:101::1': 'private',
      // Public.
      '93.184.216.34': undefined, '8.8.8.8': undefined, '2606:4700::1111': undefined, '::ffff:8.8.8.8': undefined,
      '64:ff9b::808:808': undefined, '2002:808:808::1': undefined,
    };
    for (const [ip, expected] of Object.entries(cases)) assert.equal(classifyAddress(ip)?.addressClass, expected, ip);
    assert.deepEqual(classifyAddress('64:ff9b::7f00:1'), { addressClass: 'loopback', ipv4: '127.0.0.1' });
  });
});
