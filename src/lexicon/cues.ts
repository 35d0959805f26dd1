/**
 * The cue lists of a language (grammar words, modality, dates, numbers, actor words, fact words),
 * each a tag of the one matcher. `CUE.negation` names the tag whose phrases are the language's
 * negations; stages read `tags.has(CUE.negation, i)` and never match phrases themselves.
 */
import type { Sector } from '../model/index.ts';
import type { PhraseList, MatchOn } from './matcher.ts';
import type { PatternTrigger } from './patterns.ts';
import type { DiscourseRef, LanguageFile, Office } from './schema.ts';
import type { TagId } from './tags.ts';

/** A relative date: an offset in a unit from the publication date ("last month"). */
export interface RelativeDate {
  readonly unit: 'day' | 'week' | 'month' | 'year';
  readonly offset: number;
}

/** What each cue list's phrases stand for (`true` for plain lists). */
export interface CueValues {
  passiveAux: true; perfectAux: true; prepositions: true; determiners: true; conjunctions: true;
  clauseBreaks: true; relativePronouns: true; possessive: true; genitivePrep: true; agentPrep: true;
  partnerPrep: true; infinitive: true; verbAfter: true; indefinite: true;
  pronouns: 'person' | 'group'; objectPronouns: true; reciprocals: true; complementizers: true; quantifiers: true; sidelines: true;
  negation: true; notNegation: true; advice: true; hypothetical: true; future: true; intent: true;
  proposal: true; futureInPast: true; habitual: true; reportingVerbs: true; claims: true; aspectual: true; cancelled: true; times: true;
  offices: Office; honorifics: true; sectors: Sector; discourse: DiscourseRef; dyadHeads: true;
  hyphenModifiers: true; homeInstitutions: true; organizationHeads: true;
  months: number; weekdays: number; relativeDates: RelativeDate; yearWords: true; deadlineWords: true; sinceWords: true; monthWords: true;
  numberWords: number; scales: number; currencies: string; units: string;
  partnershipLevels: string; metrics: string; targetWords: true; observedWords: true; agreementWords: true; fieldIntro: true; fieldOutro: true;
  /** Event pattern triggers: the patterns a phrase fires. */
  trigger: readonly PatternTrigger[];
}
export type CueName = keyof CueValues;

export const CUE_NAMES = [
  'passiveAux', 'perfectAux', 'prepositions', 'determiners', 'conjunctions', 'clauseBreaks', 'relativePronouns',
  'possessive', 'genitivePrep', 'agentPrep', 'partnerPrep', 'infinitive', 'verbAfter', 'indefinite', 'pronouns', 'objectPronouns', 'reciprocals', 'complementizers', 'quantifiers', 'sidelines',
  'negation', 'notNegation', 'advice', 'hypothetical', 'future', 'intent', 'proposal', 'futureInPast', 'habitual', 'reportingVerbs', 'claims', 'aspectual', 'cancelled', 'times',
  'offices', 'honorifics', 'sectors', 'discourse', 'dyadHeads', 'hyphenModifiers', 'homeInstitutions', 'organizationHeads',
  'months', 'weekdays', 'relativeDates', 'yearWords', 'deadlineWords', 'sinceWords', 'monthWords', 'numberWords', 'scales', 'currencies', 'units',
  'partnershipLevels', 'metrics', 'targetWords', 'observedWords', 'agreementWords', 'fieldIntro', 'fieldOutro', 'trigger',
] as const satisfies readonly CueName[];

/** The tag of each cue list. */
export const CUE = Object.fromEntries(CUE_NAMES.map((name, i) => [name, i])) as { readonly [K in CueName]: TagId<CueValues[K]> };

type Source<V> = readonly [on: MatchOn, phrases: Iterable<readonly [string, V]>];

const words = (list: readonly string[]): Iterable<readonly [string, true]> => list.map((w) => [w, true] as const);
const pairs = <V>(rec: Readonly<Record<string, V>>): Iterable<readonly [string, V]> => Object.entries(rec);

/**
 * Where each cue list comes from in a language file, and whether it matches word forms or stems.
 * Word forms where the form matters ("reached" reports a level, "to reach" sets one); stems for
 * content words that inflect.
 */
