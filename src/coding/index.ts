/** The coding stage: patterns compiled from the lexicon, applied to an article. */
export { codeArticle } from './coder.ts';
export type { ArticleInput, CodeOptions, CodeResult, TraceLine } from './coder.ts';
export { compilePatterns } from './compile.ts';
