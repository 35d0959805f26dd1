/**
 * Schemas of the lexicon files. Every object is strict: a key the schema does not know is an
 * error, not silently dropped. The descriptions are published in the JSON Schema files that
 * editors read (see json-schema.ts), so they are written for the linguist who edits the data.
 */
import { z } from 'zod';
import { EVENT_TYPES, LANGS, SECTORS, isPartialDate } from '../model/index.ts';
import { policyFile } from './policy.ts';

const date = z.string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isPartialDate, { message: 'expected a date YYYY, YYYY-MM or YYYY-MM-DD' });
const names = z.string().min(1).array();
/** Strings per language; a language may be missing. */
const perLang = z.partialRecord(z.enum(LANGS), names);
const code = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'expected an upper-case code such as KAZ or OTS');
const term = {
  from: date.optional().describe('First day (YYYY, YYYY-MM or YYYY-MM-DD).'),
  to: date.optional().describe('Last day (YYYY, YYYY-MM or YYYY-MM-DD).'),
};
const words = z.string().array();

/** Free text for the people who edit the file: why an entry is there, where it comes from. */
export const note = z.string().min(1).describe('Free text for the people who edit this file: why this entry, a source.').optional();

/** The JSON Schema an editor checks the file against (a path relative to the file, or a URL). */
const $schema = z.string().describe('The JSON Schema an editor checks this file against.').optional();

/** A list's name: what a pattern writes after "@" to use it. */
export const LIST_NAME = /^[a-z][a-z0-9-]*$/;
/** A string in a word array that stands for a named list ("@modal-necessity"). */
export const LIST_REFERENCE = /^@/;

const listName = z.string().regex(LIST_NAME, 'expected a list name such as modal-necessity (lower case, digits, "-")');
/** A named list of words: the words alone, or the words with a note. */
export const wordList = z.union([
  words,
  z.strictObject({ note, words }),
]).describe('Words, or {"note": ..., "words": [...]}. A word "@name" stands for the words of list "name".');
const lists = z.record(listName, wordList)
  .describe('Named word lists: a word "@name" in a pattern\'s verbs, nouns, requires or excludes (or in another list) stands for the list\'s words.')
  .optional();

export const countriesFile = z.strictObject({
  $schema,
  kind: z.literal('countries'),
  note,
  entries: z.array(z.strictObject({
    code: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code'),
    iso2: z.string().regex(/^[A-Z]{2}$/).optional(),
    numeric: z.string().regex(/^\d{3}$/).describe('ISO 3166-1 numeric code (world maps key countries by it).').optional(),
    names: perLang,
    adjectives: perLang.optional(),
    demonyms: perLang.optional(),
    capitals: z.array(z.strictObject({ ...term, names: perLang })).optional(),
    seats: perLang.describe('Seats of power that stand for the government ("the Kremlin said", "Akorda", "the White House").').optional(),
    places: perLang.describe('Cities and regions other than the capital: a place of the state and its people ("shelled Kharkiv", "visited Samarkand").').optional(),
    historical: z.array(z.strictObject({ ...term, names: perLang }))
      .describe('Former names of the state, with the years they were used.').optional(),
    ambiguous: z.string().array().describe('Names that are also ordinary words or other places: they need a capital letter or context.').optional(),
    note,
  })),
});

export const organizationsFile = z.strictObject({
  $schema,
  kind: z.literal('organizations'),
  note,
  entries: z.array(z.strictObject({
    code,
    names: perLang,
    abbreviations: perLang.optional(),
    members: z.array(z.strictObject({ ...term, code })).optional(),
    observers: code.array().optional(),
    bodies: perLang.optional(),
    note,
  })),
});

