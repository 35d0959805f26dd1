/** Verb forms the language data names by their endings: participles ("signed"), gerunds ("signing") and finite verbs ("kınadı"). */
import type { Lexicon } from '../lexicon/index.ts';

/** True for a word ending like a gerund ("signing"). */
export function isGerund(lex: Lexicon, key: string): boolean {
  return lex.gerundEndings.some((e) => key.endsWith(e));
}

/** True for a word ending like a past participle ("signed"). */
export function isParticiple(lex: Lexicon, key: string): boolean {
  return lex.participleEndings.some((e) => key.endsWith(e));
}

/** True for a verb in a past tense of its own: a participle ending ("signed"), or a past ending the language writes on the verb ("подписал"). */
export function isPastForm(lex: Lexicon, key: string): boolean {
  return isParticiple(lex, key) || lex.pastEndings.some((e) => key.endsWith(e));
}

/** True for a word ending like an infinitive the language writes on the verb ("подписать"). */
export function isInfinitive(lex: Lexicon, key: string): boolean {
  return lex.infinitiveEndings.some((e) => key.length > e.length + 2 && key.endsWith(e));
}

/** True for a word ending like a finite verb (Turkish "kınadı", "kınadığını"). */
export function isFiniteVerb(lex: Lexicon, key: string): boolean {
  return lex.finiteEndings.some((e) => key.endsWith(e));
}

/** True for a form the language's lemma table maps to another ("sent" → send, "held" → hold): an irregular past or participle. */
export function isIrregularForm(lex: Lexicon, key: string): boolean {
  const lemma = lex.profile.lemmas.get(key);
  return lemma !== undefined && lemma !== key;
}
