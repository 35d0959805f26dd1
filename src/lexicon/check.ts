/**
 * `checkLexicon`: everything wrong or doubtful in a user's lexicon files, at once. Where the
 * loader stops at the first error, the check reports every schema error of every file, then
 * what only a whole lexicon shows: list references, duplicate ids and words, redundant forms,
 * conflicting triggers and names, and files not in the house layout.
 */
import type { Lang } from '../model/index.ts';
import type { LanguageProfile } from '../text/index.ts';
import { nameConflicts, triggerConflicts, type FilePatterns } from './check-conflicts.ts';
import { checkWordList, sourcedWords } from './check-words.ts';
import { isFormatted } from './format.ts';
import { issueAt, placeOf, type LexiconCheckReport, type LexiconIssue } from './issues.ts';
import { languageProfile } from './lexicon.ts';
import { listKey, listWords, type ListTable } from './lists.ts';
import { assemblePatterns, type NamedFile } from './load.ts';
import { PATTERN_WORD_KEYS, type LanguageFile, type LexiconSource } from './schema.ts';
import { BUILTIN_LEXICON_DIR, lexiconFileName, listLexiconFiles, readLexiconText, safeParseLexiconFile } from './source.ts';

interface Checked extends NamedFile {
  readonly json: unknown;
}

