/**
 * Articles ingested from files go by their path from the folder the input sits in, never by the
 * server's path: in the store, and so in what the open API and `dyad articles` show.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { ingest } from '../src/archive/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { createServer } from '../src/serve/index.ts';
import { fileAddress } from '../src/sources/index.ts';
import { openStore, type Store } from '../src/store/index.ts';

const FIXTURE_LEXICON = fileURLToPath(new URL('./fixtures/lexicon/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dyad-file-addresses-'));
const demo = join(dir, 'data', 'demo');
const lexicons = LexiconSet.load([FIXTURE_LEXICON]);
let store: Store;
let app: FastifyInstance;

/** A small tree: two languages, a feed file whose items have no links. */
function writeTree(): void {
  mkdirSync(join(demo, 'en'), { recursive: true });
  mkdirSync(join(demo, 'ru'), { recursive: true });
  writeFileSync(join(demo, 'en', '2022-05-11-ankara.txt'), 'Tokayev in Ankara\n\nKazakhstan and Turkey signed 15 agreements in Ankara on May 10.\n');
  writeFileSync(join(demo, 'ru', '2022-05-12-ankara.txt'), 'Токаев в Анкаре\n\nКазахстан и Турция подписали 15 соглашений.\n');
  writeFileSync(join(demo, 'en', 'wire.rss'), '<?xml version="1.0"?><rss version="2.0"><channel><language>en</language><item><title>Wire one</title><link>javascript:go()</link><description>Kazakhstan and Turkey held talks.</description></item></channel></rss>');
}

before(async () => {
  writeTree();
  store = await openStore(join(dir, 'archive.db'));
  app = await createServer({ store, lexicons });
});

after(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function addresses(): Promise<string[]> {
  return (await store.articles({ limit: 100 })).map((a) => a.address ?? '').sort();
}

describe('file addresses', () => {
  it('are the path from the folder the input sits in, however the input is spelled', () => {
    assert.equal(fileAddress('data/demo', 'data/demo/en/x.txt'), 'demo/en/x.txt');
    assert.equal(fileAddress('./data/demo/', 'data/demo/en/x.txt'), 'demo/en/x.txt');
    assert.equal(fileAddress(demo, join(demo, 'en', 'x.txt')), 'demo/en/x.txt');
    assert.equal(fileAddress(join(demo, 'en', 'x.txt'), join(demo, 'en', 'x.txt')), 'x.txt');
    assert.equal(fileAddress('/', '/x.txt'), 'x.txt');
    assert.equal(fileAddress('.', 'a/b.txt'), `${basename(process.cwd())}/a/b.txt`);
  });

  it('are stored and shown by the API without the server\'s path', async () => {
    const run = await ingest(store, [demo], lexicons, { today: '2022-05-20' });
    assert.deepEqual([run.added, run.failed], [3, []]);
    assert.deepEqual(await addresses(), ['demo/en/2022-05-11-ankara.txt', 'demo/en/wire.rss#item-1', 'demo/ru/2022-05-12-ankara.txt']);
    for (const url of ['/api/articles', '/api/search?q=Kazakhstan', '/api/events']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.ok(!res.body.includes(dir), `${url} shows the server's path: ${res.body}`);
    }
    const listed = (await app.inject({ method: 'GET', url: '/api/articles' })).json() as { items: { id: number; address: string }[] };
    const one = (await app.inject({ method: 'GET', url: `/api/articles/${listed.items[0]?.id}` })).json() as { address: string };
    assert.ok(!one.address.startsWith('/') && !one.address.includes(dir), one.address);
  });

  it('do not depend on the working folder: the same input again, spelled relatively, changes nothing', async () => {
    const again = await ingest(store, [relative(process.cwd(), demo)], lexicons, { today: '2022-05-20' });
    assert.deepEqual([again.added, again.replaced, again.unchanged], [0, 0, 3]);
    // A changed file replaces its article, found by its address.
    writeFileSync(join(demo, 'en', '2022-05-11-ankara.txt'), 'Tokayev in Ankara\n\nKazakhstan and Turkey signed 15 agreements in Ankara on May 10, officials said.\n');
    const changed = await ingest(store, [demo], lexicons, { today: '2022-05-20' });
    assert.deepEqual([changed.added, changed.replaced, changed.unchanged], [0, 1, 2]);
    assert.equal((await addresses()).length, 3);
  });

  it('refuse a second file of one run under the address of another, keeping the first', async () => {
    const a = join(dir, 'a', 'note.txt');
    const b = join(dir, 'b', 'note.txt');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(a, 'Note A\n\nKazakhstan and Turkey met in Astana.\n');
    writeFileSync(b, 'Note B\n\nKazakhstan and Russia met in Moscow.\n');
    const run = await ingest(store, [a, b, a], lexicons, { today: '2022-05-20' });
    assert.deepEqual([run.added, run.unchanged], [1, 1]);
    assert.deepEqual(run.failed.map((f) => [f.address, f.reason]), [[b, 'duplicate_address']]);
    assert.match(run.failed[0]?.message ?? '', /goes by the same address as .*a\/note\.txt \("note\.txt"\); ingest the folder that holds both/);
    // Their folders, given together, keep them apart.
    const both = await ingest(store, [join(dir, 'a'), join(dir, 'b')], lexicons, { today: '2022-05-20' });
    assert.deepEqual([both.added, both.unchanged, both.failed.length], [1, 1, 0]);
  });

  it('leave an article archived under a server path before as it was: the same text again is no copy', async () => {
    const legacy = await openStore(join(dir, 'legacy.db'));
    try {
      const path = join(demo, 'ru', '2022-05-12-ankara.txt');
      // What an earlier Dyad stored: the same text under the absolute path.
      const text = 'Токаев в Анкаре\n\nКазахстан и Турция подписали 15 соглашений.';
      await legacy.putArticle({ address: path, title: 'Токаев в Анкаре', lang: 'ru', text, source: 'file' }, { records: [], lexiconVersion: lexicons.get('ru').version });
      const again = await ingest(legacy, [path], lexicons, { today: '2022-05-20' });
      assert.deepEqual([again.added, again.replaced, again.unchanged], [0, 0, 1]);
      // Found by its content, it keeps the address it was archived under.
      assert.deepEqual((await legacy.articles({ limit: 10 })).map((a) => a.address), [path]);
    } finally {
      await legacy.close();
    }
  });
});
