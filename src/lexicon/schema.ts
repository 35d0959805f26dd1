/**
 * Schemas of the lexicon files. Every file is checked when loaded; an error
 * names the file, the key path and what is wrong.
 */
import { z } from 'zod';
import { EVENT_TYPES, LANGS, SECTORS, isPartialDate } from '../model/index.ts';
import { policyFile } from './policy.ts';

const date = z.string().refine(isPartialDate, { message: 'expected a date YYYY, YYYY-MM or YYYY-MM-DD' });
const names = z.string().min(1).array();
/** Strings per language; a language may be missing. */
const perLang = z.partialRecord(z.enum(LANGS), names);
const code = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'expected an upper-case code such as KAZ or OTS');
const term = z.object({ from: date.optional(), to: date.optional() });

export const countriesFile = z.object({
  kind: z.literal('countries'),
  note: z.string().optional(),
  entries: z.array(z.object({
    code: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code'),
    iso2: z.string().regex(/^[A-Z]{2}$/).optional(),
    /** ISO 3166-1 numeric code (world maps key countries by it). */
    numeric: z.string().regex(/^\d{3}$/).optional(),
    names: perLang,
    adjectives: perLang.optional(),
    demonyms: perLang.optional(),
    capitals: z.array(term.extend({ names: perLang })).optional(),
    historical: z.array(term.extend({ names: perLang })).optional(),
    ambiguous: z.string().array().optional(),
  })),
});

export const organizationsFile = z.object({
  kind: z.literal('organizations'),
  note: z.string().optional(),
  entries: z.array(z.object({
    code,
    names: perLang,
    abbreviations: perLang.optional(),
    members: z.array(term.extend({ code })).optional(),
    observers: code.array().optional(),
    bodies: perLang.optional(),
  })),
});

export const OFFICES = [
  'president', 'vice_president', 'prime_minister', 'monarch', 'crown_prince', 'supreme_leader',
  'foreign_minister', 'defence_minister', 'head_of_state',
] as const;
export type Office = (typeof OFFICES)[number];

export const peopleFile = z.object({
  kind: z.literal('people'),
  source: z.string().optional(),
  note: z.string().optional(),
  entries: z.array(z.object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lowercase id such as kaz-tokayev'),
    country: code,
    names: perLang,
    offices: z.array(term.extend({ office: z.enum(OFFICES), from: date })).default([]),
    titles: perLang.optional(),
  })),
});

const sector = z.enum(SECTORS);

export const CASES = ['nom', 'gen', 'dat', 'acc', 'loc', 'abl', 'ins', 'com'] as const;
export type Case = (typeof CASES)[number];

