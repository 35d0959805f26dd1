/**
 * The HTTP server: the JSON API under /api, its OpenAPI document at /api/openapi.json, and the
 * dashboard (static files from web/) at /. One process, no network access needed by the page.
 */
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { LexiconSet } from '../lexicon/index.ts';
import { isDyadError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { actorDirectory } from './actors.ts';
import { HttpError, parseInput } from './input.ts';
import { worldMap, type WorldMap } from './map.ts';
import { openApiDocument } from './openapi.ts';
import { ROUTES, type ApiContext, type Route } from './routes.ts';

export interface ServerOptions {
  readonly store: Store;
  readonly lexicons: LexiconSet;
  /** The bearer token that writing needs; without one, the API is read-only. */
  readonly token?: string;
  /** Log each request (to stderr). */
  readonly log?: boolean;
}

/** The dashboard's files (web/ at the package root, from src/ or dist/). */
export const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
};
const NO_QUERY = z.strictObject({});
// The page runs only its own script and styles: nothing from an article can execute.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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
  const app = Fastify({ logger: options.log === true, bodyLimit: 4 * 1024 * 1024 });
  const actors = actorDirectory(options.lexicons.data);
  let map: WorldMap | undefined;
  const ctx: ApiContext = { store: options.store, lexicons: options.lexicons, actors, map: () => (map ??= worldMap(actors)) };
  const openapi = openApiDocument(ROUTES, options.lexicons.data.version);

  app.setErrorHandler((error: unknown, _request, reply) => {
    if (error instanceof HttpError) {
      return reply.status(error.status).send({ error: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) });
    }
    if (isDyadError(error)) return reply.status(400).send({ error: error.code, message: error.message, ...(error.path ? { field: error.path } : {}) });
    const e = error as { statusCode?: number; message?: string; code?: string };
    if (e.statusCode && e.statusCode < 500) return reply.status(e.statusCode).send({ error: e.code ?? 'bad_request', message: e.message ?? 'bad request' });
    app.log.error(error);
    return reply.status(500).send({ error: 'internal', message: 'internal error' });
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: 'not_found', message: `no such address: ${request.method} ${request.url}` }));
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
  });

  for (const route of ROUTES) {
    app.route({
      method: route.method,
      url: fastifyPath(route.path),
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        if (route.write) checkToken(request, options.token);
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
