/**
 * The address a local file's articles are archived and shown under. Not the server's path: the
 * archive is read through an open API, and "/home/me/archive/x.txt" tells its readers about the
 * machine. The address is the file's path from the folder the input sits in, so the input's own
 * name comes first: `dyad ingest data/demo` stores "demo/en/x.txt", `dyad ingest /srv/x.txt`
 * stores "x.txt". It depends on neither the working folder nor how the input was spelled, so
 * ingesting the same input again, from anywhere, finds its articles at the same addresses.
 */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { SourceArticle, SourceProblem } from './article.ts';

/** The address of `path` (the input itself, or a file found under it) given as `input`. */
export function fileAddress(input: string, path: string): string {
  const root = resolve(input);
  const from = dirname(root);
  // The root of the file system is its own parent: its files go by their path under it.
  const rel = from === root ? relative(root, resolve(path)) : relative(from, resolve(path));
  return (rel === '' ? basename(root) : rel).split(sep).join('/');
}

/**
 * An article read from `path` under its address: the path itself, or the path and "#item-N" of
 * a feed item without a link, become `address` and the same suffix. Links (http) are left alone,
 * and so are problems, which go to whoever ran the command and name the file as they gave it.
 */
export function withFileAddress(record: SourceArticle | SourceProblem, path: string, address: string): SourceArticle | SourceProblem {
  if ('code' in record) return record;
  if (record.address === path) return { ...record, address };
  if (record.address.startsWith(`${path}#`)) return { ...record, address: `${address}${record.address.slice(path.length)}` };
  return record;
}