/** What a language contributes besides patterns: grammar cues, dates, numbers, actor words, fact words. */
export const languageFile = z.object({
  kind: z.literal('language'),
  lang: z.enum(LANGS),
  abbreviations: z.string().array(),
  /**
   * How words inflect. `nameMatch`: "key" matches names as written (English; Turkish, whose
   * suffixes follow an apostrophe), "stem" by the Snowball stem (Russian), "suffix" by the
   * written form less one of `suffixes` (Kazakh). `cases` maps a suffix (with its apostrophe in
   * Turkish: "'ye") or a postposition ("ile") to the case it marks. `stemSuffixes` also strips
   * `suffixes` when stemming ordinary words (for a language with no Snowball stemmer). A suffix
   * written "я>й" is replaced, not only removed: Китая is Китай less "я" plus "й".
   */
  morphology: z.object({
    nameMatch: z.enum(['key', 'stem', 'suffix']).default('key'),
    suffixes: z.string().regex(/^[^>]+(>[^>]+)?$/, 'expected a suffix, or "suffix>replacement"').array().default([]),
    cases: z.record(z.string(), z.enum(CASES)).default({}),
    stemSuffixes: z.boolean().default(false),
    minStem: z.number().int().min(1).default(3),
  }).default({ nameMatch: 'key', suffixes: [], cases: {}, stemSuffixes: false, minStem: 3 }),
  lemmas: z.record(z.string(), z.string()).default({}),
  grammar: z.object({
    passiveAux: z.string().array(),
    perfectAux: z.string().array().default([]),
    participleSuffixes: z.string().array().default([]),
    /** Endings of past participles ("signed") and gerunds ("signing"): a verb form that fires no noun pattern. */
    participleEndings: z.string().array().default([]),
    gerundEndings: z.string().array().default([]),
    /** The preposition of the other party of a symmetric act when its pattern names none ("met with"). */
    partnerPrep: z.string().array().default([]),
    prepositions: z.string().array(),
    determiners: z.string().array(),
    conjunctions: z.string().array(),
    clauseBreaks: z.string().array(),
    relativePronouns: z.string().array().default([]),
    possessive: z.string().array().default([]),
    genitivePrep: z.string().array().default([]),
    agentPrep: z.string().array().default([]),
    /** Words that mark a following verb as an infinitive ("to sign"), not a noun after a preposition. */
    infinitive: z.string().array().default([]),
    pronouns: z.record(z.string(), z.enum(['person', 'group'])).default({}),
    /** Indefinite articles: "a summit" is a new one, not the summit named before. */
    indefinite: z.string().array().default([]),
    /** "svo" looks for objects after the verb; "sov" before it, by their case. */
    wordOrder: z.enum(['svo', 'sov']).default('svo'),
    /** Words after a mention that mark its role ("Aliyev ile" = with Aliyev), mapped to a case. */
    postpositions: z.record(z.string(), z.enum(CASES)).default({}),
    /** A mention right after a noun with no preposition is that noun's genitive ("визит Токаева"). */
    genitiveAfter: z.boolean().default(false),
  }),
  modality: z.object({
    negation: z.string().array(),
    /** Phrases that start like a negation but are not one ("not only", "не только"). */
    notNegation: z.string().array().default([]),
    advice: z.string().array(),
    hypothetical: z.string().array(),
    future: z.string().array(),
    intent: z.string().array().default([]),
    /** Verbs that propose an act to another party ("suggested holding talks with"). */
    proposal: z.string().array().default([]),
    reportedPast: z.string().array().default([]),
    /** Modals that report a future after a reporting verb ("said aid would be sent"). */
    futureInPast: z.string().array().default([]),
    /** Present-tense negation that states a standing policy ("does not recognise"), not an act. */
    habitual: z.string().array().default([]),
    reportingVerbs: z.string().array().default([]),
    /**
     * Modality written inside the verb (Turkish imzala-ma-dı, Kazakh қол қой-ма-ды): what may
     * follow a trigger written with a final "*" marks it negated, future, advised or hypothetical.
     */
    infixes: z.object({
      negated: z.string().array().default([]),
      future: z.string().array().default([]),
      advised: z.string().array().default([]),
      hypothetical: z.string().array().default([]),
    }).default({ negated: [], future: [], advised: [], hypothetical: [] }),
  }),
  dates: z.object({
    months: z.record(z.string(), z.number().int().min(1).max(12)),
    weekdays: z.record(z.string(), z.number().int().min(0).max(6)),
    relative: z.record(z.string(), z.object({
      unit: z.enum(['day', 'week', 'month', 'year']),
      offset: z.number().int(),
    })),
    yearWords: z.string().array().default([]),
    earlierWords: z.string().array().default([]),
    /** Words that make a date a deadline, not the event's date ("by 2030"; Turkish "2030'a kadar" comes after). */
    deadlineWords: z.string().array().default([]),
    /** Month and weekday names are written with a capital (English, Turkish), so a lower-case one is another word. */
    capitalised: z.boolean().default(true),
  }),
  numbers: z.object({
    words: z.record(z.string(), z.number()),
    scales: z.record(z.string(), z.number()),
    currencies: z.record(z.string(), z.string()),
    units: z.record(z.string(), z.string()).default({}),
  }),
  actors: z.object({
    offices: z.record(z.string(), z.enum(OFFICES)),
    honorifics: z.string().array(),
    sectors: z.record(z.string(), sector),
    discourse: z.record(z.string(), z.enum(['dyad', 'group'])),
    /** Adjectives and demonyms of states are capitalised (English "Kazakh"; not Russian "казахский"). */
    adjectivesCapitalised: z.boolean().default(true),
    /** "both" / "the two" before a plural noun refers to the pair in context ("the two security chiefs"). */
    dyadHeads: z.string().array().default([]),
    pluralSuffixes: z.string().array().default([]),
    /** Words after a hyphen that make a state a modifier, not a party ("Russia-led", "Moscow-backed"). */
    hyphenModifiers: z.string().array().default([]),
  }),
  facts: z.object({
    partnershipLevels: z.record(z.string(), z.string()),
    relationWords: z.string().array(),
    metrics: z.record(z.string(), z.string()),
    targetWords: z.string().array(),
    observedWords: z.string().array().default([]),
    agreementWords: z.string().array(),
    fieldIntro: z.string().array(),
  }),
});

