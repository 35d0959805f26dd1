/**
 * Options several commands share, declared once and spread into the commands that use them, and
 * the checks and loaders their values go through.
 */
import { LexiconSet } from '../lexicon/index.ts';
import { DyadError, isPartialDate, LANGS } from '../model/index.ts';
import type { FetchLimits } from '../sources/index.ts';
import { openStore, type OpenOptions, type Store } from '../store/index.ts';
import { HELP_OPTION, type OptionSpecs } from './options.ts';

/** For commands that read or write the archive. */
export const ARCHIVE_OPTIONS = {
  db: { type: 'string', value: 'PATH|URL', env: 'DYAD_DB', description: 'the archive: a SQLite file (./dyad.db when not given) or a postgres:// URL' },
} as const satisfies OptionSpecs;

/** For commands that code text. */
export const LEXICON_OPTIONS = {
  lexicon: { type: 'string', value: 'PATH', multiple: true, description: 'add a lexicon file or folder of your own' },
} as const satisfies OptionSpecs;

/** For commands that fetch pages and feeds. */
export const FETCH_OPTIONS = {
  'allow-private': {
    type: 'boolean',
    description: 'also fetch from loopback, private and link-local addresses (an intranet); by default only public addresses are fetched, at every redirect',
  },
} as const satisfies OptionSpecs;

/** Every option shared by several commands, for `dyad --help`. */
export const SHARED_OPTIONS = { ...ARCHIVE_OPTIONS, ...LEXICON_OPTIONS, ...FETCH_OPTIONS, ...HELP_OPTION } as const satisfies OptionSpecs;

/** --lang: a language among Dyad's four; each command says what it means for it. */
export const LANG_OPTION = { type: 'string', value: 'L', choices: LANGS } as const;

/** The fetch limits the fetch options ask for. */
export function fetchLimits(values: { readonly 'allow-private': boolean }): FetchLimits {
  return values['allow-private'] ? { allowPrivate: true } : {};
}

/** The lexicons: the built-in ones and the user's --lexicon files. */
export function loadLexicons(values: { readonly lexicon: readonly string[] }): LexiconSet {
  return LexiconSet.load([...values.lexicon]);
}

/**
 * Open the archive named by --db, run `work`, always close it. A command that only reads
 * (`create: false`) refuses an archive that does not exist instead of making an empty one.
 */
export async function withStore<T>(values: { readonly db?: string }, work: (store: Store) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const store = await openStore(values.db, options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** How the commands that only read open the archive. */
export const READ_ONLY: OpenOptions = { create: false };

/** A date option's value checked: YYYY-MM-DD, YYYY-MM or YYYY. */
export function dateValue(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isPartialDate(value)) throw new DyadError('bad_date', `--${name}: expected YYYY-MM-DD, YYYY-MM or YYYY, got "${value}"`, `--${name}`);
  return value;
}

/** A whole-number option's value checked. */
export function wholeNumber(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new DyadError('usage', `--${name}: expected a whole number, got "${value}"`, `--${name}`);
  return n;
}

/** A state or organisation code ("kaz" is KAZ). */
export function actorCode(name: string, value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9]{1,9}$/.test(code)) throw new DyadError('usage', `--${name}: expected a state or organisation code such as KAZ, got "${value}"`, `--${name}`);
  return code;
}
