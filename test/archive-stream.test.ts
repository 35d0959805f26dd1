/**
 * Ingest stores a feed's items as they are read (within a flush interval), so that a slow item,
 * a bad one or a stopped run does not cost the items read before it; sources too long to code
 * are skipped with their reason, and pages read less well than usual carry a warning.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/archive/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { openStore } from '../src/store/index.ts';

const FIXTURE_LEXICON = fileURLToPath(new URL('./fixtures/lexicon/', import.meta.url));
const lexicons = LexiconSet.load([FIXTURE_LEXICON]);
const dir = mkdtempSync(join(tmpdir(), 'dyad-stream-'));

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><p>${body}</p></article></body></html>`;
}

function feed(paths: readonly string[]): string {
  const items = paths.map((p, k) => `<item><title>Report ${k + 1} (${p})</title><link>/${p}</link><description>Summary ${k + 1}.</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title><language>en</language>${items.join('')}</channel></rss>`;
}

function respond(res: ServerResponse, type: string, body: string): void {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
}

/** Called when the slow page is asked for; it answers when the returned promise settles. */
let onSlow: () => Promise<void> = () => Promise.resolve();
let server: Server;
let origin = '';

before(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const feedOf = /^\/feed\/(.+)$/.exec(path);
    if (feedOf) return respond(res, 'application/rss+xml', feed((feedOf[1] ?? '').split(',')));
    if (path.startsWith('/good')) return respond(res, 'text/html', page(path, `Kazakhstan and Turkey signed 15 agreements in Ankara on May 10 (${path}).`));
    if (path === '/deep') return respond(res, 'text/html', page('Deep', `${'<div>'.repeat(5000)}Turkey and Kazakhstan met in Astana.${'</div>'.repeat(5000)}`));
    if (path === '/slow') {
      void onSlow().then(() => respond(res, 'text/html', page('Slow', 'Kazakhstan and Turkey held talks.')));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('ingest as items come', () => {
  it("stores a feed's items before the feed is finished: a slow last item waits for nothing", async () => {
    const path = join(dir, 'slow.db');
    const store = await openStore(path);
    // A second connection sees only what was committed.
    const reader = await openStore(path);
    let storedBeforeSlowAnswered = -1;
    onSlow = async () => {
      for (let k = 0; k < 150; k++) {
        storedBeforeSlowAnswered = (await reader.stats()).articles;
        if (storedBeforeSlowAnswered >= 2) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    try {
      const run = await ingest(store, [`${origin}/feed/good1,good2,slow`], lexicons, { fullPages: true, flushMs: 100, today: '2022-05-20', limits: { allowAddresses: ['127.0.0.1'] } });
      assert.equal(storedBeforeSlowAnswered, 2);
      assert.equal(run.added, 3);
      assert.equal((await reader.stats()).articles, 3);
    } finally {
      await reader.close();
      await store.close();
    }
  });

  it("stores a feed's good items when one fails, warns of a deep page, and reports the item left when the budget ran out", async () => {
    const store = await openStore(join(dir, 'mixed.db'));
    onSlow = () => new Promise((resolve) => setTimeout(resolve, 5000));
    try {
      const run = await ingest(store, [`${origin}/feed/good3,missing,deep,good4,slow`], lexicons, { fullPages: true, feedBudgetMs: 1500, today: '2022-05-20', limits: { allowAddresses: ['127.0.0.1'] } });
      // Every item is stored: from its page, or from the feed's text where the page failed.
      assert.equal(run.added, 5);
      assert.deepEqual(run.failed.map((f) => [f.address.replace(origin, ''), f.reason]), [['/missing', 'http_status'], ['/slow', 'over_budget']]);
      assert.deepEqual(run.warnings.map((w) => [w.address.replace(origin, ''), w.reason]), [['/deep', 'deep_markup']]);
      const texts = (await store.articles({ limit: 10 })).map((a) => a.title).sort();
      assert.deepEqual(texts, ['Report 1 (good3)', 'Report 2 (missing)', 'Report 3 (deep)', 'Report 4 (good4)', 'Report 5 (slow)']);
    } finally {
      await store.close();
    }
  });

  it('skips an article longer than the text limit, with its size and the limit', async () => {
    const file = join(dir, 'long.txt');
    writeFileSync(file, `A long report\n\n${'Kazakhstan and Turkey signed agreements. '.repeat(100)}\n`);
    const store = await openStore(join(dir, 'long.db'));
    try {
      const run = await ingest(store, [file], lexicons, { maxTextChars: 1000, today: '2022-05-20' });
      assert.equal(run.added, 0);
      assert.deepEqual(run.skipped.map((s) => s.reason), ['too_long']);
      assert.match(run.skipped[0]?.message ?? '', /long\.txt: the text is 4,114 characters long, more than the limit of 1,000$/);
      assert.equal((await ingest(store, [file], lexicons, { today: '2022-05-20' })).added, 1);
    } finally {
      await store.close();
    }
  });
});