export const OFFICES = [
  'president', 'vice_president', 'prime_minister', 'monarch', 'crown_prince', 'supreme_leader',
  'foreign_minister', 'defence_minister', 'head_of_state',
  // A foreign ministry's (or another ministry's) official spokesperson: Zakharova, the State Department's.
  'spokesperson',
  // The head of state's press secretary, apart from the ministry's spokesperson: Peskov, the White House's.
  'press_secretary',
  // Several at once in most ministries: a term tells the same name apart, no title resolves to one of them.
  'deputy_foreign_minister',
  // Economy (economic development, national economy) and trade (commerce) ministers; one person may hold both.
  'economy_minister', 'trade_minister',
] as const;
export type Office = (typeof OFFICES)[number];

/** What a discourse phrase refers back to (see `actors.discourse`). */
export const DISCOURSE_REFS = ['dyad', 'group', 'guest', 'host', 'organization', 'speaker', 'counted'] as const;
export type DiscourseRef = (typeof DISCOURSE_REFS)[number];

export const peopleFile = z.strictObject({
  $schema,
  kind: z.literal('people'),
  note,
  source: z.string().describe('Where the entries come from.').optional(),
  entries: z.array(z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lowercase id such as kaz-tokayev'),
    country: code,
    names: perLang,
    offices: z.array(z.strictObject({ office: z.enum(OFFICES), ...term, from: date.describe('First day in office.') })).default([]),
    titles: perLang.optional(),
    note,
  })),
});

const sector = z.enum(SECTORS);

export const CASES = ['nom', 'gen', 'dat', 'acc', 'loc', 'abl', 'ins', 'com'] as const;
export type Case = (typeof CASES)[number];

