/**
 * JSON Schemas of the lexicon files, generated from the zod schemas, for editors: a data file
 * names its schema with "$schema" and VS Code and others check it while it is typed. The
 * committed files under data/lexicon/schema/ are kept current by a test; `npm run
 * lexicon:schema` writes them again.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { formatJson } from './format.ts';
import { LEXICON_KINDS, type LexiconKind } from './schema.ts';
import { BUILTIN_LEXICON_DIR } from './source.ts';

/** Where the published schemas are. */
export const LEXICON_SCHEMA_DIR = join(BUILTIN_LEXICON_DIR, 'schema');

const TITLES: Readonly<Record<LexiconKind, string>> = {
  countries: 'Dyad lexicon: countries (names, adjectives, demonyms and capitals of states)',
  organizations: 'Dyad lexicon: organisations (names, abbreviations, members)',
  people: 'Dyad lexicon: people (names, offices and terms)',
  language: 'Dyad lexicon: a language (grammar cues, modality, dates, numbers, actor and fact words)',
  patterns: 'Dyad lexicon: event patterns of a language',
  policy: 'Dyad lexicon: the engine policy (what a planned act becomes, search windows, confidence)',
};

/** The file name of a kind's schema. */
export function schemaFileName(kind: LexiconKind): string {
  return `${kind}.schema.json`;
}

/** The JSON Schema of one kind of lexicon file (draft-07, which every editor reads). */
export function lexiconJsonSchema(kind: LexiconKind): Record<string, unknown> {
  const schema = z.toJSONSchema(LEXICON_KINDS[kind], { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return { $schema, title: TITLES[kind], ...rest };
}

/** The text of every kind's schema file, by file name. */
export function lexiconSchemaFiles(): Map<string, string> {
  return new Map((Object.keys(LEXICON_KINDS) as LexiconKind[]).map((k) => [schemaFileName(k), formatJson(lexiconJsonSchema(k))]));
}

/** Write the schema files (by default into the built-in lexicon); returns the paths written. */
export function writeLexiconSchemas(dir: string = LEXICON_SCHEMA_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  return [...lexiconSchemaFiles()].map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}

/** The "$schema" value a built-in data file at `path` should carry: its kind's schema, relative to it. */
export function schemaReference(path: string, kind: LexiconKind): string {
  return relative(dirname(path), join(LEXICON_SCHEMA_DIR, schemaFileName(kind))).split(sep).join('/');
}
