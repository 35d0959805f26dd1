/** Reading lexicon files: finding them, naming them, parsing and checking their text. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../model/index.ts';
import { issueError, schemaIssues, type LexiconIssue } from './issues.ts';
import { lexiconFile, type LexiconFile } from './schema.ts';

/** The built-in lexicon folder (`data/lexicon` at the package root, from src/ or dist/). */
export const BUILTIN_LEXICON_DIR = fileURLToPath(new URL('../../data/lexicon/', import.meta.url));

/** JSON Schema files for editors live beside the data; they are not lexicon files. */
const SCHEMA_FILE = /\.schema\.json$/;

/** The lexicon files a path stands for: the file itself, or every `.json` file under a folder, in name order. */
export function listLexiconFiles(path: string): string[] {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new DyadError('file_not_found', `lexicon path not found: ${path}`, path);
  if (st.isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      if (d.isDirectory()) return listLexiconFiles(join(path, d.name));
      return d.name.endsWith('.json') && !SCHEMA_FILE.test(d.name) ? [join(path, d.name)] : [];
    });
}

/** How messages name a file: built-in files as `lexicon/…`, others by their path. */
export function lexiconFileName(path: string): string {
  return path.startsWith(BUILTIN_LEXICON_DIR) ? `lexicon/${relative(BUILTIN_LEXICON_DIR, path)}` : path;
}

/** The text of a lexicon file; throws a DyadError naming it when it cannot be read. */
export function readLexiconText(path: string, name: string = lexiconFileName(path)): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new DyadError('file_unreadable', `${name}: ${e instanceof Error ? e.message : String(e)}`, name);
  }
}

function lineOf(text: string, position: number): number {
  return text.slice(0, position).split('\n').length;
}

/**
 * Where JSON.parse failed: its reported position, or (Node 20) the excerpt it quotes instead,
 * `..."text"...`: with the leading "...", the bad token is 10 or 11 characters into the excerpt.
 */
function errorPosition(message: string, text: string): number {
  const pos = /position (\d+)/.exec(message);
  if (pos?.[1] !== undefined) return Number(pos[1]);
  const m = /Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (m?.[1] !== undefined && m[3] !== undefined) {
    const [, token, cut, excerpt] = m;
    const at = text.indexOf(excerpt);
    const inside = excerpt.indexOf(token, cut ? 10 : 0);
    if (at >= 0) return at + Math.max(0, inside);
  }
  return text.length;
}

/** A file's text parsed and checked: the file, or every problem found. */
export type LexiconParse =
  | { readonly ok: true; readonly json: unknown; readonly file: LexiconFile }
  | { readonly ok: false; readonly json?: unknown; readonly issues: readonly LexiconIssue[] };

/** Parse and check one lexicon file's text, reporting every schema problem (list references are not expanded). */
export function safeParseLexiconFile(text: string, name: string): LexiconParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const line = lineOf(text, errorPosition(msg, text));
    return { ok: false, issues: [{ severity: 'error', code: 'json_syntax', file: name, message: `${name} (line ${line}): not valid JSON: ${msg}` }] };
  }
  const result = lexiconFile.safeParse(json);
  return result.success ? { ok: true, json, file: result.data } : { ok: false, json, issues: schemaIssues(name, json, result.error) };
}

/** Parse and check one lexicon file's text; throws a DyadError naming the file, entry and key of the first problem. */
export function parseLexiconFile(text: string, name: string): LexiconFile {
  const parsed = safeParseLexiconFile(text, name);
  if (parsed.ok) return parsed.file;
  const first = parsed.issues[0];
  throw first ? issueError(first) : new DyadError('lexicon_invalid', `${name}: invalid`, name);
}
