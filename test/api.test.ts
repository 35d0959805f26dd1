/**
 * The HTTP API in-process (fastify inject): every endpoint, paging, validation, the token, OpenAPI;
 * every 200 body checked against the response schema its route declares.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type {
  AgreementEntry, CommitmentTrack, PartnerSummary, Profile, Rung, Source, Timeline, TimelinePoint,
} from '../src/analysis/index.ts';
import type { storeArticle } from '../src/archive/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { EVENT_TYPES, QUAD, QUAD_NAMES } from '../src/model/index.ts';
import type * as serve from '../src/serve/index.ts';
import { API_TYPES_FILE, createServer, renderApiTypes, ROUTES, type Route } from '../src/serve/index.ts';
import {
  openStore, type ArticleLink, type ArticleRef, type ArticleSummary, type EventFilter, type EventRow, type FactRow, type MentionRow,
  type SearchHit, type SimilarArticle, type Store, type StoreStats, type StoredArticle,
} from '../src/store/index.ts';
import { API_ARTICLES } from './fixtures/api/articles.ts';
import { agreement, coded, commitment, event, partnership } from './fixtures/store/records.ts';

const TOKEN = 'test-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'dyad-api-'));
let store: Store;
let app: FastifyInstance;
let visitArticle = 0;

/** The route a request goes to, by method and path (its {params} matching one segment each). */
function routeOf(method: string, url: string): Route | undefined {
  const path = url.split('?')[0] ?? '';
  return ROUTES.find((r) => r.method === method && new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path));
}

/** A 200 answer of an API route must match the route's response schema; the first issue names its path. */
function checkBody(method: string, url: string, status: number, body: unknown): void {
  const route = routeOf(method, url);
  if (!route || status !== 200) return;
  const result = route.response.safeParse(body);
  const issue = result.error?.issues[0];
  assert.ok(result.success, `${method} ${url}: the body does not match its schema at ${issue?.path.join('.')}: ${issue?.message}`);
}

/** Send a request to an app; JSON bodies of 200 answers are checked against their route's schema. */
async function call(server: FastifyInstance, method: 'GET' | 'POST', url: string, init: { payload?: object; headers?: Record<string, string> } = {}):
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response JSON: checked by its schema, then by the assertions
  Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  const res = await server.inject({ method, url, ...init });
  const json = res.headers['content-type']?.toString().includes('json');
  const body = json ? res.json() : res.body;
  if (json) checkBody(method, url, res.statusCode, body);
  return { status: res.statusCode, body, headers: res.headers };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see call()
