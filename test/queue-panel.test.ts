/**
 * The dashboard's Queue view in Chromium, over a PostgreSQL archive with a queue: jobs per kind,
 * a parked job with its reason, and a watched source with its last success and its failure.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { LexiconSet } from '../src/lexicon/index.ts';
import { openQueue, queueLocation, type OpenQueue } from '../src/queue/index.ts';
import { createServer } from '../src/serve/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { backends } from './fixtures/store/backends.ts';

const CHROMIUM = process.env['DYAD_CHROMIUM'] ?? '/usr/bin/chromium';
const backend = backends().find((b) => b.name === 'postgres');
const skip = !existsSync(CHROMIUM) ? `no browser at ${CHROMIUM}` : backend?.skip ?? 'no PostgreSQL';

describe('the Queue view', { skip }, () => {
  const location = backend?.fresh() ?? '';
  let store: Store;
  let queue: OpenQueue;
  let app: FastifyInstance;
  let browser: Browser;
  let base = '';

  before(async () => {
    store = await openStore(location);
    queue = await openQueue(location);
    const now = Date.now();
    await store.saveWatchedSource({ address: 'https://wire.example/feed.rss', failures: 0, items: 12, lastSuccess: new Date(now - 600_000).toISOString(), nextCheck: new Date(now + 840_000).toISOString() });
    await store.saveWatchedSource({ address: 'https://down.example/rss', failures: 3, items: 0, lastError: 'https://down.example/rss: HTTP 503 Service Unavailable', nextCheck: new Date(now + 7_200_000).toISOString() });
    // A parked job: failed on its only try, its reason kept.
    const id = await queue.boss.send('dyad-fetch', { url: 'https://down.example/page' }, { retryLimit: 0 });
    await queue.boss.fetch('dyad-fetch');
    await queue.boss.fail('dyad-fetch', id ?? '', { message: 'timeout: no complete answer within 15 s' });
    await queue.boss.insert([{ name: 'dyad-article', data: {} }, { name: 'dyad-article', data: {} }]);
    app = await createServer({ store, lexicons: LexiconSet.load(), queue });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await queue?.close({ graceful: false });
    await store?.close();
    const client = new pg.Client({ connectionString: queueLocation(location).connectionString });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${queueLocation(location).schema}" CASCADE`).finally(() => client.end());
    await backend?.cleanup();
  });

  test('shows the depth per kind, the parked job with its reason, and each source\'s last success', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}#/queue`);
    await page.waitForSelector('section.panel table');
    const tables = await page.$$eval('section.panel table', (ts) => ts.map((t) => [...t.querySelectorAll('tr')].map((r) => [...r.children].map((c) => c.textContent ?? ''))));
    const [depth, failures, sources] = tables;
    assert.deepEqual(depth?.find((r) => r[0] === 'article'), ['article', '2', '0', '0', '0', '0']);
    assert.deepEqual(depth?.find((r) => r[0] === 'fetch'), ['fetch', '0', '0', '0', '0', '1']);
    const parked = failures?.[1] ?? [];
    assert.deepEqual([parked[1], parked[2], parked[3], parked[5]], ['parked', 'https://down.example/page', '1', 'timeout: no complete answer within 15 s']);
    assert.deepEqual(sources?.slice(1).map((r) => [r[0], r[1], r[2], r[3]]), [
      ['https://down.example/rss', 'never', '0', 'failing 3× in a row: https://down.example/rss: HTTP 503 Service Unavailable'],
      ['https://wire.example/feed.rss', '10 min ago', '12', 'ok'],
    ]);
    assert.equal(await page.$eval('.views a.active', (a) => a.textContent), 'Queue');
    if (process.env['DYAD_SCREENSHOT']) await page.screenshot({ path: process.env['DYAD_SCREENSHOT'], fullPage: true });
    assert.deepEqual(errors, []);
  });
});
