/**
 * The API as a table of routes: method, path, parameters and response (zod), summary and handler.
 * The server registers them and the OpenAPI document is generated from the same table, so the two
 * cannot disagree; a handler that returns another shape than its route's response is a type error.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  agreementsRegister, commitmentsTracker, countryProfile, dyadTimeline, partnershipLadder, POLE_NAMES,
} from '../analysis/index.ts';
import type { LexiconSet } from '../lexicon/index.ts';
import type { QueueStatus } from '../queue/index.ts';
import type { Store } from '../store/index.ts';
import type { Actor } from './actors.ts';
import type { ArticleJob, ArticleStored } from './article-job.ts';
import { code, date, dyad, eventType, HttpError, id, lang, page, quad, range, scope, selection, text } from './input.ts';
import type { WorldMap } from './map.ts';
import { ontology } from './ontology.ts';
import {
  ActorListSchema, ActorSchema, AgreementListSchema, ArticleDetailSchema, ArticlePageSchema, ArticleStoredSchema,
  CommitmentListSchema, EventDetailSchema, EventPageSchema, LadderSchema, OntologySchema, ProfileSchema, QueueStatusSchema, SearchPageSchema,
  StoreStatsSchema, TimelineSchema, WorldMapSchema,
} from './responses.ts';

export interface ApiContext {
  readonly store: Store;
  readonly lexicons: LexiconSet;
  readonly actors: readonly Actor[];
  readonly map: () => WorldMap;
  /** Code and store an article off the event loop (a refusal is thrown as an error to answer). */
  readonly ingest: (job: ArticleJob) => Promise<ArticleStored>;
  /** The job queue's state and the watched sources (the sources alone on SQLite). */
  readonly status: () => Promise<QueueStatus>;
}

type Out<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

interface RouteSpec<P, Q, B, R extends z.ZodType> {
  readonly method: 'GET' | 'POST';
  /** OpenAPI-style path: /api/events/{id}. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Needs the bearer token. */
  readonly write?: boolean;
  /** The body of a 200 answer (a schema named in responses.ts). */
  readonly response: R;
  readonly handler: (input: { readonly params: Out<P>; readonly query: Out<Q>; readonly body: Out<B> }, ctx: ApiContext) => Promise<z.input<R>>;
}

/** A route as the server and the OpenAPI generator see it: inputs parsed by its own schemas. */
export type Route = RouteSpec<z.ZodObject | undefined, z.ZodObject | undefined, z.ZodObject | undefined, z.ZodType>;

/** Declare a route; the handler's input and answer are typed by the route's schemas. */
function route<
  R extends z.ZodType, P extends z.ZodObject | undefined = undefined, Q extends z.ZodObject | undefined = undefined, B extends z.ZodObject | undefined = undefined,
>(spec: RouteSpec<P, Q, B, R>): Route {
  return spec as unknown as Route;
}

/** A page of a list: fetch one row more than asked to know whether another page follows. */
async function paged<T>(q: { limit: number; offset: number }, fetch: (limit: number, offset: number) => Promise<T[]>): Promise<{ items: T[]; page: { limit: number; offset: number; next: number | null } }> {
  const rows = await fetch(q.limit + 1, q.offset);
  return { items: rows.slice(0, q.limit), page: { limit: q.limit, offset: q.offset, next: rows.length > q.limit ? q.offset + q.limit : null } };
}

function notFound(what: string): never {
  throw new HttpError(404, 'not_found', `${what} not found`);
}

/**
 * Refuse (404) a code that names no state or organisation Dyad knows and that no event in the
 * archive holds: a figure of zero for a typing mistake would read as "no relations".
 */
async function known(codes: readonly string[], field: string, { actors, store }: ApiContext): Promise<void> {
  for (const c of codes) {
    if (actors.some((a) => a.code === c)) continue;
    if ((await store.events({ actor: c, limit: 1 })).length > 0) continue;
    throw new HttpError(404, 'unknown_actor', `unknown actor "${c}": no state or organisation has this code (GET /api/actors lists them)`, field);
  }
}

const pairParams = z.strictObject({ a: code, b: code });
const scopeQuery = z.strictObject({ party: code, partner: code.optional(), ...range });

