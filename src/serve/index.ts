/**
 * The serve stage: the HTTP API over the archive and analyses, its OpenAPI document, and the
 * dashboard, in one process (`dyad serve`).
 */
export { createServer, WEB_DIR, type ServerOptions } from './server.ts';
export { actorDirectory, type Actor } from './actors.ts';
export { ROUTES } from './routes.ts';
export { worldMap, type WorldMap } from './map.ts';
