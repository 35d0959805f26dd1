/**
 * The dashboard's types, printed from the API's own schemas: each OpenAPI component (the JSON
 * Schema zod makes of a schema in responses.ts) becomes a TypeScript type in web/api-types.d.ts,
 * and `ApiGet` maps each GET path to its answer. The page is plain JavaScript with JSDoc types and
 * no build step, so the file is generated ahead (`npm run api-types`) and a test fails when it is
 * stale. Run directly, this module writes the file.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { componentSchemas } from './openapi.ts';
import { API_SCHEMAS } from './responses.ts';
import { ROUTES } from './routes.ts';

type Json = Record<string, unknown>;

/** Where the generated declarations live, beside the page that imports them. */
export const API_TYPES_FILE = fileURLToPath(new URL('../../web/api-types.d.ts', import.meta.url));

// Keywords that only constrain values (the type is the same without them).
const VALUE_ONLY = new Set(['pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength',
  'minItems', 'maxItems', 'format', 'description', 'readOnly', 'default', 'examples', 'title']);
const STRUCTURE = new Set(['$ref', 'const', 'enum', 'anyOf', 'oneOf', 'type', 'properties', 'required', 'additionalProperties',
  'propertyNames', 'items', 'prefixItems']);

const PRIMITIVE: Readonly<Record<string, string>> = { string: 'string', number: 'number', integer: 'number', boolean: 'boolean', null: 'null' };

const literal = (v: unknown): string => JSON.stringify(v);
const key = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
const doc = (s: Json, indent: string): string => (typeof s['description'] === 'string' ? `${indent}/** ${s['description']} */\n` : '');
/** Parenthesise a union before `[]`. */
const element = (t: string): string => (t.includes('|') && !/^[{[]/.test(t) ? `(${t})` : t);

/** The TypeScript type of one JSON Schema (the subset zod emits for the API's schemas). */
function typeOf(s: Json, indent: string, where: string): string {
  const unknown = Object.keys(s).filter((k) => !VALUE_ONLY.has(k) && !STRUCTURE.has(k));
  if (unknown.length > 0) throw new Error(`${where}: cannot print JSON Schema keyword "${unknown[0]}" as a type`);
  if (typeof s['$ref'] === 'string') return s['$ref'].slice(s['$ref'].lastIndexOf('/') + 1);
  if ('const' in s) return literal(s['const']);
  if (Array.isArray(s['enum'])) return s['enum'].map(literal).join(' | ');
  const union = (s['anyOf'] ?? s['oneOf']) as Json[] | undefined;
  if (union) return union.map((u, i) => typeOf(u, indent, `${where}|${i}`)).join(' | ');
  const type = s['type'];
  if (Array.isArray(type)) return type.map((t) => typeOf({ ...s, type: t }, indent, where)).join(' | ');
  const ro = s['readOnly'] === true ? 'readonly ' : '';
  if (type === 'array') {
    if (Array.isArray(s['prefixItems'])) return `${ro}[${(s['prefixItems'] as Json[]).map((x, i) => typeOf(x, indent, `${where}[${i}]`)).join(', ')}]`;
    return `${ro}${element(typeOf(s['items'] as Json, indent, `${where}[]`))}[]`;
  }
  if (type === 'object') return objectOf(s, indent, where);
  if (typeof type === 'string' && PRIMITIVE[type]) return PRIMITIVE[type];
  throw new Error(`${where}: a schema with no type`);
}

function objectOf(s: Json, indent: string, where: string): string {
  const ro = s['readOnly'] === true ? 'readonly ' : '';
  const required = new Set((s['required'] as string[] | undefined) ?? []);
  const inner = `${indent}  `;
  const props = Object.entries((s['properties'] as Record<string, Json> | undefined) ?? {});
  const extra = s['additionalProperties'];
  if (props.length === 0 && extra !== undefined && extra !== false) {
    // A record: keyed by an enum (every key, or some) or by any string.
    const value = typeOf(extra as Json, inner, `${where}{}`);
    const names = s['propertyNames'] as Json | undefined;
    if (names && (Array.isArray(names['enum']) || typeof names['$ref'] === 'string')) {
      // zod lists every key as required for an exhaustive record, none for a partial one.
      return `{ ${ro}[K in ${typeOf(names, inner, where)}]${required.size > 0 ? '' : '?'}: ${value} }`;
    }
    return `{ ${ro}[key: string]: ${value} }`;
  }
  if (props.length === 0) return 'Record<string, never>';
  const lines = props.map(([name, p]) =>
    `${doc(p, inner)}${inner}${ro}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(p, inner, `${where}.${name}`)};`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** The declarations file: one exported type per named schema, and the answer of each GET path. */
export function renderApiTypes(): string {
  const types = Object.entries(componentSchemas()).map(([id, s]) => `${doc(s, '')}export type ${id} = ${typeOf(s, '', id)};`);
  const gets = ROUTES.filter((r) => r.method === 'GET').map((r) => {
    const id = API_SCHEMAS.get(r.response)?.id;
    if (!id) throw new Error(`${r.path}: its response schema has no name`);
    return `  ${JSON.stringify(r.path)}: ${id};`;
  });
  return [
    '// Generated from src/serve/responses.ts by `npm run api-types`: do not edit; test/api.test.ts fails when it is stale.',
    '',
    ...types.flatMap((t) => [t, '']),
    '/** What each GET path of the API answers. */',
    'export interface ApiGet {',
    ...gets,
    '}',
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(API_TYPES_FILE, renderApiTypes());
  process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
}
