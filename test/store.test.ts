/**
 * The store contract: one suite, run against every backend on a real database.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../src/model/index.ts';
import { dialectFor } from '../src/store/connect.ts';
import { migrate } from '../src/store/migrations.ts';
import { openStore, SCHEMA_VERSION, StoreError, type EventCount, type EventRow, type Store } from '../src/store/index.ts';
import { backends } from './fixtures/store/backends.ts';
import {
  agreement, coded, commitment, event, generatedArticle, GENERATED_MENTIONS, partnership,
} from './fixtures/store/records.ts';

const CHILD = fileURLToPath(new URL('./fixtures/store/ingest-child.ts', import.meta.url));
const GENERATED = 48;

/** Open a store, run fn, close it whatever happens. */
async function using<T>(location: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Events in a comparable form: what grouping decided, without ids or timestamps. */
async function snapshot(store: Store): Promise<{ stats: unknown; events: string[] }> {
  const events: string[] = [];
  for await (const { event: e, mentions } of store.export()) {
    events.push(`${e.type} ${e.actors.join('+')}>${e.recipients.join('+')} ${e.date} m${mentions.length} s${e.sources} ${e.languages.join(',')}`);
  }
  return { stats: await store.stats(), events: events.sort() };
}

/** Store the generated corpus in this process. */
async function ingestGenerated(store: Store, count = GENERATED): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { article, coded: c } = generatedArticle(i);
    await store.putArticle(article, c);
  }
}

interface Child {
  /** Lines printed: "i status" per article, then "done". */
  readonly lines: string[];
  /** The exit code, or the signal that ended the process. */
  readonly exited: Promise<number | string | null>;
}

/** Run the ingest child on a store; with killAt it dies inside that article's transaction. */
function child(location: string, order: 'forward' | 'reverse' = 'forward', killAt?: number): Child {
  const args = [CHILD, location, String(GENERATED), order, ...(killAt === undefined ? [] : [String(killAt)])];
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  proc.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const lines: string[] = [];
  const exited = new Promise<number | string | null>((resolve) => proc.on('close', (code, signal) => {
    lines.push(...stdout.split('\n').filter((l) => l !== ''));
    if (code !== 0 && signal === null) process.stderr.write(stderr);
    resolve(code ?? signal);
  }));
  return { lines, exited };
}

/** The small hand-written archive the query tests read. */
async function putQueryFixtures(store: Store): Promise<Record<'en' | 'tr' | 'ru' | 'old', number>> {
  const facts = (lang: 'en' | 'tr') => [
    partnership(['KAZ', 'TUR'], 'enhanced strategic partnership', '2022-05', lang),
    agreement(['TUR', 'KAZ'], 15, '2022-05', lang),
    commitment(['KAZ', 'TUR'], 1e10, '2022-05', lang),
  ];
  const en = await store.putArticle(
    { address: 'https://news.test/en/visit', title: 'Tokayev visits Turkey', lang: 'en', published: '2022-05-11', text: 'President Tokayev visited Turkey on 10 May.', source: 'news' },
    coded([
      event({ type: 'AGREE', actors: ['KAZ'], recipients: ['TUR'], date: '2022-05', at: 120 }),
      event({ mode: 'visit', actors: ['KAZ'], recipients: ['TUR'], date: '2022-05-10', at: 0 }),
      event({ type: 'SUPPORT', actors: ['KAZ', 'TUR'], date: '2022-05', at: 50 }),
      ...facts('en'),
    ]));
  const tr = await store.putArticle(
    { address: 'https://haber.test/tr/ziyaret', title: 'Tokayev Türkiye’de', lang: 'tr', published: '2022-05-12', text: 'Cumhurbaşkanı Tokayev Türkiye’yi ziyaret etti.' },
    coded([
      event({ actors: ['KAZ'], recipients: ['TUR'], date: '2022-05-11', lang: 'tr', at: 0 }),
      event({ type: 'SUPPORT', actors: ['KAZ'], recipients: ['TUR'], date: '2022-05-10', lang: 'tr', at: 40 }),
      ...facts('tr'),
    ]));
  const ru = await store.putArticle(
    { address: 'https://novosti.test/ru/1', title: 'Казахстан и Россия', lang: 'ru', published: '2022-06-02', text: 'Токаев встретился с Путиным 1 июня.' },
    coded([
      event({ actors: ['KAZ'], recipients: ['RUS'], date: '2022-06-01', lang: 'ru' }),
      event({ type: 'ACCUSE', actors: ['RUS'], recipients: ['UKR'], date: '2022-06', lang: 'ru', at: 30 }),
    ]));
  const old = await store.putArticle(
    { lang: 'en', published: '2021-03-01', text: 'Kazakhstan hosted Turkish ministers 100% of the time.' },
    coded([event({ actors: ['KAZ'], recipients: ['TUR'], date: '2021-03-01' })]));
  return { en: en.articleId, tr: tr.articleId, ru: ru.articleId, old: old.articleId };
}