/** What a language contributes besides patterns: grammar cues, dates, numbers, actor words, fact words. */
export const languageFile = z.strictObject({
  $schema,
  kind: z.literal('language'),
  lang: z.enum(LANGS),
  note,
  lists: lists.describe('Named word lists that every patterns file of this language may use as "@name".'),
  abbreviations: z.string().array(),
  ordinalDot: z.boolean().default(false)
    .describe('A number of up to three digits with a dot is an ordinal ("7. Zirve", "2. Türk Dünyası Forumu"), so the dot does not end the sentence.'),
  morphology: z.strictObject({
    nameMatch: z.enum(['key', 'stem', 'suffix']).default('key')
      .describe('"key" matches names as written (English; Turkish, whose suffixes follow an apostrophe), "stem" by the Snowball stem (Russian), "suffix" by the written form less one of `suffixes` (Kazakh).'),
    suffixes: z.string().regex(/^[^>]+(>[^>]+)?$/, 'expected a suffix, or "suffix>replacement"').array().default([])
      .describe('Suffixes names and words take. "я>й" is replaced, not only removed: Китая is Китай less "я" plus "й".'),
    cases: z.record(z.string(), z.enum(CASES)).default({})
      .describe('A suffix (with its apostrophe in Turkish: "\'ye") or a postposition ("ile") mapped to the case it marks.'),
    stemSuffixes: z.boolean().default(false).describe('Also strip `suffixes` when stemming ordinary words (a language with no Snowball stemmer).'),
    minStem: z.number().int().min(1).default(3),
    groupCase: z.enum(['each', 'last']).default('each')
      .describe('"last": a coordinated group takes its case from the suffix on its last member ("Rusya ve Ukrayna\'ya": both dative); "each": every member shows its own.'),
    possessed: z.string().array().default([])
      .describe('Suffixes of a possessed noun in a case (Kazakh -ының, -ына, -ын): a bare name right before such a noun, after the sentence\'s subject, owns it and takes its case ("Армения позицияларына оқ атты": Armenia\'s positions, dative).'),
    attributive: z.string().array().default([])
      .describe('Suffixes that make a name an attribute of the noun after it (Kazakh locative -дағы, -дегі): a sector noun right after such a name is that state\'s ("Ауғанстандағы содырлар": militants in Afghanistan), unless a genitive before the name owns the phrase ("Қазақстанның Мәскеудегі елшісі").'),
  }).default({ nameMatch: 'key', suffixes: [], cases: {}, stemSuffixes: false, minStem: 3, groupCase: 'each', possessed: [], attributive: [] })
    .describe('How words inflect.'),
  lemmas: z.record(z.string(), z.string()).default({}),
  grammar: z.strictObject({
    passiveAux: z.string().array(),
    perfectAux: z.string().array().default([]),
    /** Endings of past participles ("signed") and gerunds ("signing"): a verb form that fires no noun pattern. */
    participleEndings: z.string().array().default([]),
    gerundEndings: z.string().array().default([]),
    insertionEndings: z.string().array().default([])
      .describe('Endings of a participle that opens a phrase set off by commas (Russian "Пашинян, принимавший участие в саммите ОДКБ, отказался"): names inside such a phrase, as inside a relative clause closed by a comma, are not the subject of the verb after it.'),
    modifierEndings: z.string().array().default([])
      .describe('Endings of a participle that makes the words before it a modifier of the noun after it (Turkish düzenlen-en, yapıl-an): a date right before such a participle, or ending so itself ("23 Ocak\'taki"), dates that noun ("23 Ocak\'ta düzenlenen gösteriler"), not the sentence\'s verb.'),
    finiteEndings: z.string().array().default([])
      .describe('Endings of finite verb forms (Turkish kına-dı, kına-dığını): a trigger word ending so is a verb, even after a genitive that owns its object ("İsrail\'in saldırısını kınadı").'),
    /** The preposition of the other party of a symmetric act when its pattern names none ("met with"). */
    partnerPrep: z.string().array().default([]),
    /** What follows a "*" trigger's prefix when the verb is passive (Kazakh шақыр|ылды, Turkish suçla|ndı). */
    passiveInfixes: z.string().array().default([]),
    /**
     * Passive forms read only in what follows a "*" trigger's prefix, never at its end: a vowel stem's -л-
     * (Kazakh тұтқында|лды, ұста|лған), which a prefix written as a whole verb (келді*) is not.
     */
    passiveAfterPrefix: z.string().array().default([]),
    /** Endings of a verb's past tense where the language marks it so (Russian -л, -ла, -ли): a verb with a tense of its own. */
    pastEndings: z.string().array().default([]),
    /** Endings of a verb's infinitive, where the language marks it on the verb (Russian -ать, -ить, -ться): a verb with no tense. */
    infinitiveEndings: z.string().array().default([]),
    prepositions: z.string().array(),
    determiners: z.string().array(),
    conjunctions: z.string().array(),
    clauseBreaks: z.string().array(),
    relativePronouns: z.string().array().default([]),
    possessive: z.string().array().default([]),
    genitivePrep: z.string().array().default([]),
    agentPrep: z.string().array().default([]),
    locativePrep: z.string().array().default([])
      .describe('Prepositions of place (Russian "в Москве"): where case is not read, a name after one is where an act happens, as a name in the locative case is (unnamed protesters are of that state).'),
    infinitive: z.string().array().default([])
      .describe('The infinitive marker ("to sign"): the verb after it has no tense of its own, and is no noun after a preposition.'),
    verbAfter: z.string().array().default([])
      .describe('Words after which a trigger is a verb, not a noun (Russian "президент посетил": a head noun before its verb).'),
    pronouns: z.record(z.string(), z.enum(['person', 'group'])).default({}),
    /** Phrases that set a meeting beside a summit ("on the sidelines of", "на полях", "marjında"): the summit named after them is not the meeting's own. */
    sidelines: z.string().array().default([]),
    /** Words that open a complement clause ("demanded that X halt", "потребовал, чтобы"): a pattern listing one among its recipient markers takes the clause's subject. */
    complementizers: z.string().array().default([]),
    /** Words of quantity before a genitive preposition, whose "of" phrase is the subject ("hundreds of Kyrgyz citizens protested"). */
    quantifiers: z.string().array().default([]),
    /** Words that make a directed act mutual ("each other", "друг друга", "birbirini", "бір-бірін"). */
    reciprocals: z.string().array().default([]),
    /** Pronouns that stand as a verb's object ("invited him"); a subject pronoun ("he") is never one. */
    objectPronouns: z.string().array().default([]),
    indefinite: z.string().array().default([]).describe('Indefinite articles: "a summit" is a new one, not the summit named before.'),
    wordOrder: z.enum(['svo', 'sov']).default('svo').describe('"svo" looks for objects after the verb; "sov" before it, by their case.'),
    subjectFirst: z.boolean().default(false)
      .describe("A verb's subject is the first unmarked name of its clause, not the nearest to it (verb-final languages whose clauses open with the subject)."),
    postpositions: z.record(z.string(), z.enum(CASES)).default({})
      .describe('Words after a mention that mark its role ("Aliyev ile" = with Aliyev), mapped to a case.'),
    genitiveAfter: z.boolean().default(false)
      .describe('A mention right after a noun with no preposition is that noun\'s genitive ("визит Токаева").'),
  }),
  modality: z.strictObject({
    negation: z.string().array(),
    notNegation: z.string().array().default([]).describe('Phrases that start like a negation but are not one ("not only", "не только").'),
    advice: z.string().array(),
    hypothetical: z.string().array(),
    future: z.string().array(),
    intent: z.string().array().default([]),
    proposal: z.string().array().default([]).describe('Verbs that propose an act to another party ("suggested holding talks with").'),
    reportedPast: z.string().array().default([]),
    futureInPast: z.string().array().default([]).describe('Modals that report a future after a reporting verb ("said aid would be sent").'),
    habitual: z.string().array().default([])
      .describe('Present-tense negation that states a standing policy ("does not recognise"), not an act.'),
    reportingVerbs: z.string().array().default([]),
    claims: z.string().array().default([])
      .describe('Verbs that report one side\'s claim ("утверждают"): a clause after one and a complementizer ("утверждают, что ...") is a claim, not a reported fact.'),
    /** Words of repetition after a number ("met 13 times since 1995", "13 раз", "13 kez"): a count of acts, no one act of today. */
    times: z.string().array().default([]),
    /** Words after a named act that call it off ("the visit was postponed", "встреча не состоялась", "ziyaret ertelendi"). */
    cancelled: z.string().array().default([]),
    /** Verbs whose infinitive complement is itself the act ("began to shell", "продолжили обстрел"). */
    aspectual: z.string().array().default([]),
    infixes: z.strictObject({
      negated: z.string().array().default([]),
      future: z.string().array().default([]),
      advised: z.string().array().default([]),
      hypothetical: z.string().array().default([]),
      /** Endings that make the verb the complement of another ("çekilmeye çağırdı": to withdraw), no act of its own. */
      complement: z.string().array().default([]),
    }).default({ negated: [], future: [], advised: [], hypothetical: [], complement: [] })
      .describe('Modality written inside the verb (Turkish imzala-ma-dı, Kazakh қол қой-ма-ды): what may follow a trigger written with a final "*".'),
  }),
  dates: z.strictObject({
    months: z.record(z.string(), z.number().int().min(1).max(12)),
    weekdays: z.record(z.string(), z.number().int().min(0).max(6)),
    relative: z.record(z.string(), z.strictObject({
      unit: z.enum(['day', 'week', 'month', 'year']),
      offset: z.number().int(),
    })),
    yearWords: z.string().array().default([]),
    monthWords: z.string().array().default([])
      .describe('The word for "month" after a month\'s name ("Kasım ayında", "наурыз айында"): it marks the name as a month, whatever its capital (the name Kasım alone may be a person).'),
    earlierWords: z.string().array().default([]),
    deadlineWords: z.string().array().default([])
      .describe('Words that make a date a deadline, not the event\'s date ("by 2030"; Turkish "2030\'a kadar" comes after).'),
    sinceWords: z.string().array().default([])
      .describe('Words that make a date the start of a span ("since 2019", "2019\'dan bu yana", "с 2019 года"): it dates no event of the clause, which is later.'),
    capitalised: z.boolean().default(true)
      .describe('Month and weekday names are written with a capital (English, Turkish), so a lower-case one is another word.'),
  }),
  numbers: z.strictObject({
    words: z.record(z.string(), z.number()),
    scales: z.record(z.string(), z.number()),
    currencies: z.record(z.string(), z.string()),
    units: z.record(z.string(), z.string()).default({}),
  }),
  actors: z.strictObject({
    offices: z.record(z.string(), z.enum(OFFICES)),
    honorifics: z.string().array(),
    sectors: z.record(z.string(), sector),
    discourse: z.record(z.string(), z.enum(DISCOURSE_REFS))
      .describe('Phrases that refer back: "dyad" the pair the text talks about ("the two countries"), "group" a meeting\'s participants ("the summit\'s participants"), "guest" and "host" the sides of the last visit ("the guest", "the hosts"), "organization" the organisation last named ("the organisation", "организацию"), "speaker" what the person named last (of a side other than the subject\'s) said ("denounced the remarks"), "counted" the states of the last list of as many as the phrase counts ("üç ülkenin": the three states named together last).'),
    adjectivesCapitalised: z.boolean().default(true)
      .describe('Adjectives and demonyms of states are capitalised (English "Kazakh"; not Russian "казахский").'),
    dyadHeads: z.string().array().default([])
      .describe('"both" / "the two" before a plural noun refers to the pair in context ("the two security chiefs").'),
    pluralSuffixes: z.string().array().default([]),
    /** Words that head organisations' names ("Bank", "Fund", "банк", "Bankası", "банкі"): a name the lexicon lacks that ends in one is an organisation (IGO). */
    organizationHeads: z.string().array().default([]),
    /** Sector words that, with no state named, are the article's own state's institution ("the Foreign Ministry said", "МИД"). */
    homeInstitutions: z.string().array().default([]),
    /** The state whose institutions the language's press names bare, when the text named none before ("Dışişleri Bakanlığı" in Turkish is Turkey's); else the article's main state. */
    homeState: z.string().optional(),
    /** Words after a hyphen that make a state a modifier, not a party ("Russia-led", "Moscow-backed"). */
    hyphenModifiers: z.string().array().default([]),
  }),
  facts: z.strictObject({
    partnershipLevels: z.record(z.string(), z.string()),
    relationWords: z.string().array(),
    metrics: z.record(z.string(), z.string()),
    targetWords: z.string().array(),
    observedWords: z.string().array().default([]),
    agreementWords: z.string().array(),
    fieldIntro: z.string().array()
      .describe('Words that open the list of fields an agreement covers ("in the fields of", "в сферах", ":").'),
    fieldOutro: z.string().array().default([])
      .describe('Words that close the list of fields, where the language puts the list first ("enerji ve kültür alanlarında", "энергетика саласында").'),
  }),
});

