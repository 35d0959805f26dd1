/**
 * Folders: a recursive walk in a stable order, reading only the extensions Dyad knows and
 * skipping hidden files and folders (.git, .DS_Store, editor backups).
 */
import { readdir, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { problem, type SourceProblem } from './article.ts';
import { formatOfPath } from './sniff.ts';

/**
 * Paths of the readable files under `root`, depth first, names in code-point order (the same on
 * every machine and locale), with a problem for each folder that cannot be read.
 * Symbolic links are not followed: one that leads out of the folder is reported, since the user
 * did not point Dyad there; one that stays inside leads to what the walk reads anyway.
 */
export async function* walkFolder(root: string): AsyncGenerator<string | SourceProblem> {
  const top = await realpath(root).catch(() => undefined);
  if (top === undefined) yield problem(root, 'not_found', `${root}: no such folder`);
  else yield* walkDir(root, top);
}

async function* walkDir(dir: string, top: string): AsyncGenerator<string | SourceProblem> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield problem(dir, 'unreadable', `${dir}: cannot read folder (${errorCode(e)})`);
    return;
  }
  const visible = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of visible) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      const target = await realpath(path).catch(() => undefined);
      if (target === undefined) yield problem(path, 'not_found', `${path}: broken symbolic link`);
      else if (!inside(top, target)) yield problem(path, 'unreadable', `${path}: symbolic link leads out of the folder (to ${target}); not followed`);
    } else if (entry.isDirectory()) {
      yield* walkDir(path, top);
    } else if (entry.isFile() && formatOfPath(path) !== undefined) {
      yield path;
    }
  }
}

function inside(top: string, path: string): boolean {
  const rel = relative(top, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function errorCode(e: unknown): string {
  return e instanceof Error && 'code' in e ? String(e.code) : String(e);
}

