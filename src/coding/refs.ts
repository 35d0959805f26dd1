/**
 * From mentions to the actors they stand for: a named actor as it is; "the two countries" as the
 * discourse pair (or, after a summit, its participants); "he" as the last person named; a bare
 * "the president" as the article's own state.
 */
import type { ActorMention } from '../actors/index.ts';
import { CUE } from '../lexicon/index.ts';
import type { ActorRef, EventType } from '../model/index.ts';
import type { CodingContext } from './context.ts';
import { countedStates, discourseDyad, homeInstitution, organizationAt, personAt, topStates, type DiscourseState } from './discourse.ts';
import type { Slot } from './frame.ts';
import { signatories } from './multilateral.ts';
import { mentionRef, wordsOf, type SentenceView } from './sentence.ts';

/** The ref of a named mention, with its words as written. */
export function refOf(m: ActorMention, view: SentenceView, ctx: CodingContext): ActorRef {
  const first = view.tokens[m.start];
  const last = view.tokens[m.end - 1];
  return mentionRef(m, first && last ? ctx.doc.text.slice(first.start, last.end) : '');
}

/** Refs with one per code, the first kept. */
export function uniqueRefs(refs: readonly ActorRef[]): ActorRef[] {
  const seen = new Map<string, ActorRef>();
  for (const r of refs) if (r.code && !seen.has(r.code)) seen.set(r.code, r);
  return [...seen.values()];
}

/**
 * The actors a slot's mentions stand for; `type` is the event's (what "the leaders" sign, the
 * members sign); an object pronoun is none of the states in `other` (the subject's: "the guest
 * thanked him").
 */
export function resolveSlot(slot: Slot | undefined, view: SentenceView, ctx: CodingContext, state: DiscourseState, type?: EventType, other: readonly string[] = []): ActorRef[] {
  if (!slot) return [];
  const refs: ActorRef[] = [];
  for (const m of slot.mentions) {
    const words = wordsOf(view, m.start, m.end);
    if (m.refers === 'guest' || m.refers === 'host') {
      for (const code of state.lastVisit?.[m.refers] ?? []) refs.push({ code, text: words });
    } else if (m.kind === 'discourse' && m.refers === 'organization') {
      // "Пашинян призвал организацию": the organisation named last
      const org = organizationAt(state, view.actors, m.start, ctx.lex);
      if (org) refs.push({ code: org.code, sector: 'IGO', text: words });
    } else if (m.kind === 'discourse' && m.refers === 'counted') {
      // "Üç ülkenin temsilcilerine": the three states named together last
      const n = view.tags.find(CUE.numberWords, m.start, m.end)?.value ?? Number(view.tokens.slice(m.start, m.end).find((t) => t.kind === 'number')?.key);
      for (const code of Number.isInteger(n) ? countedStates(state, view, m, n, ctx.lex) : []) refs.push({ code, text: words });
    } else if (m.kind === 'discourse' && m.refers === 'speaker') {
      // "denounced the remarks": what the person named last, of a side other than the subject's, said
      const p = personAt(state, view.actors, m.start, other);
      if (p) refs.push(mentionRef(p, words));
    } else if (m.kind === 'discourse' || (m.kind === 'pronoun' && m.refers === 'group')) {
      // "the leaders" after a summit are its participants; "the two leaders" stay a pair.
      const pair = view.tags.find(CUE.dyadHeads, m.start, m.end) !== undefined;
      const meeting = state.lastMeeting;
      if (meeting && !pair) {
        let who = ctx.participants.of(meeting.mention, meeting.view);
        if (type === 'SUPPORT') who = signatories(who, meeting.mention.code, ctx.lex, ctx.input.published);
        refs.push(...who.map((r) => ({ ...r, text: words })));
      } else for (const code of discourseDyad(state)) refs.push({ code, text: words });
    } else if (m.refers === 'home') {
      const home = m.kind === 'sector' ? homeInstitution(state, view, m, ctx.lex) : topStates(state, 1)[0];
      if (home) refs.push({ code: home, sector: m.sector ?? 'GOV', text: words });
    } else if (m.kind === 'pronoun') {
      const p = personAt(state, view.actors, m.start, view.tags.has(CUE.objectPronouns, m.start) ? other : []);
      if (p) refs.push(mentionRef(p, view.tokens[m.start]?.text ?? ''));
    } else refs.push(refOf(m, view, ctx));
  }
  return uniqueRefs(refs);
}
