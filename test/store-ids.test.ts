/**
 * Row ids on the write path: an id, once given, never names another row (events are exported
 * and linked by id), whether the engine numbers the rows (PostgreSQL, RETURNING) or the write
 * transaction numbers them itself from the table's next id (SQLite, which holds the only write
 * lock). On both, a batch's articles get ids in the order they were given.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { openStore, type Store } from '../src/store/index.ts';
import { backends } from './fixtures/store/backends.ts';
import { coded, event, generatedArticle } from './fixtures/store/records.ts';

/** Every event id and mention id the archive holds. */
async function ids(store: Store): Promise<{ events: number[]; mentions: number[] }> {
  const events: number[] = [];
  const mentions: number[] = [];
  for await (const { event, mentions: ms } of store.export()) {
    events.push(event.id);
    for (const m of ms) {
      assert.equal(m.eventId, event.id);
      mentions.push(m.id);
    }
  }
  return { events, mentions };
}

for (const backend of backends()) {
  describe(`row ids (${backend.name})`, { skip: backend.skip }, () => {
    after(() => backend.cleanup());

    test('ids of a batch follow its order, and ids of deleted rows are never given again', async () => {
      const store = await openStore(backend.fresh());
      try {
        // The last article alone reports two events of its own, last in the grouping order (dated
        // only to a late year): they get the highest ids.
        const own = {
          article: { address: 'https://example.test/own', lang: 'en' as const, published: '2021-03-04', text: 'Own events.' },
          coded: coded([event({ actors: ['MNG'], recipients: ['NPL'], date: '2030', lang: 'en' }),
            event({ type: 'AID', actors: ['MNG'], recipients: ['NPL'], date: '2030', lang: 'en', at: 40 })]),
        };
        const first = await store.putArticles([...Array.from({ length: 8 }, (_, i) => generatedArticle(i)), own]);
        const articleIds = first.map((r) => r.articleId);
        assert.deepEqual(articleIds, [...articleIds].sort((a, b) => a - b), 'articles numbered in the order given');
        assert.equal(new Set(articleIds).size, articleIds.length);
        const before = await ids(store);
        const [maxEvent, maxMention] = [Math.max(...before.events), Math.max(...before.mentions)];

        // A new version of the last article reports no event: its events, the newest, go.
        const replaced = await store.putArticles([{ article: { ...own.article, text: 'Own events, withdrawn.' }, coded: coded([]) }]);
        assert.deepEqual(replaced.map((r) => r.status), ['replaced']);
        const middle = await ids(store);
        const goneEvents = before.events.filter((id) => !middle.events.includes(id));
        assert.ok(goneEvents.includes(maxEvent), 'the replacements delete the newest event');

        const second = await store.putArticles(Array.from({ length: 4 }, (_, i) => generatedArticle(8 + i)));
        assert.ok(second.every((r) => r.articleId > Math.max(...articleIds)), 'new articles after every earlier one');
        const now = await ids(store);
        const newEvents = now.events.filter((id) => !middle.events.includes(id));
        const newMentions = now.mentions.filter((id) => !middle.mentions.includes(id));
        assert.ok(newEvents.length > 0 && newMentions.length > 0);
        for (const id of newEvents) assert.ok(id > maxEvent && !goneEvents.includes(id), `event ${id} is a new id`);
        for (const id of newMentions) assert.ok(id > maxMention, `mention ${id} is a new id`);
        assert.equal(new Set(now.mentions).size, now.mentions.length);
      } finally {
        await store.close();
      }
    });
  });
}
