/** Loading lexicon files: the built-in data plus a user's own files, checked and merged. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DyadError, type Lang } from '../model/index.ts';
import { issueAt, placeOf, throwFirstError, type LexiconIssue } from './issues.ts';
import { expandPatterns, resolveLists, type ListTable } from './lists.ts';
import type { CountriesFile, LanguageFile, LexiconFile, OrganizationsFile, PatternData, PeopleFile } from './schema.ts';
import { BUILTIN_LEXICON_DIR, lexiconFileName, listLexiconFiles, parseLexiconFile, readLexiconText } from './source.ts';
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
  /** Short hash of every file's content: the version that coded a record. */
  readonly version: string;
  readonly files: readonly string[];
  /** The engine policy: the built-in file's sections, replaced by those a later file gives. */
  readonly policy: Policy;
}

/** A checked file and the name messages give it. */
export interface NamedFile {
  readonly name: string;
  readonly file: LexiconFile;
}

/** The patterns of every language, lists expanded; and every problem met on the way. */
export interface PatternSet {
  readonly patterns: ReadonlyMap<Lang, readonly PatternData[]>;
  /** Each patterns file's own patterns, expanded, in file order (a twice-defined id included). */
  readonly byFile: ReadonlyMap<string, readonly PatternData[]>;
  /** Each file's expanded lists, by file name; a language file's under its name too. */
  readonly tables: ReadonlyMap<string, ListTable>;
  /** The lists some pattern or list used, as `listKey(file, name)`. */
  readonly used: ReadonlySet<string>;
  readonly issues: readonly LexiconIssue[];
}

/**
 * Expand the patterns of the files: a patterns file may use its own lists and those of the
 * language file of its language (the last one loaded, as for every other use of it). A pattern
 * id defined twice in one language is an error.
 */
export function assemblePatterns(files: readonly NamedFile[]): PatternSet {
  const issues: LexiconIssue[] = [];
  const used = new Set<string>();
  const tables = new Map<string, ListTable>();
  const shared = new Map<Lang, ListTable>();
  for (const { name, file } of files) {
    if (file.kind !== 'language') continue;
    const resolved = resolveLists(name, file, file.lists, undefined, used);
    issues.push(...resolved.issues);
    tables.set(name, resolved.table);
    shared.set(file.lang, resolved.table);
  }
  const patterns = new Map<Lang, PatternData[]>();
  const byFile = new Map<string, readonly PatternData[]>();
  const ids = new Map<string, string>();
  for (const { name, file } of files) {
    if (file.kind !== 'patterns') continue;
    const expanded = expandPatterns(name, file, shared.get(file.lang), used);
    issues.push(...expanded.issues);
    tables.set(name, expanded.table);
    byFile.set(name, expanded.patterns);
    const list = patterns.get(file.lang) ?? [];
    expanded.patterns.forEach((p, i) => {
      const first = ids.get(`${file.lang}|${p.id}`);
      if (first !== undefined) {
        const where = first === name ? 'earlier in this file' : `in ${first}`;
        issues.push(issueAt(placeOf(name, file, ['patterns', i]), 'duplicate_id', `pattern id "${p.id}" is defined twice (also ${where})`));
        return;
      }
      ids.set(`${file.lang}|${p.id}`, name);
      list.push(p);
    });
    patterns.set(file.lang, list);
  }
  return { patterns, byFile, tables, used, issues };
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

/** A language file as the engine reads it: without the editor's schema and the lists its patterns used. */
function languageOf(file: Extract<LexiconFile, { kind: 'language' }>): LanguageFile {
  const rest = { ...file };
  delete rest.$schema;
  delete rest.lists;
  return rest;
}

/** The built-in engine policy, loaded first whatever else is loaded. */
const BUILTIN_POLICY_FILE = join(BUILTIN_LEXICON_DIR, 'policy.json');

/** Load lexicon files and folders (later files add to earlier ones); by default the built-in lexicon. */
export function loadLexiconData(paths: readonly string[] = [BUILTIN_LEXICON_DIR]): LexiconData {
  // The engine policy is the built-in one unless a later file replaces some of its sections.
  const files = [...new Set([BUILTIN_POLICY_FILE, ...paths.flatMap(listLexiconFiles)])];
  const hash = createHash('sha256');
  const parsed: NamedFile[] = [];
  for (const path of files) {
    const name = lexiconFileName(path);
    const text = readLexiconText(path, name);
    hash.update(name).update('\0').update(text).update('\0');
    parsed.push({ name, file: parseLexiconFile(text, name) });
  }
  const assembled = assemblePatterns(parsed);
  throwFirstError(assembled.issues);
  const countries = new Map<string, Country>();
  const organizations = new Map<string, Organization>();
  const people: Person[] = [];
  const languages = new Map<Lang, LanguageFile>();
  let policy: Record<string, unknown> = {};
  for (const { file } of parsed) {
    switch (file.kind) {
      case 'countries':
        for (const c of file.entries) countries.set(c.code, c);
        break;
      case 'organizations':
        for (const o of file.entries) organizations.set(o.code, o);
        break;
      case 'people':
        people.push(...file.entries);
        break;
      case 'language':
        languages.set(file.lang, languageOf(file));
        break;
      case 'patterns':
        break;
      case 'policy': {
        // A later file replaces the sections it gives; its kind, schema and note are no sections.
        const given = Object.entries(file).filter(([k, v]) => v !== undefined && k !== 'kind' && k !== '$schema' && k !== 'note');
        policy = { ...policy, ...Object.fromEntries(given) };
        break;
      }
    }
  }
  const checked = policySchema.safeParse(policy);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new DyadError('lexicon_invalid', `lexicon policy: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, 'policy');
  }
  return {
    countries: [...countries.values()],
    organizations: [...organizations.values()],
    people: mergePeople(people),
    languages,
    patterns: assembled.patterns,
    policy: checked.data,
    version: hash.digest('hex').slice(0, 12),
    files,
  };
}

/** Where the built-in files are, and the one-file parser, are part of loading's public face. */
export { BUILTIN_LEXICON_DIR, parseLexiconFile };
