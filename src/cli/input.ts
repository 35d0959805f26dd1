/** Reading an article for `dyad code`: a file or standard input, title on the first line. */
import { readFileSync, statSync } from 'node:fs';
import { DyadError, isPartialDate } from '../model/index.ts';

/** Read a text file (or "-" for standard input), refusing missing, empty and binary input. */
export function readArticle(path: string): string {
  let buf: Buffer;
  if (path === '-') {
    buf = readFileSync(0);
  } else {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) throw new DyadError('file_not_found', `${path}: no such file`, path);
    if (st.isDirectory()) throw new DyadError('file_unreadable', `${path}: is a directory, expected a text file`, path);
    try {
      buf = readFileSync(path);
    } catch (e) {
      throw new DyadError('file_unreadable', `${path}: ${e instanceof Error ? e.message : String(e)}`, path);
    }
  }
  if (buf.includes(0)) throw new DyadError('binary_input', `${path}: binary data, expected plain text`, path);
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim().length === 0) throw new DyadError('empty_input', `${path}: empty file`, path);
  return text;
}

/** Check a --published value. */
export function parsePublished(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isPartialDate(value)) throw new DyadError('bad_date', `--published: expected YYYY-MM-DD, YYYY-MM or YYYY, got "${value}"`, '--published');
  return value;
}

/** A date from the file name ("2022-05-11-visit.txt") or the text ("11.05.2022", "2022-05-11"), else today. */
export function guessPublished(text: string, name = ''): string {
  const fromName = /(?:^|[^\d])((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?(?!\d)/.exec(name);
  if (fromName) return fromName[3] ? `${fromName[1]}-${fromName[2]}-${fromName[3]}` : `${fromName[1]}-${fromName[2]}`;
  const iso = /\b(20\d{2}|19\d{2})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dotted = /\b(\d{2})\.(\d{2})\.((?:19|20)\d{2})\b/.exec(text);
  if (dotted) return `${dotted[3]}-${dotted[2]}-${dotted[1]}`;
  return new Date().toISOString().slice(0, 10);
}
