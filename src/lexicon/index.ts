/** The lexicon stage: language knowledge as checked data files, compiled for matching. */
export { BUILTIN_LEXICON_DIR, loadLexiconData, parseLexiconFile } from './load.ts';
export type { Country, LexiconData, Organization, Person } from './load.ts';
export { compileLexicon, LexiconSet } from './lexicon.ts';
export type { Cues, Lexicon } from './lexicon.ts';
export { NameIndex, OfficeRegister, indeclinableKey, nameKey, NAME_KINDS } from './names.ts';
export type { NameEntry, NameKind } from './names.ts';
export { Morphology } from './morphology.ts';
export type { Analysis, NameMatch } from './morphology.ts';
export { PhraseSet } from './phrases.ts';
export type { MatchOn, PhraseMatch } from './phrases.ts';
export { CASES, OFFICES, patternSchema } from './schema.ts';
export type { Case, LanguageFile, Office, PatternData } from './schema.ts';
export { LEXICON_ISSUE_CODES } from './issues.ts';
export type { LexiconCheckReport, LexiconIssue, LexiconIssueCode } from './issues.ts';
export { listLexiconFiles, safeParseLexiconFile } from './source.ts';
export type { LexiconParse } from './source.ts';
export { LEXICON_KINDS } from './schema.ts';
export type { LexiconFile, LexiconKind, LexiconSource } from './schema.ts';
