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

/** The summaries' rows and direct counts of the dyad index, each as sorted lines, table by table. */
async function summaryAndDirect(location: string): Promise<{ summary: Record<string, string[]>; direct: Record<string, string[]> }> {
  const driver = await dialectFor(location).createDriver();
  try {
    return await driver.transaction('read', async (c) => {
      const line = (r: Record<string, unknown>): string => Object.values(r).map((v) => (typeof v === 'string' ? v : Number(v))).join(' ');
      const lines = async (sql: string): Promise<string[]> => (await c.all(sql)).map(line).sort();
      const summary = {
        dyad_counts: await lines('SELECT actor, partner, period, type, mode, multilateral, events FROM dyad_counts'),
        dyad_years: await lines('SELECT actor, partner, year, type, mode, multilateral, events FROM dyad_years'),
        actor_counts: await lines('SELECT actor, period, type, mode, multilateral, events FROM actor_counts'),
      };
      // Recomputed from the dyad index, not from another summary.
      const direct = {
        dyad_counts: await lines(`SELECT actor, partner, period, type, mode, multilateral, COUNT(*) AS events FROM (${DYAD_COUNT_ROWS}) r
          GROUP BY actor, partner, period, type, mode, multilateral`),
        dyad_years: await lines(`SELECT actor, partner, substr(period, 1, 4) AS year, type, mode, multilateral, COUNT(*) AS events FROM (${DYAD_COUNT_ROWS}) r
          GROUP BY actor, partner, substr(period, 1, 4), type, mode, multilateral`),
        // Each party of an event that has a dyad, once per event, with the event's own columns.
        actor_counts: await lines(`SELECT actor, period, type, mode, multilateral, COUNT(*) AS events FROM (
            SELECT p.actor, substr(e.date, 1, 7) AS period, e.type, COALESCE(e.mode, '') AS mode,
              CASE WHEN (SELECT COUNT(*) FROM event_actors x WHERE x.event_id = e.id) > 2 THEN 1 ELSE 0 END AS multilateral
            FROM (SELECT event_id, a AS actor FROM event_dyads UNION SELECT event_id, b FROM event_dyads) p JOIN events e ON e.id = p.event_id) r
          GROUP BY actor, period, type, mode, multilateral`),
      };
      return { summary, direct };
    });
  } finally {
    await driver.close();
  }
}

async function assertCounted(store: Store, location: string, step: string): Promise<void> {
  const { summary, direct } = await summaryAndDirect(location);
  for (const table of Object.keys(direct)) {
    assert.deepEqual(summary[table], direct[table], `${step}: ${table} equals a direct count`);
    assert.ok((direct[table] ?? []).length > 0, `${step}: something was counted in ${table}`);
  }
  for (const actor of ['KAZ', 'TUR', 'RUS', 'CHN']) {
    // A day-precise range is answered off the dyad index; a whole-year one off the summaries.
    for (const per of ['month', 'year', 'range'] as const) {
      assert.deepEqual(await store.eventCounts({ actor, from: '2021', per }), await store.eventCounts({ actor, from: '2021-01-01', per }),
        `${step}: ${actor}'s counts per ${per} off the summary equal those off the index`);
      assert.deepEqual(await store.eventTotals({ actor, to: '2022', per }), await store.eventTotals({ actor, to: '2022-12-31', per }),
        `${step}: ${actor}'s totals per ${per} off the summary equal those off the index`);
    }
    assert.deepEqual(await store.eventTotals({ actor, partner: 'TUR', from: '2021' }), await store.eventTotals({ actor, partner: 'TUR', from: '2021-01-01' }),
      `${step}: ${actor}'s totals with TUR off the summary equal those off the index`);
    // The counts by partner with the types together are the per-type counts summed, off either source.
    for (const filter of [{ actor, per: 'year' as const }, { actor, per: 'month' as const, quad: 1 as const }, { actor, from: '2021-01-01', per: 'range' as const }]) {
      const summed = new Map<string, number>();
      for (const c of await store.eventCounts(filter)) {
        const key = `${c.period} ${c.partner} ${c.scope}`;
        summed.set(key, (summed.get(key) ?? 0) + c.events);
      }
      const together = await store.partnerCounts(filter);
      assert.deepEqual(new Map(together.map((c) => [`${c.period} ${c.partner} ${c.scope}`, c.events])), summed,
        `${step}: ${actor}'s counts by partner (${JSON.stringify(filter)}) are the per-type counts summed`);
      assert.deepEqual(together.map((c) => `${c.period} ${c.partner} ${c.scope}`), [...summed.keys()].sort(),
        `${step}: ${actor}'s counts by partner come by period, partner and scope`);
    }
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
        for (const table of ['dyad_counts', 'watched_sources', 'watched_items', 'lexicon_fingerprints', 'dyad_years', 'actor_counts']) await c.exec(`DROP TABLE ${table}`);
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
