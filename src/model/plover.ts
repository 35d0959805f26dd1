/**
 * The PLOVER ontology as data: event types, their quad class, modes and scores
 * (PLOVER manual, Draft 0.8, Table 2.2 and Table 7.2), and the CAMEO code Dyad
 * reports beside each type/mode (CAMEO→PLOVER table, 2021).
 */

export const EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE',
  'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'SANCTION',
  'PROTEST', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

/** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export const QUADS = [1, 2, 3, 4] as const;
export type Quad = (typeof QUADS)[number];

export const QUAD_NAMES: Readonly<Record<Quad, string>> = {
  1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict',
};

export const QUAD: Readonly<Record<EventType, Quad>> = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1,
  COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3, SANCTION: 3,
  PROTEST: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
};

/** Modes per type; the empty mode is the type's base. */
export const MODES: Readonly<Record<EventType, readonly string[]>> = {
  AGREE: [],
  CONSULT: ['visit', 'third-party', 'multilateral', 'phone'],
  SUPPORT: [],
  CONCEDE: [],
  COOPERATE: [],
  AID: [],
  RETREAT: ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'],
  REQUEST: ['assist', 'change', 'yield', 'meet'],
  ACCUSE: ['disapprove', 'investigate', 'allege'],
  REJECT: ['assist', 'change', 'yield', 'meet'],
  THREATEN: ['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence'],
  SANCTION: ['convict', 'expel', 'withdraw', 'discontinue'],
  PROTEST: ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct'],
  MOBILIZE: ['troops', 'weapons', 'police', 'militia'],
  COERCE: ['seize', 'restrict', 'censor', 'curfew', 'martial-law', 'arrest', 'deport', 'withhold', 'misinformation', 'cyber'],
  ASSAULT: ['abduct', 'beat', 'torture', 'sexual', 'targeted', 'destroy', 'primitive', 'firearms', 'explosives',
    'suicide-attack', 'aerial', 'drone', 'heavy-weapons', 'crowd-control', 'unconventional'],
};

/** PLOVER conflict–cooperation scores, keyed "TYPE" or "TYPE:mode". */
const SCORES: Readonly<Record<string, number>> = {
  AGREE: 2.5, CONSULT: 2.5, 'CONSULT:visit': 4, 'CONSULT:third-party': 1, 'CONSULT:multilateral': 4,
  'CONSULT:phone': 1.5, SUPPORT: 5, CONCEDE: 4.5, COOPERATE: 9.5, AID: 10,
  RETREAT: 6.5, 'RETREAT:withdraw': 8, 'RETREAT:release': 6.5, 'RETREAT:disarm': 10, 'RETREAT:ceasefire': 7.5,
  'RETREAT:access': 6.5, 'RETREAT:resign': 4.5,
  REQUEST: 0, 'REQUEST:assist': 0.5, 'REQUEST:change': -1, 'REQUEST:yield': -1, 'REQUEST:meet': 0,
  // The manual prints ACCUSE as 3; every mode is negative, so the sign is a misprint.
  ACCUSE: -3, 'ACCUSE:disapprove': -2, 'ACCUSE:investigate': -3.5, 'ACCUSE:allege': -3.5,
  REJECT: -2, 'REJECT:assist': -1.5, 'REJECT:change': -2, 'REJECT:yield': -2, 'REJECT:meet': -2,
  THREATEN: -3.5, 'THREATEN:restrict': -3, 'THREATEN:arrest': -3.5, 'THREATEN:relations': -3.5,
  'THREATEN:expel': -3.5, 'THREATEN:territory': -4, 'THREATEN:violence': -3.5,
  PROTEST: -5, 'PROTEST:demo': -5, 'PROTEST:riot': -7, 'PROTEST:strike': -5, 'PROTEST:hunger': -4.5,
  'PROTEST:boycott': -4.5, 'PROTEST:obstruct': -4.5,
  SANCTION: -6, 'SANCTION:convict': -6, 'SANCTION:expel': -5.5, 'SANCTION:withdraw': -6, 'SANCTION:discontinue': -6,
  MOBILIZE: -5.5, 'MOBILIZE:troops': -6.5, 'MOBILIZE:weapons': -6.5, 'MOBILIZE:police': -5.5, 'MOBILIZE:militia': -6,
  COERCE: -7, 'COERCE:seize': -7, 'COERCE:restrict': -7, 'COERCE:censor': -6.5, 'COERCE:curfew': -6.5,
  'COERCE:martial-law': -7.5, 'COERCE:arrest': -7, 'COERCE:deport': -7, 'COERCE:withhold': -7,
  'COERCE:misinformation': -6.5, 'COERCE:cyber': -7,
  ASSAULT: -9, 'ASSAULT:abduct': -8.5, 'ASSAULT:beat': -7.5, 'ASSAULT:torture': -8.5, 'ASSAULT:sexual': -8.5,
  'ASSAULT:targeted': -9.5, 'ASSAULT:destroy': -8.5, 'ASSAULT:primitive': -8, 'ASSAULT:firearms': -9,
  'ASSAULT:explosives': -9, 'ASSAULT:suicide-attack': -9.5, 'ASSAULT:aerial': -9.5, 'ASSAULT:drone': -9.5,
  'ASSAULT:heavy-weapons': -9.5, 'ASSAULT:crowd-control': -7.5, 'ASSAULT:unconventional': -10,
};

/** The PLOVER score of a type and mode (the type's score when the mode has none). */
export function ploverScore(type: EventType, mode?: string): number {
  return (mode ? SCORES[`${type}:${mode}`] : undefined) ?? SCORES[type] ?? 0;
}

/** The CAMEO root code Dyad reports when a pattern names none. */
export const DEFAULT_CAMEO: Readonly<Record<EventType, string>> = {
  AGREE: '030', CONSULT: '040', SUPPORT: '050', CONCEDE: '080',
  COOPERATE: '060', AID: '070', RETREAT: '084',
  REQUEST: '100', ACCUSE: '112', REJECT: '120', THREATEN: '130', SANCTION: '160',
  PROTEST: '140', MOBILIZE: '150', COERCE: '170', ASSAULT: '190',
};

export function isMode(type: EventType, mode: string): boolean {
  return MODES[type].includes(mode);
}
