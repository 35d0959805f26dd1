/**
 * Multilateral meetings: a summit or council of an organisation has that
 * organisation and the states taking part as its actors (PLOVER CONSULT,
 * mode multilateral), not the first pair the sentence names.
 */
import type { ActorMention } from '../actors/index.ts';
import type { Lexicon } from '../lexicon/index.ts';
import { dateWithin, type ActorRef, type PartialDate } from '../model/index.ts';
import type { SentenceView } from './sentence.ts';

/**
 * The organisation whose meeting a trigger is: named just before it ("the SCO summit"), after
 * it ("a summit of the CSTO"), or as the subject that meets ("the Council met").
 */
export function meetingOrganization(view: SentenceView, lex: Lexicon, start: number, end: number, subject: readonly ActorMention[]): ActorMention | undefined {
  const isOrg = (m: ActorMention): boolean => lex.isOrganization(m.code);
  return subject.find(isOrg)
    ?? view.actors.find((m) => isOrg(m) && m.end <= start && start - m.end <= 3)
    ?? view.actors.find((m) => isOrg(m) && m.start >= end && m.start - end <= 6 && lex.cues.genitivePrep.find(view.tokens, end, m.start) !== undefined);
}

/**
 * The participants of an organisation's meeting: the organisation, the states whose leaders
 * or envoys the article names, and the states of the meeting's own sentence.
 */
export function meetingParticipants(org: ActorMention, view: SentenceView, views: readonly SentenceView[], lex: Lexicon, date: PartialDate): ActorRef[] {
  const codes = new Map<string, ActorRef>();
  const add = (m: ActorMention, text: string): void => {
    if (m.code && !codes.has(m.code)) codes.set(m.code, { code: m.code, ...(m.sector ? { sector: m.sector } : {}), ...(m.name ? { name: m.name } : {}), text });
  };
  add(org, view.tokens.slice(org.start, org.end).map((t) => t.text).join(' '));
  for (const m of view.actors) if (!m.attributive || m.kind === 'adjective') add(m, view.tokens.slice(m.start, m.end).map((t) => t.text).join(' '));
  // Members of the organisation the article names anywhere take part too.
  const members = membersOn(lex, org.code, date);
  for (const v of views) {
    for (const m of v.actors) {
      if (m.kind === 'person' || m.kind === 'office' || (members?.has(m.code) && !m.attributive)) add(m, v.tokens.slice(m.start, m.end).map((t) => t.text).join(' '));
    }
  }
  return [...codes.values()];
}

/** Members of an organisation on a date, or undefined when the lexicon lists none. */
export function membersOn(lex: Lexicon, org: string, date: PartialDate): ReadonlySet<string> | undefined {
  const entry = lex.data.organizations.find((o) => o.code === org);
  if (!entry?.members || entry.members.length === 0) return undefined;
  return new Set(entry.members.filter((m) => dateWithin(date, m.from, m.to)).map((m) => m.code));
}

/** Those of a meeting's participants who can sign for the organisation: the organisation and its members. */
export function signatories(participants: readonly ActorRef[], org: string, lex: Lexicon, date: PartialDate): ActorRef[] {
  const members = membersOn(lex, org, date);
  if (!members) return [...participants];
  return participants.filter((p) => p.code === org || members.has(p.code));
}
