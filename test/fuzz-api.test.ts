/**
 * Fuzzing every parameter of the API (src/serve/routes.ts) through the server itself
 * (`app.inject`), on SQLite and on PostgreSQL: every GET route with any path and query values
 * (known and unknown names, given twice, malformed %-escapes, lone surrogates), any address
 * under the server, and POST /api/articles with any body, content type and token. Never a 500
 * and nothing logged as a fault; every refusal a 4xx in the API's one error shape, with its
 * request id and security headers; every 200 in its route's response schema, pages no longer
 * than asked; an article posted and stored has no NUL and every offset inside its text. Each
 * request must be answered within its time (a stalled one fails the property).
 *
 * Fixed seed and runs (test/fixtures/fuzz.ts); DYAD_FUZZ_RUNS and DYAD_FUZZ_SEED for longer runs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { LexiconSet } from '../src/lexicon/index.ts';
import { createServer, ROUTES, type Route } from '../src/serve/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { fuzzParams, hostileString, runsOf } from './fixtures/fuzz.ts';
import { articleText, dateString } from './fixtures/fuzz-documents.ts';
import { backends, type Backend } from './fixtures/store/backends.ts';
import { agreement, coded, commitment, event, partnership } from './fixtures/store/records.ts';

const TOKEN = 'fuzz-token-0123456789';
const lexicons = LexiconSet.load();
/** Posts fuzzed per backend (each is coded and stored). */
const POST_RUNS = 20;
/** Time one request may take to be answered (a posted article is coded, on a loaded machine). */
const REQUEST_MS = 30_000;

/** A small archive for the reads to find something in: events, facts and articles in two languages. */
async function fill(store: Store): Promise<void> {
  const text = 'Tokayev in Ankara\n\nPresident Tokayev visited Ankara on 10 May 2022 and met Erdogan. They signed 15 agreements.';
  await store.putArticle({ address: 'fixture/visit', title: 'Tokayev in Ankara', lang: 'en', published: '2022-05-11', text }, coded([
    event({ mode: 'visit', actors: ['KAZ'], recipients: ['TUR'], date: '2022-05-10', at: 19 }),
    partnership(['KAZ', 'TUR'], 'enhanced strategic partnership', '2022-05'),
    agreement(['KAZ', 'TUR'], 15, '2022-05', 'en', 80),
    commitment(['KAZ', 'TUR'], 10e9, '2022-05', 'en', 60),
  ]));
  for (let i = 0; i < 3; i++) {
    await store.putArticle({ address: `fixture/ru-${i}`, lang: 'ru', published: `2023-0${i + 1}-15`, text: `Казахстан и Россия, встреча ${i}. U.S. и 6.3 млрд` },
      coded([event({ actors: ['KAZ'], recipients: ['RUS'], date: `2023-0${i + 1}-14`, lang: 'ru' })]));
  }
}

/** Good values for every parameter, so that a request often passes one check and meets the next. */
const GOOD = [
  'KAZ', 'TUR', 'RUS', 'KAZ,TUR', 'kaz,tur', 'CONSULT', 'AGREE', 'en', 'ru', 'tr', 'kk', '2022', '2022-05', '2022-05-11', '1', '2', '50', '1000', '0', '007',
  'state', 'organization', 'Tokayev', 'visit', 'встреча', 'U.S.', '6.3', 'fixture/visit',
];
const value = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...GOOD) }, { weight: 3, arbitrary: hostileString() }, { weight: 1, arbitrary: dateString() });

/** Every query parameter name any route takes. */
const QUERY_NAMES = [...new Set(ROUTES.flatMap((r) => Object.keys(r.query?.shape ?? {})))];
const GET_ROUTES = ROUTES.filter((r) => r.method === 'GET');

/**
 * A value written into a URL: each UTF-8 byte outside the unreserved set %-escaped, or raw with
 * '%' left alone (so "%E0%A4%A" and "%zz" arrive malformed) and lone surrogates as the bytes of
 * CESU-8, which are no UTF-8.
 */
function inUrl(s: string, raw: boolean): string {
  let out = '';
  for (const ch of s) {
    if (/^[A-Za-z0-9\-._~]$/.test(ch) || (raw && ch === '%')) out += ch;
    else if (/^[\uD800-\uDFFF]$/.test(ch)) out += raw ? '%ED%A0%80' : '%EF%BF%BD';
    else out += [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

/** A GET request to one route: its path parameters, and query parameters of its own names, others' and made-up ones. */
const getRequest = fc.record({
  route: fc.constantFrom(...GET_ROUTES),
  params: fc.array(value, { minLength: 2, maxLength: 2 }),
  query: fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_NAMES) }, { weight: 1, arbitrary: hostileString(12) }), value), { maxLength: 5 }),
  raw: fc.boolean(),
}).map(({ route, params, query, raw }) => {
  let k = 0;
  const path = route.path.replace(/\{\w+\}/g, () => inUrl(params[k++] ?? '', raw));
  const qs = query.map(([n, v]) => `${inUrl(n, raw)}=${inUrl(v, raw)}`).join('&');
  return { route, url: qs ? `${path}?${qs}` : path };
});