const slot = z.strictObject({
  after: z.string().array().optional()
    .describe('Markers that introduce this role after the trigger: a preposition ("to", "в"), a case ("dat", "gen") or "" for an unmarked mention (a direct object).'),
  before: z.string().array().optional()
    .describe('Markers of this role before the trigger (verb-final languages: "dat" for a destination). For the actor of a directed pattern: the side that acts where the verb has no subject ("loc" for whose statement reports an agentless passive).'),
  passive: z.string().array().optional().describe('Prepositions that introduce this role when the trigger is passive.'),
  nominal: z.string().array().optional()
    .describe('Markers that introduce this role after the trigger used as a noun: "of" for what is acted on ("the expulsion of diplomats"), "by" for who acts ("... by the US"). Without it, "of X" after a noun is its owner.'),
  sectors: z.array(z.enum(SECTORS)).optional()
    .describe('The sectors this role must be of (a state named alone counts as GOV, an organisation as IGO): a protest by civilians, not by a government.'),
});

const retype = z.strictObject({ type: z.enum(EVENT_TYPES), cameo: z.string(), mode: z.string().optional() });

export const patternSchema = z.strictObject({
  id: z.string().regex(/^[a-z]{2}\.[a-z0-9.-]+$/, 'expected an id such as en.consult.visit'),
  type: z.enum(EVENT_TYPES),
  mode: z.string().optional(),
  cameo: z.string().regex(/^\d{2,4}$/),
  verbs: words.default([])
    .describe('Verb triggers: phrases matched on stems ("visit", "pay visit"). A word ending in "*" matches any word that begins with it ("imzala*" matches imzaladı, imzalamadı); what follows it is read for modality infixes.'),
  nouns: words.default([]).describe('Noun triggers ("visit", "state visit").'),
  symmetric: z.boolean().default(false).describe('All participants are actors and there is no recipient (meet, sign with).'),
  recipient: slot.default({}),
  actor: slot.default({}),
  requires: words.optional().describe('Words one of which must appear near the trigger (sign → agreement, treaty...).'),
  excludes: words.optional().describe('Words that cancel the pattern when they appear next to the trigger.'),
  negated: retype.optional().describe('A negated trigger is this type instead of no event (not recognise → REJECT).'),
  future: retype.optional().describe('Future or intended: AGREE unless the pattern says otherwise.'),
  reverse: z.boolean().default(false).describe('The verb\'s subject is the recipient and its object the actor (host → visitor).'),
  domestic: z.boolean().default(false)
    .describe('A state acting on its own people (arrests, protests, emergencies): with no other side, actor and recipient are one state.'),
  needsRecipient: z.boolean().default(false).describe('The trigger alone makes no event without a recipient.'),
  alone: z.boolean().default(false)
    .describe('As a verb, one side\'s act is an event with its other side unnamed ("called on the parties to show restraint"), as a mobilisation is.'),
  planned: z.boolean().default(false)
    .describe('The trigger itself states a plan, with no modal word (a perfective future: "посетит"): a month written without its year lies ahead.'),
  planOnly: z.boolean().default(false)
    .describe('Only a plan, promise or intent is an event ("will expand trade": AGREE); stated as done or under way it describes relations ("trade expanded"), no event.'),
  fact: z.enum(['agreement', 'partnership', 'commitment']).optional().describe('The pattern yields a fact besides the event.'),
  confidence: z.number().min(0).max(1).default(0.8),
  note,
});

