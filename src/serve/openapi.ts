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
      const optional = s.safeParse(undefined).success;
      out.push({ name, in: where, required: where === 'path' || !optional, schema: schemaOf(s) });
    }
  }
  return out;
}

const COMPONENTS = '#/components/schemas/';
const ERROR = {
  description: 'The request was refused; `field` names the parameter at fault.',
  content: { 'application/json': { schema: { $ref: `${COMPONENTS}ApiError` } } },
};

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
        200: { description: 'OK', content: { 'application/json': { schema: responseRef(r) } } },
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
    components: { schemas: componentSchemas(), securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