const get = (url: string): Promise<{ status: number; body: any; headers: Record<string, unknown> }> => call(app, 'GET', url);

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

  test('the OpenAPI document describes every route, with its parameters and its responses', async () => {
    const doc = (await get('/api/openapi.json')).body;
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/api/events', '/api/articles/{id}', '/api/dyads/{a}/{b}/timeline', '/api/profile/{code}', '/api/search']) assert.ok(doc.paths[path], path);
    const params = doc.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name);
    assert.deepEqual(params, ['actor', 'dyad', 'type', 'quad', 'mode', 'scope', 'lang', 'from', 'to', 'limit', 'offset']);
    assert.deepEqual(doc.paths['/api/articles'].post.security, [{ bearer: [] }]);
    const components = doc.components.schemas as Record<string, Record<string, unknown>>;
    /** The component a $ref names, which must exist. */
    const target = (ref: unknown, where: string): Record<string, unknown> => {
      assert.match(String(ref), /^#\/components\/schemas\/\w+$/, where);
      const schema = components[String(ref).split('/').pop() ?? ''];
      assert.ok(schema, `${where}: ${String(ref)} is not a component`);
      return schema;
    };
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> }>>)) {
      for (const [method, op] of Object.entries(item)) {
        operations++;
        for (const [status, response] of Object.entries(op.responses)) {
          const schema = target(response.content['application/json']?.schema.$ref, `${method} ${path} ${status}`);
          if (status === '200') assert.ok(schema['type'] === 'object' || schema['oneOf'], `${method} ${path}: the 200 schema describes a body`);
          else assert.equal(response.content['application/json']?.schema.$ref, '#/components/schemas/ApiError');
        }
        assert.ok(op.responses['200'] && op.responses['400'], `${method} ${path} documents its answer and its refusal`);
      }
    }
    assert.equal(operations, ROUTES.length);
    // Every $ref inside the components names another component: the document stands alone.
    const refs = JSON.stringify(components).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) target(ref.slice(8, -1), ref);
    assert.deepEqual(components['ApiError']?.['required'], ['error', 'message', 'requestId']);
    // What writing may answer, and the headers every answer and a 503 carry.
    const post = doc.paths['/api/articles'].post.responses;
    assert.deepEqual(Object.keys(post), ['200', '400', '401', '403', '409', '413', '415', '500', '503']);
    assert.ok(post['200'].headers['X-Request-Id'] && post['500'].headers['X-Request-Id'] && post['503'].headers['Retry-After']);
    assert.deepEqual(Object.keys(doc.paths['/api/events/{id}'].get.responses), ['200', '400', '404', '500', '503']);
    assert.equal(doc.paths['/api/articles'].post.requestBody.content['application/json'].schema.properties.replace.type, 'boolean');
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
    ['/api/events?quad=5', 'query.quad'],
    ['/api/events?scope=trilateral', 'query.scope'],
    ['/api/events?mode=stroll', 'query.mode'],
    ['/api/profile/KAZ?scope=both', 'query.scope'],
    ['/api/dyads/KAZ/TUR/timeline?quad=0', 'query.quad'],
    ['/api/dyads/KAZ/TUR/timeline?lang=de', 'query.lang'],
  ] as const) {
    test(`${url} → 400 ${field}`, async () => {
      const res = await get(url);
      assert.equal(res.status, 400);
      assert.equal(res.body.error, 'bad_request');
      assert.equal(res.body.field, field);
      assert.match(res.body.message, new RegExp(`^${field.replace('.', '\\.')}`));
    });
  }

  test('an unknown country code is a 404 that says so, on every view', async () => {
    for (const url of ['/api/profile/XYZ', '/api/dyads/KAZ/XYZ/timeline', '/api/dyads/XYZ/KAZ/ladder']) {
      const res = await get(url);
      assert.equal(res.status, 404, url);
      assert.equal(res.body.error, 'unknown_actor');
      assert.match(res.body.message, /^unknown actor "XYZ": no state or organisation has this code/);
    }
  });

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
    const first = await call(app, 'POST', '/api/articles', { payload: body, headers });
    assert.equal(first.status, 200);
    assert.equal(first.body.status, 'added');
    assert.ok(first.body.events >= 1);
    const again = await call(app, 'POST', '/api/articles', { payload: body, headers });
    assert.deepEqual([again.body.status, again.body.articleId], ['unchanged', first.body.articleId]);
    const stored = (await get(`/api/articles/${first.body.articleId}`)).body;
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

