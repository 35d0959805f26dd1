/** The analysis stage over a small hand-written archive: timeline, ladder, agreements, targets, profile. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  agreementsRegister, balanceOf, commitmentsTracker, countryProfile, dyadTimeline, effectivePartners, multiVectorIndex,
  partnershipLadder, poleOf,
} from '../src/analysis/index.ts';
import { ploverScore, type CommitmentRecord } from '../src/model/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { backends } from './fixtures/store/backends.ts';
import { agreement, coded, commitment, event, partnership } from './fixtures/store/records.ts';

function observed(parties: readonly string[], value: number, date: string, lang: 'en' | 'tr' = 'en', at = 400): CommitmentRecord {
  return { ...commitment(parties, value, date, lang, at), status: 'observed' };
}

/** Four articles over three years of Kazakhstan–Türkiye relations, and a few other partners. */
async function fill(store: Store): Promise<void> {
  await store.putArticle({ address: 'f/2009', lang: 'en', published: '2009-10-23', text: 'Strategic partnership signed.' }, coded([
    event({ type: 'AGREE', actors: ['KAZ', 'TUR'], date: '2009-10-22' }),
    partnership(['KAZ', 'TUR'], 'strategic partnership', '2009-10'),
  ]));
  await store.putArticle({ address: 'f/2022/en', lang: 'en', published: '2022-05-11', text: 'Visit and upgrade.' }, coded([
    event({ mode: 'visit', actors: ['KAZ'], recipients: ['TUR'], date: '2022-05-10', at: 0 }),
    event({ type: 'AGREE', actors: ['KAZ', 'TUR'], date: '2022-05-10', at: 40 }),
    event({ type: 'ACCUSE', actors: ['KAZ'], recipients: ['RUS'], date: '2022-05-20', at: 80 }),
    partnership(['KAZ', 'TUR'], 'enhanced strategic partnership', '2022-05'),
    agreement(['KAZ', 'TUR'], 15, '2022-05-10'),
    commitment(['KAZ', 'TUR'], 10e9, '2022-05'),
  ]));
  await store.putArticle({ address: 'f/2022/tr', lang: 'tr', published: '2022-05-12', text: 'Ziyaret.' }, coded([
    event({ mode: 'visit', actors: ['KAZ'], recipients: ['TUR'], date: '2022-05-10', lang: 'tr' }),
    partnership(['KAZ', 'TUR'], 'enhanced strategic partnership', '2022-05-10', 'tr'),
    agreement(['TUR', 'KAZ'], 15, '2022-05', 'tr'),
    commitment(['TUR', 'KAZ'], 10e9, '2022-05', 'tr'),
  ]));
  await store.putArticle({ address: 'f/2024', lang: 'en', published: '2024-07-04', text: 'Trade figures.' }, coded([
    event({ type: 'CONSULT', actors: ['KAZ'], recipients: ['CHN'], date: '2024-07-03', at: 0 }),
    event({ type: 'COOPERATE', actors: ['KAZ'], recipients: ['USA'], date: '2024-07-01', at: 30 }),
    observed(['KAZ', 'TUR'], 6.3e9, '2022', 'en', 400),
    observed(['KAZ', 'TUR'], 6.4e9, '2023', 'en', 500),
  ]));
}

describe('balance measures', () => {
  test('multi-vector index: 1 when cooperation is even over the five poles, 0 on one pole', () => {
    assert.equal(multiVectorIndex({ russia: 3, china: 3, west: 3, turkic: 3, other: 3 }), 1);
    assert.equal(multiVectorIndex({ russia: 9, china: 0, west: 0, turkic: 0, other: 0 }), 0);
    assert.equal(multiVectorIndex({ russia: 1, china: 1, west: 0, turkic: 0, other: 0 }), Math.round((Math.log(2) / Math.log(5)) * 1000) / 1000);
    assert.equal(multiVectorIndex({ russia: 0, china: 0, west: 0, turkic: 0, other: 0 }), 0);
  });

  test('effective number of partners is the inverse Herfindahl index', () => {
    assert.equal(effectivePartners([5, 5, 5, 5]), 4);
    assert.equal(effectivePartners([10]), 1);
    assert.equal(effectivePartners([3, 1]), 1.6);
  });

  test('poles: Russia-led, China, the West with the EU and NATO, the Turkic states, others', () => {
    assert.deepEqual(['RUS', 'CSTO', 'CHN', 'USA', 'DEU', 'EUR', 'TUR', 'OTS', 'IND'].map(poleOf),
      ['russia', 'russia', 'china', 'west', 'west', 'west', 'turkic', 'turkic', 'other']);
  });

  test('balance per year counts only cooperation, and has no index below five events', () => {
    const points = balanceOf([
      { partner: 'RUS', period: '2023-01', type: 'CONSULT', events: 2 },
      { partner: 'CHN', period: '2023-02', type: 'AID', events: 2 },
      { partner: 'USA', period: '2023-03', type: 'AGREE', events: 1 },
      { partner: 'RUS', period: '2023-03', type: 'ASSAULT', events: 9 },
      { partner: 'TUR', period: '2024', type: 'CONSULT', events: 1 },
    ]);
    assert.deepEqual(points.map((p) => [p.year, p.cooperation, p.index, p.effectivePartners]), [
      ['2023', 5, multiVectorIndex({ russia: 2, china: 2, west: 1, turkic: 0, other: 0 }), effectivePartners([2, 2, 1])],
      ['2024', 1, undefined, undefined],
    ]);
    assert.deepEqual(points[0]?.poles, { russia: 0.4, china: 0.4, west: 0.2, turkic: 0, other: 0 });
  });
});

