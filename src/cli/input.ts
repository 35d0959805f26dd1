/**
 * The articles `dyad code` is given, read by the same source readers as `dyad ingest`: a file by
 * its extension or first bytes (text, HTML page or feed, in any charset they detect), or
 * standard input by its first bytes.
 */
import { basename } from 'node:path';
import { readFileSource, readStreamSource, type SourceArticle, type SourceProblem } from '../sources/index.ts';

/** What one input gave: its articles and problems, in order, and the name its records carry. */
export interface Input {
  readonly items: readonly (SourceArticle | SourceProblem)[];
  /** Rename an article's address to the name its records carry. */
  readonly nameOf: (address: string) => string;
}

/** The address standard input goes by, in records and messages alike. */
const STDIN = 'stdin';

/** Read one input: a file path, or "-" for standard input. */
export async function readInput(input: string): Promise<Input> {
  const address = input === '-' ? STDIN : input;
  const name = input === '-' ? STDIN : basename(input);
  let items: (SourceArticle | SourceProblem)[];
  try {
    items = input === '-' ? await readStreamSource(STDIN, process.stdin) : await readFileSource(input);
  } catch (e) {
    // A reader failing on bytes no one foresaw is this input's problem, not the end of the run.
    items = [{ address, code: 'unreadable', message: `${address}: ${e instanceof Error ? e.message : String(e)}` }];
  }
  return {
    items,
    // A file's article is known by the file's base name; a feed's items by their links, or by
    // the file's name and their number when they have none.
    nameOf: (a) => (a === address ? name : a.startsWith(`${address}#`) ? `${name}${a.slice(address.length)}` : a),
  };
}
