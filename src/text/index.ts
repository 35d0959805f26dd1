/** The text stage: normalisation, sentences and tokens. */
export type { LanguageProfile } from './language.ts';
export type { Token, TokenKind, Word, WordMemo } from './tokenize.ts';
export type { Doc, Sentence } from './document.ts';
export { analyze, phraseTokens } from './document.ts';
export { foldCase, normalizeChars, stripDiacritics } from './normalize.ts';
export { stemmerFor } from './stemmers.ts';
export { stemOf } from './tokenize.ts';
export { identifyLanguage } from './language-id.ts';
export { articleTerms, queryTerms, searchTerms } from './search.ts';
export { searchWords } from './words.ts';
