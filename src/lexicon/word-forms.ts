/**
 * How a word form is looked up in the name index, worked out once per form and kept for the
 * lexicon's lifetime: its own key, and the keys its readings as a base plus a suffix give (Kazakh
 * Қазақстанға = Қазақстан + dative; Russian Токаева, whose Snowball stem differs from Токаев's).
 */
import { stemOf, type LanguageProfile } from '../text/index.ts';
import type { Analysis, Morphology } from './morphology.ts';
import { indeclinableKey, nameKey } from './names.ts';

/** A key to look a word up by, with the suffix reading that gave it. */
export interface NameLookup {
  readonly key: string;
  readonly analysis?: Analysis;
}

/** The ways one word form can be a word of a name. */
export interface NameForms {
  /** The key the word matches names by: its folded form, or its stem where names inflect. */
  readonly own: string;
  /** Keys the word may begin a name with, its own first. */
  readonly lookups: readonly NameLookup[];
  /** Stems of its readings as base + suffix (where names match by stem). */
  readonly stems: readonly string[];
  /** Its readings as base + suffix (where names match less a suffix). */
  readonly suffixed: readonly NameLookup[];
}

/** Forms kept per lexicon; a long archive run meets a bounded vocabulary, but not an unbounded one. */
const MAX_FORMS = 200_000;

export class WordForms {
  private readonly cache = new Map<string, NameForms>();
  private readonly profile: LanguageProfile;
  private readonly morphology: Morphology;

  constructor(profile: LanguageProfile, morphology: Morphology) {
    this.profile = profile;
    this.morphology = morphology;
  }

  /** The name forms of a folded word. */
  of(key: string): NameForms {
    let f = this.cache.get(key);
    if (f === undefined) {
      f = this.compute(key);
      if (this.cache.size >= MAX_FORMS) this.cache.clear();
      this.cache.set(key, f);
    }
    return f;
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
    return { own, lookups, stems, suffixed };
  }
}
