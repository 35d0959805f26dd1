/**
 * The summary of event counts (dyad_counts) is kept with the events: after every kind of write
 * (a batch, a re-ingest, a new version of an article, a recode, a regrouping by a more precise
 * report, an article that loses its events) it equals a direct count of the archive, and the
 * counts read off it equal those read off the dyad index. On every backend.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { EventRecord } from '../src/model/index.ts';
import { dialectFor } from '../src/store/connect.ts';
import { DYAD_COUNT_ROWS } from '../src/store/dyad-counts.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { backends } from './fixtures/store/backends.ts';
import { agreement, coded, event } from './fixtures/store/records.ts';

/** The summary's rows and a direct count of the dyad index, each as sorted lines. */
async function summaryAndDirect(location: string): Promise<{ summary: string[]; direct: string[] }> {
  const driver = await dialectFor(location).createDriver();
  try {
    return await driver.transaction('read', async (c) => {
      const line = (r: Record<string, unknown>): string =>
        [r['actor'], r['partner'], r['period'], r['type'], r['mode'], Number(r['multilateral']), Number(r['events'])].join(' ');
      const summary = (await c.all('SELECT actor, partner, period, type, mode, multilateral, events FROM dyad_counts')).map(line).sort();
      const direct = (await c.all(`SELECT actor, partner, period, type, mode, multilateral, COUNT(*) AS events FROM (${DYAD_COUNT_ROWS}) r
        GROUP BY actor, partner, period, type, mode, multilateral`)).map(line).sort();
      return { summary, direct };
    });
  } finally {
    await driver.close();
  }
}

async function assertCounted(store: Store, location: string, step: string): Promise<void> {
  const { summary, direct } = await summaryAndDirect(location);
  assert.deepEqual(summary, direct, `${step}: the summary equals a direct count`);
  assert.ok(direct.length > 0, `${step}: something was counted`);
  for (const actor of ['KAZ', 'TUR', 'RUS', 'CHN']) {
    // A day-precise range is answered off the dyad index; a whole-year one off the summary.
    assert.deepEqual(await store.eventCounts({ actor, from: '2021' }), await store.eventCounts({ actor, from: '2021-01-01' }),
      `${step}: ${actor}'s counts off the summary equal those off the index`);
  }
}

/** An article of events between a few states: bilateral and multilateral, dated to the day, the month or the year. */
function article(i: number, variant = 0): { address: string; records: EventRecord[] } {
  const day = String(5 + ((i * 3 + variant) % 20)).padStart(2, '0');
  const records: EventRecord[] = [
    event({ actors: ['KAZ'], recipients: ['TUR'], date: `2022-05-${day}`, ...(i % 2 ? { mode: 'visit' } : {}), at: 0 }),
    event({ type: 'AGREE', actors: ['KAZ', 'RUS', 'CHN'], date: `2022-0${1 + (i % 3)}`, at: 100 }),
    event({ type: 'ACCUSE', actors: ['RUS'], recipients: ['TUR', 'KAZ'], date: i % 4 === 0 ? '2021' : `2021-11-${day}`, at: 200, lang: 'ru' }),
  ];
  if (variant === 1) records.push(event({ type: 'AID', actors: ['CHN'], recipients: ['KAZ'], date: `2023-02-${day}`, at: 300 }));
  return { address: `https://example.test/counts/${i}`, records };
}

function put(i: number, variant = 0, lexicon = 'lex-1') {
  const a = article(i, variant);
  return {
    article: { address: a.address, title: `Counts ${i}`, lang: 'en' as const, published: '2022-06-01', text: `Counts article ${i} version ${variant}.` },
    coded: coded([...a.records, agreement(['KAZ', 'TUR'], 1, '2022-05')], lexicon),
  };
}

for (const backend of backends()) {
  describe(`event count summary on ${backend.name}`, { skip: backend.skip }, () => {
    after(() => backend.cleanup());

    test('equals a direct count after ingest, re-ingest, replace, recode, regrouping and removal', async () => {
      const location = backend.fresh();
      const store = await openStore(location);
      try {
        await store.putArticles(Array.from({ length: 12 }, (_, i) => put(i)));
        await assertCounted(store, location, 'a batch');
        await store.putArticles(Array.from({ length: 12 }, (_, i) => put(i)));
        await assertCounted(store, location, 're-ingest');
        for (const i of [1, 4, 7]) await store.putArticle(put(i, 1).article, put(i, 1).coded);
        await assertCounted(store, location, 'new versions');
        await store.putArticles([0, 2, 3].map((i) => put(i, 0, 'lex-2')));
        await assertCounted(store, location, 'a recode');
        // A day-precise report of an event known only by its year and month leads it now: events regroup.
        await store.putArticle(
          { address: 'https://example.test/counts/precise', lang: 'tr', published: '2022-02-10', text: 'Precise.' },
          coded([event({ type: 'AGREE', actors: ['KAZ', 'RUS', 'CHN'], date: '2022-02-03', lang: 'tr', at: 5 }),
            event({ type: 'ACCUSE', actors: ['RUS'], recipients: ['TUR', 'KAZ'], date: '2021-11-07', lang: 'tr', at: 50 })]));
        await assertCounted(store, location, 'regrouping');
        // An article whose new version reports nothing takes its events' counts away.
        await store.putArticle({ ...put(5).article, text: 'Nothing happened.' }, coded([]));
        await assertCounted(store, location, 'an article emptied');
      } finally {
        await store.close();
      }
    });

    test('an archive written before the summary is counted when it is opened', async () => {
      const location = backend.fresh();
      const store = await openStore(location);
      await store.putArticles(Array.from({ length: 8 }, (_, i) => put(i, i % 2)));
      await store.close();
      // Undo migrations 7 and later as an older Dyad would have left the archive.
      const driver = await dialectFor(location).createDriver();
      await driver.transaction('write', async (c) => {
        for (const table of ['dyad_counts', 'watched_sources', 'watched_items', 'lexicon_fingerprints']) await c.exec(`DROP TABLE ${table}`);
        await c.run('DELETE FROM schema_migrations WHERE version >= 7');
      });
      await driver.close();
      const reopened = await openStore(location);
      try {
        await assertCounted(reopened, location, 'after the migration');
      } finally {
        await reopened.close();
      }
    });
  });
}
