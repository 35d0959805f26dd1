/** Tokens with offsets into the article text, folded and stemmed for matching. */
import type { LanguageProfile } from './language.ts';

export const TOKEN_KINDS = ['word', 'number', 'punct', 'suffix'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export interface Token {
  /** Index in the document's token list. */
  readonly i: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
  /** Case-folded form. */
  readonly key: string;
  /** Lemma (irregular forms) or stem of the folded form. */
  readonly stem: string;
  /** Starts with an upper-case letter. */
  readonly cap: boolean;
  /** Two or more letters, all upper case (an abbreviation such as "US" or "ОДКБ"). */
  readonly upper: boolean;
  /** Whitespace precedes the token. */
  readonly space: boolean;
  readonly sentence: number;
  /** The word as written, one object for all its tokens under a profile. */
  readonly word: Word;
}

/**
 * What a reader of a profile's words (a lexicon's matcher, its name lookup) works out about one
 * word once and keeps on it for its next occurrence, marked with the reader it belongs to.
 */
export interface WordMemo {
  readonly owner: object;
}

// Order matters: dotted abbreviations (U.S., т.е.), numbers with separators,
// words (letters and marks, inner hyphen-free), apostrophe suffixes, any other symbol.
const TOKEN_RE = /(\p{L}\.(?:\p{L}\.)+|\p{L}\.\p{L}(?![\p{L}]))|(\p{N}+(?:[.,\u00a0 ]\p{N}{3})*(?:[.,]\p{N}+)?)|([\p{L}\p{M}]+)|('[\p{L}\p{M}]+)|(\S)/gu;

/** What a word as written says, the same wherever it occurs: its folded key, stem and capitals. */
export interface Word {
  readonly key: string;
  readonly stem: string;
  readonly cap: boolean;
  readonly upper: boolean;
  /** What readers of the word have worked out about it, one memo per reader (most words have one or two). */
  readonly memos: WordMemo[];
}

/** Forms kept per profile: enough for any vocabulary a run meets, bounded all the same. */
const MAX_FORMS = 200_000;
const formCaches = new WeakMap<LanguageProfile, Map<string, Word>>();
const stemCaches = new WeakMap<LanguageProfile, Map<string, string>>();

function cacheOf<V>(caches: WeakMap<LanguageProfile, Map<string, V>>, profile: LanguageProfile): Map<string, V> {
  let cache = caches.get(profile);
  if (!cache) {
    cache = new Map();
    caches.set(profile, cache);
  }
  return cache;
}

/** The stem of a folded word under a profile (its lemma's stem for an irregular form), cached per profile. */
export function stemOf(profile: LanguageProfile, key: string): string {
  const cache = cacheOf(stemCaches, profile);
  let s = cache.get(key);
  if (s === undefined) {
    s = profile.stem(profile.lemmas.get(key) ?? key);
    if (cache.size >= MAX_FORMS) cache.clear();
    cache.set(key, s);
  }
  return s;
}

function formOf(profile: LanguageProfile, cache: Map<string, Word>, text: string, stemmed: boolean): Word {
  let f = cache.get(text);
  if (f === undefined) {
    const key = profile.fold(text);
    const first = text.charAt(0);
    const letters = text.replace(/[^\p{L}]/gu, '');
    f = {
      key,
      stem: stemmed ? stemOf(profile, key) : key,
      cap: first !== first.toLowerCase() && first === first.toUpperCase(),
      upper: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      memos: [],
    };
    if (cache.size >= MAX_FORMS) cache.clear();
    cache.set(text, f);
  }
  return f;
}

/**
 * What /\s/ matches, read from a character code without a regular expression: ECMAScript's white
 * space (tab, vertical tab, form feed, the byte-order mark, every space separator) and line terminators.
 */
function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function numberForm(raw: string): Word {
  const key = raw.replace(/[\u00a0 ]/g, '');
  return { key, stem: key, cap: false, upper: false, memos: [] };
}

/**
 * Split `text` (from `offset` in the article) into tokens appended to `out`.
 * `text` must already have normalised apostrophes and dashes.
 */
export function tokenize(text: string, offset: number, sentence: number, profile: LanguageProfile, out: Token[]): void {
  TOKEN_RE.lastIndex = 0;
  const words = cacheOf(formCaches, profile);
  let m: RegExpExecArray | null;
  let prevEnd = -1;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const raw = m[0];
    const start = m.index;
    let kind: TokenKind;
    if (m[2] !== undefined) kind = 'number';
    else if (m[1] !== undefined || m[3] !== undefined) kind = 'word';
    else if (m[4] !== undefined) kind = start === prevEnd || start === 0 ? 'suffix' : 'word';
    else kind = 'punct';
    const tokenText = kind === 'word' && m[4] !== undefined ? raw.slice(1) : raw;
    const tokenStart = kind === 'word' && m[4] !== undefined ? start + 1 : start;
    // Words and suffixes are stemmed; a number's key is its digits; a mark is itself.
    const form = kind === 'number' ? numberForm(raw) : formOf(profile, words, tokenText, kind === 'word' || kind === 'suffix');
    out.push({
      i: out.length,
      text: tokenText,
      start: offset + tokenStart,
      end: offset + start + raw.length,
      kind,
      key: form.key,
      stem: form.stem,
      cap: form.cap,
      upper: form.upper,
      space: tokenStart === 0 ? true : isSpaceCode(text.charCodeAt(tokenStart - 1)),
      sentence,
      word: form,
    });
    prevEnd = start + raw.length;
  }
}