/** Read and parse files; what cannot be read or parsed becomes issues. */
function readAll(paths: readonly string[], issues: LexiconIssue[] | undefined): { names: string[]; files: Checked[] } {
  const names: string[] = [];
  const files: Checked[] = [];
  for (const path of paths) {
    let found: string[];
    try {
      found = listLexiconFiles(path);
    } catch (e) {
      issues?.push({ severity: 'error', code: 'unreadable', file: path, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    for (const file of found) {
      const name = lexiconFileName(file);
      names.push(name);
      let text: string;
      try {
        text = readLexiconText(file, name);
      } catch (e) {
        issues?.push({ severity: 'error', code: 'unreadable', file: name, message: e instanceof Error ? e.message : String(e) });
        continue;
      }
      const parsed = safeParseLexiconFile(text, name);
      if (!parsed.ok) {
        issues?.push(...parsed.issues);
        continue;
      }
      files.push({ name, file: parsed.file, json: parsed.json });
      if (issues && !isFormatted(text, parsed.json as LexiconSource)) {
        issues.push({
          severity: 'warning', code: 'format', file: name,
          message: `${name}: not in the house layout (2-space indent, one entry per line, words wrapped at 100 characters, keys in schema order)`,
        });
      }
    }
  }
  return { names, files };
}

/**
 * How each language folds and stems words, from the last language file of the set; a language
 * the set has no file for is read as the built-in lexicon reads it.
 */
function profilesOf(files: readonly NamedFile[]): Map<Lang, LanguageProfile> {
  const languages = new Map<Lang, LanguageFile>();
  const builtin = readAll([`${BUILTIN_LEXICON_DIR}languages`], undefined).files;
  for (const { file } of [...builtin, ...files]) if (file.kind === 'language') languages.set(file.lang, file);
  const profiles = new Map<Lang, LanguageProfile>();
  for (const [lang, file] of languages) profiles.set(lang, languageProfile(file));
  return profiles;
}

/** Lists no pattern or list uses. A language file's lists count only when its patterns are checked too. */
function unusedLists(files: readonly NamedFile[], tables: ReadonlyMap<string, ListTable>, used: ReadonlySet<string>, report: ReadonlySet<string>): LexiconIssue[] {
  const langsWithPatterns = new Set(files.flatMap(({ file }) => (file.kind === 'patterns' ? [file.lang] : [])));
  const issues: LexiconIssue[] = [];
  for (const { name, file } of files) {
    if (!report.has(name) || (file.kind !== 'patterns' && file.kind !== 'language')) continue;
    if (file.kind === 'language' && !langsWithPatterns.has(file.lang)) continue;
    for (const list of tables.get(name)?.words.keys() ?? []) {
      if (used.has(listKey(name, list))) continue;
      issues.push(issueAt(placeOf(name, file, ['lists', list]), 'unused_list', 'never used', 'warning'));
    }
  }
  return issues;
}

/** Every string array outside patterns and lists (names, cue words) should hold each word once. */
function duplicateWords(name: string, root: unknown, json: unknown = root, path: PropertyKey[] = []): LexiconIssue[] {
  if (Array.isArray(json)) {
    if (json.length > 0 && json.every((w) => typeof w === 'string')) {
      const [head, , key] = path;
      const checkedElsewhere = head === 'lists' || (head === 'patterns' && PATTERN_WORD_KEYS.some((k) => k === key));
      return checkedElsewhere ? [] : checkWordList(placeOf(name, root, path), json.map((word: string) => ({ word })), undefined);
    }
    return json.flatMap((v, i) => duplicateWords(name, root, v, [...path, i]));
  }
  if (typeof json === 'object' && json !== null) {
    return Object.entries(json).flatMap(([k, v]) => duplicateWords(name, root, v, [...path, k]));
  }
  return [];
}

/** Duplicates and redundant forms in named lists and in the word arrays of patterns (references expanded). */
function listWordIssues(checked: NamedFile, tables: ReadonlyMap<string, ListTable>, shared: ListTable | undefined, profile: LanguageProfile | undefined): LexiconIssue[] {
  const { name, file } = checked;
  if (file.kind !== 'patterns' && file.kind !== 'language') return [];
  const own = tables.get(name);
  const lookup = (list: string): readonly string[] | undefined => own?.words.get(list) ?? shared?.words.get(list);
  const issues: LexiconIssue[] = [];
  for (const [list, def] of Object.entries(file.lists ?? {})) {
    issues.push(...checkWordList(placeOf(name, file, ['lists', list]), sourcedWords(listWords(def), lookup), profile));
  }
  if (file.kind === 'patterns') {
    file.patterns.forEach((p, i) => {
      for (const key of PATTERN_WORD_KEYS) {
        const words = p[key];
        if (words) issues.push(...checkWordList(placeOf(name, file, ['patterns', i, key]), sourcedWords(words, lookup), profile));
      }
    });
  }
  return issues;
}

/**
 * Check lexicon files and folders: every schema error of every file, and the conflicts and
 * duplicates a whole lexicon shows. With `withBuiltin`, the built-in lexicon is read as well (as
 * `LexiconSet.load` would), so that the files may use its lists and are checked against its
 * patterns and names; its own problems are not reported.
 */
export function checkLexicon(paths: readonly string[], options: { readonly withBuiltin?: boolean } = {}): LexiconCheckReport {
  const issues: LexiconIssue[] = [];
  const mine = readAll(paths, issues);
  const builtin = options.withBuiltin ? readAll([BUILTIN_LEXICON_DIR], undefined).files : [];
  const report = new Set(mine.files.map((f) => f.name));
  const all = [...builtin, ...mine.files];
  const assembled = assemblePatterns(all);
  issues.push(...assembled.issues.filter((i) => report.has(i.file)));
  issues.push(...unusedLists(all, assembled.tables, assembled.used, report));
  const profiles = profilesOf(all);
  const sharedOf = new Map<Lang, ListTable>();
  for (const { name, file } of all) {
    const table = assembled.tables.get(name);
    if (file.kind === 'language' && table) sharedOf.set(file.lang, table);
  }
  // Words are checked only in files whose lists resolve: a broken list expands to nonsense.
  const broken = new Set(assembled.issues.filter((i) => i.code.startsWith('list_') || i.code === 'unknown_list').map((i) => i.file));
  for (const checked of mine.files) {
    issues.push(...duplicateWords(checked.name, checked.json));
    if (broken.has(checked.name)) continue;
    const lang = checked.file.kind === 'patterns' || checked.file.kind === 'language' ? checked.file.lang : undefined;
    const shared = lang && checked.file.kind === 'patterns' ? sharedOf.get(lang) : undefined;
    issues.push(...listWordIssues(checked, assembled.tables, shared, lang ? profiles.get(lang) : undefined));
  }
  const expanded: FilePatterns[] = all.flatMap(({ name, file }) => (file.kind === 'patterns'
    ? [{ name, file, lang: file.lang, patterns: assembled.byFile.get(name) ?? [] }]
    : []));
  issues.push(...triggerConflicts(expanded, profiles, report));
  issues.push(...nameConflicts(all, profiles, report));
  return { files: mine.names, issues };
}
