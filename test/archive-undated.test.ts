/**
 * Articles whose publication date is found nowhere, on SQLite and PostgreSQL alike: they are
 * stored, flagged undated with a warning, shown as such by the API, and their translation still
 * handled as docs/archive.md ("Undated articles") says: until a date is given, the undated
 * version's events are dated from the day it was read and do not group with its translation's;
 * once `--published` gives the date, it is coded again and groups and links like any other.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ingest } from '../src/archive/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { createServer } from '../src/serve/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { backends } from './fixtures/store/backends.ts';

const lexicons = LexiconSet.load([]);
const dir = mkdtempSync(join(tmpdir(), 'dyad-undated-'));
const EN = join(dir, 'talks-en.txt');
const RU = join(dir, 'talks-ru.txt');
writeFileSync(EN, 'Kazakhstan and Uzbekistan sign 15 agreements\n\nPresident of Kazakhstan Kassym-Jomart Tokayev held talks with President of Uzbekistan Shavkat Mirziyoyev in Tashkent. Kazakhstan and Uzbekistan signed 15 agreements in the fields of energy, transport and trade.\n');
writeFileSync(RU, 'Казахстан и Узбекистан подписали 15 соглашений\n\nТАШКЕНТ, 22 декабря 2022 г. — Президент Казахстана Касым-Жомарт Токаев провёл переговоры с президентом Узбекистана Шавкатом Мирзиёевым в Ташкенте. Казахстан и Узбекистан подписали 15 соглашений в сферах энергетики, транспорта и торговли.\n');

after(() => rmSync(dir, { recursive: true, force: true }));

/** The articles by file name, with their date and flag. */
async function articles(store: Store): Promise<Map<string, { id: number; published: string | undefined; undated: boolean }>> {
  const rows = await store.articles({ limit: 100 });
  return new Map(rows.map((a) => [a.address?.split('/').pop() ?? '', { id: a.id, published: a.published, undated: a.undated }]));
}

/** Each event as "TYPE date languages". */
async function events(store: Store): Promise<string[]> {
  return (await store.events({ limit: 100 })).map((e) => `${e.type} ${e.date} ${e.languages.join('+')}`).sort();
}

for (const backend of backends()) {
  describe(`undated articles on ${backend.name}`, { skip: backend.skip }, () => {
    after(() => backend.cleanup());

    test('stored and flagged with a warning; the API says so; given its date, it groups and links with its translation', async () => {
      const store = await openStore(backend.fresh());
      try {
        const today = new Date().toISOString().slice(0, 10);
        const first = await ingest(store, [EN, RU], lexicons);
        assert.equal(first.added, 2);
        assert.deepEqual(first.warnings.map((w) => [w.address.split('/').pop(), w.reason]), [['talks-en.txt', 'undated']]);
        assert.match(first.warnings[0]?.message ?? '', new RegExp(`no publication date .*; dated ${today}, the day it was read`));
        let stored = await articles(store);
        assert.deepEqual(stored.get('talks-en.txt'), { id: stored.get('talks-en.txt')?.id, published: today, undated: true });
        assert.deepEqual(stored.get('talks-ru.txt'), { id: stored.get('talks-ru.txt')?.id, published: '2022-12-22', undated: false });

        // As documented: the undated version's events are its own, dated from the day it was read.
        // (The Russian text dates its report by its dateline, "ТАШКЕНТ, 22 декабря 2022 г.": its undated signing takes that day.)
        const month = today.slice(0, 7);
        assert.deepEqual(await events(store), [
          `CONSULT 2022-12-22 ru`, `CONSULT ${month} en`, `SUPPORT 2022-12-22 ru`, `SUPPORT ${month} en`,
        ].sort());
        const en = stored.get('talks-en.txt')?.id ?? 0;
        assert.deepEqual(await store.translationsOf(en), []);

        // The API's article record carries the flag.
        const app = await createServer({ store, lexicons });
        try {
          const res = await app.inject({ method: 'GET', url: `/api/articles/${en}` });
          assert.equal(res.statusCode, 200);
          assert.equal((res.json() as { undated: boolean }).undated, true);
          const list = await app.inject({ method: 'GET', url: '/api/articles' });
          assert.deepEqual((list.json() as { items: { undated: boolean }[] }).items.map((a) => a.undated).sort(), [false, true]);
        } finally {
          await app.close();
        }

        // The same text again, still with no date: unchanged, still flagged.
        const again = await ingest(store, [EN], lexicons);
        assert.deepEqual([again.unchanged, again.warnings.length], [1, 1]);

        // Its date given: coded again as of that date, flag cleared, grouped and linked.
        const dated = await ingest(store, [EN], lexicons, { today: '2022-12-22' });
        assert.deepEqual([dated.replaced, dated.warnings.length], [1, 0]);
        stored = await articles(store);
        assert.deepEqual(stored.get('talks-en.txt'), { id: en, published: '2022-12-22', undated: false });
        assert.deepEqual(await events(store), ['CONSULT 2022-12-22 en+ru', 'SUPPORT 2022-12-22 en+ru']);
        assert.deepEqual((await store.translationsOf(en)).map((l) => l.article.address?.split('/').pop()), ['talks-ru.txt']);
      } finally {
        await store.close();
      }
    });
  });
}