/** Any address under the server: segments of anything, with or without /api/, and a query of anything. */
const anyUrl = fc.record({
  api: fc.boolean(),
  segments: fc.array(hostileString(20), { maxLength: 4 }),
  query: fc.option(hostileString(40), { nil: undefined }),
  raw: fc.boolean(),
}).map(({ api, segments, query, raw }) => `${api ? '/api/' : '/'}${segments.map((s) => inUrl(s, raw)).join('/')}${query === undefined ? '' : `?${inUrl(query, true)}`}`);

/** The answer's shape: a refusal in the API's error body with its headers, a 200 in its route's schema. */
function checkAnswer(res: LightMyRequestResponse, route: Route | undefined, what: string): void {
  assert.notEqual(res.statusCode, 500, `${what}: 500 ${res.body.slice(0, 200)}`);
  assert.ok(res.statusCode < 500 || res.statusCode === 503, `${what}: ${res.statusCode}`);
  assert.match(String(res.headers['content-security-policy']), /default-src 'none'/, `${what}: no CSP`);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
  const id = res.headers['x-request-id'];
  assert.match(String(id), /^[0-9a-f-]{36}$/, `${what}: no request id`);
  if (res.statusCode !== 200) {
    const body = res.json() as { error?: unknown; message?: unknown; field?: unknown; requestId?: unknown };
    assert.equal(typeof body.error, 'string', `${what}: ${res.body.slice(0, 200)}`);
    assert.equal(typeof body.message, 'string', what);
    assert.equal(body.requestId, id, what);
    if (body.field !== undefined) assert.equal(typeof body.field, 'string', what);
    return;
  }
  if (!route) return;
  const body = res.json() as { items?: unknown[]; page?: { limit: number; offset: number; next: number | null } };
  const parsed = route.response.safeParse(body);
  assert.ok(parsed.success, `${what}: not in its schema at ${parsed.error?.issues[0]?.path.join('.')}: ${parsed.error?.issues[0]?.message}`);
  if (body.page) {
    assert.ok((body.items?.length ?? 0) <= body.page.limit, `${what}: more items than the limit`);
    assert.ok(body.page.next === null || body.page.next === body.page.offset + body.page.limit, what);
  }
}

/** English sentences the coder reads, among which hostile text is mixed. */
const SENTENCES = [
  'President Tokayev visited Ankara on 10 May 2022 and met President Erdogan.',
  'Kazakhstan and Turkey signed 15 agreements on trade and energy.',
  'Russia accused Ukraine of shelling the border on 3 June 2022.',
  'The two states agreed to raise trade to $10 billion by 2030.',
  'Токаев провёл переговоры с Путиным в Москве 5 апреля 2023 года.',
  'Erdoğan, Tokayev\'u Ankara\'da ağırladı.',
];
const postText = fc.array(fc.oneof(fc.constantFrom(...SENTENCES), articleText, hostileString(60)), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));

/** Mostly a good value, sometimes a bad one: so that most bodies pass most checks and meet the next. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>): fc.Arbitrary<T | U> => fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: bad });

/** A posted body: the fields the route takes, each of the right type or not, and made-up ones. */
const postBody = fc.record({
  text: mostly(postText, fc.oneof(hostileString(), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }))),
  title: mostly(articleText.map((t) => t.slice(0, 100)), fc.oneof(hostileString(), fc.integer())),
  lang: mostly(fc.constantFrom('en', 'ru', 'tr', 'kk'), fc.oneof(fc.constantFrom('xx', 'EN'), hostileString(5))),
  published: mostly(fc.constantFrom('2022', '2022-05', '2022-05-11'), fc.oneof(dateString(), fc.integer())),
  address: mostly(fc.oneof(fc.constantFrom('https://news.example/a', 'fixture/visit'), fc.webUrl()), hostileString()),
  source: mostly(fc.constantFrom('api', 'news.example'), hostileString()),
  replace: mostly(fc.boolean(), fc.constantFrom('true', 1, null)),
}, { requiredKeys: ['text'] }).chain((b) => fc.option(fc.tuple(hostileString(12), hostileString()), { freq: 6, nil: undefined })
  // now and then a field the route does not take
  .map((extra) => (extra === undefined ? b : { ...b, [extra[0]]: extra[1] })));

/** A POST: a JSON body (or text, or nothing), with the token, a wrong one or none, in a content type or another. */
const postRequest = fc.record({
  body: fc.oneof({ weight: 6, arbitrary: postBody.map((b) => JSON.stringify(b)) }, { weight: 1, arbitrary: hostileString(80) }, { weight: 1, arbitrary: fc.json() }),
  type: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', undefined) }),
  auth: fc.oneof({ weight: 5, arbitrary: fc.constant(`Bearer ${TOKEN}`) }, { weight: 1, arbitrary: fc.constantFrom('Bearer wrong', TOKEN, `Bearer ${TOKEN} `, undefined) }),
});

