/**
 * How a word form is looked up in the name index, worked out once per form and kept for the
 * lexicon's lifetime: its own key, and the keys its readings as a base plus a suffix give (Kazakh
 * Қазақстанға = Қазақстан + dative; Russian Токаева, whose Snowball stem differs from Токаев's),
 * each with the names that begin with it.
 */
import { stemOf, type LanguageProfile, type Word, type WordMemo } from '../text/index.ts';
import type { Analysis, Morphology } from './morphology.ts';
import { indeclinableKey, nameKey, type NameEntry, type NameIndex } from './names.ts';

/** A key to look a word up by, with the suffix reading that gave it. */
export interface NameLookup {
  readonly key: string;
  readonly analysis?: Analysis;
}

/** A key a word may begin a name with, and the names that begin with it (longest first). */
export interface NameStart extends NameLookup {
  readonly candidates: readonly NameEntry[];
}

/** The ways one word form can be a word of a name. */
export interface NameForms {
  /** The key the word matches names by: its folded form, or its stem where names inflect. */
  readonly own: string;
  /** The keys the word begins some name with, its own first: most words begin none. */
  readonly starts: readonly NameStart[];
  /** Stems of its readings as base + suffix (where names match by stem). */
  readonly stems: readonly string[];
  /** Its readings as base + suffix (where names match less a suffix). */
  readonly suffixed: readonly NameLookup[];
}

/** A word's name forms under one lexicon, kept on the word. */
interface FormsMemo extends WordMemo {
  readonly forms: NameForms;
}

/** Forms kept per lexicon; a long archive run meets a bounded vocabulary, but not an unbounded one. */
const MAX_FORMS = 200_000;

export class WordForms {
  private readonly cache = new Map<string, NameForms>();
  private readonly profile: LanguageProfile;
  private readonly morphology: Morphology;
  private readonly names: NameIndex;

  constructor(profile: LanguageProfile, morphology: Morphology, names: NameIndex) {
    this.profile = profile;
    this.morphology = morphology;
    this.names = names;
  }

  /** The name forms of a folded word (written forms of one key share them). */
  private of(key: string): NameForms {
    let f = this.cache.get(key);
    if (f === undefined) {
      f = this.compute(key);
      if (this.cache.size >= MAX_FORMS) this.cache.clear();
      this.cache.set(key, f);
    }
    return f;
  }

  /** The name forms of a token's word, kept on the word: a token's lookup reads no map. */
  ofWord(word: Word): NameForms {
    for (const m of word.memos) if (m.owner === this) return (m as FormsMemo).forms;
    const memo: FormsMemo = { owner: this, forms: this.of(word.key) };
    word.memos.push(memo);
    return memo.forms;
  }

  private compute(key: string): NameForms {
    const morph = this.morphology;
    const byStem = morph.nameMatch === 'stem';
    const bySuffix = morph.nameMatch === 'suffix';
    const own = nameKey(byStem ? stemOf(this.profile, key) : key);
    const analyses = byStem || bySuffix ? morph.analyses(key) : [];
    const stems = byStem ? analyses.map((a) => nameKey(this.profile.stem(a.base))) : [];
    const suffixed = bySuffix ? analyses.map((a) => ({ key: nameKey(a.base), analysis: a })) : [];
    // A name that does not inflect, written as it is (Баку), beats a stem that merely coincides (Бакиев → бак).
    const lookups: NameLookup[] = byStem ? [{ key: indeclinableKey(key) }, { key: own }] : [{ key: own }];
    lookups.push(...suffixed);
    for (const s of stems) lookups.push({ key: s });
    const starts: NameStart[] = [];
    for (const lk of lookups) {
      const candidates = this.names.candidates(lk.key);
      if (candidates.length > 0) starts.push({ ...lk, candidates });
    }
    return { own, starts, stems, suffixed };
  }
}
