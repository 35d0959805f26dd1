/** Case folding and character normalisation shared by every language. */
import type { Lang } from '../model/index.ts';

const APOSTROPHES = /[’‘ʼ`´]/g;
const DASHES = /[‐‑‒–—―]/g;
const QUOTES = /[“”«»„‟]/g;

/** Unify apostrophes, dashes and quotes, keeping length so offsets stay valid. */
export function normalizeChars(text: string): string {
  return text.replace(APOSTROPHES, "'").replace(DASHES, '-').replace(QUOTES, '"');
}

/** Lowercase a word the way the language does (Turkish and Kazakh dotted/dotless i), folding ё to е. */
export function foldCase(word: string, lang: Lang): string {
  let w = word;
  if (lang === 'tr') w = w.replace(/I/g, 'ı').replace(/İ/g, 'i');
  w = w.toLocaleLowerCase(lang === 'tr' ? 'tr' : 'en');
  return w.replace(/ё/g, 'е').replace(/\u0307/g, '');
}

/** Latin letters without diacritics ("Erdoğan" → "erdogan"), for lenient name matching. */
export function stripDiacritics(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i');
}
