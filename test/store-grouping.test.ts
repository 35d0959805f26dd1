/**
 * Event grouping against real databases, on every backend: the archive is the same whatever the
 * order articles arrive in (with re-ingests, withdrawals and recodes in the middle), it is what
 * grouping the final set of mentions from scratch gives, event ids survive regrouping, and an
 * archive grouped by the older arrival-order rule is regrouped when it is upgraded.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { groupMentions } from '../src/store/clustering.ts';
import { dialectFor } from '../src/store/connect.ts';
import { codesOf } from '../src/store/dyads.ts';
import { rankOf, type RankedShape } from '../src/store/grouping.ts';
import { migrate } from '../src/store/migrations.ts';
import { contentHash, openStore, type NewArticle, type Store } from '../src/store/index.ts';
import { backends } from './fixtures/store/backends.ts';
import { churn, orderCorpus, random, run, schedule, shuffled, type Put } from './fixtures/store/orders.ts';
import { coded, event, type EventSpec } from './fixtures/store/records.ts';

/** Open a store, run fn, close it whatever happens. */
async function using<T>(location: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The whole archive in a comparable form: ids and timestamps left out, articles named by identity. */
async function archive(store: Store): Promise<{ events: string[]; links: string[]; stats: unknown }> {
  const name = new Map<number, string>();
  for (const a of await store.articles({ limit: 10_000 })) name.set(a.id, a.address ?? a.contentHash.slice(0, 12));
  const events: string[] = [];
  for await (const { event: e, mentions } of store.export()) {
    const reports = mentions.map((m) => `${name.get(m.article.id)}@${m.evidence.start} ${m.date}`).sort();
    events.push(`${e.type}${e.mode ? `/${e.mode}` : ''} ${e.actors.join('+')}>${e.recipients.join('+')} ${e.date} `
      + `s${e.sources} ${e.languages.join(',')} [${reports.join(', ')}]`);
  }
  const links: string[] = [];
  for (const [id, a] of name) {
    for (const l of await store.translationsOf(id)) links.push(`${a} ~ ${name.get(l.article.id)} ${l.score.toFixed(3)}`);
  }
  return { events: events.sort(), links: links.sort(), stats: await store.stats() };
}

/** The events grouping the archive's mentions from scratch gives, as sorted lists of reports. */
async function fromScratch(store: Store): Promise<string[]> {
  type Report = RankedShape & { readonly name: string };
  const reports: Report[] = [];
  const articles = new Map((await store.articles({ limit: 10_000 })).map((a) => [a.id, a]));
  for await (const { mentions } of store.export()) {
    for (const m of mentions) {
      const a = articles.get(m.article.id);
      const shape = { type: m.record.type, actors: codesOf(m.record.actor), recipients: codesOf(m.record.recipient), date: m.date };
      reports.push({
        ...shape, seq: m.id, name: `${a?.address ?? a?.contentHash.slice(0, 12)}@${m.evidence.start} ${m.date}`,
        rank: rankOf({ ...shape, mode: m.record.mode, article: a?.contentHash ?? '', start: m.evidence.start, end: m.evidence.end }),
      });
    }
  }
  const groups = new Map<Report, string[]>();
  for (const [m, leader] of groupMentions(reports)) groups.set(leader, [...(groups.get(leader) ?? []), m.name]);
  return [...groups.values()].map((g) => g.sort().join(', ')).sort();
}

const reportLists = (events: readonly string[]): string[] => events.map((e) => e.slice(e.indexOf('[') + 1, -1)).sort();

/** Put one article with one event. */
async function report(s: Store, address: string, spec: EventSpec, text = address): Promise<number> {
  return (await s.putArticle({ address, lang: spec.lang ?? 'en', text }, coded([event(spec)]))).articleId;
}

for (const backend of backends()) {
  describe(`event grouping on ${backend.name}`, { skip: backend.skip }, () => {
    after(() => backend.cleanup());

    test('5 orders of the same work, with re-ingest, withdrawal and recode in the middle, give one archive', async () => {
      const corpus = orderCorpus();
      // The reference: only the versions that stand at the end, each stored once, in corpus order.
      const finalOnly: Put[] = [...corpus.singles, ...corpus.chains.map((c) => c[c.length - 1] as Put)];
      const reference = await using(backend.fresh(), async (s) => {
        await run(s, finalOnly);
        const a = await archive(s);
        // The corpus does what it is for: events of several reports, and translation links.
        assert.ok(a.events.filter((e) => e.includes(', ')).length >= 10, 'few events have several reports');
        assert.ok(a.links.length > 0, 'no translation links');
        assert.deepEqual(reportLists(a.events), await fromScratch(s));
        return a;
      });
      for (const seed of [1, 2, 3, 4, 5]) {
        await using(backend.fresh(), async (s) => {
          // Some orders store one article per transaction, others in batches of a few, as ingest does.
          await run(s, schedule(corpus, seed), seed % 2 === 1 ? 1 : seed + 1);
          const a = await archive(s);
          assert.deepEqual(a.events, reference.events, `order ${seed}: events`);
          assert.deepEqual(a.links, reference.links, `order ${seed}: translation links`);
          assert.deepEqual(a.stats, reference.stats, `order ${seed}: counts`);
        });
      }
    });

    test('two writers at once, each in its own order, give the same archive as one writer', async () => {
      const corpus = orderCorpus();
      const reference = await using(backend.fresh(), async (s) => {
        await run(s, [...corpus.singles, ...corpus.chains.map((c) => c[c.length - 1] as Put)]);
        return archive(s);
      });
      const location = backend.fresh();
      const [a, b] = [await openStore(location), await openStore(location)];
      try {
        // The chains go to one writer, in order; the other articles are split between the two.
        const singles = shuffled(corpus.singles, random(9));
        const half = Math.floor(singles.length / 2);
        await Promise.all([run(a, [...singles.slice(0, half), ...corpus.chains.flat()]), run(b, singles.slice(half).reverse())]);
        const got = await archive(a);
        assert.deepEqual(got.events, reference.events);
        assert.deepEqual(got.links, reference.links);
      } finally {
        await a.close();
        await b.close();
      }
    });

    test('after every stretch of a long run of rewrites, the events are what grouping from scratch gives', async () => {
      await using(backend.fresh(), async (s) => {
        const writes = churn(7, 120);
        for (let i = 0; i < writes.length; i += 20) {
          await run(s, writes.slice(i, i + 20));
          const a = await archive(s);
          assert.deepEqual(reportLists(a.events), await fromScratch(s), `after ${i + 20} writes`);
        }
        // No event is left without a report.
        for await (const { mentions } of s.export()) assert.ok(mentions.length > 0);
      });
    });

    test('an event keeps its id while its reports come and go around it, and when a new report leads it', async () => {
      await using(backend.fresh(), async (s) => {
        const kt = { actors: ['KAZ'], recipients: ['TUR'] };
        const a1 = await report(s, 'a1', { ...kt, date: '2022-05-10', mode: 'visit' });
        await report(s, 'a2', { ...kt, date: '2022-05-11', lang: 'tr' });
        const [visit] = await s.events();
        const id = visit?.id ?? 0;
        const idOf = async (): Promise<number[]> => (await s.events({ type: 'CONSULT', dyad: ['KAZ', 'TUR'] })).map((e) => e.id);
        // Another event beside it; a recode that finds the same; the text edited around the sentence.
        await report(s, 'b', { type: 'AID', ...kt, date: '2022-05-10' });
        const mentionIds = (await s.eventMentions(id)).map((m) => m.id);
        await s.putArticle({ address: 'a1', lang: 'en', text: 'a1' }, coded([event({ ...kt, date: '2022-05-10', mode: 'visit' })], 'lex-2'));
        assert.deepEqual((await s.eventMentions(id)).map((m) => m.id), mentionIds);
        await s.putArticle({ address: 'a1', lang: 'en', text: 'a1, edited' }, coded([event({ ...kt, date: '2022-05-10', mode: 'visit', at: 9 })]));
        assert.deepEqual(await idOf(), [id]);
        // An earlier report now leads the event: the id stays, the date is the new leader's.
        await report(s, 'a0', { ...kt, date: '2022-05-08', lang: 'ru' });
        const [led] = await s.events({ type: 'CONSULT' });
        assert.deepEqual([led?.id, led?.date, led?.mode, led?.mentions], [id, '2022-05-08', 'visit', 3]);
        // Its leader and its first report withdrawn: what is left is the same event.
        await s.putArticle({ address: 'a0', lang: 'ru', text: 'a0 withdrawn' }, coded([]));
        await s.putArticle({ address: 'a1', lang: 'en', text: 'a1 withdrawn' }, coded([]));
        const [left] = await s.events({ type: 'CONSULT' });
        assert.deepEqual([left?.id, left?.date, left?.mode, left?.languages], [id, '2022-05-11', undefined, ['tr']]);
        assert.equal((await s.article(a1))?.mentions.length, 0);
      });
    });

    test('a report matching two events merges them under one id; withdrawn, it splits them again', async () => {
      await using(backend.fresh(), async (s) => {
        // Two month-only reports whose parties overlap too little to be one event...
        await report(s, 'm1', { actors: ['KAZ'], recipients: ['TUR'], date: '2022-05' });
        await report(s, 'm2', { actors: ['AZE', 'RUS'], recipients: ['TUR'], date: '2022-05' });
        const before = (await s.events()).map((e) => e.id).sort((a, b) => a - b);
        assert.equal(before.length, 2);
        // ...and a dated one agreeing with both: it leads them together.
        await report(s, 'd', { actors: ['AZE', 'KAZ'], recipients: ['TUR'], date: '2022-05-10' });
        const merged = await s.events();
        assert.deepEqual(merged.map((e) => [e.actors, e.date, e.mentions]), [[['AZE', 'KAZ'], '2022-05-10', 3]]);
        assert.ok(before.includes(merged[0]?.id ?? 0));
        await s.putArticle({ address: 'd', lang: 'en', text: 'd withdrawn' }, coded([]));
        const split = await s.events();
        assert.deepEqual(split.map((e) => [e.actors, e.recipients, e.mentions]).sort(), [[['AZE', 'RUS'], ['TUR'], 1], [['KAZ'], ['TUR'], 1]]);
        // The merged event's id went on with one of the two; the other got a new id.
        assert.ok(split.some((e) => e.id === merged[0]?.id));
        assert.equal((await s.stats()).events, 2);
      });
    });

    test('an archive grouped in arrival order is regrouped when it is upgraded, ids kept where most reports stay', async () => {
      const location = backend.fresh();
      const dialect = dialectFor(location);
      const driver = await dialect.createDriver();
      assert.deepEqual(await migrate(driver, dialect, 3), { from: 0, to: 3 });
      // As Dyad at schema version 3 grouped them, storing 13 May, then 10 May, then 7 May: the
      // first two one event dated by the first to arrive, the third alone (6 days from it).
      const reports = [['r13', '2022-05-13', null], ['r10', '2022-05-10', 'visit'], ['r07', '2022-05-07', null]] as const;
      const ids = await driver.transaction('write', async (c) => {
        const newEvent = async (date: string, mode: string | null): Promise<number> => {
          const [e] = await c.all<{ id: number }>(`INSERT INTO events (type, mode, date, date_first, date_last, actors, recipients, first_seen)
            VALUES ('CONSULT', ?, ?, ?, ?, 'KAZ', 'TUR', '2022-05-14T00:00:00Z') RETURNING id`, [mode, date, date, date]);
          const id = Number(e?.id);
          await c.run(`INSERT INTO event_actors (event_id, code, role, date_first, type, date_last)
            VALUES (?, 'KAZ', 'actor', ?, 'CONSULT', ?), (?, 'TUR', 'recipient', ?, 'CONSULT', ?)`, [id, date, date, id, date, date]);
          await c.run(`INSERT INTO event_dyads (event_id, a, b, date_first, date_last, period, type, mode)
            VALUES (?, 'KAZ', 'TUR', ?, ?, '2022-05', 'CONSULT', ?)`, [id, date, date, mode]);
          return id;
        };
        const first = await newEvent('2022-05-13', null);
        const second = await newEvent('2022-05-07', null);
        for (const [address, date, mode] of reports) {
          const [a] = await c.all<{ id: number }>(`INSERT INTO articles (address, content_hash, lang, published, published_first,
            published_last, text, lexicon_version, ingested_at) VALUES (?, ?, 'en', '2022-05-14', '2022-05-14', '2022-05-14', ?, 'lex-1',
            '2022-05-14T00:00:00Z') RETURNING id`, [address, contentHash(address), address]);
          const record = event({ actors: ['KAZ'], recipients: ['TUR'], date, ...(mode ? { mode } : {}) });
          await c.run(`INSERT INTO mentions (article_id, event_id, lang, date, mode, actors, recipients, sentence, start_offset, end_offset,
            evidence, pattern, confidence, lexicon_version, record) VALUES (?, ?, 'en', ?, ?, 'KAZ', 'TUR', 0, 0, 20, 'evidence at 0',
            'en.fixture', 0.8, 'lex-1', ?)`, [Number(a?.id), address === 'r07' ? second : first, date, mode, JSON.stringify(record)]);
        }
        return { first, second };
      });
      await driver.close();

      const upgraded = await using(location, async (s) => {
        // 7 May now leads 10 May; 13 May is 6 days from it, an event of its own. The 7 May event's
        // id goes to the group holding all of it, the other to what is left of its event.
        const events = await s.events();
        assert.deepEqual(events.map((e) => [e.id, e.date, e.mode, e.mentions]), [
          [ids.second, '2022-05-07', 'visit', 2], [ids.first, '2022-05-13', undefined, 1]]);
        assert.deepEqual(await s.eventCounts({ actor: 'KAZ' }).then((c) => c.map((x) => `${x.period} ${x.mode ?? '-'} ${x.events}`).sort()), ['2022-05 - 1', '2022-05 visit 1']);
        const a = await archive(s);
        // Writes after the upgrade regroup incrementally from the upgraded state.
        await report(s, 'r08', { actors: ['KAZ'], recipients: ['TUR'], date: '2022-05-08' });
        assert.deepEqual((await s.events()).map((e) => [e.id, e.mentions]), [[ids.second, 3], [ids.first, 1]]);
        return a;
      });
      // The same reports stored afresh give the same archive.
      await using(backend.fresh(), async (s) => {
        for (const [address, date, mode] of reports) {
          const article: NewArticle = { address, lang: 'en', published: '2022-05-14', text: address };
          await s.putArticle(article, coded([event({ actors: ['KAZ'], recipients: ['TUR'], date, ...(mode ? { mode } : {}) })]));
        }
        const fresh = await archive(s);
        assert.deepEqual(fresh.events, upgraded.events);
        assert.deepEqual(fresh.stats, upgraded.stats);
      });
    });
  });
}