const slot = z.object({
  /**
   * Markers that introduce this role after the trigger: a preposition ("to", "в"), a case
   * ("dat", "gen") or "" for an unmarked mention (a direct object).
   */
  after: z.string().array().optional(),
  /** Markers of this role before the trigger (verb-final languages: "dat" for a destination). */
  before: z.string().array().optional(),
  /** Prepositions that introduce this role when the trigger is passive. */
  passive: z.string().array().optional(),
});

export const patternSchema = z.object({
  id: z.string().regex(/^[a-z]{2}\.[a-z0-9.-]+$/, 'expected an id such as en.consult.visit'),
  type: z.enum(EVENT_TYPES),
  mode: z.string().optional(),
  cameo: z.string().regex(/^\d{2,4}$/),
  /**
   * Verb triggers: phrases matched on stems ("visit", "pay visit", "put signature"). A word
   * ending in "*" matches any word that begins with it ("imzala*" matches imzaladı, imzalamadı),
   * and what follows it is read for modality infixes.
   */
  verbs: z.string().array().default([]),
  /** Noun triggers ("visit", "state visit"). */
  nouns: z.string().array().default([]),
  /** All participants are actors and there is no recipient (meet, sign with). */
  symmetric: z.boolean().default(false),
  recipient: slot.default({}),
  actor: slot.default({}),
  /** Words one of which must appear near the trigger (sign → agreement, treaty...). */
  requires: z.string().array().optional(),
  /** Words that cancel the pattern when they appear next to the trigger. */
  excludes: z.string().array().optional(),
  /** A negated trigger is this type instead of no event (not recognise → REJECT). */
  negated: z.object({ type: z.enum(EVENT_TYPES), cameo: z.string(), mode: z.string().optional() }).optional(),
  /** Future or intended: AGREE unless the pattern says otherwise. */
  future: z.object({ type: z.enum(EVENT_TYPES), cameo: z.string(), mode: z.string().optional() }).optional(),
  /** The verb's subject is the recipient and its object the actor (host → visitor). */
  reverse: z.boolean().default(false),
  /** A state acting on its own people (arrests, protests, emergencies): with no other side, actor and recipient are one state. */
  domestic: z.boolean().default(false),
  /** The trigger alone makes no event without a recipient. */
  needsRecipient: z.boolean().default(false),
  /** The pattern yields a fact besides the event. */
  fact: z.enum(['agreement', 'partnership', 'commitment']).optional(),
  confidence: z.number().min(0).max(1).default(0.8),
});

export const patternsFile = z.object({
  kind: z.literal('patterns'),
  lang: z.enum(LANGS),
  patterns: z.array(patternSchema),
});

export const lexiconFile = z.discriminatedUnion('kind', [
  countriesFile, organizationsFile, peopleFile, languageFile, patternsFile, policyFile,
]);

export type CountriesFile = z.infer<typeof countriesFile>;
export type OrganizationsFile = z.infer<typeof organizationsFile>;
export type PeopleFile = z.infer<typeof peopleFile>;
export type LanguageFile = z.infer<typeof languageFile>;
export type PatternsFile = z.infer<typeof patternsFile>;
export type PatternData = z.infer<typeof patternSchema>;
export type LexiconFile = z.infer<typeof lexiconFile>;
