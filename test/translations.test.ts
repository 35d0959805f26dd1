/**
 * Translation links as a reader sees them: symmetric and consistent. If A is a version of B and
 * of C, every one of the three lists the other two, even when B and C share too little to be
 * linked directly; and none of them is listed among "similar" articles.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LexiconSet } from '../src/lexicon/index.ts';
import { createServer } from '../src/serve/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { backends } from './fixtures/store/backends.ts';
import { coded, event } from './fixtures/store/records.ts';

/** A story in English (four events), its Russian version (the first two) and its Turkish one (the last two). */
async function fillVersions(store: Store): Promise<Record<'en' | 'ru' | 'tr' | 'other', number>> {
  const e = (n: number, lang: 'en' | 'ru' | 'tr' = 'en') => event({ type: 'CONSULT', actors: ['KAZ'], recipients: [['TUR', 'UZB', 'AZE', 'KGZ'][n] ?? 'TUR'], date: '2023-05-10', lang, at: n * 40 });
  const en = await store.putArticle({ address: 'v/en', lang: 'en', published: '2023-05-11', text: 'Story.' }, coded([e(0), e(1), e(2), e(3)]));
  const ru = await store.putArticle({ address: 'v/ru', lang: 'ru', published: '2023-05-11', text: 'История.' }, coded([e(0, 'ru'), e(1, 'ru')]));
  const tr = await store.putArticle({ address: 'v/tr', lang: 'tr', published: '2023-05-12', text: 'Haber.' }, coded([e(2, 'tr'), e(3, 'tr')]));
  // Another English article reporting one of the events: similar, not a version.
  const other = await store.putArticle({ address: 'v/other', lang: 'en', published: '2023-05-13', text: 'Other.' }, coded([e(0)]));
  return { en: en.articleId, ru: ru.articleId, tr: tr.articleId, other: other.articleId };
}

for (const backend of backends()) {
  describe(`translations on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let ids: Record<'en' | 'ru' | 'tr' | 'other', number>;
    before(async () => {
      store = await openStore(backend.fresh());
      ids = await fillVersions(store);
    });
    after(async () => {
      await store.close();
      await backend.cleanup();
    });

    test('every version lists all the others, and the set is the same from each', async () => {
      const group = [ids.en, ids.ru, ids.tr];
      for (const id of group) {
        const listed = (await store.translationsOf(id)).map((t) => t.article.id).sort((a, b) => a - b);
        assert.deepEqual(listed, group.filter((x) => x !== id).sort((a, b) => a - b), `article ${id}`);
      }
      assert.deepEqual(await store.translationsOf(ids.other), []);
      // Russian and Turkish share no event: their agreement is 0, yet each is a version of the other through the English one.
      assert.equal((await store.translationsOf(ids.ru)).find((t) => t.article.id === ids.tr)?.score, 0);
    });

    test('the article view lists versions under translations, never under similar', async () => {
      const app = await createServer({ store, lexicons: LexiconSet.load() });
      try {
        const res = await app.inject({ method: 'GET', url: `/api/articles/${ids.ru}` });
        const body = res.json() as { translations: { article: { id: number } }[]; similar: { article: { id: number } }[] };
        assert.deepEqual(body.translations.map((t) => t.article.id).sort(), [ids.en, ids.tr].sort());
        assert.deepEqual(body.similar.map((s) => s.article.id), [ids.other]);
      } finally {
        await app.close();
      }
    });

    test('two versions in one language are both in the set, and not each other\'s translations', async () => {
      // A second English version joins the set; the two English ones are not each other's translations.
      const copy = await store.putArticle({ address: 'v/en/2', lang: 'en', published: '2023-05-11', text: 'Story again.' },
        coded([0, 1, 2, 3].map((n) => event({ type: 'CONSULT', actors: ['KAZ'], recipients: [['TUR', 'UZB', 'AZE', 'KGZ'][n] ?? 'TUR'], date: '2023-05-10', at: n * 40 }))));
      const ids2 = async (id: number) => (await store.translationsOf(id)).map((t) => t.article.id).sort((a, b) => a - b);
      assert.deepEqual(await ids2(copy.articleId), [ids.ru, ids.tr].sort((a, b) => a - b));
      assert.deepEqual(await ids2(ids.ru), [ids.en, copy.articleId, ids.tr].sort((a, b) => a - b));
      assert.ok(!(await ids2(ids.en)).includes(copy.articleId));
    });
  });
}