describe('API: every route answers with the schema it declares', () => {
  const archive = mkdtempSync(join(tmpdir(), 'dyad-api-schemas-'));
  let coded: Store;
  let server: FastifyInstance;
  const headers = { authorization: `Bearer ${TOKEN}` };
  const ids: number[] = [];

  before(async () => {
    coded = await openStore(join(archive, 'coded.db'));
    server = await createServer({ store: coded, lexicons: LexiconSet.load(), token: TOKEN });
    // The articles go in as a client would send them: coded by the real coder through POST /api/articles.
    for (const a of API_ARTICLES) {
      const res = await call(server, 'POST', '/api/articles', { payload: a, headers });
      assert.equal(res.status, 200, `${a.title}: ${JSON.stringify(res.body)}`);
      ids.push(res.body.articleId);
    }
  });

  after(async () => {
    await server.close();
    await coded.close();
    rmSync(archive, { recursive: true, force: true });
  });

  test('each route, called with parameters that find something, returns a body its schema accepts', async () => {
    const [visit = 0, translation = 0] = ids;
    const { body: events } = await call(server, 'GET', '/api/events?dyad=KAZ,TUR');
    const requests: Record<string, { url: string; payload?: object }> = {
      'GET /api/stats': { url: '/api/stats' },
      'GET /api/status': { url: '/api/status' },
      'GET /api/events': { url: '/api/events?actor=KAZ&limit=3' },
      'GET /api/events/{id}': { url: `/api/events/${events.items[0]?.id}` },
      'GET /api/articles': { url: '/api/articles?from=2023' },
      'GET /api/articles/{id}': { url: `/api/articles/${visit}` },
      'POST /api/articles': { url: '/api/articles', payload: API_ARTICLES[0] ?? {} },
      'GET /api/search': { url: '/api/search?q=Astana' },
      'GET /api/actors': { url: '/api/actors' },
      'GET /api/actors/{code}': { url: '/api/actors/OTS' },
      'GET /api/dyads/{a}/{b}/timeline': { url: '/api/dyads/KAZ/TUR/timeline' },
      'GET /api/dyads/{a}/{b}/ladder': { url: '/api/dyads/TUR/KAZ/ladder' },
      'GET /api/agreements': { url: '/api/agreements?party=KAZ' },
      'GET /api/commitments': { url: '/api/commitments?party=KAZ&partner=TUR' },
      'GET /api/profile/{code}': { url: '/api/profile/KAZ' },
      'GET /api/map': { url: '/api/map' },
      'GET /api/ontology': { url: '/api/ontology' },
    };
    assert.deepEqual(Object.keys(requests).sort(), ROUTES.map((r) => `${r.method} ${r.path}`).sort(), 'one request per route');
    const bodies: Record<string, Record<string, unknown>> = {};
    for (const [name, { url, payload }] of Object.entries(requests)) {
      const res = await call(server, payload ? 'POST' : 'GET', url, payload ? { payload, headers } : {});
      assert.equal(res.status, 200, `${name}: ${JSON.stringify(res.body).slice(0, 200)}`);
      assert.equal(routeOf(payload ? 'POST' : 'GET', url), ROUTES.find((r) => `${r.method} ${r.path}` === name), `${url} is ${name}`);
      bodies[name] = res.body;
    }
    // The bodies are full enough for the check to mean something: every kind of row is there.
    const article = bodies['GET /api/articles/{id}'] as { mentions: unknown[]; facts: { kind: string }[]; translations: { article: { id: number } }[] };
    assert.ok(article.mentions.length > 0);
    assert.deepEqual(new Set(article.facts.map((f) => f.kind)), new Set(['agreement', 'commitment']));
    assert.deepEqual(article.translations.map((t) => t.article.id), [translation], 'the Russian version is linked');
    assert.equal(bodies['POST /api/articles']?.['status'], 'unchanged');
    const tracks = (bodies['GET /api/commitments'] as { items: { targets: { progress?: { observed: number } }[] }[] }).items;
    assert.equal(tracks[0]?.targets[0]?.progress?.observed, 7.2e9);
    assert.ok((bodies['GET /api/profile/{code}'] as { partners: { conflict: number }[] }).partners.some((p) => p.conflict > 0));
    assert.ok((bodies['GET /api/dyads/{a}/{b}/ladder'] as { items: unknown[] }).items.length > 0);
  });

  test('a body of another shape is refused by its route\'s schema, naming where', () => {
    const events = ROUTES.find((r) => r.path === '/api/events/{id}');
    const result = events?.response.safeParse({ id: 1, mentions: [{ id: 1 }] });
    assert.equal(result?.success, false);
    assert.deepEqual(result?.error?.issues[0]?.path.slice(0, 2), ['mentions', 0]);
  });

  test('the ontology is the model\'s PLOVER table', async () => {
    const { body } = await call(server, 'GET', '/api/ontology');
    assert.deepEqual(body.types.map((t: { type: string }) => t.type), [...EVENT_TYPES]);
    for (const t of body.types as { type: keyof typeof QUAD; quad: number }[]) assert.equal(t.quad, QUAD[t.type], t.type);
    assert.deepEqual(body.quads, Object.entries(QUAD_NAMES).map(([quad, name]) => ({ quad: Number(quad), name })));
    const consult = body.types.find((t: { type: string }) => t.type === 'CONSULT');
    assert.deepEqual(consult.modes.find((m: { mode: string }) => m.mode === 'visit'), { mode: 'visit', score: 4 });
  });
});

