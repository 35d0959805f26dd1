/**
 * Named word lists. A patterns file (and a language file, for every patterns file of its
 * language) may declare `"lists": {"name": [...]}`; a word "@name" in a pattern's verbs, nouns,
 * requires or excludes, or in another list, stands for that list's words, in place and in order.
 * Expansion happens when the files are loaded, so the engine only ever sees plain words.
 */
import { issueAt, placeOf, type LexiconIssue } from './issues.ts';
import { LIST_NAME, PATTERN_WORD_KEYS, type PatternData, type PatternsFile, type WordList } from './schema.ts';

/** The lists of one file, expanded to plain words. */
export interface ListTable {
  /** The file that defines them. */
  readonly file: string;
  readonly words: ReadonlyMap<string, readonly string[]>;
}

/** The words a list holds as written (references not expanded). */
export function listWords(list: WordList): readonly string[] {
  return Array.isArray(list) ? list : list.words;
}

/** The list a word refers to ("@modal" → "modal"), or undefined for an ordinary word. */
export function referenceOf(word: string): string | undefined {
  return word.startsWith('@') ? word.slice(1) : undefined;
}

/** How `used` sets name a list: its file and its name. */
export function listKey(file: string, name: string): string {
  return `${file}\n${name}`;
}

interface Scope {
  readonly own: ReadonlyMap<string, readonly string[]>;
  readonly outer: ListTable | undefined;
  readonly file: string;
  readonly used: Set<string>;
}

/** The words a reference stands for, or an issue saying why it stands for nothing. */
function lookup(scope: Scope, word: string, name: string): readonly string[] | string {
  if (!LIST_NAME.test(name)) return `"${word}" is not a list reference: a list name is lower case letters, digits and "-"`;
  const own = scope.own.get(name);
  if (own) {
    scope.used.add(listKey(scope.file, name));
    return own;
  }
  const outer = scope.outer?.words.get(name);
  if (outer && scope.outer) {
    scope.used.add(listKey(scope.outer.file, name));
    return outer;
  }
  const where = scope.outer ? ` (neither in this file nor in ${scope.outer.file})` : '';
  return `unknown list "${word}"${where}`;
}

/**
 * Expand the lists a file declares. A list may use other lists of the file and the `outer`
 * lists (its language file's); a name both define, a cycle and an unknown name are errors.
 * Every list used by another is added to `used`.
 */
export function resolveLists(
  file: string,
  json: unknown,
  lists: Readonly<Record<string, WordList>> | undefined,
  outer: ListTable | undefined,
  used: Set<string>,
): { readonly table: ListTable; readonly issues: LexiconIssue[] } {
  const issues: LexiconIssue[] = [];
  const defs = new Map(Object.entries(lists ?? {}));
  const done = new Map<string, readonly string[]>();
  const reported = new Set<string>();
  const scope: Scope = { own: done, outer, file, used };
  const expand = (name: string, stack: readonly string[]): readonly string[] => {
    const hit = done.get(name);
    if (hit) return hit;
    const def = defs.get(name);
    if (!def) return [];
    const at = stack.indexOf(name);
    if (at >= 0) {
      const cycle = [...stack.slice(at), name];
      if (!reported.has(name)) {
        for (const n of cycle) reported.add(n);
        issues.push(issueAt(placeOf(file, json, ['lists', name]), 'list_cycle', `lists refer to each other in a cycle: ${cycle.map((n) => `@${n}`).join(' → ')}`));
      }
      return [];
    }
    const out: string[] = [];
    listWords(def).forEach((word, i) => {
      const ref = referenceOf(word);
      if (ref === undefined) {
        out.push(word);
        return;
      }
      const path = ['lists', name, ...(Array.isArray(def) ? [] : ['words']), i];
      if (defs.has(ref)) {
        used.add(listKey(file, ref));
        out.push(...expand(ref, [...stack, name]));
        return;
      }
      const found = lookup(scope, word, ref);
      if (typeof found === 'string') issues.push(issueAt(placeOf(file, json, path), 'unknown_list', found));
      else out.push(...found);
    });
    done.set(name, out);
    return out;
  };
  for (const name of defs.keys()) {
    if (outer?.words.has(name)) {
      issues.push(issueAt(placeOf(file, json, ['lists', name]), 'list_clash', `also defined in ${outer.file}: give one of them another name`));
    }
    expand(name, []);
  }
  return { table: { file, words: done }, issues };
}

/** Expand the references in one word array; unknown ones are reported at `path`. */
function expandWords(words: readonly string[], scope: Scope, json: unknown, path: readonly PropertyKey[], issues: LexiconIssue[]): string[] {
  const out: string[] = [];
  words.forEach((word, i) => {
    const ref = referenceOf(word);
    if (ref === undefined) {
      out.push(word);
      return;
    }
    const found = lookup(scope, word, ref);
    if (typeof found === 'string') issues.push(issueAt(placeOf(scope.file, json, [...path, i]), 'unknown_list', found));
    else out.push(...found);
  });
  return out;
}

/**
 * The patterns of a file with every list reference expanded, using the file's own lists and
 * its language file's (`shared`). Problems are returned, not thrown; `used` collects the lists used.
 */
export function expandPatterns(
  name: string,
  file: PatternsFile,
  shared: ListTable | undefined,
  used: Set<string>,
): { readonly patterns: PatternData[]; readonly table: ListTable; readonly issues: LexiconIssue[] } {
  const { table, issues } = resolveLists(name, file, file.lists, shared, used);
  const scope: Scope = { own: table.words, outer: shared, file: name, used };
  const patterns = file.patterns.map((p, i) => {
    let out: PatternData = p;
    for (const key of PATTERN_WORD_KEYS) {
      const words = p[key];
      if (!words?.some((w) => referenceOf(w) !== undefined)) continue;
      out = { ...out, [key]: expandWords(words, scope, file, ['patterns', i, key], issues) };
    }
    return out;
  });
  return { patterns, table, issues };
}