/** An event count as a line: "PARTNER PERIOD TYPE[/mode] N". */
const countLine = (c: EventCount): string => `${c.partner} ${c.period} ${c.type}${c.mode ? `/${c.mode}` : ''} ${c.events}`;

const describeEvents = (events: readonly EventRow[]): string[] =>
  events.map((e) => `${e.type} ${e.actors.join('+')}>${e.recipients.join('+')} ${e.date}`);

for (const backend of backends()) {
  describe(`store on ${backend.name}`, { skip: backend.skip }, () => {
    after(() => backend.cleanup());

    test('a new archive gets every migration, recorded once; reopening applies none', async () => {
      const location = backend.fresh();
      await using(location, async (s) => assert.equal((await s.stats()).schemaVersion, SCHEMA_VERSION));
      await using(location, async (s) => assert.equal((await s.stats()).schemaVersion, SCHEMA_VERSION));
      const dialect = dialectFor(location);
      const driver = await dialect.createDriver();
      const versions = await driver.transaction('read', (c) => c.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version'));
      await driver.close();
      assert.deepEqual(versions.map((v) => Number(v.version)), Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    });

    test('an archive at migration 1 is upgraded in place with its data kept', async () => {
      const location = backend.fresh();
      const dialect = dialectFor(location);
      const driver = await dialect.createDriver();
      assert.deepEqual(await migrate(driver, dialect, 1), { from: 0, to: 1 });
      // Written as Dyad at schema version 1 wrote it.
      await driver.transaction('write', async (c) => {
        const [a] = await c.all<{ id: number }>(`INSERT INTO articles (address, content_hash, title, lang, published, published_first,
          published_last, text, source, lexicon_version, ingested_at) VALUES ('old/1', 'h1', 'Old', 'en', '2022-05-11', '2022-05-11',
          '2022-05-11', 'Old text', 'fixture', 'lex-0', '2022-05-11T00:00:00Z') RETURNING id`);
        const [e] = await c.all<{ id: number }>(`INSERT INTO events (type, mode, date, date_first, date_last, actors, recipients, first_seen)
          VALUES ('CONSULT', 'visit', '2022-05-10', '2022-05-10', '2022-05-10', 'KAZ', 'TUR', '2022-05-11T00:00:00Z') RETURNING id`);
        await c.run(`INSERT INTO event_actors (event_id, code, role, date_first) VALUES (?, 'KAZ', 'actor', '2022-05-10'), (?, 'TUR', 'recipient', '2022-05-10')`, [Number(e?.id), Number(e?.id)]);
        await c.run(`INSERT INTO mentions (article_id, event_id, lang, date, mode, actors, recipients, sentence, start_offset, end_offset,
          evidence, pattern, confidence, lexicon_version, record) VALUES (?, ?, 'en', '2022-05-10', 'visit', 'KAZ', 'TUR', 0, 0, 8, 'Old text',
          'en.old', 0.8, 'lex-0', ?)`, [Number(a?.id), Number(e?.id), JSON.stringify(event({ actors: ['KAZ'], recipients: ['TUR'], date: '2022-05-10' }))]);
      });
      await driver.close();

      await using(location, async (s) => {
        const stats = await s.stats();
        assert.equal(stats.schemaVersion, SCHEMA_VERSION);
        assert.equal(stats.articles, 1);
        // Migration 2 built the dyad index for the old event.
        const [old] = await s.events({ dyad: ['TUR', 'KAZ'] });
        assert.equal(old?.mentions, 1);
        assert.equal((await s.article(1))?.mentions[0]?.evidence.text, 'Old text');
        // New mentions group with events stored before the upgrade.
        await s.putArticle({ lang: 'tr', published: '2022-05-11', text: 'Yeni metin' },
          coded([event({ actors: ['KAZ'], recipients: ['TUR'], date: '2022-05-10', lang: 'tr' })]));
        assert.deepEqual((await s.events()).map((e) => [e.id, e.mentions, e.languages]), [[old?.id, 2, ['en', 'tr']]]);
        // Migration 3 indexed the old article's words for search.
        assert.deepEqual((await s.search({ q: 'old texts' })).map((h) => h.article.id), [1]);
      });
    });

    test('an archive written by a newer Dyad is refused, not changed', async () => {
      const location = backend.fresh();
      await using(location, async () => {});
      const dialect = dialectFor(location);
      const driver = await dialect.createDriver();
      await driver.transaction('write', (c) => c.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')"));
      await driver.close();
      await assert.rejects(openStore(location), (e: unknown) => e instanceof StoreError && e.reason === 'store_newer');
    });

    test('putArticle: added, then unchanged for the same content however spaced or composed', async () => {
      await using(backend.fresh(), async (s) => {
        const records = coded([event({ actors: ['KAZ'], recipients: ['TUR'], date: '2022-05-10' })]);
        const first = await s.putArticle({ address: 'a/1', lang: 'en', text: 'Café  talks\nin Ankara' }, records);
        assert.equal(first.status, 'added');
        assert.deepEqual(await s.putArticle({ address: 'a/1', lang: 'en', text: 'Cafe\u0301 talks in Ankara ' }, records), { status: 'unchanged', articleId: first.articleId });
        // The same text without an address, or at another address, is a copy of the archived one.
        assert.deepEqual(await s.putArticle({ lang: 'en', text: 'Café talks in Ankara' }, records), { status: 'unchanged', articleId: first.articleId });
        assert.deepEqual(await s.putArticle({ address: 'mirror/1', lang: 'en', text: 'Café talks in Ankara' }, records), { status: 'unchanged', articleId: first.articleId });
        const stats = await s.stats();
        assert.equal(stats.articles, 1);
        assert.equal(stats.mentions, 1);
      });
    });

    test('putArticle: a changed text at the same address replaces its mentions; orphaned events go', async () => {
      await using(backend.fresh(), async (s) => {
        const a = await s.putArticle({ address: 'x', lang: 'en', published: '2022-05-11', text: 'Version one' }, coded([
          event({ type: 'ACCUSE', actors: ['RUS'], recipients: ['UKR'], date: '2022-05-09' }),
          event({ actors: ['KAZ'], recipients: ['TUR'], date: '2022-05-10', at: 30 }),
        ]));
        await s.putArticle({ address: 'y', lang: 'tr', published: '2022-05-11', text: 'Another report' },
          coded([event({ actors: ['KAZ'], recipients: ['TUR'], date: '2022-05', lang: 'tr' })]));
        const [shared] = await s.events({ type: 'CONSULT' });
        assert.equal(shared?.date, '2022-05-10');
        const b = await s.putArticle({ address: 'x', lang: 'en', published: '2022-05-12', text: 'Version two' },
          coded([event({ type: 'AID', actors: ['TUR'], recipients: ['AZE'], date: '2022-05-12' })]));
        assert.deepEqual(b, { status: 'replaced', articleId: a.articleId });
        assert.deepEqual(describeEvents(await s.events()).sort(), ['AID TUR>AZE 2022-05-12', 'CONSULT KAZ>TUR 2022-05']);
        // The surviving event keeps its id; its date is re-derived from the mention left.
        const [kept] = await s.events({ type: 'CONSULT' });
        assert.deepEqual([kept?.id, kept?.mentions, kept?.languages], [shared?.id, 1, ['tr']]);
        const article = await s.article(a.articleId);
        assert.equal(article?.text, 'Version two');
        assert.deepEqual(article?.mentions.map((m) => m.record.type), ['AID']);
        assert.equal((await s.stats()).events, 2);
      });
    });

    test('putArticle: a new lexicon version recodes (replaces) and articlesCodedBefore finds the rest', async () => {
      await using(backend.fresh(), async (s) => {
        const r1 = await s.putArticle({ address: 'p/1', lang: 'en', text: 'One' }, coded([event({ actors: ['KAZ'], recipients: ['CHN'], date: '2022' })], 'lex-1'));
        const r2 = await s.putArticle({ address: 'p/2', lang: 'ru', text: 'Два' }, coded([], 'lex-1'));
        const recoded = await s.putArticle({ address: 'p/1', lang: 'en', text: 'One' }, coded([event({ type: 'AGREE', actors: ['KAZ'], recipients: ['CHN'], date: '2022' })], 'lex-2'));
        assert.deepEqual(recoded, { status: 'replaced', articleId: r1.articleId });
        const stale: number[] = [];
        for await (const a of s.articlesCodedBefore('lex-2')) stale.push(a.id);
        assert.deepEqual(stale, [r2.articleId]);
        assert.deepEqual((await s.stats()).lexiconVersions, { 'lex-1': 1, 'lex-2': 1 });
        assert.deepEqual(describeEvents(await s.events()), ['AGREE KAZ>CHN 2022']);
      });
    });

    test('putArticle is idempotent: a second ingest of everything changes nothing', async () => {
      await using(backend.fresh(), async (s) => {
        const first = await putQueryFixtures(s);
        await ingestGenerated(s, 8);
        const before = await snapshot(s);
        const articles = await s.articles({ limit: 100 });
        assert.deepEqual(await putQueryFixtures(s), first);
        for (let i = 0; i < 8; i++) {
          const g = generatedArticle(i);
          assert.equal((await s.putArticle(g.article, g.coded)).status, 'unchanged');
        }
        assert.deepEqual(await snapshot(s), before);
        // Same ingestedAt: nothing was rewritten.
        assert.deepEqual(await s.articles({ limit: 100 }), articles);
      });
    });

    test('putArticle rejects what it cannot store, writing nothing', async () => {
      await using(backend.fresh(), async (s) => {
        await assert.rejects(s.putArticle({ lang: 'xx' as 'en', text: 'x' }, coded([])), (e: unknown) => e instanceof DyadError && e.code === 'bad_lang');
        await assert.rejects(s.putArticle({ lang: 'en', published: '2022-13', text: 'x' }, coded([])), (e: unknown) => e instanceof DyadError && e.code === 'bad_date');
        await assert.rejects(s.putArticle({ lang: 'en', text: 'x' }, coded([event({ actors: ['KAZ'], date: 'May' })])),
          (e: unknown) => e instanceof StoreError && e.reason === 'store_invalid' && e.path === 'records[0].date');
        assert.equal((await s.stats()).articles, 0);
      });
    });

    test('one event reported in two languages is one event with 2 mentions, 2 sources, 2 languages', async () => {
      await using(backend.fresh(), async (s) => {
        const ids = await putQueryFixtures(s);
        const [visit] = await s.events({ type: 'CONSULT', dyad: ['KAZ', 'TUR'], from: '2022' });
        assert.deepEqual([visit?.mode, visit?.date, visit?.mentions, visit?.sources, visit?.languages], ['visit', '2022-05-10', 2, 2, ['en', 'tr']]);
        const mentions = await s.eventMentions(visit?.id ?? 0);
        assert.deepEqual(mentions.map((m) => [m.article.id, m.lang, m.date]), [[ids.en, 'en', '2022-05-10'], [ids.tr, 'tr', '2022-05-11']]);
        // An undirected "KAZ and TUR" report of the month and a directed one of the day are the same
        // event, led by the more precise report: its parties and its day.
        const [support] = await s.events({ type: 'SUPPORT' });
        assert.deepEqual([support?.actors, support?.recipients, support?.date, support?.mentions], [['KAZ'], ['TUR'], '2022-05-10', 2]);
      });
    });

    test('grouping: types, directions, parties and dates that disagree make separate events', async () => {
      await using(backend.fresh(), async (s) => {
        const put = async (address: string, spec: Parameters<typeof event>[0]): Promise<void> => {
          await s.putArticle({ address, lang: 'en', text: address }, coded([event(spec)]));
        };
        const kt = { actors: ['KAZ'], recipients: ['TUR'] };
        await put('d1', { ...kt, date: '2022-05-10' });
        await put('d2', { ...kt, date: '2022-05-13' }); // 3 days: same
        await put('d3', { ...kt, date: '2022-05-17' }); // 7 days from the first: new event
        await put('d4', { ...kt, date: '2022-05-14' }); // 4 days from the first: leads the third, the earlier of the two
        await put('m1', { ...kt, date: '2021-07' });
        await put('m2', { ...kt, date: '2021-07-20' }); // month then day: same, date made precise
        await put('m3', { ...kt, date: '2021-08' }); // another month: new
        await put('y1', { ...kt, date: '2020' });
        await put('y2', { ...kt, date: '2020-02' }); // year then month: same
        await put('b1', { ...kt, date: '2019-05-31' });
        await put('b2', { ...kt, date: '2019-06-02' }); // 2 days apart across months: same
        await put('r1', { actors: ['TUR'], recipients: ['KAZ'], date: '2022-05-10' }); // reversed: new
        await put('o1', { actors: ['KAZ', 'AZE'], recipients: ['TUR'], date: '2022-05-10' }); // overlap 2/3: same as d1
        await put('o2', { actors: ['KAZ'], recipients: ['RUS'], date: '2022-05-10' }); // overlap 1/3: new
        await put('t1', { type: 'AGREE', ...kt, date: '2022-05-10' }); // another type: new
        const events = await s.events({ dyad: ['KAZ', 'TUR'], limit: 50 });
        assert.deepEqual(events.map((e) => `${e.type} ${e.actors.join('+')}>${e.recipients.join('+')} ${e.date} ${e.mentions}`), [
          'CONSULT KAZ>TUR 2019-05-31 2',
          'CONSULT KAZ>TUR 2020-02 2',
          'CONSULT KAZ>TUR 2021-07-20 2',
          'CONSULT KAZ>TUR 2021-08 1',
          'CONSULT KAZ>TUR 2022-05-10 3',
          'CONSULT TUR>KAZ 2022-05-10 1',
          'AGREE KAZ>TUR 2022-05-10 1',
          'CONSULT KAZ>TUR 2022-05-14 2',
        ]);
        assert.deepEqual(describeEvents(await s.events({ dyad: ['KAZ', 'RUS'] })), ['CONSULT KAZ>RUS 2022-05-10']);
      });
    });

    test('events: each filter, and pages that partition the list', async () => {
      await using(backend.fresh(), async (s) => {
        await putQueryFixtures(s);
        const all = await s.events();
        assert.deepEqual(describeEvents(all), [
          'CONSULT KAZ>TUR 2021-03-01', 'AGREE KAZ>TUR 2022-05', 'CONSULT KAZ>TUR 2022-05-10', 'SUPPORT KAZ>TUR 2022-05-10',
          'CONSULT KAZ>RUS 2022-06-01', 'ACCUSE RUS>UKR 2022-06',
        ]);
        const names = async (f: Parameters<Store['events']>[0]): Promise<string[]> => describeEvents(await s.events(f));
        assert.deepEqual(await names({ actor: 'RUS' }), ['CONSULT KAZ>RUS 2022-06-01', 'ACCUSE RUS>UKR 2022-06']);
        assert.deepEqual(await names({ dyad: ['TUR', 'KAZ'] }), describeEvents(all.slice(0, 4)));
        assert.deepEqual(await names({ dyad: ['KAZ', 'UKR'] }), []);
        assert.deepEqual(await names({ dyad: ['KAZ', 'TUR'], actor: 'UKR' }), []);
        assert.deepEqual(await names({ type: 'CONSULT' }), [describeEvents(all)[0], describeEvents(all)[2], describeEvents(all)[4]]);
        assert.deepEqual(await names({ from: '2022-05-11' }), ['AGREE KAZ>TUR 2022-05', 'CONSULT KAZ>RUS 2022-06-01', 'ACCUSE RUS>UKR 2022-06']);
        assert.deepEqual(await names({ to: '2022-05' }), describeEvents(all.slice(0, 4)));
        assert.deepEqual(await names({ from: '2022-06', to: '2022-06-01', actor: 'KAZ' }), ['CONSULT KAZ>RUS 2022-06-01']);
        assert.deepEqual(await names({ lang: 'tr' }), ['CONSULT KAZ>TUR 2022-05-10', 'SUPPORT KAZ>TUR 2022-05-10']);
        assert.deepEqual(await names({ lang: 'ru', type: 'ACCUSE' }), ['ACCUSE RUS>UKR 2022-06']);
        const pages = [...await s.events({ limit: 4 }), ...await s.events({ limit: 4, offset: 4 })];
        assert.deepEqual(pages.map((e) => e.id), all.map((e) => e.id));
        assert.deepEqual(await s.events({ limit: 2, offset: 10 }), []);
        await assert.rejects(s.events({ from: '10 May' }), (e: unknown) => e instanceof DyadError && e.code === 'bad_date' && e.path === 'from');
      });
    });

    test('articles, one article with its mentions, facts, stats and export', async () => {
      await using(backend.fresh(), async (s) => {
        const ids = await putQueryFixtures(s);
        const list = async (f: Parameters<Store['articles']>[0]): Promise<number[]> => (await s.articles(f)).map((a) => a.id);
        assert.deepEqual(await list({}), [ids.old, ids.en, ids.tr, ids.ru]);
        assert.deepEqual(await list({ lang: 'ru' }), [ids.ru]);
        assert.deepEqual(await list({ from: '2022-05-12', to: '2022-06' }), [ids.tr, ids.ru]);
        assert.deepEqual(await list({ q: 'КАЗАХСТАН' }), [ids.ru]);
        assert.deepEqual(await list({ q: 'tokayev' }), [ids.en, ids.tr]);
        assert.deepEqual(await list({ q: '100%' }), [ids.old]);
        assert.deepEqual(await list({ q: '_' }), []);
        assert.deepEqual(await list({ address: 'https://haber.test/tr/ziyaret' }), [ids.tr]);
        assert.deepEqual(await list({ address: 'https://haber.test/tr/' }), []);
        assert.deepEqual(await list({ limit: 2, offset: 1 }), [ids.en, ids.tr]);
        assert.equal(await s.article(9999), undefined);

        const en = await s.article(ids.en);
        assert.deepEqual([en?.address, en?.title, en?.published, en?.source, en?.lexiconVersion], ['https://news.test/en/visit', 'Tokayev visits Turkey', '2022-05-11', 'news', 'lex-1']);
        assert.deepEqual(en?.mentions.map((m) => [m.evidence.start, m.evidence.end, m.record.type]), [[0, 20, 'CONSULT'], [50, 70, 'SUPPORT'], [120, 140, 'AGREE']]);
        assert.deepEqual(en?.facts.map((f) => f.kind), ['agreement', 'partnership', 'commitment']);
        const target = en?.facts.find((f) => f.kind === 'commitment')?.record;
        assert.equal(target?.kind === 'commitment' ? target.value : undefined, 1e10);

        const kinds = async (f: Parameters<Store['facts']>[0]): Promise<string[]> => (await s.facts(f)).map((x) => `${x.kind}/${x.article.lang}`);
        assert.equal((await s.facts()).length, 6);
        assert.deepEqual(await kinds({ kind: 'partnership' }), ['partnership/en', 'partnership/tr']);
        assert.deepEqual(await kinds({ party: 'RUS' }), []);
        assert.deepEqual(await kinds({ dyad: ['TUR', 'KAZ'], lang: 'tr', kind: 'agreement' }), ['agreement/tr']);
        assert.deepEqual(await kinds({ from: '2022-06' }), []);
        assert.equal((await s.facts({ to: '2022-05-31', limit: 4 })).length, 4);
        assert.deepEqual((await s.facts({ kind: 'agreement' }))[0]?.parties, ['KAZ', 'TUR']);

        assert.deepEqual(await s.stats(), {
          schemaVersion: SCHEMA_VERSION, articles: 4, mentions: 8, events: 6, facts: 6, translations: 1,
          languages: { en: 2, ru: 1, tr: 1 }, lexiconVersions: { 'lex-1': 4 },
        });
        let exported = 0;
        for await (const { event: e, mentions } of s.export()) {
          exported++;
          assert.equal(mentions.length, e.mentions);
          assert.ok(mentions.every((m) => m.eventId === e.id));
        }
        assert.equal(exported, 6);
      });
    });

    test('search: stems in each language, every word required, filters and pages', async () => {
      await using(backend.fresh(), async (s) => {
        const ids = await putQueryFixtures(s);
        const extra = await s.putArticle({ address: 'x/tr', title: 'Türkiye ile ticaret', lang: 'tr', published: '2023-01-02', text: "Kazakistan'ın Türkiye'ye ihracatı arttı." }, coded([]));
        const hits = async (f: Parameters<Store['search']>[0]): Promise<number[]> => (await s.search(f)).map((h) => h.article.id);
        assert.deepEqual(await hits({ q: 'visited' }), [ids.en]); // "visits" in the title, "visited" in the text
        assert.deepEqual((await hits({ q: 'Türkiye', lang: 'tr' })).sort(), [ids.tr, extra.articleId].sort()); // Türkiye'ye, Türkiye’de
        assert.deepEqual(await hits({ q: 'Казахстана' }), [ids.ru]); // stem of "Казахстан"
        assert.deepEqual(await hits({ q: 'Tokayev Putin' }), []); // every word required
        assert.deepEqual(await hits({ q: 'Токаев Путиным' }), [ids.ru]);
        assert.deepEqual(await hits({ q: 'Tokayev', lang: 'en' }), [ids.en]);
        assert.deepEqual(await hits({ q: 'Tokayev', from: '2022-05-12' }), [ids.tr]);
        assert.equal((await s.search({ q: 'Tokayev', limit: 1 })).length, 1);
        assert.deepEqual(await hits({ q: '"\' OR *' }), []); // query syntax is never passed through
        assert.deepEqual(await hits({ q: '  ' }), []);
        // A replaced article is found by its new words only.
        await s.putArticle({ address: 'x/tr', lang: 'tr', published: '2023-01-02', text: 'Özbekistan ile görüşme.' }, coded([]));
        assert.deepEqual(await hits({ q: 'ihracat' }), []);
        assert.deepEqual(await hits({ q: 'Özbekistan' }), [extra.articleId]);
      });
    });

    test('eventCounts: by partner, period, type and mode, from either side of the dyad', async () => {
      await using(backend.fresh(), async (s) => {
        await putQueryFixtures(s);
        assert.deepEqual((await s.eventCounts({ actor: 'KAZ' })).map(countLine), [
          'TUR 2021-03 CONSULT 1', 'TUR 2022-05 AGREE 1', 'TUR 2022-05 CONSULT/visit 1', 'TUR 2022-05 SUPPORT 1', 'RUS 2022-06 CONSULT 1',
        ].sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!) || a.localeCompare(b)));
        assert.deepEqual((await s.eventCounts({ actor: 'UKR' })).map(countLine), ['RUS 2022-06 ACCUSE 1']);
        assert.deepEqual((await s.eventCounts({ actor: 'TUR', partner: 'KAZ', from: '2022' })).map(countLine), [
          'KAZ 2022-05 AGREE 1', 'KAZ 2022-05 CONSULT/visit 1', 'KAZ 2022-05 SUPPORT 1']);
        assert.deepEqual(await s.eventCounts({ actor: 'KAZ', partner: 'CHN' }), []);
      });
    });

    test('optimize refreshes statistics and changes nothing the archive holds', async () => {
      await using(backend.fresh(), async (s) => {
        await putQueryFixtures(s);
        const before = await snapshot(s);
        await s.optimize();
        assert.deepEqual(await snapshot(s), before);
      });
    });

    test('eventCounts follow an event whose date is made precise or whose mentions are replaced', async () => {
      await using(backend.fresh(), async (s) => {
        // Reported first with the year only, then with the day: one event, counted in its month.
        await s.putArticle({ address: 'c/1', lang: 'en', text: 'A visit this year.' },
          coded([event({ actors: ['KAZ'], recipients: ['UZB'], date: '2023', mode: 'visit' })]));
        assert.deepEqual((await s.eventCounts({ actor: 'UZB' })).map(countLine), ['KAZ 2023 CONSULT/visit 1']);
        await s.putArticle({ address: 'c/2', lang: 'ru', text: 'Встреча 14 марта.' },
          coded([event({ actors: ['KAZ'], recipients: ['UZB'], date: '2023-03-14', lang: 'ru' })]));
        assert.deepEqual((await s.eventCounts({ actor: 'UZB' })).map(countLine), ['KAZ 2023-03 CONSULT/visit 1']);
        assert.deepEqual((await s.eventCounts({ actor: 'KAZ', from: '2023-03', to: '2023-03' })).map(countLine), ['UZB 2023-03 CONSULT/visit 1']);
        // The founding report is rewritten without the event: the report left founds it, with its mode.
        await s.putArticle({ address: 'c/1', lang: 'en', text: 'Nothing happened.' }, coded([]));
        assert.deepEqual((await s.eventCounts({ actor: 'UZB' })).map(countLine), ['KAZ 2023-03 CONSULT 1']);
      });
    });

    test('putArticles: a batch in one transaction gives what one call per article gives', async () => {
      const one = await using(backend.fresh(), async (s) => {
        await ingestGenerated(s, 12);
        return snapshot(s);
      });
      await using(backend.fresh(), async (s) => {
        const items = Array.from({ length: 12 }, (_, i) => generatedArticle(i));
        const results = await s.putArticles(items);
        assert.deepEqual(results.map((r) => r.status), items.map(() => 'added'));
        assert.deepEqual((await s.putArticles(items.slice(0, 2))).map((r) => r.status), ['unchanged', 'unchanged']);
        assert.deepEqual(await snapshot(s), one);
        // A bad article anywhere in the batch: nothing of the batch is written.
        const bad = { article: { lang: 'xx' as 'en', text: 'bad' }, coded: coded([]) };
        await assert.rejects(s.putArticles([generatedArticle(20), bad]), (e: unknown) => e instanceof DyadError && e.code === 'bad_lang');
        assert.equal((await s.stats()).articles, 12);
      });
    });

    test('translations: same events and numbers in another language within 3 days are linked both ways', async () => {
      await using(backend.fresh(), async (s) => {
        const ids = await putQueryFixtures(s);
        const [link] = await s.translationsOf(ids.en);
        assert.deepEqual([link?.article.id, link?.kind], [ids.tr, 'translation']);
        assert.ok((link?.score ?? 0) >= 0.5);
        assert.deepEqual((await s.translationsOf(ids.tr)).map((l) => [l.article.id, l.score]), [[ids.en, link?.score]]);
        assert.deepEqual(await s.translationsOf(ids.ru), []);
        // Similar articles: those sharing events, most shared first.
        assert.deepEqual((await s.similarTo(ids.en)).map((x) => [x.article.id, x.sharedEvents]), [[ids.tr, 2]]); // the 2021 visit is another event
        assert.deepEqual(await s.similarTo(ids.ru), []);

        const records = (lang: 'en' | 'ru', count: number) => coded([
          event({ type: 'AID', actors: ['CHN'], recipients: ['KGZ'], date: '2023-01-10', lang }),
          agreement(['CHN', 'KGZ'], count, '2023-01', lang),
          commitment(['CHN', 'KGZ'], 5e9, '2023-01', lang),
        ]);
        const base = await s.putArticle({ address: 't/en', lang: 'en', published: '2023-01-10', text: 'Base' }, records('en', 7));
        const late = await s.putArticle({ address: 't/ru/late', lang: 'ru', published: '2023-01-14', text: 'Поздно' }, records('ru', 7));
        const sameLang = await s.putArticle({ address: 't/en/2', lang: 'en', published: '2023-01-10', text: 'Copy in English' }, records('en', 7));
        const otherCount = await s.putArticle({ address: 't/ru/n', lang: 'ru', published: '2023-01-11', text: 'Другое число' }, records('ru', 9));
        const ru = await s.putArticle({ address: 't/ru', lang: 'ru', published: '2023-01-11', text: 'Перевод' }, records('ru', 7));
        assert.deepEqual((await s.translationsOf(ru.articleId)).map((l) => l.article.id).sort(), [base.articleId, sameLang.articleId].sort());
        assert.deepEqual(await s.translationsOf(late.articleId), []); // 4 days after
        // 9 agreements instead of 7: 2 of 4 keys shared, Jaccard 0.5: still linked; 1 shared would not be.
        assert.equal((await s.translationsOf(otherCount.articleId)).length, 2);
        assert.deepEqual((await s.translationsOf(base.articleId)).map((l) => l.article.id).sort(), [otherCount.articleId, ru.articleId].sort());
      });
    });

    test('concurrent putArticle calls on one store give the same archive as one at a time', async () => {
      const sequential = await using(backend.fresh(), async (s) => {
        await ingestGenerated(s, 12);
        return snapshot(s);
      });
      await using(backend.fresh(), async (s) => {
        const items = Array.from({ length: 12 }, (_, i) => generatedArticle(i));
        await Promise.all([...items, ...items].map((g) => s.putArticle(g.article, g.coded)));
        assert.deepEqual(await snapshot(s), sequential);
      });
    });

    test('crash: an ingest killed mid-run leaves whole articles only, and a rerun ends as an uninterrupted run', async () => {
      const reference = await using(backend.fresh(), async (s) => {
        await ingestGenerated(s);
        return snapshot(s);
      });
      const location = backend.fresh();
      for (const at of [6, 20, 34]) {
        const run = child(location, 'forward', at);
        assert.equal(await run.exited, 'SIGKILL');
        assert.equal(run.lines.at(-1), `${at - 1} added`);
        await using(location, async (s) => {
          // Articles 0..at-1 whole; of article `at`, whose transaction was cut, nothing.
          const stored = await s.articles({ limit: 1000 });
          assert.equal(stored.length, at);
          for (const a of stored) {
            const full = await s.article(a.id);
            assert.equal(full?.mentions.length, GENERATED_MENTIONS, `article ${a.address}`);
            assert.equal(full?.facts.length, 1);
          }
          for await (const { mentions } of s.export()) assert.ok(mentions.length > 0, 'an event without mentions');
        });
      }
      const rerun = child(location);
      assert.equal(await rerun.exited, 0);
      assert.equal(rerun.lines.filter((l) => l.endsWith(' unchanged')).length, 34);
      await using(location, async (s) => assert.deepEqual(await snapshot(s), reference));
    });

    test('two ingest processes at once store each article once and group events as one process would', async () => {
      const reference = await using(backend.fresh(), async (s) => {
        await ingestGenerated(s);
        return snapshot(s);
      });
      const location = backend.fresh();
      const [a, b] = [child(location, 'forward'), child(location, 'reverse')];
      assert.deepEqual(await Promise.all([a.exited, b.exited]), [0, 0]);
      const statuses = new Map<string, string[]>();
      for (const line of [...a.lines, ...b.lines]) {
        const [i, status] = line.split(' ');
        if (status) statuses.set(i ?? '', [...(statuses.get(i ?? '') ?? []), status].sort());
      }
      assert.equal(statuses.size, GENERATED);
      for (const s of statuses.values()) assert.deepEqual(s, ['added', 'unchanged']);
      await using(location, async (s) => assert.deepEqual(await snapshot(s), reference));
    });
  });
}
