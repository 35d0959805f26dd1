/**
 * File paths whose names are not UTF-8. A file system stores names as bytes; Node turns them
 * into strings as UTF-8, and a name with another byte (a Cyrillic name written on a Windows-1251
 * system) becomes a string that names no file. Such paths are kept as bytes to open the file,
 * and written as text with each byte that is not UTF-8 shown as \xNN, so that records and
 * messages name them faithfully and one name never stands for two files.
 */
import { readdir, lstat } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { utf8SequenceAt } from './charset.ts';

/** A path as the file system holds it: a string, or bytes when a name in it is not UTF-8. */
export type FsPath = string | Buffer;

/** A folder's path and one of its entries' names, joined; bytes are kept when the name is not UTF-8. */
export function joinPath(dir: FsPath, name: Buffer): FsPath {
  if (typeof dir === 'string' && isUtf8Name(name)) return join(dir, name.toString('utf8'));
  const base = typeof dir === 'string' ? Buffer.from(dir) : dir;
  const slash = base.length > 0 && base[base.length - 1] === sep.charCodeAt(0) ? [] : [Buffer.from(sep)];
  return Buffer.concat([base, ...slash, name]);
}

function isUtf8Name(name: Buffer): boolean {
  for (let i = 0; i < name.length;) {
    const length = utf8SequenceAt(name, i);
    if (length === 0) return false;
    i += length;
  }
  return true;
}

/** A path as text: UTF-8, with each byte that is not UTF-8 written as \xNN. */
export function pathText(path: FsPath): string {
  if (typeof path === 'string') return path;
  let out = '';
  for (let i = 0; i < path.length;) {
    const length = utf8SequenceAt(path, i);
    if (length === 0) {
      out += `\\x${(path[i] as number).toString(16).padStart(2, '0')}`;
      i++;
    } else {
      out += path.subarray(i, i + length).toString('utf8');
      i += length;
    }
  }
  return out;
}

const ESCAPED = /\\x([0-9a-fA-F]{2})/g;

/** The bytes of a path written by `pathText`. */
function unescape(text: string): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  for (const m of text.matchAll(ESCAPED)) {
    parts.push(Buffer.from(text.slice(last, m.index)), Buffer.from([parseInt(m[1] as string, 16)]));
    last = m.index + m[0].length;
  }
  parts.push(Buffer.from(text.slice(last)));
  return Buffer.concat(parts);
}

const exists = (path: FsPath): Promise<boolean> => lstat(path).then(() => true, () => false);

/**
 * The file a path given as text names: the text itself when it names a file; else, when it
 * holds \xNN escapes (as Dyad writes such names), those bytes; else, when it holds U+FFFD (a
 * name that was not UTF-8, as Node decodes a command line), the one entry of its folder whose
 * name reads so. Otherwise the text, to be reported missing.
 */
export async function resolvePath(text: string): Promise<FsPath> {
  if (await exists(text)) return text;
  if (/\\x[0-9a-fA-F]{2}/.test(text)) {
    const bytes = unescape(text);
    if (await exists(bytes)) return bytes;
  }
  if (text.includes('\ufffd')) {
    const dir = dirname(text);
    const name = basename(text);
    const entries = await readdir(dir, { encoding: 'buffer' }).catch(() => [] as Buffer[]);
    const matches = entries.filter((e) => e.toString('utf8') === name);
    if (matches.length === 1) return joinPath(dir, matches[0] as Buffer);
  }
  return text;
}
