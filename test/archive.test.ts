import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ingest, recode } from '../src/archive/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { DyadError } from '../src/model/index.ts';
import { openStore, type CodedArticle, type NewArticle, type Store } from '../src/store/index.ts';

const FIXTURE_LEXICON = fileURLToPath(new URL('./fixtures/lexicon/', import.meta.url));

describe('ingest into the archive', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-archive-'));
  const src = join(dir, 'news');
  mkdirSync(src);
  writeFileSync(join(src, '2022-05-11-ankara.txt'), 'Tokayev in Ankara\n\nKazakhstan and Turkey signed 15 agreements in Ankara on May 10.\n');
  writeFileSync(join(src, '2022-05-12-report.txt'), 'Agreements signed\n\nOn May 10 Turkey and Kazakhstan signed agreements, officials said.\n');
  writeFileSync(join(src, 'empty.txt'), '\n\n');
  const lexicons = LexiconSet.load([FIXTURE_LEXICON]);

  it('adds, then changes nothing the second time, and groups mentions of one event', async () => {
    const store = await openStore(join(dir, 'a.db'));
    try {
      const first = await ingest(store, [src], lexicons, { today: '2022-05-20' });
      assert.equal(first.added, 2);
      assert.equal(first.skipped.length, 1);
      assert.equal(first.skipped[0]?.reason, 'empty');
      const second = await ingest(store, [src], lexicons, { today: '2022-05-20' });
      assert.deepEqual([second.added, second.replaced, second.unchanged], [0, 0, 2]);
      const events = await store.events({ dyad: ['KAZ', 'TUR'] });
      const signing = events.find((e) => e.type === 'SUPPORT');
      assert.equal(signing?.mentions, 2);
      assert.equal(signing?.sources, 2);
    } finally {
      await store.close();
    }
  });

  it('an article the store refuses fails alone: the rest of its batch is stored', async () => {
    const store = await openStore(join(dir, 'c.db'));
    // A store that refuses one article, as it would refuse one it cannot hold: its batch is rolled back.
    const refuse = (address?: string): void => {
      if (address?.endsWith('report.txt')) throw new DyadError('store_invalid', 'refused for the test', address);
    };
    const picky: Store = Object.assign(Object.create(store) as Store, {
      putArticle: (a: NewArticle, c: CodedArticle) => { refuse(a.address); return store.putArticle(a, c); },
      putArticles: (items: readonly { article: NewArticle; coded: CodedArticle }[]) => {
        for (const i of items) refuse(i.article.address);
        return store.putArticles(items);
      },
    });
    try {
      const run = await ingest(picky, [src], lexicons, { today: '2022-05-20' });
      assert.deepEqual([run.added, run.failed.map((f) => [f.reason, f.address.split(/[\\/]/).pop()])], [1, [['store_invalid', '2022-05-12-report.txt']]]);
      assert.equal((await store.stats()).articles, 1);
    } finally {
      await store.close();
    }
  });

  it('recodes what an older lexicon coded', async () => {
    const store = await openStore(join(dir, 'b.db'));
    try {
      await ingest(store, [src], lexicons, { today: '2022-05-20' });
      const custom = join(dir, 'mine');
      mkdirSync(custom);
      writeFileSync(join(custom, 'people.json'), JSON.stringify({ kind: 'people', entries: [{ id: 'kaz-x', country: 'KAZ', names: { en: ['Arman Testov'] }, offices: [] }] }));
      const changed = LexiconSet.load([FIXTURE_LEXICON, custom]);
      const result = await recode(store, changed);
      assert.equal(result.recoded, 2);
      assert.equal((await recode(store, changed)).recoded, 0);
    } finally {
      await store.close();
    }
  });
});

