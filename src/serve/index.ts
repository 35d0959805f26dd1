/**
 * The serve stage: the HTTP API over the archive and analyses, its OpenAPI document, and the
 * dashboard, in one process (`dyad serve`).
 */
export { createServer, WEB_DIR, type ServerOptions } from './server.ts';
export { actorDirectory, type Actor } from './actors.ts';
export { ROUTES, type Route } from './routes.ts';
export { worldMap, type WorldMap } from './map.ts';
export { ontology, type Ontology } from './ontology.ts';
export * from './responses.ts';
export { API_TYPES_FILE, renderApiTypes } from './api-types.ts';