function sources(f: LanguageFile, triggers: Iterable<readonly [string, readonly PatternTrigger[]]>): { readonly [K in CueName]: Source<CueValues[K]> } {
  const g = f.grammar;
  const m = f.modality;
  return {
    passiveAux: ['key', words(g.passiveAux)],
    perfectAux: ['key', words(g.perfectAux)],
    prepositions: ['key', words(g.prepositions)],
    determiners: ['key', words(g.determiners)],
    conjunctions: ['key', words(g.conjunctions)],
    clauseBreaks: ['key', words(g.clauseBreaks)],
    relativePronouns: ['key', words(g.relativePronouns)],
    possessive: ['key', words(g.possessive)],
    genitivePrep: ['key', words(g.genitivePrep)],
    agentPrep: ['key', words(g.agentPrep)],
    partnerPrep: ['key', words(g.partnerPrep)],
    infinitive: ['key', words(g.infinitive)],
    verbAfter: ['key', words(g.verbAfter)],
    indefinite: ['key', words(g.indefinite)],
    pronouns: ['key', pairs(g.pronouns)],
    objectPronouns: ['key', words(g.objectPronouns)],
    reciprocals: ['key', words(g.reciprocals)],
    complementizers: ['key', words(g.complementizers)],
    quantifiers: ['stem', words(g.quantifiers)],
    sidelines: ['stem', words(g.sidelines)],
    negation: ['key', words(m.negation)],
    notNegation: ['key', words(m.notNegation)],
    advice: ['key', words(m.advice)],
    hypothetical: ['key', words(m.hypothetical)],
    future: ['key', words(m.future)],
    intent: ['stem', words(m.intent)],
    proposal: ['stem', words(m.proposal)],
    futureInPast: ['key', words(m.futureInPast)],
    habitual: ['key', words(m.habitual)],
    reportingVerbs: ['stem', words(m.reportingVerbs)],
    claims: ['key', words(m.claims)],
    aspectual: ['stem', words(m.aspectual)],
    cancelled: ['stem', words(m.cancelled)],
    times: ['stem', words(m.times)],
    offices: ['stem', pairs(f.actors.offices)],
    honorifics: ['key', words(f.actors.honorifics)],
    sectors: ['stem', pairs(f.actors.sectors)],
    discourse: ['key', pairs(f.actors.discourse)],
    dyadHeads: ['key', words(f.actors.dyadHeads)],
    hyphenModifiers: ['key', words(f.actors.hyphenModifiers)],
    homeInstitutions: ['stem', words(f.actors.homeInstitutions)],
    organizationHeads: ['stem', words(f.actors.organizationHeads)],
    months: ['stem', pairs(f.dates.months)],
    weekdays: ['stem', pairs(f.dates.weekdays)],
    relativeDates: ['key', pairs(f.dates.relative)],
    yearWords: ['key', words(f.dates.yearWords)],
    deadlineWords: ['key', words(f.dates.deadlineWords)],
    sinceWords: ['key', words(f.dates.sinceWords)],
    monthWords: ['key', words(f.dates.monthWords)],
    numberWords: ['key', pairs(f.numbers.words)],
    scales: ['stem', pairs(f.numbers.scales)],
    currencies: ['stem', pairs(f.numbers.currencies)],
    units: ['stem', pairs(f.numbers.units)],
    partnershipLevels: ['stem', pairs(f.facts.partnershipLevels)],
    metrics: ['stem', pairs(f.facts.metrics)],
    targetWords: ['stem', words(f.facts.targetWords)],
    observedWords: ['key', words(f.facts.observedWords)],
    agreementWords: ['stem', words(f.facts.agreementWords)],
    fieldIntro: ['key', words(f.facts.fieldIntro)],
    fieldOutro: ['key', words(f.facts.fieldOutro)],
    trigger: ['stem', triggers],
  };
}

/** The cue lists of a language file as phrase lists for the matcher. */
export function cueLists(f: LanguageFile, triggers: Iterable<readonly [string, readonly PatternTrigger[]]>): PhraseList[] {
  const all = sources(f, triggers);
  return CUE_NAMES.map((name) => {
    const [on, phrases] = all[name];
    return { tag: CUE[name], on, phrases };
  });
}
