/**
 * What the text stage needs to know about a language. The engine is one; a
 * language is data (from the lexicon) plus a stemmer and a case fold.
 */
import type { Lang } from '../model/index.ts';

export interface LanguageProfile {
  readonly lang: Lang;
  /** Lowercased abbreviations without their final dot ("mr", "u.s", "г"): a dot after them does not end a sentence. */
  readonly abbreviations: ReadonlySet<string>;
  /** A number of up to three digits and a dot is an ordinal ("7. Zirve"): the dot does not end a sentence. */
  readonly ordinalDot?: boolean;
  /** Irregular forms to their lemma ("met" → "meet"), keyed by folded form. */
  readonly lemmas: ReadonlyMap<string, string>;
  /** Case fold for matching (Turkish maps I→ı and İ→i; Russian ё→е). */
  fold(word: string): string;
  /** Stem of a folded word. */
  stem(word: string): string;
}
