/**
 * Search terms: the words of a text as the full-text index stores them, and the words of a query
 * as it looks them up, so that "Türkiye'ye", "Türkiye'nin" and "Türkiye" find one another.
 *
 * Each word is case-folded the language's way and reduced to a stem: Snowball for English,
 * Russian and Turkish; for Kazakh, which has no Snowball stemmer, its first five letters ("F5"
 * truncation, which Can et al. (2008) found as effective as a lemmatiser for Turkish retrieval
 * and which suits Kazakh's suffixing morphology the same way). Diacritics are kept: "şehir" and
 * "sehir" are different words in Turkish.
 */
import { LANGS, type Lang } from '../model/index.ts';
import { foldCase } from './normalize.ts';
import { stemmerFor } from './stemmers.ts';
import { searchWords } from './words.ts';

const TRUNCATE = 5;

const STEMS: ReadonlyMap<Lang, (word: string) => string> = new Map(LANGS.map((l) => [l,
  l === 'kk' ? (w: string) => [...w].slice(0, TRUNCATE).join('') : stemmerFor(l)]));

/** Terms kept per language: a long article repeats its words, and stemming is the costly step. */
const MAX_TERMS = 100_000;
const TERMS: ReadonlyMap<Lang, Map<string, string>> = new Map(LANGS.map((l) => [l, new Map()]));

/** A word as the index holds it in a language: case-folded, then stemmed. */
function termOf(word: string, lang: Lang): string {
  const cache = TERMS.get(lang);
  let term = cache?.get(word);
  if (term === undefined) {
    term = (STEMS.get(lang) ?? ((w: string) => w))(foldCase(word, lang));
    if (cache && cache.size >= MAX_TERMS) cache.clear();
    cache?.set(word, term);
  }
  return term;
}

/** The index terms of a text in its language: one stem per word, in order, space-separated. */
export function searchTerms(text: string, lang: Lang): string {
  return searchWords(text).map((w) => termOf(w, lang)).join(' ');
}

/**
 * The index terms of an article: its title's and its text's, read as one text. Computed where
 * the article is coded (ingest, workers), so that the store's write transaction stems nothing.
 */
export function articleTerms(title: string | null | undefined, text: string, lang: Lang): string {
  return searchTerms(title ? `${title}\n${text}` : text, lang);
}

/**
 * The terms a query looks for: for each query word, the stems it may have been indexed under
 * (one per language searched, deduplicated). A document matches when it holds, for every query
 * word, at least one of that word's stems.
 */
export function queryTerms(query: string, langs: readonly Lang[] = LANGS): string[][] {
  return searchWords(query).map((w) => [...new Set(langs.map((l) => termOf(w, l)))]);
}
