/** A lexicon compiled for one language: profile, names, offices, and one matcher for its cue lists and patterns. */
import { DyadError, type Lang } from '../model/index.ts';
import { foldCase, stemmerFor, type LanguageProfile } from '../text/index.ts';
import { BUILTIN_LEXICON_DIR, loadLexiconData, type LexiconData } from './load.ts';
import { buildNameIndex, OfficeRegister, type NameIndex } from './names.ts';
import { Morphology } from './morphology.ts';
import { cueLists } from './cues.ts';
import { Matcher } from './matcher.ts';
import { compilePatterns, type CompiledPattern } from './patterns.ts';
import type { Policy } from './policy.ts';
import type { LanguageFile } from './schema.ts';
import { WordForms } from './word-forms.ts';

export interface Lexicon {
  readonly lang: Lang;
  readonly version: string;
  readonly profile: LanguageProfile;
  readonly morphology: Morphology;
  /** A mention right after a noun with no preposition is its genitive (Russian). */
  readonly genitiveAfter: boolean;
  /** "sov": objects come before the verb. */
  readonly wordOrder: 'svo' | 'sov';
  /** A verb's subject is the first unmarked name of its clause (else the nearest before the verb). */
  readonly subjectFirst: boolean;
  /** Month and weekday names are capitalised. */
  readonly datesCapitalised: boolean;
  /** Adjectives of states are capitalised. */
  readonly adjectivesCapitalised: boolean;
  /** The state whose institutions the press of the language names bare, if the language has one. */
  readonly homeState?: string;
  /** Modality written inside a verb, after a "*" trigger's prefix. */
  readonly infixes: LanguageFile['modality']['infixes'];
  /** Plural endings of nouns ("the two security chiefs"). */
  readonly pluralSuffixes: readonly string[];
  /** Endings of participles ("signed") and gerunds ("signing"): verb forms a noun pattern does not fire on. */
  readonly participleEndings: readonly string[];
  /** Endings of a participle that makes what stands before it a modifier of the noun after it (Turkish -ilen, -ılan). */
  readonly modifierEndings: readonly string[];
  readonly gerundEndings: readonly string[];
  /** Endings of a participle that opens a phrase set off by commas: names inside it are no subject of the verb after it. */
  readonly insertionEndings: readonly string[];
  /** Endings of an infinitive written on the verb (Russian -ть): a verb with no tense of its own. */
  readonly infinitiveEndings: readonly string[];
  /** What follows a prefix trigger when its verb is passive (Kazakh -ыл-, Turkish -n-/-ıl-). */
  readonly passiveInfixes: readonly string[];
  /** What follows a prefix trigger, and only follows it, when its verb is passive (Kazakh тұтқында|лды). */
  readonly passiveAfterPrefix: readonly string[];
  /** Endings of a past tense written on the verb (Russian -л): a verb with a tense of its own. */
  readonly pastEndings: readonly string[];
  /** Endings of finite verb forms (Turkish -dı, -iyor): such a trigger is a verb, not a noun. */
  readonly finiteEndings: readonly string[];
  /**
   * Prepositions by role, folded: of a noun's owner ("visit of X"), of a passive's agent ("by X"),
   * of a symmetric act's other party ("met with X"). Patterns name their own; these are the defaults.
   */
  readonly preps: { readonly genitive: readonly string[]; readonly agent: readonly string[]; readonly partner: readonly string[]; readonly locative: readonly string[] };
  readonly names: NameIndex;
  readonly offices: OfficeRegister;
  /** How word forms look names up, worked out once per form. */
  readonly wordForms: WordForms;
  /** Every cue list and pattern trigger of the language, matched in one pass per sentence. */
  readonly matcher: Matcher;
  readonly patterns: readonly CompiledPattern[];
  readonly patternById: ReadonlyMap<string, CompiledPattern>;
  /** The engine policy (shared by every language). */
  readonly policy: Policy;
  readonly data: LexiconData;
  /** English display name of a state or organisation code. */
  displayName(code: string): string;
  /** True for organisation codes. */
  isOrganization(code: string): boolean;
}

/** How a language folds and stems words, from its file. */
export function languageProfile(file: LanguageFile): LanguageProfile {
  return makeProfile(file, new Morphology(file, (w) => foldCase(w, file.lang)));
}

