/** Ingest keeps an article whose source had something wrong, and reports it in its summary. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { ingest } from '../src/archive/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { openStore } from '../src/store/index.ts';

const FIXTURE_LEXICON = fileURLToPath(new URL('./fixtures/lexicon/', import.meta.url));

describe('ingest: warnings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-warnings-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stores a UTF-8 article with a stray windows-1251 line and reports the line', async () => {
    const path = join(dir, '2022-05-11-ankara.txt');
    writeFileSync(path, Buffer.concat([
      Buffer.from('Tokayev in Ankara\n\nKazakhstan and Turkey signed 15 agreements in Ankara on May 10 — “a new stage”, Тоқаев said.\n'),
      iconv.encode('Подписано.', 'windows-1251'),
      Buffer.from('\n'),
    ]));
    const store = await openStore(join(dir, 'a.db'));
    try {
      const summary = await ingest(store, [dir], LexiconSet.load([FIXTURE_LEXICON]), { today: '2022-05-20' });
      assert.equal(summary.added, 1);
      assert.deepEqual(summary.failed, []);
      assert.deepEqual(summary.warnings.map((w) => [w.address, w.reason]), [[path, 'invalid_bytes']]);
      assert.match(summary.warnings[0]?.message ?? '', /9 bytes are not UTF-8 \(line 4,/);
      const [stored] = await store.articles();
      assert.ok((await store.article(stored?.id ?? 0))?.text.includes('signed 15 agreements'));
    } finally {
      await store.close();
    }
  });
});
