/**
 * The HTTP server: the JSON API under /api, its OpenAPI document at /api/openapi.json, and the
 * dashboard (static files from web/) at /. One process, no network access needed by the page.
 * Posted articles are coded and stored by coder threads, so reads never wait for them.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { LexiconSet } from '../lexicon/index.ts';
import { queueStatus, type OpenQueue } from '../queue/index.ts';
import type { Store } from '../store/index.ts';
import { actorDirectory } from './actors.ts';
import { ArticleQueue } from './article-queue.ts';
import { answerOf, faultLine, jobError } from './errors.ts';
import { HttpError, parseInput } from './input.ts';
import { worldMap, type WorldMap } from './map.ts';
import { openApiDocument } from './openapi.ts';
import { ROUTES, type ApiContext, type Route } from './routes.ts';

export interface ServerOptions {
  readonly store: Store;
  readonly lexicons: LexiconSet;
  /** The bearer token that writing needs; without one, the API is read-only. */
  readonly token?: string;
  /**
   * Where coder threads open the archive to store posted articles: the location `store` was
   * opened from (a path, or a postgres:// URL with its password and schema). Default: the
   * store's own location, which is enough for SQLite but hides a PostgreSQL password and schema.
   */
  readonly archive?: string;
  /** Coder threads (default: one per core beyond the first, at most 4). */
  readonly coders?: number;
  /** Posted articles that may wait for a coder; one more is answered 503 (default 8). */
  readonly queueLimit?: number;
  /** Time one posted article may take to be coded and stored (default 120 s). */
  readonly codingTimeoutMs?: number;
  /** The archive's job queue (PostgreSQL), for GET /api/status; without one the status shows the watched sources alone. */
  readonly queue?: OpenQueue;
  /** Log each request (to stderr). */
  readonly log?: boolean;
  /** Where faults are logged, one JSON line each (default stderr). */
  readonly errorLog?: (line: string) => void;
}

/** The dashboard's files (web/ at the package root, from src/ or dist/). */
export const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
};
const NO_QUERY = z.strictObject({});
/** Bodies up to 8 MiB: an article of 2,000,000 characters in Cyrillic is about 4 MB of UTF-8. */
export const BODY_LIMIT = 8 * 1024 * 1024;
/** The whole request, headers and body, must arrive within this time. */
const REQUEST_TIMEOUT_MS = 60_000;
// The page runs only its own script and styles: nothing from an article can execute.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const SECURITY_HEADERS = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

function checkToken(request: FastifyRequest, token: string | undefined): void {
  if (token === undefined) throw new HttpError(403, 'read_only', 'this server is read-only: start it with --token (or DYAD_TOKEN) to accept articles');
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, 'unauthorized', 'writing needs the header "Authorization: Bearer TOKEN"', 'headers.authorization');
  }
}

function fastifyPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** Build the server (not yet listening): `app.inject` for tests, `app.listen` to serve. */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const log = options.errorLog ?? ((line: string) => { process.stderr.write(`${line}\n`); });

  /** Answer an error in the API's one shape, with the security headers and the request id. */
  const sendError = (error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const answer = answerOf(error);
    if (answer.fault) log(faultLine(request.id, request.method, request.url, answer.status, error));
    const message = answer.status === 500 ? `internal error: report it with the request id ${request.id}` : answer.message;
    reply.status(answer.status).headers({ ...SECURITY_HEADERS, 'x-request-id': request.id });
    if (answer.retryAfter) reply.header('retry-after', String(answer.retryAfter));
    // A refused request whose body has not been read is not read at all: the connection closes.
    const announced = (request.headers['content-length'] ?? '0') !== '0' || request.headers['transfer-encoding'] !== undefined;
    if (announced && !request.raw.complete) reply.header('connection', 'close');
    return reply.send({ error: answer.code, message, ...(answer.field ? { field: answer.field } : {}), requestId: request.id });
  };

  const app = Fastify({
    logger: options.log === true,
    bodyLimit: BODY_LIMIT,
    requestTimeout: REQUEST_TIMEOUT_MS,
    // A random id per request, never the client's: it names this server's log line.
    genReqId: () => randomUUID(),
    // Errors met before routing (a malformed %-escape in the path) skip the hooks: answered here.
    frameworkErrors: (error, request, reply) => { sendError(error, request, reply); },
  });
  // The API reads JSON only; a text body is refused (415) rather than parsed into a string.
  app.removeContentTypeParser('text/plain');

  const queue = options.token === undefined ? undefined : new ArticleQueue({
    lexicon: options.lexicons.data, archive: options.archive ?? options.store.location,
    ...(options.coders ? { threads: options.coders } : {}), ...(options.queueLimit ? { limit: options.queueLimit } : {}),
    ...(options.codingTimeoutMs ? { timeoutMs: options.codingTimeoutMs } : {}),
  });
  app.addHook('onClose', async () => queue?.close());

  const actors = actorDirectory(options.lexicons.data);
  let map: WorldMap | undefined;
  const ctx: ApiContext = {
    store: options.store, lexicons: options.lexicons, actors, map: () => (map ??= worldMap(actors)),
    ingest: async (job) => {
      if (!queue) throw new HttpError(403, 'read_only', 'this server is read-only');
      const outcome = await queue.submit(job);
      if (!outcome.ok) throw jobError(outcome.failure);
      return outcome.stored;
    },
    status: () => queueStatus(options.store, options.queue),
  };
  const openapi = openApiDocument(ROUTES, options.lexicons.data.version);

  app.setErrorHandler((error: unknown, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => sendError(new HttpError(404, 'not_found', `no such address: ${request.method} ${request.url}`), request, reply));
  app.addHook('onSend', async (request, reply) => {
    reply.headers({ ...SECURITY_HEADERS, 'x-request-id': request.id });
  });

  for (const route of ROUTES) {
    app.route({
      method: route.method,
      url: fastifyPath(route.path),
      // The token is checked before the body is read or parsed: a stranger's body is never read.
      ...(route.write ? { onRequest: async (request: FastifyRequest) => checkToken(request, options.token) } : {}),
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const input = {
          params: route.params ? parseInput(route.params, request.params, 'params') : {},
          query: parseInput(route.query ?? NO_QUERY, request.query, 'query'),
          body: route.body ? parseInput(route.body, request.body, 'body') : {},
        };
        return reply.send(await route.handler(input, ctx));
      },
    });
  }
  app.get('/api/openapi.json', async () => openapi);

  const serveFile = async (name: string, reply: FastifyReply): Promise<FastifyReply> => {
    const body = await readFile(join(WEB_DIR, name));
    return reply.type(TYPES[extname(name)] ?? 'application/octet-stream').header('cache-control', 'no-cache').send(body);
  };
  app.get('/', async (_req, reply) => serveFile('index.html', reply));
  app.get('/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    if (!/^[\w-]+\.(js|css|svg|html)$/.test(file)) throw new HttpError(404, 'not_found', `no such file: ${file}`);
    return serveFile(file, reply).catch(() => { throw new HttpError(404, 'not_found', `no such file: ${file}`); });
  });
  return app;
}

export type { Route };
