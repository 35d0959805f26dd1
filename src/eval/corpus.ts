/**
 * A gold corpus on disk: `DIR/text/ID.txt` (title on the first line) beside `DIR/gold/ID.json`.
 * One bad file must not stop an evaluation of fifty, so per-file trouble is collected as
 * problems; only a corpus that is not there at all is an error.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { DyadError, type Lang, type PartialDate } from '../model/index.ts';
import { safeParseGold, type GoldFile } from './gold.ts';

/** One article of the corpus with its gold. */
export interface CorpusArticle {
  /** Base name shared by the text and the gold file, e.g. "101-en". */
  readonly id: string;
  /** Path of the text file. */
  readonly path: string;
  readonly lang: Lang;
  /** Publication date from the gold, against which relative dates resolve. */
  readonly published: PartialDate;
  /** The first line of the text. */
  readonly title: string;
  /** The whole file as read, title line included: evidence offsets refer to it. */
  readonly text: string;
  readonly gold: GoldFile;
}

/** A file that could not be used, and why. */
export interface CorpusProblem {
  readonly file: string;
  readonly message: string;
}

export interface Corpus {
  readonly articles: readonly CorpusArticle[];
  readonly problems: readonly CorpusProblem[];
}

/** Base names of the files in a folder that end in `ext`, sorted. */
function listIds(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && extname(d.name) === ext)
    .map((d) => basename(d.name, ext))
    .sort();
}

function requireDir(path: string, what: string): void {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new DyadError('file_not_found', `${what} not found: ${path}`, path);
  if (!st.isDirectory()) throw new DyadError('corpus_invalid', `${what} is not a directory: ${path}`, path);
}

function readText(path: string): string | Error {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    return e as Error;
  }
}

/** The title: first line of the text, without a byte-order mark. */
function titleOf(text: string): string {
  const line = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  return line.replace(/^\uFEFF/, '').trim();
}

/** Load a corpus folder (text/ and gold/); throws only when the folders are missing. */
export function loadCorpus(dir: string): Corpus {
  requireDir(dir, 'corpus directory');
  const textDir = join(dir, 'text');
  const goldDir = join(dir, 'gold');
  for (const [sub, name] of [[textDir, 'text'], [goldDir, 'gold']] as const) {
    const st = statSync(sub, { throwIfNoEntry: false });
    if (!st?.isDirectory()) {
      throw new DyadError('corpus_invalid', `corpus ${dir} has no ${name}/ folder (expected ${sub})`, sub);
    }
  }

  const articles: CorpusArticle[] = [];
  const problems: CorpusProblem[] = [];
  const textIds = listIds(textDir, '.txt');
  const goldIds = new Set(listIds(goldDir, '.json'));

  for (const id of textIds) {
    const path = join(textDir, id + '.txt');
    const goldPath = join(goldDir, id + '.json');
    if (!goldIds.has(id)) {
      problems.push({ file: path, message: `no gold file ${goldPath}` });
      continue;
    }
    goldIds.delete(id);
    const goldText = readText(goldPath);
    if (goldText instanceof Error) {
      problems.push({ file: goldPath, message: `cannot read: ${goldText.message}` });
      continue;
    }
    const parsed = safeParseGold(goldText, goldPath);
    if (!parsed.ok) {
      problems.push({ file: goldPath, message: parsed.error.message });
      continue;
    }
    const gold = parsed.gold;
    // Predictions carry the article id; a gold naming another article would be scored
    // against the wrong text without anyone noticing.
    if (gold.article !== id) {
      problems.push({ file: goldPath, message: `${goldPath}: article: "${gold.article}" does not match the file name "${id}"` });
      continue;
    }
    const text = readText(path);
    if (text instanceof Error) {
      problems.push({ file: path, message: `cannot read: ${text.message}` });
      continue;
    }
    articles.push({ id, path, lang: gold.lang, published: gold.published, title: titleOf(text), text, gold });
  }
  for (const id of goldIds) {
    problems.push({ file: join(goldDir, id + '.json'), message: `no text file ${join(textDir, id + '.txt')}` });
  }
  return { articles, problems };
}
