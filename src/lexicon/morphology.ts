/**
 * Inflection as data: suffixes a language adds to names and words, and the cases they mark.
 * Kazakh has no stemmer to borrow, so its stems are the written form less these suffixes;
 * Turkish writes its case suffixes after an apostrophe; Russian names match by Snowball stem.
 */
import type { Token } from '../text/index.ts';
import type { Case, LanguageFile } from './schema.ts';

export type NameMatch = 'key' | 'stem' | 'suffix';

export interface Analysis {
  readonly base: string;
  readonly suffix: string;
  readonly case?: Case;
}

export class Morphology {
  readonly nameMatch: NameMatch;
  /** Suffixes, longest first, each with what replaces it in the base ("" when it is only removed). */
  private readonly suffixes: readonly { readonly suffix: string; readonly restore: string }[];
  private readonly cases: ReadonlyMap<string, Case>;
  private readonly postpositions: ReadonlyMap<string, Case>;
  private readonly minStem: number;
  readonly stemSuffixes: boolean;
  /** Where a coordinated group shows its case: on each member, or on the last only. */
  readonly groupCase: 'each' | 'last';
  private readonly possessed: readonly string[];
  private readonly attributive: ReadonlySet<string>;

  constructor(file: LanguageFile, fold: (w: string) => string) {
    const m = file.morphology;
    this.nameMatch = m.nameMatch;
    this.suffixes = [...new Set(m.suffixes.map(fold))]
      .map((entry) => {
        const [suffix = entry, restore = ''] = entry.split('>');
        return { suffix, restore };
      })
      .sort((a, b) => b.suffix.length - a.suffix.length);
    this.cases = new Map(Object.entries(m.cases).map(([k, v]) => [fold(k), v]));
    this.postpositions = new Map(Object.entries(file.grammar.postpositions).map(([k, v]) => [fold(k), v]));
    this.minStem = m.minStem;
    this.stemSuffixes = m.stemSuffixes;
    this.groupCase = m.groupCase;
    this.possessed = [...new Set(m.possessed.map(fold))].sort((a, b) => b.length - a.length);
    this.attributive = new Set(m.attributive.map(fold));
  }

  /** Does a name's suffix make it an attribute of the noun after it ("Ауғанстандағы": -дағы)? */
  isAttributive(suffix: string | undefined): boolean {
    return suffix !== undefined && this.attributive.has(suffix);
  }

  /** The case of a possessed noun ("позицияларына": dat), when its longest reading ends in a possessed suffix and all its readings agree. */
  possessedCase(word: string): Analysis | undefined {
    const a = this.ownCase(word);
    const longest = this.analyses(word)[0];
    return a && longest && this.possessed.includes(longest.suffix) ? a : undefined;
  }

  /** Ways to read a word as a base plus one suffix, longest suffix first. */
  analyses(word: string): Analysis[] {
    const out: Analysis[] = [];
    for (const { suffix, restore } of this.suffixes) {
      if (word.length - suffix.length < this.minStem || !word.endsWith(suffix)) continue;
      const c = this.cases.get(suffix);
      out.push({ base: word.slice(0, -suffix.length) + restore, suffix, ...(c ? { case: c } : {}) });
    }
    return out;
  }

  /** The case a word's own ending marks, when all its readings agree ("комитетін": acc; "комитеті": possessed or acc, none). */
  ownCase(word: string): Analysis | undefined {
    // a case ending follows no other ("ұсынысынан" is -ынан, not ұсынысына + -н)
    const readings = this.analyses(word).filter((x) => x.case !== undefined && !this.endsInCase(x.base));
    // a one-letter ending that closes a longer oblique one is that ending's last letter ("президентімен":
    // -імен, the comitative, not a base "президентіме" + -н)
    const oblique = readings.filter((x) => x.case !== 'nom' && x.case !== 'acc' && x.suffix.length > 1);
    const cased = readings.filter((x) => !(x.suffix.length === 1 && oblique.some((y) => y.suffix.endsWith(x.suffix))));
    const a = cased[0];
    return a && cased.every((x) => x.case === a.case) ? a : undefined;
  }

  /**
   * The case of a noun no possessor owns ("американдық журналисті"): where its ending reads as
   * possessed (nominative) or as accusative, the accusative.
   */
  unownedCase(word: string): Analysis | undefined {
    const own = this.ownCase(word);
    if (own) return own;
    return this.analyses(word).find((x) => x.case === 'acc' && !this.endsInCase(x.base));
  }

  /** True when a base itself ends in a case ending of two letters or more other than the nominative. */
  private endsInCase(base: string): boolean {
    return this.analyses(base).some((a) => a.case !== undefined && a.case !== 'nom' && a.suffix.length >= 2);
  }

  /** A word less its suffixes, stripped one after another (елдерімізбен → ел). */
  strip(word: string): string {
    let w = word;
    for (let n = 0; n < 4; n++) {
      const a = this.analyses(w)[0];
      if (!a) break;
      w = a.base;
    }
    return w;
  }

  /** The case a separate suffix token marks ("'ye" → dat), if any. */
  caseOfSuffix(token: Token | undefined): Case | undefined {
    return token?.kind === 'suffix' ? this.cases.get(token.key) : undefined;
  }

  /** The case a bare suffix marks ("ға" → dat), if the language lists it. */
  caseOfWord(suffix: string): Case | undefined {
    return this.cases.get(suffix);
  }

  /** The case a postposition marks ("ile" → com), if any. */
  caseOfPostposition(token: Token | undefined): Case | undefined {
    return token ? this.postpositions.get(token.key) : undefined;
  }
}
