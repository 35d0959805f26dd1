/** A lexicon compiled for one language: profile, names, offices, cue phrases and patterns. */
import { DyadError, type Lang } from '../model/index.ts';
import { foldCase, stemmerFor, type LanguageProfile } from '../text/index.ts';
import { BUILTIN_LEXICON_DIR, loadLexiconData, type LexiconData } from './load.ts';
import { buildNameIndex, OfficeRegister, type NameIndex } from './names.ts';
import { Morphology } from './morphology.ts';
import { PhraseSet } from './phrases.ts';
import type { LanguageFile, Office, PatternData } from './schema.ts';

/** Cue phrases of a language, compiled for matching. */
export interface Cues {
  readonly passiveAux: PhraseSet;
  readonly perfectAux: PhraseSet;
  readonly prepositions: PhraseSet;
  readonly determiners: PhraseSet;
  readonly conjunctions: PhraseSet;
  readonly clauseBreaks: PhraseSet;
  readonly relativePronouns: PhraseSet;
  readonly possessive: PhraseSet;
  readonly genitivePrep: PhraseSet;
  readonly agentPrep: PhraseSet;
  readonly infinitive: PhraseSet;
  readonly pronouns: PhraseSet<'person' | 'group'>;
  readonly negation: PhraseSet;
  readonly notNegation: PhraseSet;
  readonly indefinite: PhraseSet;
  readonly advice: PhraseSet;
  readonly hypothetical: PhraseSet;
  readonly future: PhraseSet;
  readonly intent: PhraseSet;
  readonly proposal: PhraseSet;
  readonly reportedPast: PhraseSet;
  readonly futureInPast: PhraseSet;
  readonly habitual: PhraseSet;
  readonly reportingVerbs: PhraseSet;
  readonly offices: PhraseSet<Office>;
  readonly honorifics: PhraseSet;
  readonly sectors: PhraseSet<string>;
  readonly discourse: PhraseSet<'dyad' | 'group'>;
  readonly dyadHeads: PhraseSet;
  readonly pluralSuffixes: readonly string[];
  readonly months: PhraseSet<number>;
  readonly weekdays: PhraseSet<number>;
  readonly relativeDates: PhraseSet<{ unit: 'day' | 'week' | 'month' | 'year'; offset: number }>;
  readonly yearWords: PhraseSet;
  readonly earlierWords: PhraseSet;
  readonly deadlineWords: PhraseSet;
  readonly numberWords: PhraseSet<number>;
  readonly scales: PhraseSet<number>;
  readonly currencies: PhraseSet<string>;
  readonly units: PhraseSet<string>;
  readonly partnershipLevels: PhraseSet<string>;
  readonly relationWords: PhraseSet;
  readonly metrics: PhraseSet<string>;
  readonly targetWords: PhraseSet;
  readonly observedWords: PhraseSet;
  readonly agreementWords: PhraseSet;
  readonly fieldIntro: PhraseSet;
}

export interface Lexicon {
  readonly lang: Lang;
  readonly version: string;
  readonly profile: LanguageProfile;
  readonly morphology: Morphology;
  /** A mention right after a noun with no preposition is its genitive (Russian). */
  readonly genitiveAfter: boolean;
  /** "sov": objects come before the verb. */
  readonly wordOrder: 'svo' | 'sov';
  /** Month and weekday names are capitalised. */
  readonly datesCapitalised: boolean;
  /** Adjectives of states are capitalised. */
  readonly adjectivesCapitalised: boolean;
  /** Modality written inside a verb, after a "*" trigger's prefix. */
  readonly infixes: LanguageFile['modality']['infixes'];
  readonly names: NameIndex;
  readonly offices: OfficeRegister;
  readonly cues: Cues;
  readonly patterns: readonly PatternData[];
  readonly data: LexiconData;
  /** English display name of a state or organisation code. */
  displayName(code: string): string;
  /** True for organisation codes. */
  isOrganization(code: string): boolean;
}

