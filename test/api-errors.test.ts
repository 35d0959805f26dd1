/**
 * How the API answers what it cannot use: strict numbers, malformed %-escapes, NUL characters,
 * parameters given twice, a fault of its own (logged once, with the id the answer carries), and a
 * sweep of hostile values through every GET route's parameters on every backend, none of which
 * may be a 500.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { LexiconSet } from '../src/lexicon/index.ts';
import { createServer, ROUTES } from '../src/serve/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { backends } from './fixtures/store/backends.ts';
import { coded, event } from './fixtures/store/records.ts';

const lexicons = LexiconSet.load();

/** A small archive: a visit in English, a meeting in Russian. */
async function fill(store: Store): Promise<void> {
  await store.putArticle({ address: 'fixture/visit', title: 'Tokayev in Ankara', lang: 'en', published: '2022-05-11', text: 'Tokayev in Ankara\n\nPresident Tokayev visited Ankara on 10 May.' },
    coded([event({ mode: 'visit', actors: ['KAZ'], recipients: ['TUR'], date: '2022-05-10', at: 19 })]));
  await store.putArticle({ address: 'fixture/ru', lang: 'ru', published: '2023-01-15', text: 'Казахстан и Россия, встреча' },
    coded([event({ actors: ['KAZ'], recipients: ['RUS'], date: '2023-01-14', lang: 'ru' })]));
}

/** The API's error body, checked for its shape and its request id (the same as the header's). */
function refusal(res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }): { error: string; message: string; field?: string; requestId: string } {
  const body = res.json() as { error: string; message: string; field?: string; requestId: string };
  assert.equal(typeof body.error, 'string');
  assert.equal(typeof body.message, 'string');
  assert.match(body.requestId, /^[0-9a-f-]{36}$/);
  assert.equal(res.headers['x-request-id'], body.requestId);
  assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  return body;
}

describe('API: strict input', () => {
  const location = backends()[0];
  let store: Store;
  let app: FastifyInstance;

  before(async () => {
    store = await openStore(location?.fresh() ?? '');
    await fill(store);
    app = await createServer({ store, lexicons });
  });
  after(async () => {
    await app.close();
    await store.close();
    await location?.cleanup();
  });

  for (const [url, field] of [
    ['/api/events?limit=0x10', 'query.limit'],
    ['/api/events?limit=', 'query.limit'],
    ['/api/events?limit=%205%20', 'query.limit'],
    ['/api/events?limit=1e3', 'query.limit'],
    ['/api/events?limit=%2B5', 'query.limit'],
    ['/api/events?limit=5.0', 'query.limit'],
    ['/api/events?limit=0', 'query.limit'],
    ['/api/events?limit=1&limit=2', 'query.limit'],
    ['/api/events?offset=', 'query.offset'],
    ['/api/events?offset=-1', 'query.offset'],
    ['/api/articles?offset=99999999999999999999', 'query.offset'],
    ['/api/events/0x10', 'params.id'],
    ['/api/events/1e3', 'params.id'],
    ['/api/events/%201', 'params.id'],
    ['/api/articles/99999999999999999999', 'params.id'],
    ['/api/search?q=a%00b', 'query.q'],
    ['/api/articles?address=x%00', 'query.address'],
  ] as const) {
    test(`${url} → 400 ${field}`, async () => {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 400);
      const body = refusal(res);
      assert.deepEqual([body.error, body.field], ['bad_request', field]);
      assert.ok(body.message.startsWith(`${field}: `), body.message);
    });
  }

  test('a parameter given twice is named as such', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/events?actor=KAZ&actor=TUR' });
    assert.deepEqual([res.statusCode, refusal(res).message], [400, 'query.actor: given more than once: give it once']);
  });

  test('decimal digits are numbers, leading zeros too', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/events?limit=007&offset=0' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().page, { limit: 7, offset: 0, next: null });
  });

  test('the document shows the numbers as integers, with their bounds and defaults', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const params = doc.paths['/api/events'].get.parameters as { name: string; schema: Record<string, unknown> }[];
    assert.deepEqual(params.find((p) => p.name === 'limit')?.schema, { type: 'integer', minimum: 1, maximum: 1000, default: 50 });
    assert.deepEqual(params.find((p) => p.name === 'offset')?.schema, { type: 'integer', minimum: 0, default: 0 });
  });

  for (const url of ['/api/events/%E0%A4%A', '/%E0%A4%A', '/api/events/%ZZ']) {
    test(`a malformed %-escape in the path (${url}) is the API's own 400, with the security headers`, async () => {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 400);
      const body = refusal(res);
      assert.deepEqual([body.error, body.field], ['bad_request', 'url']);
    });
  }

  test('an unknown address is a 404 of the same shape', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/events' });
    assert.equal(res.statusCode, 404);
    assert.equal(refusal(res).error, 'not_found');
  });

  test('every answer carries its own request id', async () => {
    const ids = new Set<string>();
    for (const url of ['/api/stats', '/api/stats', '/', '/api/openapi.json']) ids.add(String((await app.inject({ method: 'GET', url })).headers['x-request-id']));
    assert.equal(ids.size, 4);
  });
});

