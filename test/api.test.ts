/** The HTTP API in-process (fastify inject): every endpoint, paging, validation, the token, OpenAPI. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { LexiconSet } from '../src/lexicon/index.ts';
import { createServer } from '../src/serve/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { agreement, coded, commitment, event, partnership } from './fixtures/store/records.ts';

const TOKEN = 'test-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'dyad-api-'));
let store: Store;
let app: FastifyInstance;
let visitArticle = 0;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response JSON: the assertions check its shape
async function get(url: string): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body, headers: res.headers };
}

before(async () => {
  store = await openStore(join(dir, 'api.db'));
  const put = await store.putArticle({ address: 'fixture/visit', title: 'Tokayev in Ankara', lang: 'en', published: '2022-05-11', text: 'Tokayev in Ankara\n\nPresident Tokayev visited Ankara on 10 May and met Erdogan.' }, coded([
    event({ mode: 'visit', actors: ['KAZ'], recipients: ['TUR'], date: '2022-05-10', at: 19 }),
    partnership(['KAZ', 'TUR'], 'enhanced strategic partnership', '2022-05'),
    agreement(['KAZ', 'TUR'], 15, '2022-05'),
    commitment(['KAZ', 'TUR'], 10e9, '2022-05'),
  ]));
  visitArticle = put.articleId;
  for (let i = 0; i < 5; i++) {
    await store.putArticle({ address: `fixture/${i}`, lang: 'ru', published: `2023-0${i + 1}-15`, text: `Казахстан и Россия, встреча ${i}` },
      coded([event({ actors: ['KAZ'], recipients: ['RUS'], date: `2023-0${i + 1}-14`, lang: 'ru' })]));
  }
  app = await createServer({ store, lexicons: LexiconSet.load(), token: TOKEN });
});

after(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('API: reading', () => {
  test('events with filters and pages that say whether another follows', async () => {
    const all = await get('/api/events?actor=kaz&limit=4');
    assert.equal(all.status, 200);
    assert.equal(all.body.items.length, 4);
    assert.deepEqual(all.body.page, { limit: 4, offset: 0, next: 4 });
    const rest = await get('/api/events?actor=KAZ&limit=4&offset=4');
    assert.deepEqual([rest.body.items.length, rest.body.page.next], [2, null]);
    const pair = await get('/api/events?dyad=TUR,KAZ');
    assert.deepEqual(pair.body.items.map((e: { type: string; mode: string }) => `${e.type}/${e.mode}`), ['CONSULT/visit']);
    const one = await get(`/api/events/${pair.body.items[0].id}`);
    assert.equal(one.body.mentions[0].evidence.start, 19);
  });

  test('an article with offsets for highlighting, its translations and similar articles', async () => {
    const res = await get(`/api/articles/${visitArticle}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.title, 'Tokayev in Ankara');
    assert.equal(res.body.mentions[0].evidence.start, 19);
    assert.deepEqual(res.body.facts.map((f: { kind: string }) => f.kind).sort(), ['agreement', 'commitment', 'partnership']);
    assert.deepEqual([res.body.translations, res.body.similar], [[], []]);
    assert.equal((await get('/api/articles?lang=ru&limit=2')).body.items.length, 2);
  });

  test('analyses: timeline, ladder, agreements, commitments, profile', async () => {
    const t = await get('/api/dyads/KAZ/TUR/timeline');
    assert.deepEqual(t.body.points.map((p: { period: string; events: number }) => [p.period, p.events]), [['2022-05', 1]]);
    assert.equal((await get('/api/dyads/KAZ/TUR/ladder')).body.items[0].level, 'enhanced strategic partnership');
    assert.equal((await get('/api/agreements?party=KAZ&partner=TUR')).body.items[0].count, 15);
    assert.equal((await get('/api/commitments?party=TUR')).body.items[0].targets[0].value, 10e9);
    const profile = await get('/api/profile/KAZ?from=2023');
    assert.deepEqual(profile.body.partners.map((p: { code: string; cooperation: number }) => [p.code, p.cooperation]), [['RUS', 5]]);
    assert.equal(profile.body.balance[0].index, 0); // all cooperation with one pole
  });

  test('search in every language, actors, map, stats', async () => {
    assert.deepEqual((await get('/api/search?q=visits')).body.items.map((h: { article: { id: number } }) => h.article.id), [visitArticle]);
    assert.equal((await get('/api/search?q=России&lang=ru')).body.items.length, 5);
    const actors = await get('/api/actors?kind=state');
    assert.ok(actors.body.items.some((a: { code: string; names: { kk: string } }) => a.code === 'KAZ' && a.names.kk === 'Қазақстан'));
    assert.equal((await get('/api/actors/tur')).body.pole, 'turkic');
    const map = await get('/api/map');
    assert.ok(map.body.countries.some((c: { code: string; d: string }) => c.code === 'KAZ' && c.d.startsWith('M')));
    assert.equal((await get('/api/stats')).body.articles, 6);
  });

  test('the OpenAPI document describes every route, with its parameters', async () => {
    const doc = (await get('/api/openapi.json')).body;
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/api/events', '/api/articles/{id}', '/api/dyads/{a}/{b}/timeline', '/api/profile/{code}', '/api/search']) assert.ok(doc.paths[path], path);
    const params = doc.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name);
    assert.deepEqual(params, ['actor', 'dyad', 'type', 'lang', 'from', 'to', 'limit', 'offset']);
    assert.deepEqual(doc.paths['/api/articles'].post.security, [{ bearer: [] }]);
  });
});

describe('API: bad requests name the field', () => {
  for (const [url, field] of [
    ['/api/events?dyad=KAZ', 'query.dyad'],
    ['/api/events?type=HUG', 'query.type'],
    ['/api/events?from=May%202022', 'query.from'],
    ['/api/events?limit=5000', 'query.limit'],
    ['/api/events?colour=red', 'query.colour'],
    ['/api/events/abc', 'params.id'],
    ['/api/profile/k', 'params.code'],
    ['/api/search?q=', 'query.q'],
    ['/api/agreements', 'query.party'],
  ] as const) {
    test(`${url} → 400 ${field}`, async () => {
      const res = await get(url);
      assert.equal(res.status, 400);
      assert.equal(res.body.error, 'bad_request');
      assert.equal(res.body.field, field);
      assert.match(res.body.message, new RegExp(`^${field.replace('.', '\\.')}`));
    });
  }

  test('unknown ids and addresses are 404', async () => {
    assert.equal((await get('/api/articles/99999')).status, 404);
    assert.equal((await get('/api/events/99999')).status, 404);
    assert.equal((await get('/api/nothing')).status, 404);
  });
});

describe('API: writing needs the token', () => {
  const body = { title: 'Erdoğan Astana’da', text: "Cumhurbaşkanı Erdoğan 3 Kasım 2023'te Astana'yı ziyaret etti ve Tokayev ile görüştü.", published: '2023-11-04' };

  test('without or with a wrong token: 401, nothing stored', async () => {
    const none = await app.inject({ method: 'POST', url: '/api/articles', payload: body });
    assert.equal(none.statusCode, 401);
    const wrong = await app.inject({ method: 'POST', url: '/api/articles', payload: body, headers: { authorization: 'Bearer nope' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().field, 'headers.authorization');
    assert.equal((await store.stats()).articles, 6);
  });

  test('with the token: coded and stored, then unchanged the second time', async () => {
    const headers = { authorization: `Bearer ${TOKEN}` };
    const first = await app.inject({ method: 'POST', url: '/api/articles', payload: body, headers });
    assert.equal(first.statusCode, 200);
    assert.equal(first.json().status, 'added');
    assert.ok(first.json().events >= 1);
    const again = await app.inject({ method: 'POST', url: '/api/articles', payload: body, headers });
    assert.deepEqual([again.json().status, again.json().articleId], ['unchanged', first.json().articleId]);
    const stored = (await get(`/api/articles/${first.json().articleId}`)).body;
    assert.equal(stored.lang, 'tr');
    assert.ok(stored.mentions.some((m: { record: { actor: { code: string }[] } }) => m.record.actor[0]?.code === 'TUR'));
  });

  test('a bad body names its field', async () => {
    const headers = { authorization: `Bearer ${TOKEN}` };
    const empty = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: '   ' }, headers });
    assert.deepEqual([empty.statusCode, empty.json().field], [400, 'body.text']);
    const lang = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: 'x', lang: 'de' }, headers });
    assert.deepEqual([lang.statusCode, lang.json().field], [400, 'body.lang']);
  });

  test('a server without a token is read-only: 403', async () => {
    const ro = await createServer({ store, lexicons: LexiconSet.load() });
    const res = await ro.inject({ method: 'POST', url: '/api/articles', payload: body, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.statusCode, 403);
    await ro.close();
  });
});

describe('dashboard files', () => {
  test('the page and its script are served with a policy that runs only their own code', async () => {
    const page = await get('/');
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    assert.equal((await get('/app.js')).status, 200);
    assert.equal((await get('/..%2Fpackage.json')).status, 404);
  });
});