function makeProfile(file: LanguageFile, morphology: Morphology): LanguageProfile {
  const lang = file.lang;
  const fold = (w: string): string => foldCase(w, lang);
  const snowball = stemmerFor(lang);
  const base = morphology.stemSuffixes ? (w: string): string => snowball(morphology.strip(w)) : snowball;
  return {
    lang,
    abbreviations: new Set(file.abbreviations.map((a) => fold(a).replace(/\.$/, ''))),
    lemmas: new Map(Object.entries(file.lemmas).map(([k, v]) => [fold(k), fold(v)])),
    fold,
    stem: base,
  };
}

function makeCues(f: LanguageFile, p: LanguageProfile): Cues {
  const set = (list: readonly string[], on: 'key' | 'stem' = 'key'): PhraseSet => PhraseSet.of(list, p, on);
  const map = <V>(rec: Readonly<Record<string, V>>, on: 'key' | 'stem' = 'key'): PhraseSet<V> => PhraseSet.map(rec, p, on);
  const g = f.grammar;
  return {
    passiveAux: set(g.passiveAux),
    perfectAux: set(g.perfectAux),
    prepositions: set(g.prepositions),
    determiners: set(g.determiners),
    conjunctions: set(g.conjunctions),
    clauseBreaks: set(g.clauseBreaks),
    relativePronouns: set(g.relativePronouns),
    possessive: set(g.possessive),
    genitivePrep: set(g.genitivePrep),
    agentPrep: set(g.agentPrep),
    infinitive: set(g.infinitive),
    pronouns: map(g.pronouns),
    negation: set(f.modality.negation),
    notNegation: set(f.modality.notNegation),
    indefinite: set(g.indefinite),
    advice: set(f.modality.advice),
    hypothetical: set(f.modality.hypothetical),
    future: set(f.modality.future),
    intent: set(f.modality.intent, 'stem'),
    proposal: set(f.modality.proposal, 'stem'),
    reportedPast: set(f.modality.reportedPast),
    futureInPast: set(f.modality.futureInPast),
    habitual: set(f.modality.habitual),
    reportingVerbs: set(f.modality.reportingVerbs, 'stem'),
    offices: map(f.actors.offices, 'stem'),
    honorifics: set(f.actors.honorifics),
    sectors: map(f.actors.sectors, 'stem'),
    discourse: map(f.actors.discourse),
    dyadHeads: set(f.actors.dyadHeads),
    pluralSuffixes: f.actors.pluralSuffixes,
    months: map(f.dates.months, 'stem'),
    weekdays: map(f.dates.weekdays, 'stem'),
    relativeDates: map(f.dates.relative),
    yearWords: set(f.dates.yearWords),
    earlierWords: set(f.dates.earlierWords),
    deadlineWords: set(f.dates.deadlineWords),
    numberWords: map(f.numbers.words),
    scales: map(f.numbers.scales, 'stem'),
    currencies: map(f.numbers.currencies, 'stem'),
    units: map(f.numbers.units, 'stem'),
    partnershipLevels: map(f.facts.partnershipLevels, 'stem'),
    relationWords: set(f.facts.relationWords, 'stem'),
    metrics: map(f.facts.metrics, 'stem'),
    targetWords: set(f.facts.targetWords, 'stem'),
    // Word forms, not stems: "reached" reports a level, "to reach" sets one.
    observedWords: set(f.facts.observedWords, 'key'),
    agreementWords: set(f.facts.agreementWords, 'stem'),
    fieldIntro: set(f.facts.fieldIntro),
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
  return {
    lang,
    version: data.version,
    profile,
    morphology,
    genitiveAfter: file.grammar.genitiveAfter,
    wordOrder: file.grammar.wordOrder,
    datesCapitalised: file.dates.capitalised,
    adjectivesCapitalised: file.actors.adjectivesCapitalised,
    infixes: file.modality.infixes,
    names: buildNameIndex(data, lang, profile, morphology.nameMatch),
    offices: new OfficeRegister(data.people),
    cues: makeCues(file, profile),
    patterns: data.patterns.get(lang) ?? [],
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
