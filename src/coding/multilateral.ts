/**
 * Multilateral meetings: a summit or council of an organisation has that
 * organisation and the states taking part as its actors (PLOVER CONSULT,
 * mode multilateral), not the first pair the sentence names.
 */
import type { ActorMention } from '../actors/index.ts';
import type { Lexicon } from '../lexicon/index.ts';
import type { ActorRef } from '../model/index.ts';
import type { SentenceView } from './sentence.ts';

/** The organisation whose meeting a trigger is: an organisation named in the trigger's sentence. */
export function meetingOrganization(view: SentenceView, lex: Lexicon): ActorMention | undefined {
  return view.actors.find((m) => m.kind === 'org' && lex.isOrganization(m.code));
}

/**
 * The participants of an organisation's meeting: the organisation, the states whose leaders
 * or envoys the article names, and the states of the meeting's own sentence.
 */
export function meetingParticipants(org: ActorMention, view: SentenceView, views: readonly SentenceView[], lex: Lexicon): ActorRef[] {
  const codes = new Map<string, ActorRef>();
  const add = (m: ActorMention, text: string): void => {
    if (m.code && !codes.has(m.code)) codes.set(m.code, { code: m.code, ...(m.sector ? { sector: m.sector } : {}), ...(m.name ? { name: m.name } : {}), text });
  };
  add(org, view.tokens.slice(org.start, org.end).map((t) => t.text).join(' '));
  for (const m of view.actors) if (!m.attributive || m.kind === 'adjective') add(m, view.tokens.slice(m.start, m.end).map((t) => t.text).join(' '));
  for (const v of views) {
    for (const m of v.actors) {
      if (m.kind === 'person' || m.kind === 'office') add(m, v.tokens.slice(m.start, m.end).map((t) => t.text).join(' '));
    }
  }
  void lex;
  return [...codes.values()];
}