function makeProfile(file: LanguageFile, morphology: Morphology): LanguageProfile {
  const lang = file.lang;
  const fold = (w: string): string => foldCase(w, lang);
  const snowball = stemmerFor(lang);
  const base = morphology.stemSuffixes ? (w: string): string => snowball(morphology.strip(w)) : snowball;
  return {
    lang,
    abbreviations: new Set(file.abbreviations.map((a) => fold(a).replace(/\.$/, ''))),
    ordinalDot: file.ordinalDot,
    lemmas: new Map(Object.entries(file.lemmas).map(([k, v]) => [fold(k), fold(v)])),
    fold,
    stem: base,
  };
}

/** Compile the lexicon of one language from loaded data. */
export function compileLexicon(data: LexiconData, lang: Lang): Lexicon {
  const file = data.languages.get(lang);
  if (!file) throw new DyadError('lexicon_invalid', `no language file for "${lang}" in the lexicon`, lang);
  const morphology = new Morphology(file, (w) => foldCase(w, lang));
  const profile = makeProfile(file, morphology);
  const display = new Map<string, string>();
  for (const c of data.countries) display.set(c.code, c.names.en?.[0] ?? c.code);
  const orgs = new Set<string>();
  for (const o of data.organizations) {
    display.set(o.code, o.names.en?.[0] ?? o.code);
    orgs.add(o.code);
  }
  const compiled = compilePatterns(data.patterns.get(lang) ?? [], profile);
  const matcher = Matcher.build(profile, cueLists(file, compiled.triggers), true);
  const names = buildNameIndex(data, lang, profile, morphology.nameMatch);
  return {
    lang,
    version: data.version,
    profile,
    morphology,
    genitiveAfter: file.grammar.genitiveAfter,
    wordOrder: file.grammar.wordOrder,
    subjectFirst: file.grammar.subjectFirst,
    datesCapitalised: file.dates.capitalised,
    adjectivesCapitalised: file.actors.adjectivesCapitalised,
    ...(file.actors.homeState ? { homeState: file.actors.homeState } : {}),
    infixes: file.modality.infixes,
    pluralSuffixes: file.actors.pluralSuffixes,
    participleEndings: file.grammar.participleEndings,
    modifierEndings: file.grammar.modifierEndings,
    gerundEndings: file.grammar.gerundEndings,
    insertionEndings: file.grammar.insertionEndings,
    infinitiveEndings: file.grammar.infinitiveEndings,
    pastEndings: file.grammar.pastEndings,
    passiveInfixes: file.grammar.passiveInfixes,
    passiveAfterPrefix: file.grammar.passiveAfterPrefix,
    finiteEndings: file.grammar.finiteEndings,
    preps: {
      genitive: file.grammar.genitivePrep.map(profile.fold),
      agent: file.grammar.agentPrep.map(profile.fold),
      partner: file.grammar.partnerPrep.map(profile.fold),
      locative: file.grammar.locativePrep.map(profile.fold),
    },
    names,
    offices: new OfficeRegister(data.people),
    wordForms: new WordForms(profile, morphology, names),
    matcher,
    patterns: compiled.patterns,
    patternById: compiled.byId,
    policy: data.policy,
    data,
    displayName: (code) => display.get(code) ?? code,
    isOrganization: (code) => orgs.has(code) || code === 'IGO',
  };
}

/** Compiled lexicons, one per language, sharing loaded data. */
export class LexiconSet {
  private readonly cache = new Map<Lang, Lexicon>();
  readonly data: LexiconData;

  constructor(data: LexiconData) {
    this.data = data;
  }

  /** Load the built-in lexicon plus extra files. */
  static load(extra: readonly string[] = []): LexiconSet {
    return new LexiconSet(loadLexiconData([BUILTIN_LEXICON_DIR, ...extra]));
  }

  get(lang: Lang): Lexicon {
    let lex = this.cache.get(lang);
    if (!lex) {
      lex = compileLexicon(this.data, lang);
      this.cache.set(lang, lex);
    }
    return lex;
  }

  has(lang: Lang): boolean {
    return this.data.languages.has(lang);
  }
}
