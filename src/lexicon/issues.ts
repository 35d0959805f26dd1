/**
 * Problems found in lexicon files, as data: a stable code, the file, the entry and key, and a
 * message that names all three. The loader throws the first error; the check reports them all.
 */
import type { z } from 'zod';
import { DyadError } from '../model/index.ts';

export const LEXICON_ISSUE_CODES = [
  /** The file cannot be read. */
  'unreadable',
  /** The text is not JSON. */
  'json_syntax',
  /** A key the schema does not know (a misspelling, most often). */
  'unknown_key',
  /** Any other schema error: a wrong type, a bad code or date, a missing key. */
  'schema',
  /** "@name" names no list, or a list refers to itself through others. */
  'unknown_list',
  'list_cycle',
  /** A patterns file defines a list its language file defines too. */
  'list_clash',
  'unused_list',
  'duplicate_id',
  'duplicate_word',
  /** A form that reduces to the same stem as another form of its list: it adds nothing. */
  'redundant',
  /** One trigger phrase fires patterns of different types. */
  'trigger_conflict',
  /** One name stands for two different codes. */
  'name_conflict',
  /** The file is not laid out as the formatter writes it. */
  'format',
] as const;
export type LexiconIssueCode = (typeof LEXICON_ISSUE_CODES)[number];

/** One problem in a lexicon file. `message` is complete: it names the file, entry and key. */
export interface LexiconIssue {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly file: string;
  /** The entry: a pattern id, a country or organisation code, a person id, "@list"; absent at file level. */
  readonly entry?: string;
  /** The key path inside the entry (or the file, when there is no entry). */
  readonly key?: string;
  readonly message: string;
}

/** What `checkLexicon` found. */
export interface LexiconCheckReport {
  readonly files: readonly string[];
  readonly issues: readonly LexiconIssue[];
}

/** Where an issue is: an entry of a file (if any) and a key path inside it. */
export interface Place {
  readonly file: string;
  /** The entry's identifier ("tr.consult.host", "KAZ", "@modal"), or its index path. */
  readonly entry?: string;
  /** How the message names the entry: `pattern "tr.consult.host" (patterns[2])`. */
  readonly label?: string;
  readonly key?: string;
}

/** An issue at a place; the message is prefixed with the file, entry and key. */
export function issueAt(place: Place, code: LexiconIssueCode, what: string, severity: 'error' | 'warning' = 'error'): LexiconIssue {
  const where = [place.file, place.label, place.key].filter((s) => s !== undefined && s !== '').join(': ');
  return {
    severity,
    code,
    file: place.file,
    ...(place.entry !== undefined ? { entry: place.entry } : {}),
    ...(place.key !== undefined && place.key !== '' ? { key: place.key } : {}),
    message: `${where}: ${what}`,
  };
}

/** The DyadError the loader throws for an issue. */
export function issueError(issue: LexiconIssue): DyadError {
  return new DyadError('lexicon_invalid', issue.message, issue.file);
}

/** Throws the first error among the issues. */
export function throwFirstError(issues: readonly LexiconIssue[]): void {
  const first = issues.find((i) => i.severity === 'error');
  if (first) throw issueError(first);
}

/** A key path as a reader writes it: `recipient.after`, `morphology.cases["'nin"]`, `names.en[2]`. */
export function keyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[$A-Za-z_][\w$]*$/.test(String(p))) out += `${out ? '.' : ''}${String(p)}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

/** The array of entries per file kind, with the word that names an entry and the key that identifies it. */
const ENTRY_ARRAYS: Readonly<Record<string, { readonly array: string; readonly noun: string; readonly id: string }>> = {
  countries: { array: 'entries', noun: 'country', id: 'code' },
  organizations: { array: 'entries', noun: 'organization', id: 'code' },
  people: { array: 'entries', noun: 'person', id: 'id' },
  patterns: { array: 'patterns', noun: 'pattern', id: 'id' },
};

function field(value: unknown, key: PropertyKey): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
}

/** The place a path into a file's JSON points to: its entry (pattern, country, person, list) and the key inside. */
export function placeOf(file: string, json: unknown, path: readonly PropertyKey[]): Place {
  const [head, index, ...rest] = path;
  const kind = field(json, 'kind');
  if (head === 'lists' && typeof index === 'string') {
    return { file, entry: `@${index}`, label: `list "${index}"`, key: keyPath(rest) };
  }
  const arrays = typeof kind === 'string' ? ENTRY_ARRAYS[kind] : undefined;
  if (arrays && head === arrays.array && typeof index === 'number') {
    const id = field(field(field(json, head), index), arrays.id);
    const at = `${arrays.array}[${index}]`;
    return typeof id === 'string' && id !== ''
      ? { file, entry: id, label: `${arrays.noun} "${id}" (${at})`, key: keyPath(rest) }
      : { file, entry: at, label: `${arrays.noun} ${at}`, key: keyPath(rest) };
  }
  return { file, key: keyPath(path) };
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => field(v, k), json);
}

/** Issues of one entry stay together, in file order; an unknown key first, as it often explains a missing one. */
function rank(issue: z.core.$ZodIssue): number[] {
  const index = issue.path.find((p): p is number => typeof p === 'number') ?? -1;
  return [index, issue.code === 'unrecognized_keys' ? 0 : 1, issue.path.length];
}

/** Every schema problem of a file as issues, each naming its entry and key; one per unknown key. */
export function schemaIssues(file: string, json: unknown, error: z.ZodError): LexiconIssue[] {
  const out: LexiconIssue[] = [];
  const ordered = [...error.issues].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    return ra.reduce((d, x, i) => d || x - (rb[i] ?? 0), 0);
  });
  for (const issue of ordered) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const place = placeOf(file, json, [...issue.path, key]);
        // The message names the object the key is in, then the key.
        const inside = placeOf(file, json, issue.path);
        out.push({ ...issueAt(inside, 'unknown_key', `unknown key "${key}"`), key: place.key ?? key });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && issue.path.length > 0 && valueAt(json, issue.path) === undefined;
    const what = missing ? `required, expected ${issue.expected}` : issue.message;
    const place = placeOf(file, json, issue.path);
    if (place.label === undefined && !place.key) {
      out.push({ severity: 'error', code: 'schema', file, message: `${file}: (top level): ${what}` });
    } else out.push(issueAt(place, 'schema', what));
  }
  return out;
}