describe('the dashboard\'s types', () => {
  test('web/api-types.d.ts is what the response schemas print (else: npm run api-types)', () => {
    assert.equal(readFileSync(API_TYPES_FILE, 'utf8'), renderApiTypes(), 'web/api-types.d.ts is stale: run `npm run api-types`');
  });

  test('every GET route\'s answer has a type the page can name', () => {
    const printed = renderApiTypes();
    for (const r of ROUTES.filter((x) => x.method === 'GET')) assert.match(printed, new RegExp(`^  "${r.path.replace(/[{}]/g, '\\$&')}": \\w+;$`, 'm'), r.path);
  });
});

/** A and B have the same keys, and each is assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? ([keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false) : false) : false;
/** Compile-time only: a call type-checks when the schema's type and the stage's type have the same shape. */
function sameShape<A, B>(same: Same<A, B>): boolean {
  return same;
}
type Of<S extends z.ZodType> = z.output<S>;

test('the response schemas describe the store\'s and the analyses\' types exactly (checked when type-checking)', () => {
  // `npm test` type-checks before it runs: a schema that drifts from its type fails there, on this line.
  assert.ok([
    sameShape<Of<typeof serve.ArticleRefSchema>, ArticleRef>(true),
    sameShape<Of<typeof serve.ArticleSummarySchema>, ArticleSummary>(true),
    sameShape<Of<typeof serve.EventRowSchema>, EventRow>(true),
    sameShape<Of<typeof serve.MentionRowSchema>, MentionRow>(true),
    sameShape<Of<typeof serve.FactRowSchema>, FactRow>(true),
    sameShape<Of<typeof serve.ArticleLinkSchema>, ArticleLink>(true),
    sameShape<Of<typeof serve.SimilarArticleSchema>, SimilarArticle>(true),
    sameShape<Of<typeof serve.SearchHitSchema>, SearchHit>(true),
    sameShape<Of<typeof serve.StoreStatsSchema>, StoreStats>(true),
    sameShape<Of<typeof serve.EventQuerySchema>, EventFilter>(true),
    sameShape<Of<typeof serve.TimelinePointSchema>, TimelinePoint>(true),
    sameShape<Of<typeof serve.TimelineSchema>, Timeline>(true),
    sameShape<Of<typeof serve.SourceSchema>, Source>(true),
    sameShape<Of<typeof serve.RungSchema>, Rung>(true),
    sameShape<Of<typeof serve.AgreementEntrySchema>, AgreementEntry>(true),
    sameShape<Of<typeof serve.CommitmentTrackSchema>, CommitmentTrack>(true),
    sameShape<Of<typeof serve.PartnerSummarySchema>, PartnerSummary>(true),
    sameShape<Of<typeof serve.ProfileSchema>, Profile>(true),
    sameShape<Of<typeof serve.ArticleStoredSchema>, Awaited<ReturnType<typeof storeArticle>>>(true),
    sameShape<Of<typeof serve.ArticleDetailSchema>, StoredArticle & { translations: readonly ArticleLink[]; similar: readonly SimilarArticle[] }>(true),
  ].every(Boolean));
});