export const ROUTES: readonly Route[] = [
  route({
    method: 'GET', path: '/api/stats', tag: 'archive', summary: 'What the archive holds: articles, mentions, events, facts, languages.',
    response: StoreStatsSchema,
    handler: async (_i, { store }) => store.stats(),
  }),
  route({
    method: 'GET', path: '/api/status', tag: 'archive',
    summary: 'The job queue: jobs per kind waiting, retrying, running, done and parked; throughput; failures with their reasons; and each watched source\'s last success.',
    response: QueueStatusSchema,
    handler: async (_i, { status }) => status(),
  }),
  route({
    method: 'GET', path: '/api/events', tag: 'events', summary: 'Events (each real-world event once, with its mention, source and language counts), oldest first.',
    query: z.strictObject({
      actor: code.optional(), dyad: dyad.optional(), type: eventType.optional(), quad: quad.optional(), mode: selection.mode,
      scope: scope.optional(), lang: lang.optional(), ...range, ...page,
    }),
    response: EventPageSchema,
    handler: async ({ query: q }, { store }) => paged(q, (limit, offset) => store.events({
      ...(q.actor ? { actor: q.actor } : {}), ...(q.dyad ? { dyad: q.dyad } : {}), ...(q.type ? { type: q.type } : {}),
      ...(q.quad ? { quad: q.quad } : {}), ...(q.mode ? { mode: q.mode } : {}), ...(q.scope ? { scope: q.scope } : {}),
      ...(q.lang ? { lang: q.lang } : {}), ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), limit, offset,
    })),
  }),
  route({
    method: 'GET', path: '/api/events/{id}', tag: 'events', summary: 'One event with every mention: article, sentence, offsets, coded record.',
    params: z.strictObject({ id }),
    response: EventDetailSchema,
    handler: async ({ params }, { store }) => {
      const mentions = await store.eventMentions(params.id);
      if (mentions.length === 0) notFound(`event ${params.id}`);
      return { id: params.id, mentions };
    },
  }),
  route({
    method: 'GET', path: '/api/articles', tag: 'articles', summary: 'Articles, oldest published first.',
    query: z.strictObject({ address: text(2000, 'the address').optional(), lang: lang.optional(), ...range, ...page }),
    response: ArticlePageSchema,
    handler: async ({ query: q }, { store }) => paged(q, (limit, offset) => store.articles({
      ...(q.address !== undefined ? { address: q.address } : {}), ...(q.lang ? { lang: q.lang } : {}), ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), limit, offset,
    })),
  }),
  route({
    method: 'GET', path: '/api/articles/{id}', tag: 'articles',
    summary: 'One article: its text, the mentions and facts coded from it with their character offsets (for highlighting), its translations and similar articles.',
    params: z.strictObject({ id }),
    response: ArticleDetailSchema,
    handler: async ({ params }, { store }) => {
      const article = await store.article(params.id);
      if (!article) notFound(`article ${params.id}`);
      const [translations, similar] = await Promise.all([store.translationsOf(params.id), store.similarTo(params.id, 10)]);
      const linked = new Set(translations.map((t) => t.article.id));
      return { ...article, translations, similar: similar.filter((s) => !linked.has(s.article.id)) };
    },
  }),
  route({
    method: 'POST', path: '/api/articles', tag: 'articles', write: true,
    summary: 'Code and archive one article (needs the bearer token). Idempotent: the same text again is "unchanged"; '
      + 'a different text at an address already archived is refused (409) unless "replace" is true.',
    body: z.strictObject({
      text: text(2_000_000, 'the article text').trim().min(1, 'the article text is empty'),
      title: text(1000, 'the title').optional(), lang: lang.optional(), published: date.optional(),
      address: text(2000, 'the address').optional(), source: text(200, 'the source').optional(),
      replace: z.boolean().optional().describe('Replace a different text archived at the same address (else 409).'),
    }),
    response: ArticleStoredSchema,
    handler: async ({ body }, { ingest }) => {
      const title = body.title ?? body.text.split('\n')[0]?.trim() ?? '';
      const full = body.title ? `${body.title}\n\n${body.text}` : body.text;
      const address = body.address ?? `api:${createHash('sha256').update(full).digest('hex').slice(0, 16)}`;
      return ingest({
        address, title, text: full, today: new Date().toISOString().slice(0, 10), replace: body.replace === true,
        ...(body.lang ? { lang: body.lang } : {}), ...(body.published ? { published: body.published } : {}),
      });
    },
  }),
  route({
    method: 'GET', path: '/api/search', tag: 'articles', summary: 'Full-text search over articles: every word, in any inflected form; in one language or all.',
    query: z.strictObject({ q: text(500, 'the query').trim().min(1, 'give words to search for'), lang: lang.optional(), ...range, ...page }),
    response: SearchPageSchema,
    handler: async ({ query: q }, { store }) => paged(q, (limit, offset) => store.search({
      q: q.q, ...(q.lang ? { lang: q.lang } : {}), ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), limit, offset,
    })),
  }),
  route({
    method: 'GET', path: '/api/actors', tag: 'actors',
    summary: 'States and organisations Dyad knows, with names in en/tr/ru/kk, their pole and their events in the archive; those with events first (most first).',
    query: z.strictObject({ kind: z.enum(['state', 'organization']).optional() }),
    response: ActorListSchema,
    handler: async ({ query }, { actors, store }) => {
      const events = await store.actorEventCounts();
      const items = actors.filter((a) => !query.kind || a.kind === query.kind).map((a) => ({ ...a, events: events[a.code] ?? 0 }))
        // Stable: actors without events keep the directory's order (states, then organisations, by name).
        .sort((x, y) => y.events - x.events);
      return { items, poles: POLE_NAMES };
    },
  }),
  route({
    method: 'GET', path: '/api/actors/{code}', tag: 'actors', summary: 'One actor.',
    params: z.strictObject({ code }),
    response: ActorSchema,
    handler: async ({ params }, { actors, store }) => {
      const actor = actors.find((a) => a.code === params.code) ?? notFound(`actor ${params.code}`);
      return { ...actor, events: (await store.actorEventCounts())[actor.code] ?? 0 };
    },
  }),
  route({
    method: 'GET', path: '/api/dyads/{a}/{b}/timeline', tag: 'analysis',
    summary: 'The two actors\' events per month (each once), by type, quad class and scope (bilateral, multilateral), with the PLOVER cooperation–conflict score; each point names the events query behind it. 404 for an unknown code.',
    params: pairParams, query: z.strictObject(selection),
    response: TimelineSchema,
    handler: async ({ params, query }, ctx) => {
      await known([params.a, params.b], 'params', ctx);
      return dyadTimeline(ctx.store, params.a, params.b, query);
    },
  }),
  route({
    method: 'GET', path: '/api/dyads/{a}/{b}/ladder', tag: 'analysis', summary: 'The partnership designations the pair has held, since when, with sources.',
    params: pairParams,
    response: LadderSchema,
    handler: async ({ params }, ctx) => {
      await known([params.a, params.b], 'params', ctx);
      return { items: await partnershipLadder(ctx.store, { party: params.a, partner: params.b }) };
    },
  }),
  route({
    method: 'GET', path: '/api/agreements', tag: 'analysis', summary: 'The agreements register: signings of a party (or a pair), with count, fields and sources.',
    query: scopeQuery,
    response: AgreementListSchema,
    handler: async ({ query }, { store }) => ({ items: await agreementsRegister(store, query) }),
  }),
  route({
    method: 'GET', path: '/api/commitments', tag: 'analysis', summary: 'The commitments tracker: targets, values later reported as reached, and progress.',
    query: scopeQuery,
    response: CommitmentListSchema,
    handler: async ({ query }, { store }) => ({ items: await commitmentsTracker(store, query) }),
  }),
  route({
    method: 'GET', path: '/api/profile/{code}', tag: 'analysis',
    summary: 'A country\'s events (each once), its partners by cooperation (bilateral first) and those it is mostly in conflict with, its multi-vector balance index per year, and its monthly timeline. 404 for an unknown code.',
    params: z.strictObject({ code }), query: z.strictObject(selection),
    response: ProfileSchema,
    handler: async ({ params, query }, ctx) => {
      await known([params.code], 'params.code', ctx);
      return countryProfile(ctx.store, params.code, query);
    },
  }),
  route({
    method: 'GET', path: '/api/map', tag: 'actors', summary: 'World map shapes (Natural Earth 1:110m) as SVG paths by alpha-3 code.',
    response: WorldMapSchema,
    handler: async (_i, { map }) => map(),
  }),
  route({
    method: 'GET', path: '/api/ontology', tag: 'ontology',
    summary: 'The PLOVER vocabulary: quad classes, event types with their quad, CAMEO root code, score and modes; languages, sectors and flags.',
    response: OntologySchema,
    handler: async () => ontology(),
  }),
];
