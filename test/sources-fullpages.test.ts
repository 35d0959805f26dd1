/**
 * Feeds read with their items' full pages: each item is handed on as soon as its page is read,
 * a bad item fails alone, and the feed's pages share a time budget. A local server (127.0.0.1)
 * plays the site.
 */
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { readSources, type ReadOptions, type SourceArticle, type SourceProblem } from '../src/sources/index.ts';

type Out = SourceArticle | SourceProblem;

/** An article page of the site. */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Home</nav><article><h1>${title}</h1><p>${body}</p></article><footer>Site</footer></body></html>`;
}

/** An RSS feed of items linking to the given paths. */
function feed(paths: readonly string[]): string {
  const items = paths.map((p, k) => `<item><title>Item ${k + 1}</title><link>${p}</link><description>Summary of item ${k + 1}.</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title><language>en</language>${items.join('')}</channel></rss>`;
}

const DEEP = `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(20_000)}<p>The deep page's paragraph.</p>${'</div>'.repeat(20_000)}</body></html>`;

/** Responses held until the test lets them go, by path. */
const held = new Map<string, () => void>();
const heldRequests: string[] = [];

function respond(res: ServerResponse, type: string, body: string | Buffer): void {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
}

let server: Server;
let origin = '';

before(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const feedOf = /^\/feed\/(.+)$/.exec(path);
    if (feedOf) return respond(res, 'application/rss+xml', feed((feedOf[1] ?? '').split(',').map((p) => `/${p}`)));
    if (path.startsWith('/good')) return respond(res, 'text/html; charset=utf-8', page(`Good ${path}`, `Kazakhstan and Türkiye signed an agreement (${path}).`));
    if (path === '/deep') return respond(res, 'text/html', DEEP);
    if (path === '/image') return respond(res, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    if (path.startsWith('/slow')) {
      // Never answered unless the test lets it go: the fetch's timeout or the feed's budget ends it.
      heldRequests.push(path);
      held.set(path, () => respond(res, 'text/html', page('Slow', 'The slow page came at last.')));
      return;
    }
    res.writeHead(404);
    res.end('no such page');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The test server is on loopback, which fetching refuses unless told: these tests allow its one address. */
const LOCAL = { allowAddresses: ['127.0.0.1'] };

async function read(input: string, options: ReadOptions): Promise<Out[]> {
  const out: Out[] = [];
  for await (const r of readSources([input], { fullPages: true, ...options, limits: { ...LOCAL, ...options.limits } })) out.push(r);
  return out;
}

/** Each record as "address code" or "address title", for comparing. */
function shapes(records: readonly Out[]): string[] {
  return records.map((r) => `${r.address.replace(origin, '')} ${'code' in r ? r.code : r.source}`);
}

describe('feeds read with full pages', () => {
  it('reads each item alone: a missing page, a page that is no page and a page nested 20,000 deep do not cost the others', async () => {
    const records = await read(`${origin}/feed/good1,missing,image,deep,good2`, {});
    assert.deepEqual(shapes(records), [
      '/good1 url',
      '/missing http_status', '/missing feed',
      '/image not_article', '/image feed',
      '/deep url',
      '/good2 url',
    ]);
    const deep = records[5] as SourceArticle;
    assert.equal(deep.text, "Item 4\n\nThe deep page's paragraph.");
    assert.equal(deep.warnings?.[0]?.code, 'deep_markup');
    assert.match((records[0] as SourceArticle).text, /^Item 1\n\nKazakhstan and Türkiye signed an agreement \(\/good1\)\.$/);
  });

  it('hands each item on as soon as its page is read, before the feed is finished', async () => {
    const seen: string[] = [];
    // The slow page answers only when let go, and it is let go only once the first two items are out.
    const release = async (): Promise<void> => {
      for (let k = 0; k < 250 && !held.has('/slow-last'); k++) await new Promise((resolve) => setTimeout(resolve, 20));
      seen.push('released');
      held.get('/slow-last')?.();
    };
    for await (const r of readSources([`${origin}/feed/good3,good4,slow-last`], { fullPages: true, limits: { ...LOCAL, timeoutMs: 10_000 } })) {
      seen.push(`${r.address.replace(origin, '')} ${'code' in r ? r.code : r.source}`);
      if (seen.length === 2) void release();
    }
    assert.deepEqual(seen, ['/good3 url', '/good4 url', 'released', '/slow-last url']);
  });

  it("gives the feed's pages a time budget, reports the items it left unread and keeps their feed text", async () => {
    const t0 = Date.now();
    const records = await read(`${origin}/feed/good5,slow-budget,good6`, { feedBudgetMs: 600, limits: { timeoutMs: 10_000 } });
    const took = Date.now() - t0;
    assert.ok(took < 3000, `${took} ms`);
    assert.deepEqual(shapes(records), [
      '/good5 url',
      '/slow-budget over_budget', '/slow-budget feed',
      '/good6 over_budget', '/good6 feed',
    ]);
    assert.match((records[3] as SourceProblem).message, /not read, the 0\.6 s for reading the feed's pages ran out/);
    assert.equal((records[4] as SourceArticle).text, 'Item 3\n\nSummary of item 3.');
    assert.ok(heldRequests.includes('/slow-budget'));
  });

  it('refuses an item whose page is longer than the text limit, and reads the rest', async () => {
    const records = await read(`${origin}/feed/good7,good8`, { maxTextChars: 40 });
    assert.deepEqual(shapes(records), ['/good7 too_long', '/good8 too_long']);
    assert.match((records[0] as SourceProblem).message, /the text is 60 characters long, more than the limit of 40$/);
    const fits = await read(`${origin}/feed/good7`, { maxTextChars: 200 });
    assert.deepEqual(shapes(fits), ['/good7 url']);
  });
});
