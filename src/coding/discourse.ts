/**
 * The discourse: which states an article is about, so that "the two countries", "both sides" and
 * agentless passives ("15 agreements were signed") get their parties. A plain immutable record:
 * the opening scene counts every sentence's states once, and each later step returns a new state.
 */
import type { ActorMention } from '../actors/index.ts';
import type { Lexicon } from '../lexicon/index.ts';
import type { SentenceView } from './sentence.ts';

/** An organisation's meeting named in the text: "the summit" afterwards is that one. */
export interface Meeting {
  readonly mention: ActorMention;
  readonly view: SentenceView;
  /** Stems of the words that named it ("summit", "gathered"): the same organisation's meeting named again adds its word. */
  readonly stems: readonly string[];
}

export interface DiscourseState {
  /** States by how often the article names them (the title counts double), most first. */
  readonly ranking: readonly string[];
  /** How often the article names each state (the title counts double). */
  readonly counts?: Readonly<Record<string, number>>;
  /** The pair of the last event between two states. */
  readonly lastPair?: readonly string[];
  /** The people named so far, the last named last (a few of them). */
  readonly people?: readonly ActorMention[];
  readonly lastMeeting?: Meeting;
  /** The sides of the last visit: "the guest" is its visitor, "the hosts" its host. */
  readonly lastVisit?: { readonly guest: readonly string[]; readonly host: readonly string[] };
  /** The organisation last named in a sentence read so far ("the organisation" afterwards). */
  readonly lastOrganization?: ActorMention;
  /** Institutions named so far, the last named last: their words' stems and whose they are ("the Ministry" afterwards). */
  readonly institutions?: readonly Institution[];
  /** Lists of three or more states named together so far, the last named last ("the three countries" afterwards). */
  readonly lists?: readonly (readonly string[])[];
}

/** How many lists of states named earlier "the N countries" may point back to. */
const LISTS_KEPT = 4;

/** An institution named in the text: the stems of its words ("kırgızistan dışişleri bakanlık") and its state. */
export interface Institution {
  readonly stems: readonly string[];
  readonly code: string;
}

/** How many institutions named earlier a bare one may point back to. */
const INSTITUTIONS_KEPT = 6;

/** A state named under 1/ASIDE_SHARE as often as the article's main state is an aside to it. */
const ASIDE_SHARE = 3;

/** How many people named earlier a pronoun may point back to. */
const PEOPLE_KEPT = 4;

/** The opening scene: the states of every sentence counted, the title's twice. */
export function openingScene(views: readonly SentenceView[], lex: Lexicon): DiscourseState {
  const counts = new Map<string, number>();
  for (const v of views) {
    const weight = v.sentence.index === 0 ? 2 : 1;
    for (const m of v.actors) {
      if (m.code && !lex.isOrganization(m.code)) counts.set(m.code, (counts.get(m.code) ?? 0) + weight);
    }
  }
  const ranking = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
  return { ranking, counts: Object.fromEntries(counts) };
}

/** The most mentioned states, n of them, in code order. */
export function topStates(s: DiscourseState, n: number): string[] {
  return s.ranking.slice(0, n).sort();
}

/** The pair "the two countries" refers to: the last event's pair, else the two most mentioned states. */
export function discourseDyad(s: DiscourseState): readonly string[] {
  return s.lastPair ?? topStates(s, 2);
}

/**
 * The person "he" or "she" at token `at` refers to: the last named before it in its sentence, else
 * in the text before — skipping the states in `not` ("the guest thanked him": not the guest).
 */
export function personAt(s: DiscourseState, mentions: readonly ActorMention[], at: number, not: readonly string[] = []): ActorMention | undefined {
  const before = [...(s.people ?? []), ...mentions.filter((m) => m.end <= at && isNamedPerson(m))];
  return before.reverse().find((m) => !not.includes(m.code));
}

function isNamedPerson(m: ActorMention): boolean {
  return m.kind === 'person' || (m.kind === 'office' && Boolean(m.name));
}

/** After a sentence: the people it names, kept in the order they were last named. */
export function withPeople(s: DiscourseState, mentions: readonly ActorMention[]): DiscourseState {
  const named = mentions.filter(isNamedPerson);
  if (named.length === 0) return s;
  const people = [...(s.people ?? []).filter((p) => !named.some((m) => m.code === p.code && m.name === p.name)), ...named];
  return { ...s, people: people.slice(-PEOPLE_KEPT) };
}

/** After a visit: its visitor is "the guest", its host "the hosts". */
export function withVisit(s: DiscourseState, guest: readonly string[], host: readonly string[]): DiscourseState {
  return guest.length > 0 && host.length > 0 ? { ...s, lastVisit: { guest, host } } : s;
}

