/** Reading lexicon files from disk: the built-in data plus a user's own files. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { DyadError, type Lang } from '../model/index.ts';
import {
  lexiconFile, type CountriesFile, type LanguageFile, type LexiconFile, type OrganizationsFile,
  type PatternData, type PeopleFile,
} from './schema.ts';
import { policySchema, type Policy } from './policy.ts';

export type Country = CountriesFile['entries'][number];
export type Organization = OrganizationsFile['entries'][number];
export type Person = PeopleFile['entries'][number];

/** Everything the lexicon files say, merged. */
export interface LexiconData {
  readonly countries: readonly Country[];
  readonly organizations: readonly Organization[];
  readonly people: readonly Person[];
  readonly languages: ReadonlyMap<Lang, LanguageFile>;
  readonly patterns: ReadonlyMap<Lang, readonly PatternData[]>;
  /** The engine policy: the built-in file's sections, replaced by those a later file gives. */
  readonly policy: Policy;
  /** Short hash of every file's content: the version that coded a record. */
  readonly version: string;
  readonly files: readonly string[];
}

/** The built-in lexicon folder (`data/lexicon` at the package root, from src/ or dist/). */
export const BUILTIN_LEXICON_DIR = fileURLToPath(new URL('../../data/lexicon/', import.meta.url));
/** The built-in engine policy, loaded first whatever else is loaded. */
const BUILTIN_POLICY_FILE = join(BUILTIN_LEXICON_DIR, 'policy.json');

function listJson(path: string): string[] {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new DyadError('file_not_found', `lexicon path not found: ${path}`, path);
  if (st.isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => (d.isDirectory() ? listJson(join(path, d.name)) : d.name.endsWith('.json') ? [join(path, d.name)] : []));
}

function lineOf(text: string, position: number): number {
  return text.slice(0, position).split('\n').length;
}

/** Where JSON.parse failed: its reported position, or the excerpt Node 20 quotes instead. */
function errorPosition(message: string, text: string): number {
  const pos = /position (\d+)/.exec(message);
  if (pos?.[1] !== undefined) return Number(pos[1]);
  const excerpt = /(?:\.\.\.)?"([\s\S]+?)(?:\.\.\.)?" is not valid JSON/.exec(message)?.[1];
  const token = /Unexpected token '?([^',\s]+|,)'?/.exec(message)?.[1];
  if (excerpt !== undefined) {
    const at = text.indexOf(excerpt);
    if (at >= 0) return at + Math.max(0, token !== undefined ? excerpt.indexOf(token) : 0);
  }
  return text.length;
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Parse and check one lexicon file's text; throws a DyadError naming the file and key. */
export function parseLexiconFile(text: string, name: string): LexiconFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const where = ` (line ${lineOf(text, errorPosition(msg, text))})`;
    throw new DyadError('lexicon_invalid', `${name}${where}: not valid JSON: ${msg}`, name);
  }
  const result = lexiconFile.safeParse(json);
  if (!result.success) throw new DyadError('lexicon_invalid', `${name}: ${describeIssue(result.error)}`, name);
  return result.data;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issuePath(issue.path);
  return `${path || '(top level)'}: ${issue.message}`;
}

/** Merge people that several files describe (same id): names and offices are joined. */
function mergePeople(people: Person[]): Person[] {
  const byId = new Map<string, Person>();
  for (const p of people) {
    const prev = byId.get(p.id);
    if (!prev) {
      byId.set(p.id, p);
      continue;
    }
    const names: Person['names'] = { ...prev.names };
    for (const [lang, list] of Object.entries(p.names) as [Lang, string[]][]) {
      names[lang] = [...new Set([...(names[lang] ?? []), ...list])];
    }
    byId.set(p.id, { ...prev, names, offices: [...prev.offices, ...p.offices] });
  }
  return [...byId.values()];
}

/** Load lexicon files and folders (later files add to earlier ones); by default the built-in lexicon. */
export function loadLexiconData(paths: readonly string[] = [BUILTIN_LEXICON_DIR]): LexiconData {
  const builtin = BUILTIN_LEXICON_DIR;
  // The engine policy is the built-in one unless a later file replaces some of its sections.
  const files = [...new Set([BUILTIN_POLICY_FILE, ...paths.flatMap(listJson)])];
  const hash = createHash('sha256');
  const countries = new Map<string, Country>();
  const organizations = new Map<string, Organization>();
  const people: Person[] = [];
  const languages = new Map<Lang, LanguageFile>();
  const patterns = new Map<Lang, PatternData[]>();
  let policy: Partial<Policy> = {};
  for (const file of files) {
    const name = file.startsWith(builtin) ? `lexicon/${relative(builtin, file)}` : file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new DyadError('file_unreadable', `${name}: ${e instanceof Error ? e.message : String(e)}`, name);
    }
    hash.update(name).update('\0').update(text).update('\0');
    const data = parseLexiconFile(text, name);
    switch (data.kind) {
      case 'countries':
        for (const c of data.entries) countries.set(c.code, c);
        break;
      case 'organizations':
        for (const o of data.entries) organizations.set(o.code, o);
        break;
      case 'people':
        people.push(...data.entries);
        break;
      case 'language':
        languages.set(data.lang, data);
        break;
      case 'patterns': {
        const list = patterns.get(data.lang) ?? [];
        const ids = new Set(list.map((p) => p.id));
        for (const p of data.patterns) {
          if (ids.has(p.id)) throw new DyadError('lexicon_invalid', `${name}: pattern id "${p.id}" is defined twice`, name);
          ids.add(p.id);
          list.push(p);
        }
        patterns.set(data.lang, list);
        break;
      }
      case 'policy': {
        // A later file replaces the sections it gives; its kind, schema and note are no sections.
        const given = Object.entries(data).filter(([k, v]) => v !== undefined && k !== 'kind' && k !== '$schema' && k !== 'note');
        policy = { ...policy, ...Object.fromEntries(given) };
        break;
      }
    }
  }
  const checked = policySchema.safeParse(policy);
  if (!checked.success) throw new DyadError('lexicon_invalid', `lexicon policy: ${describeIssue(checked.error)}`, 'policy');
  return {
    countries: [...countries.values()],
    organizations: [...organizations.values()],
    people: mergePeople(people),
    languages,
    patterns,
    policy: checked.data,
    version: hash.digest('hex').slice(0, 12),
    files,
  };
}
