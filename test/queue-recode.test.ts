/**
 * A lexicon change recodes only what it affects: with the fingerprints of the lexicon that coded
 * the archive recorded, a change to the Turkish patterns recodes the Turkish articles and leaves
 * the English ones; the archive then equals one coded from scratch with the new lexicon. Where
 * nothing was recorded, every article is recoded. On PostgreSQL the recodes are jobs a worker runs.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ingest } from '../src/archive/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { articlesToRecode, localSink, openQueue, queueLocation, queueSink, recordLexicon } from '../src/queue/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { backends } from './fixtures/store/backends.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const DEMO = ['en', 'tr'].map((l) => fileURLToPath(new URL(`../data/demo/${l}/`, import.meta.url)));
const TURKISH_PATTERNS = fileURLToPath(new URL('./fixtures/lexicon-check/mine/patterns-tr.json', import.meta.url));
const TODAY = '2024-01-01';

/** Events with their mentions' articles and patterns; what coding decided, whatever the lexicon version's name. */
async function coded(store: Store): Promise<string[]> {
  const out: string[] = [];
  for await (const { event: e, mentions } of store.export()) {
    out.push(`${e.type} ${e.actors.join('+')}>${e.recipients.join('+')} ${e.date} [${mentions.map((m) => `${m.article.address} ${m.pattern}`).sort().join('; ')}]`);
  }
  return out.sort();
}

async function langIds(store: Store, lang: 'en' | 'tr'): Promise<number[]> {
  return (await store.articles({ lang, limit: 1000 })).map((a) => a.id).sort((a, b) => a - b);
}

for (const backend of backends()) {
  describe(`recode what a lexicon change affects (${backend.name})`, { skip: backend.skip }, () => {
    let before_: LexiconSet;
    let after_: LexiconSet;
    let reference: string[];
    const queues: string[] = [];
    before(async () => {
      before_ = LexiconSet.load();
      after_ = LexiconSet.load([TURKISH_PATTERNS]);
      const fresh = await openStore(backend.fresh());
      try {
        await ingest(fresh, DEMO, after_, { today: TODAY });
        reference = await coded(fresh);
      } finally {
        await fresh.close();
      }
    });
    after(async () => {
      if (queues.length > 0) {
        const client = new pg.Client({ connectionString: queueLocation(backend.fresh()).connectionString });
        await client.connect();
        for (const s of queues) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
        await client.end();
      }
      await backend.cleanup();
    });

    test('only the articles of the language whose part changed are recoded, and the archive is as if coded anew', async () => {
      const location = backend.fresh();
      const store = await openStore(location);
      try {
        await ingest(store, DEMO, before_, { today: TODAY });
        await recordLexicon(store, before_);
        const tr = await langIds(store, 'tr');
        const en = await langIds(store, 'en');
        const chosen = await articlesToRecode(store, after_);
        assert.deepEqual(chosen.ids.sort((a, b) => a - b), tr);
        assert.equal(chosen.unaffected, en.length);

        if (backend.name === 'postgres') {
          queues.push(queueLocation(location).schema);
          const queue = await openQueue(location);
          try {
            await queueSink(queue).recodes(chosen.ids);
          } finally {
            await queue.close({ graceful: false });
          }
          const worker = spawn(process.execPath, ['--import', 'tsx', MAIN, 'worker', '--db', location, '--until-idle', '--lexicon', TURKISH_PATTERNS], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
          let out = '';
          worker.stdout.on('data', (d: Buffer) => { out += d.toString(); });
          assert.equal(await new Promise((resolve) => worker.on('close', resolve)), 0);
          assert.equal(out.split('\n').filter((l) => /^done recode .*: replaced$/.test(l)).length, tr.length, out);
        } else {
          const handed = await localSink(store, after_).recodes(chosen.ids);
          assert.deepEqual(new Set(handed.map((h) => h.status)), new Set(['replaced']));
        }
        const { lexiconVersions } = await store.stats();
        assert.deepEqual(lexiconVersions, { [before_.data.version]: en.length, [after_.data.version]: tr.length });
        assert.deepEqual(await coded(store), reference);
        // Done: nothing left to recode; the English articles stay as the older lexicon coded them.
        assert.deepEqual(await articlesToRecode(store, after_), { ids: [], unaffected: en.length });
      } finally {
        await store.close();
      }
    });

    test('articles of a lexicon version whose fingerprints were never recorded are all recoded', async () => {
      const store = await openStore(backend.fresh());
      try {
        await ingest(store, DEMO, before_, { today: TODAY });
        const all = (await store.stats()).articles;
        const chosen = await articlesToRecode(store, after_);
        assert.equal(chosen.ids.length, all);
        assert.equal(chosen.unaffected, 0);
      } finally {
        await store.close();
      }
    });
  });
}