/** The word arrays of a pattern, where a "@name" list reference may stand. */
export const PATTERN_WORD_KEYS = ['verbs', 'nouns', 'requires', 'excludes'] as const;

export const patternsFile = z.strictObject({
  $schema,
  kind: z.literal('patterns'),
  lang: z.enum(LANGS),
  note,
  lists,
  patterns: z.array(patternSchema),
});

export const lexiconFile = z.discriminatedUnion('kind', [
  countriesFile, organizationsFile, peopleFile, languageFile, patternsFile, policyFile,
]);

/** The kinds of lexicon file, each with its schema. */
export const LEXICON_KINDS = {
  countries: countriesFile,
  organizations: organizationsFile,
  people: peopleFile,
  language: languageFile,
  patterns: patternsFile,
  policy: policyFile,
} as const;
export type LexiconKind = keyof typeof LEXICON_KINDS;

export type CountriesFile = z.infer<typeof countriesFile>;
export type OrganizationsFile = z.infer<typeof organizationsFile>;
export type PeopleFile = z.infer<typeof peopleFile>;
export type PatternsFile = z.infer<typeof patternsFile>;
export type WordList = z.infer<typeof wordList>;
/** A lexicon file as checked, with list references not yet expanded. */
export type LexiconFile = z.infer<typeof lexiconFile>;
/** A lexicon file as written (defaults not filled in): what the formatter prints. */
export type LexiconSource = z.input<typeof lexiconFile>;
/** A language file as the engine reads it. */
export type LanguageFile = Omit<z.infer<typeof languageFile>, '$schema' | 'lists'>;
/** A pattern as the engine reads it: list references expanded to their words. */
export type PatternData = z.infer<typeof patternSchema>;
