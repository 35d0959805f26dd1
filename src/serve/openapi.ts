/** The OpenAPI 3.1 document of the API, generated from the route table. */
import { z } from 'zod';
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
      const optional = s.safeParse(undefined).success;
      out.push({ name, in: where, required: where === 'path' || !optional, schema: schemaOf(s) });
    }
  }
  return out;
}

const ERROR = {
  description: 'The request was refused; `field` names the parameter at fault.',
  content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } } } } },
};

/** The document for these routes. */
export function openApiDocument(routes: readonly Route[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const op: Json = {
      summary: r.summary,
      tags: [r.tag],
      parameters: parameters(r),
      responses: {
        200: { description: 'OK', content: { 'application/json': {} } },
        400: ERROR,
        ...(r.write ? { 401: ERROR, 403: ERROR } : {}),
        ...(r.path.includes('{') ? { 404: ERROR } : {}),
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
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
