/**
 * Folders: a recursive walk in a stable order, reading only the extensions Dyad knows and
 * skipping hidden files and folders (.git, .DS_Store, editor backups). Names are read as bytes,
 * so a file whose name is not UTF-8 is found and opened all the same (paths.ts).
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { problem, type SourceProblem } from './article.ts';
import { joinPath, pathText, type FsPath } from './paths.ts';
import { formatOfPath } from './sniff.ts';

/**
 * Paths of the readable files under `root`, depth first, names in byte order (the same on every
 * machine and locale, and code-point order for UTF-8 names), with a problem for each folder that
 * cannot be read and for each pipe, socket or device among the files it would read.
 * Symbolic links are not followed: one that leads out of the folder is reported, since the user
 * did not point Dyad there; one that stays inside leads to what the walk reads anyway.
 */
export async function* walkFolder(root: string): AsyncGenerator<FsPath | SourceProblem> {
  const top = await realpath(root).catch(() => undefined);
  if (top === undefined) yield problem(root, 'not_found', `${root}: no such folder`);
  else yield* walkDir(root, top);
}

async function* walkDir(dir: FsPath, top: string): AsyncGenerator<FsPath | SourceProblem> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    yield problem(pathText(dir), 'unreadable', `${pathText(dir)}: cannot read folder (${errorCode(e)})`);
    return;
  }
  const visible = entries.filter((e) => e.name[0] !== 0x2e).sort((a, b) => Buffer.compare(a.name, b.name));
  for (const entry of visible) {
    const path = joinPath(dir, entry.name);
    const text = pathText(path);
    if (entry.isSymbolicLink()) {
      const target = await realpath(path).catch(() => undefined);
      if (target === undefined) yield problem(text, 'not_found', `${text}: broken symbolic link`);
      else if (!inside(top, target)) yield problem(text, 'unreadable', `${text}: symbolic link leads out of the folder (to ${target}); not followed`);
    } else if (entry.isDirectory()) {
      yield* walkDir(path, top);
    } else if (formatOfPath(text) === undefined) {
      continue;
    } else if (entry.isFile()) {
      yield path;
    } else {
      yield problem(text, 'not_file', `${text}: ${specialKind(entry)}, not a file; not read`);
    }
  }
}

/** What a file system entry that is neither a file, a folder nor a link is, in words. */
export function specialKind(entry: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (entry.isFIFO()) return 'a named pipe (FIFO), which would wait for a writer';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  return 'an entry of an unknown kind';
}

function inside(top: string, path: string): boolean {
  const rel = relative(top, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function errorCode(e: unknown): string {
  return e instanceof Error && 'code' in e ? String(e.code) : String(e);
}