/** After a sentence: the last organisation it names. */
export function withOrganizations(s: DiscourseState, mentions: readonly ActorMention[], lex: Lexicon): DiscourseState {
  let last = s.lastOrganization;
  for (const m of mentions) if (m.code && lex.isOrganization(m.code) && m.code !== 'IGO') last = m;
  return last === undefined || last === s.lastOrganization ? s : { ...s, lastOrganization: last };
}

/** The organisation "the organisation" at token `at` refers to: the last named before it in its sentence, else in the text before. */
export function organizationAt(s: DiscourseState, mentions: readonly ActorMention[], at: number, lex: Lexicon): ActorMention | undefined {
  let found: ActorMention | undefined;
  for (const m of mentions) if (m.end <= at && m.code && lex.isOrganization(m.code) && m.code !== 'IGO') found = m;
  return found ?? s.lastOrganization ?? s.lastMeeting?.mention;
}

/**
 * After an event: its two states, if it has two, are the pair the text now talks about — unless
 * the article names one of them far less than its main state (under a third as often): an aside on
 * a third state ("he called the strike on civilians unacceptable") does not make it one of "the two
 * countries".
 */
export function withEvent(s: DiscourseState, codes: readonly string[], lex: Lexicon): DiscourseState {
  const states = [...new Set(codes)].filter((c) => !lex.isOrganization(c));
  const top = s.counts?.[s.ranking[0] ?? ''] ?? 0;
  const aside = states.some((c) => (s.counts?.[c] ?? top) * ASIDE_SHARE < top);
  return states.length === 2 && !aside ? { ...s, lastPair: states.sort() } : s;
}

/** The stems of a mention's words, its suffixes after an apostrophe left out. */
function stemsOf(view: SentenceView, m: ActorMention): string[] {
  return view.tokens.slice(m.start, m.end).filter((t) => t.kind === 'word').map((t) => t.stem);
}

/**
 * The state a bare institution ("the Ministry", "Bakanlık", "Dışişleri Bakanlığı") stands for: the
 * same institution named last before it, in its sentence or earlier ("Rusya Dışişleri Bakanlığı ...
 * Bakanlık"), else the state whose press the language is ("Dışişleri Bakanlığı" in Turkish), else the
 * article's main state.
 */
export function homeInstitution(s: DiscourseState, view: SentenceView, m: ActorMention, lex: Lexicon): string | undefined {
  const own = stemsOf(view, m);
  const same = (stems: readonly string[]): boolean => own.length > 0 && stems.length >= own.length && own.every((w, k) => stems[stems.length - own.length + k] === w);
  const earlier = [...(s.institutions ?? [])];
  for (const o of view.actors) if (o.end <= m.start && o.code && o.sector && o.kind === 'sector') earlier.push({ stems: stemsOf(view, o), code: o.code });
  const named = earlier.reverse().find((i) => same(i.stems));
  return named?.code ?? lex.homeState ?? topStates(s, 1)[0];
}

/** After a sentence: the institutions it names, named or bare, with their states. */
export function withInstitutions(s: DiscourseState, view: SentenceView, lex: Lexicon): DiscourseState {
  const named: Institution[] = [];
  for (const m of view.actors) {
    if (m.kind !== 'sector' || !m.sector) continue;
    const code = m.refers === 'home' ? homeInstitution(s, view, m, lex) : m.code;
    if (code) named.push({ stems: stemsOf(view, m), code });
  }
  if (named.length === 0) return s;
  return { ...s, institutions: [...(s.institutions ?? []), ...named].slice(-INSTITUTIONS_KEPT) };
}

/** The lists of three or more states a sentence names together (one mention group each), ending by token `end`. */
function listsIn(view: SentenceView, lex: Lexicon, end: number): string[][] {
  const groups = new Map<number, string[]>();
  for (const m of view.actors) {
    if (m.end > end || !m.code || lex.isOrganization(m.code)) continue;
    const g = groups.get(m.group) ?? [];
    if (!g.includes(m.code)) g.push(m.code);
    groups.set(m.group, g);
  }
  return [...groups.values()].filter((g) => g.length >= 3);
}

/** The states "the N countries" at mention `m` count: the last list of exactly `n` named before it, in its sentence or earlier. */
export function countedStates(s: DiscourseState, view: SentenceView, m: ActorMention, n: number, lex: Lexicon): readonly string[] {
  const lists = [...(s.lists ?? []), ...listsIn(view, lex, m.start)];
  return lists.reverse().find((l) => l.length === n) ?? [];
}

/** After a sentence: the lists of states it names together. */
export function withLists(s: DiscourseState, view: SentenceView, lex: Lexicon): DiscourseState {
  const lists = listsIn(view, lex, view.sentence.last);
  return lists.length === 0 ? s : { ...s, lists: [...(s.lists ?? []), ...lists].slice(-LISTS_KEPT) };
}

/** After an organisation's meeting is named. */
export function withMeeting(s: DiscourseState, meeting: Meeting): DiscourseState {
  return { ...s, lastMeeting: meeting };
}
