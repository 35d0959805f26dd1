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
}

// Order matters: dotted abbreviations (U.S., т.е.), numbers with separators,
// words (letters and marks, inner hyphen-free), apostrophe suffixes, any other symbol.
const TOKEN_RE = /(\p{L}\.(?:\p{L}\.)+|\p{L}\.\p{L}(?![\p{L}]))|(\p{N}+(?:[.,\u00a0 ]\p{N}{3})*(?:[.,]\p{N}+)?)|([\p{L}\p{M}]+)|('[\p{L}\p{M}]+)|(\S)/gu;

const stemCache = new WeakMap<LanguageProfile, Map<string, string>>();

/** The stem of a folded word under a profile, cached per profile. */
export function stemOf(profile: LanguageProfile, key: string): string {
  let cache = stemCache.get(profile);
  if (!cache) {
    cache = new Map();
    stemCache.set(profile, cache);
  }
  let s = cache.get(key);
  if (s === undefined) {
    const lemma = profile.lemmas.get(key);
    s = lemma !== undefined ? profile.stem(lemma) : profile.stem(key);
    if (cache.size > 200_000) cache.clear();
    cache.set(key, s);
  }
  return s;
}

/**
 * Split `text` (from `offset` in the article) into tokens appended to `out`.
 * `text` must already have normalised apostrophes and dashes.
 */
export function tokenize(text: string, offset: number, sentence: number, profile: LanguageProfile, out: Token[]): void {
  TOKEN_RE.lastIndex = 0;
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
    const key = kind === 'number' ? raw.replace(/[\u00a0 ]/g, '') : profile.fold(tokenText);
    const first = tokenText.charAt(0);
    const cap = first !== first.toLowerCase() && first === first.toUpperCase();
    const letters = tokenText.replace(/[^\p{L}]/gu, '');
    const upper = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    out.push({
      i: out.length,
      text: tokenText,
      start: offset + tokenStart,
      end: offset + start + raw.length,
      kind,
      key,
      stem: kind === 'word' || kind === 'suffix' ? stemOf(profile, key) : key,
      cap,
      upper,
      space: tokenStart === 0 ? true : /\s/.test(text.charAt(tokenStart - 1)),
      sentence,
    });
    prevEnd = start + raw.length;
  }
}
