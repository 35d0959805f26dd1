/** The OpenAPI 3.1 document of the API, generated from the route table. */
import { z } from 'zod';
import { API_SCHEMAS } from './responses.ts';
import type { Route } from './routes.ts';

type Json = Record<string, unknown>;

const schemaOf = (s: z.ZodType): Json => {
  const schema = { ...(z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Json) };
  delete schema['$schema'];
  return schema;
};

function parameters(route: Route): Json[] {
  const out: Json[] = [];
  for (const [where, obj] of [['path', route.params], ['query', route.query]] as const) {
    if (!obj) continue;
    for (const [name, field] of Object.entries(obj.shape)) {
      const s = field as z.ZodType;
      const absent = s.safeParse(undefined);
      // The value the server takes when the parameter is absent (JSON Schema cannot say it of a digits-only string).
      const fallback = absent.success && absent.data !== undefined ? { default: absent.data } : {};
      out.push({ name, in: where, required: where === 'path' || !absent.success, schema: { ...schemaOf(s), ...fallback } });
    }
  }
  return out;
}

const COMPONENTS = '#/components/schemas/';
const REQUEST_ID = {
  'X-Request-Id': { description: 'The id of this request, in the server\'s log too: quote it when reporting a problem.', schema: { type: 'string' } },
};
const RETRY_AFTER = { 'Retry-After': { description: 'Seconds after which the request may succeed.', schema: { type: 'integer', minimum: 1 } } };

/** A refusal or failure: the ApiError body, with what the status means here. */
function error(description: string, headers: Json = {}): Json {
  return { description, headers: { ...REQUEST_ID, ...headers }, content: { 'application/json': { schema: { $ref: `${COMPONENTS}ApiError` } } } };
}

/** What each route may answer besides 200. */
function refusals(route: Route): Json {
  return {
    400: error('The request was refused; `field` names the parameter at fault (`query.limit`, `params.id`, `body.text`, `url`).'),
    ...(route.write ? {
      401: error('The bearer token is missing or wrong (checked before the body is read).'),
      403: error('The server is read-only (started without a token).'),
      409: error('The address already holds a different text; send `"replace": true` to replace it.'),
      413: error('The body is over 8 MiB.'),
      415: error('The body is not JSON.'),
    } : {}),
    ...(route.path.includes('{') ? { 404: error('No such id or code.') } : {}),
    500: error('A fault of the server, logged with the request id given in the body and the X-Request-Id header.'),
    503: error(route.write
      ? 'Too many articles are waiting to be coded, or the archive is unavailable: try again after Retry-After seconds.'
      : 'The archive is unavailable: try again after Retry-After seconds.', RETRY_AFTER),
  };
}

/** Every named response schema as an OpenAPI component, referring to the others by name. */
export function componentSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(API_SCHEMAS, { metadata: API_SCHEMAS, uri: (id) => `${COMPONENTS}${id}`, unrepresentable: 'any' });
  // Inside the document a component is named by its key: the standalone $schema and $id would only mislead.
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => {
    const rest: Json = { ...schema };
    delete rest['$schema'];
    delete rest['$id'];
    return [id, rest];
  }));
}

/** The $ref of a route's response: every route answers with a named schema, so the page's types have names too. */
export function responseRef(route: Route): Json {
  const id = API_SCHEMAS.get(route.response)?.id;
  if (!id) throw new Error(`${route.method} ${route.path}: its response schema is not named in responses.ts`);
  return { $ref: `${COMPONENTS}${id}` };
}

/** The document for these routes. */
export function openApiDocument(routes: readonly Route[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const op: Json = {
      summary: r.summary,
      tags: [r.tag],
      parameters: parameters(r),
      responses: {
        200: { description: 'OK', headers: REQUEST_ID, content: { 'application/json': { schema: responseRef(r) } } },
        ...refusals(r),
      },
      ...(r.write ? { security: [{ bearer: [] }] } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(r.body) } } } } : {}),
    };
    paths[r.path] = { ...paths[r.path], [r.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dyad API', version,
      description: 'Events between states coded from news in English, Turkish, Russian and Kazakh (PLOVER with CAMEO codes), the facts beside them, and analyses over the archive. Reading is open; writing needs a bearer token.',
    },
    components: { schemas: componentSchemas(), securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