describe('API: a fault of its own', () => {
  const location = backends()[0];
  let store: Store;

  before(async () => {
    store = await openStore(location?.fresh() ?? '');
  });
  after(async () => {
    await store.close();
    await location?.cleanup();
  });

  test('is a 500 whose request id is in the header, the body and one line of the log', async () => {
    const lines: string[] = [];
    const broken = new Proxy(store, {
      get: (target, key, receiver) => (key === 'stats' ? () => Promise.reject(new Error('disk on fire')) : Reflect.get(target, key, receiver)),
    });
    const app = await createServer({ store: broken, lexicons, errorLog: (line) => lines.push(line) });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/stats' });
      assert.equal(res.statusCode, 500);
      const body = refusal(res);
      assert.equal(body.error, 'internal');
      assert.equal(body.message, `internal error: report it with the request id ${body.requestId}`);
      assert.doesNotMatch(res.body, /disk on fire/, 'the cause stays in the log');
      assert.equal(lines.length, 1);
      assert.doesNotMatch(lines[0] ?? '', /\n/);
      const logged = JSON.parse(lines[0] ?? '{}') as { requestId: string; status: number; method: string; url: string; error: { message: string; stack: string } };
      assert.deepEqual([logged.requestId, logged.status, logged.method, logged.url, logged.error.message], [body.requestId, 500, 'GET', '/api/stats', 'disk on fire']);
      assert.match(logged.error.stack, /disk on fire/);
      // A refusal is the user's mistake, not a fault: nothing logged.
      await app.inject({ method: 'GET', url: '/api/events?limit=x' });
      assert.equal(lines.length, 1);
    } finally {
      await app.close();
    }
  });
});

/** Values no parameter should choke on: each must be answered 200, 400 or 404, never 500. */
const HOSTILE = [
  '%00', 'a%00b', '%E0%A4%A', '%FF', '%25', '%20', '', '-1', '0', '1.5', '1e309', 'NaN', 'Infinity', '0x10', '99999999999999999999999',
  encodeURIComponent("'; DROP TABLE articles; --"), encodeURIComponent('"\\'), encodeURIComponent('U.S.'), encodeURIComponent('6.3'),
  encodeURIComponent('$1.5 billion'), encodeURIComponent('a:b NEAR(c d) * ^ -e'), encodeURIComponent('ﬁ𝔘ℌ\u202E\uFEFF'), 'x'.repeat(3000),
  '__proto__', 'constructor', '%5B%5D', '2022-02-30', '9999-99-99', 'KAZ,TUR,RUS', ',',
];

/** Sample values for each route's path parameters, so that a request reaches its query. */
const PATH_VALUES: Record<string, string> = { id: '1', code: 'KAZ', a: 'KAZ', b: 'TUR' };
/** Good values of the required query parameters. */
const QUERY_VALUES: Record<string, string> = { party: 'KAZ', q: 'visit' };

for (const backend of backends()) {
  describe(`API on ${backend.name}: hostile parameters`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    const lines: string[] = [];

    before(async () => {
      store = await openStore(backend.fresh());
      await fill(store);
      app = await createServer({ store, lexicons, errorLog: (line) => lines.push(line) });
    });
    after(async () => {
      await app.close();
      await store.close();
      await backend.cleanup();
    });

    test('every GET route, every parameter, every hostile value: never a 500, every refusal names its field', async () => {
      let requests = 0;
      const failures: string[] = [];
      for (const route of ROUTES.filter((r) => r.method === 'GET')) {
        const base = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => PATH_VALUES[name] ?? '1');
        const urls: string[] = [];
        const query = Object.entries(route.query?.shape ?? {}) as [string, { safeParse: (v: unknown) => { success: boolean } }][];
        for (const [name] of query) {
          // The other required parameters, given good values, so that the one under test is what is judged.
          const others = query.filter(([n, s]) => n !== name && !s.safeParse(undefined).success).map(([n]) => `${n}=${QUERY_VALUES[n] ?? 'x'}&`).join('');
          for (const v of HOSTILE) urls.push(`${base}?${others}${name}=${v}`);
        }
        for (const name of Object.keys(route.params?.shape ?? {})) {
          for (const v of HOSTILE) urls.push(route.path.replace(/\{(\w+)\}/g, (_m, n: string) => (n === name ? v : PATH_VALUES[n] ?? '1')));
        }
        for (const url of urls) {
          requests++;
          const res = await app.inject({ method: 'GET', url });
          if (![200, 400, 404].includes(res.statusCode)) failures.push(`${res.statusCode} ${url.slice(0, 120)}`);
          else if (res.statusCode !== 200 && !res.json().requestId) failures.push(`no error body: ${url.slice(0, 120)}`);
        }
      }
      assert.deepEqual(failures, []);
      assert.deepEqual(lines, [], 'nothing was a fault');
      assert.ok(requests > 500, `${requests} requests`);
    });
  });
}