interface Evidence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** An article the API stored: no NUL in it, and every mention's and fact's evidence inside its text, saying what the text says there. */
function checkStored(detail: { text: string; mentions: { evidence: Evidence }[]; facts: { evidence: Evidence }[] }, what: string): void {
  assert.ok(!detail.text.includes('\u0000'), `${what}: a NUL stored`);
  for (const { evidence: e } of [...detail.mentions, ...detail.facts]) {
    assert.ok(e.start >= 0 && e.start <= e.end && e.end <= detail.text.length, `${what}: evidence ${e.start}-${e.end} outside a text of ${detail.text.length}`);
    assert.equal(detail.text.slice(e.start, e.end), e.text, `${what}: the evidence at ${e.start}-${e.end} is not what the text says there`);
  }
}

/** A server with a token over a filled archive, the faults it logs, and when its coder thread is warm. */
interface Served {
  readonly store: Store;
  readonly app: FastifyInstance;
  readonly faults: string[];
  readonly warm: Promise<void>;
}

async function serve(backend: Backend): Promise<Served> {
  const faults: string[] = [];
  // The coder thread opens the archive from its full location (a PostgreSQL schema included).
  const location = backend.fresh();
  const store = await openStore(location);
  await fill(store);
  const app = await createServer({ store, lexicons, token: TOKEN, coders: 1, archive: location, errorLog: (line) => faults.push(line) });
  // A coder thread loads its code and compiles its lexicons before its first article: warmed up
  // while the reads are fuzzed, not in a timed run.
  const warm = app.inject({ method: 'POST', url: '/api/articles', payload: { text: SENTENCES[0] }, headers: { authorization: `Bearer ${TOKEN}` } })
    .then((first) => assert.equal(first.statusCode, 200, first.body));
  warm.catch(() => undefined);
  return { store, app, faults, warm };
}

// Every backend's server is started at once, so that their coder threads warm up side by side.
const servers = backends().map((backend) => {
  const served = backend.skip ? undefined : serve(backend);
  // A failure is reported by the suite that awaits it.
  served?.catch(() => undefined);
  return { backend, served };
});

for (const { backend, served } of servers) {
  describe(`fuzz: the API on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let faults: string[] = [];
    let warm: Promise<void> = Promise.resolve();

    before(async () => {
      ({ store, app, faults, warm } = await (served as Promise<Served>));
    });
    after(async () => {
      await app.close();
      await store.close();
      await backend.cleanup();
    });

    test('every GET route, any path and query values: a 200 in its schema or a 4xx in the error shape', async () => {
      await fc.assert(fc.asyncProperty(getRequest, async ({ route, url }) => {
        const res = await app.inject({ method: 'GET', url });
        checkAnswer(res, route, `GET ${url.slice(0, 150)}`);
        assert.ok([200, 400, 404].includes(res.statusCode), `GET ${url.slice(0, 150)}: ${res.statusCode}`);
      }), fuzzParams(120, REQUEST_MS));
      assert.deepEqual(faults, [], 'a fault was logged');
    });

    test('any address, any method: never a 500', async () => {
      await fc.assert(fc.asyncProperty(anyUrl, fc.constantFrom('GET', 'GET', 'HEAD', 'DELETE', 'PUT', 'OPTIONS'), async (url, method) => {
        const res = await app.inject({ method: method as 'GET', url });
        // A HEAD answer has no body to check.
        if (method === 'HEAD') assert.notEqual(res.statusCode, 500, `HEAD ${url.slice(0, 150)}`);
        else checkAnswer(res, undefined, `${method} ${url.slice(0, 150)}`);
      }), fuzzParams(80, REQUEST_MS));
      assert.deepEqual(faults, [], 'a fault was logged');
    });

    test('POST /api/articles, any body, type and token: stored clean, or refused in the error shape', async () => {
      await warm;
      const statuses = new Map<number, number>();
      await fc.assert(fc.asyncProperty(postRequest, async ({ body, type, auth }) => {
        const headers: Record<string, string> = { ...(type ? { 'content-type': type } : {}), ...(auth ? { authorization: auth } : {}) };
        const res = await app.inject({ method: 'POST', url: '/api/articles', payload: body, headers });
        const what = `POST ${body.slice(0, 150)}`;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        checkAnswer(res, ROUTES.find((r) => r.method === 'POST'), what);
        assert.ok([200, 400, 401, 409, 413, 415].includes(res.statusCode), `${what}: ${res.statusCode}`);
        if (res.statusCode !== 200) return;
        const detail = await app.inject({ method: 'GET', url: `/api/articles/${res.json<{ articleId: number }>().articleId}` });
        checkAnswer(detail, ROUTES.find((r) => r.path === '/api/articles/{id}'), `${what}: its article`);
        checkStored(detail.json(), what);
      }), fuzzParams(POST_RUNS, REQUEST_MS));
      assert.deepEqual(faults, [], 'a fault was logged');
      // The property is worth something only when some bodies get through and some do not.
      if (runsOf(POST_RUNS) >= POST_RUNS) assert.ok((statuses.get(200) ?? 0) > 0 && (statuses.get(400) ?? 0) > 0, `answers: ${JSON.stringify([...statuses])}`);
    });
  });
}
