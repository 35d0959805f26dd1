/**
 * The house layout of lexicon files, so that every file reads and diffs the same way:
 * 2-space indent; a value that fits on its line stays on it; else an object puts its members
 * one per line (short scalar members share a line), an array of words wraps at about 100
 * characters, an array of objects puts one element per line. The file's own sections and
 * entries are always one per line. Keys follow the order of the schema; keys of a map (months,
 * cases, lemmas) keep the file's order, which the engine may depend on.
 */
import type { z } from 'zod';
import { lexiconFile, type LexiconSource } from './schema.ts';

const WIDTH = 100;

type Node = z.core.$ZodType | undefined;
type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional']);

function defOf(node: Node): z.core.$ZodTypeDef | undefined {
  return node?._zod.def;
}

/** The schema of a value, through optional/default wrappers and unions (chosen by the value). */
function resolve(node: Node, value: Json): Node {
  let n = node;
  for (let def = defOf(n); def; def = defOf(n)) {
    if (WRAPPERS.has(def.type)) n = (def as z.core.$ZodOptionalDef).innerType;
    else if (def.type === 'pipe') n = (def as z.core.$ZodPipeDef).in;
    else if (def.type === 'union') n = pickOption((def as z.core.$ZodUnionDef).options, value);
    else break;
  }
  return n;
}

function pickOption(options: readonly z.core.$ZodType[], value: Json): Node {
  const fits = options.filter((o) => {
    const d = defOf(resolve(o, value));
    if (Array.isArray(value)) return d?.type === 'array';
    if (value !== null && typeof value === 'object') return d?.type === 'object' || d?.type === 'record';
    return d?.type !== 'array' && d?.type !== 'object' && d?.type !== 'record';
  });
  if (fits.length <= 1 || value === null || typeof value !== 'object' || Array.isArray(value)) return fits[0];
  // Several object options: the one whose literal "kind" the value carries.
  const obj = value as { readonly [key: string]: Json };
  return fits.find((o) => {
    const shape = (defOf(resolve(o, value)) as z.core.$ZodObjectDef | undefined)?.shape;
    const kind = defOf(shape?.kind) as z.core.$ZodLiteralDef<string> | undefined;
    return kind?.type === 'literal' && kind.values.includes(obj.kind as string);
  }) ?? fits[0];
}

function child(node: Node, key: string): Node {
  const def = defOf(node);
  if (def?.type === 'object') return (def as z.core.$ZodObjectDef).shape[key];
  if (def?.type === 'record') return (def as z.core.$ZodRecordDef).valueType;
  return undefined;
}

function element(node: Node): Node {
  const def = defOf(node);
  return def?.type === 'array' ? (def as z.core.$ZodArrayDef).element : undefined;
}

/** Keys in schema order (a record keyed by an enum: the enum's order); keys the schema lacks, after, as written. */
function ordered(node: Node, keys: readonly string[]): string[] {
  const def = defOf(node);
  let order: readonly string[] = [];
  if (def?.type === 'object') order = Object.keys((def as z.core.$ZodObjectDef).shape);
  else if (def?.type === 'record') {
    const keyDef = defOf((def as z.core.$ZodRecordDef).keyType);
    if (keyDef?.type === 'enum') order = Object.values((keyDef as z.core.$ZodEnumDef).entries).map(String);
  }
  const known = order.filter((k) => keys.includes(k));
  return [...known, ...keys.filter((k) => !order.includes(k))];
}

function isScalar(v: Json): v is null | boolean | number | string {
  return v === null || typeof v !== 'object';
}

function entriesOf(value: { readonly [key: string]: Json }, node: Node): [string, Json][] {
  return ordered(node, Object.keys(value)).map((k) => [k, value[k] as Json]);
}

/** The value on one line: `{"a": 1, "b": ["x", "y"]}`. */
function inline(value: Json, node: Node): string {
  const n = resolve(node, value);
  if (isScalar(value)) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v: Json) => inline(v, element(n))).join(', ')}]`;
  const obj = value as { readonly [key: string]: Json };
  return `{${entriesOf(obj, n).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v, child(n, k))}`).join(', ')}}`;
}

/** Items filled into lines of at most WIDTH characters, each line ending in a comma but the last. */
function fill(items: readonly string[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && pad.length + line.length + 2 + item.length + 1 > WIDTH) {
      lines.push(`${pad}${line}`);
      line = item;
    } else line = line ? `${line}, ${item}` : item;
  }
  if (line) lines.push(`${pad}${line}`);
  return lines;
}

/**
 * How a value is laid out: "root" (the file: one member per line), "section" (a member of the
 * file that holds entries or lists: always broken) or "auto" (on one line if it fits).
 */
type Mode = 'root' | 'section' | 'auto';

/** The value laid out from column `col` at nesting `indent`. */
function block(value: Json, node: Node, indent: number, col: number, mode: Mode): string {
  const n = resolve(node, value);
  const flat = inline(value, n);
  if (isScalar(value) || (mode === 'auto' && col + flat.length + 1 <= WIDTH)) return flat;
  const pad = ' '.repeat(indent);
  const inner = indent + 2;
  const innerPad = ' '.repeat(inner);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const el = element(n);
    const lines = value.every(isScalar)
      ? fill(value.map((v: Json) => inline(v, el)), inner)
      : value.map((v: Json) => `${innerPad}${block(v, el, inner, inner, 'auto')}`);
    return `[\n${lines.join(',\n')}\n${pad}]`;
  }
  const members = entriesOf(value as { readonly [key: string]: Json }, n);
  if (members.length === 0) return '{}';
  const lines: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    lines.push(...fill(run, inner));
    run = [];
  };
  for (const [k, v] of members) {
    const key = `${JSON.stringify(k)}: `;
    if (mode !== 'root' && isScalar(v)) {
      run.push(`${key}${inline(v, undefined)}`);
      continue;
    }
    flush();
    const section = mode === 'root' && !isScalar(v) && !(Array.isArray(v) && v.every(isScalar));
    lines.push(`${innerPad}${key}${block(v, child(n, k), inner, inner + key.length, section ? 'section' : 'auto')}`);
  }
  flush();
  return `{\n${lines.join(',\n')}\n${pad}}`;
}

/** A lexicon file as text in the house layout (a pure function of the parsed JSON). */
export function formatLexiconFile(file: LexiconSource): string {
  return `${block(file as Json, lexiconFile, 0, 0, 'root')}\n`;
}

/** Any JSON value in the same layout, keys as written (the published JSON Schemas). */
export function formatJson(value: unknown): string {
  return `${block(value as Json, undefined, 0, 0, 'root')}\n`;
}

/** True when a file's text is already in the house layout. */
export function isFormatted(text: string, file: LexiconSource): boolean {
  return formatLexiconFile(file) === text;
}