for (const backend of backends()) {
  describe(`analysis on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await openStore(backend.fresh());
      await fill(store);
    });
    after(async () => {
      await store.close();
      await backend.cleanup();
    });

    test('dyad timeline: months with counts by type and quad, PLOVER scores, and the query behind each point', async () => {
      const t = await dyadTimeline(store, 'TUR', 'KAZ');
      assert.deepEqual(t.points.map((p) => [p.period, p.events, p.byType, p.byQuad[1]]), [
        ['2009-10', 1, { AGREE: 1 }, 1],
        ['2022-05', 2, { AGREE: 1, CONSULT: 1 }, 2], // the visit reported in two languages is one event
      ]);
      const may = t.points[1];
      assert.deepEqual(may?.query, { dyad: ['TUR', 'KAZ'], from: '2022-05', to: '2022-05' });
      assert.equal(may?.score.sum, ploverScore('CONSULT', 'visit') + ploverScore('AGREE'));
      const behind = await store.events({ ...may?.query });
      assert.equal(behind.length, may?.events);
      assert.deepEqual(t.total.events, 3);
      assert.deepEqual((await dyadTimeline(store, 'KAZ', 'TUR', { from: '2020' })).points.map((p) => p.period), ['2022-05']);
    });

    test('ladder: each designation once, since its earliest date, with every source', async () => {
      const rungs = await partnershipLadder(store, { party: 'TUR', partner: 'KAZ' });
      assert.deepEqual(rungs.map((r) => [r.level, r.since, r.sources.map((s) => s.article.lang)]), [
        ['strategic partnership', '2009-10', ['en']],
        ['enhanced strategic partnership', '2022-05-10', ['en', 'tr']],
      ]);
    });

    test('agreements register: one signing reported twice is one entry', async () => {
      const entries = await agreementsRegister(store, { party: 'KAZ' });
      assert.deepEqual(entries.map((e) => [e.parties, e.date, e.count, e.sources.length]), [[['KAZ', 'TUR'], '2022-05-10', 15, 2]]);
    });

    test('commitments: the target, values reported later, and progress', async () => {
      const [track, ...rest] = await commitmentsTracker(store, { party: 'KAZ', partner: 'TUR' });
      assert.equal(rest.length, 0);
      assert.deepEqual([track?.metric, track?.unit, track?.parties], ['trade volume', 'USD', ['KAZ', 'TUR']]);
      assert.deepEqual(track?.targets.map((t) => [t.value, t.set, t.sources.length, t.progress]), [
        [10e9, '2022-05', 2, { observed: 6.4e9, date: '2023', share: 0.64 }],
      ]);
      assert.deepEqual(track?.observations.map((o) => [o.value, o.date]), [[6.3e9, '2022'], [6.4e9, '2023']]);
    });

    test('profile: partners by cooperation and conflict, balance per year', async () => {
      const p = await countryProfile(store, 'KAZ');
      assert.deepEqual(p.partners.map((x) => [x.code, x.cooperation, x.conflict]), [['TUR', 3, 0], ['CHN', 1, 0], ['USA', 1, 0], ['RUS', 0, 1]]);
      assert.deepEqual(p.conflicts.map((x) => x.code), ['RUS']);
      assert.deepEqual(p.balance.map((b) => [b.year, b.cooperation]), [['2009', 1], ['2022', 2], ['2024', 2]]);
      assert.equal(p.events, 6);
    });
  });
}
