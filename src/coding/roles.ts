/**
 * The roles stage: who acts and who is acted upon, for a trigger in its sentence. Nouns take their
 * possessor ("Turkey's support") and object; passives their agent ("by X") and subject; verbs their
 * subject and object. A meeting of an organisation gathers its participants; a symmetric act joins
 * both sides as actors; parties the sentence leaves unnamed may come from the discourse, as the
 * engine policy allows. A trigger whose roles make no relation between two sides is dropped here.
 */
import type { ActorMention } from '../actors/index.ts';
import { CUE, domesticSector, takesDiscourseParties, type Lexicon } from '../lexicon/index.ts';
import type { ActorRef, Flag, Sector } from '../model/index.ts';
import type { CodingContext } from './context.ts';
import { discourseDyad, topStates, withMeeting, type DiscourseState, type Meeting } from './discourse.ts';
import { groupOf, markerOf, objectOf, possessorOf, roleBefore, sourceBefore, subjectOf, type Slot } from './frame.ts';
import { meetingOrganization, signatories } from './multilateral.ts';
import { coordinatedWith, type PriorVerb } from './coordination.ts';
import { resolveSlot, uniqueRefs } from './refs.ts';
import { clauseBounds, wordsOf, type SentenceView } from './sentence.ts';
import type { Trigger } from './triggers.ts';
import { isInfinitive, isParticiple, isPastForm } from './verb-forms.ts';

export interface Roles {
  readonly actor: readonly ActorRef[];
  readonly recipient: readonly ActorRef[];
  /** An organisation's meeting: its participants are the actors. */
  readonly multilateral: boolean;
  /** The two sides of a symmetric act, kept apart in case a proposal makes them proposer and partner. */
  readonly proposer: readonly ActorRef[];
  readonly partner: readonly ActorRef[];
  /** The slots the roles were read from (their mentions widen the evidence). */
  readonly slots: readonly Slot[];
  readonly flags: readonly Flag[];
  /** The prior verb this one is coordinated with, whose subject it took. */
  readonly shared?: PriorVerb;
  /** "accused each other": each actor acts on each other one. */
  readonly reciprocal: boolean;
}

export interface RolesOutcome {
  /** The discourse after the trigger: a named meeting is remembered even when nothing is coded. */
  readonly state: DiscourseState;
  readonly roles?: Roles;
  /** The grammatical subject, found even when the roles make no event: a coordinated next verb shares it. */
  readonly subject: { readonly refs: readonly ActorRef[]; readonly slot?: Slot };
}

interface Slots {
  readonly actor?: Slot;
  readonly recipient?: Slot;
}

/**
 * Words that make a directed act mutual, within a few words after the trigger, before it in its clause (verb-final
 * languages), or right after the subject however far the verb ("Ресей мен Украина бір-бірін ... деп
 * айыптады").
 */
function reciprocalNear(view: SentenceView, trig: Trigger, subject?: Slot): boolean {
  const { start: cs, end: ce } = clauseBounds(view, trig.start);
  // after the verb: its object and an adjunct may stand between ("возложили ответственность за обстрелы
  // друг на друга"); the reciprocal starts within reach and ends in the verb's clause
  for (let k = trig.end; k < Math.min(ce, trig.end + FAR_RECIPROCAL); k++) if (view.tags.has(CUE.reciprocals, k, ce)) return true;
  if (view.tags.find(CUE.reciprocals, Math.max(cs, trig.start - 4), trig.start) !== undefined) return true;
  const subjectEnd = subject ? Math.max(...subject.mentions.map((m) => m.end)) : -1;
  if (subjectEnd >= cs && subjectEnd < trig.start && view.tags.has(CUE.reciprocals, subjectEnd)) return true;
  // farther before the verb, its object and a complement may stand between, when the reciprocal
  // follows the subject's names straight away ("Çin ve Hindistan birbirini sınır anlaşmasını ihlal etmekle suçladı")
  const far = view.tags.find(CUE.reciprocals, Math.max(cs, trig.start - FAR_RECIPROCAL), trig.start - 4);
  return far !== undefined && view.actors.some((m) => m.end === far.start && m.kind !== 'pronoun');
}

/** How far before a verb a reciprocal right after the subject, or after the verb, still makes its act mutual. */
const FAR_RECIPROCAL = 8;

/**
 * "В Баку эти утверждения отрицают", "В МИД Китая отвергли критику": a verb with no subject, after a
 * seat of government named with a preposition of place in its clause, is that government's act.
 */
function seatBefore(view: SentenceView, lex: CodingContext['lex'], start: number): Slot | undefined {
  if (lex.preps.locative.length === 0) return undefined;
  const { start: cs } = clauseBounds(view, start);
  const seat = view.actors.find((m) => m.start >= cs && m.end <= start && m.code !== '' && m.sector === 'GOV' && (m.kind === 'capital' || m.kind === 'sector')
    && m.start - 1 >= cs && lex.preps.locative.includes(view.tokens[m.start - 1]?.key ?? ''));
  return seat ? { mentions: [seat], how: `seat of government "${wordsOf(view, seat.start, seat.end)}" before the verb` } : undefined;
}

/**
 * "Документ подписали президент России и ...": where a language writes tense on the verb and the
 * clause opens with its object (a word that is neither a name nor a preposition), an unmarked name
 * right after a past verb of a joint act is its subject. A directed act keeps its object there
 * ("Сотни человек пикетировали посольство США").
 */
function subjectAfter(view: SentenceView, lex: CodingContext['lex'], trig: Trigger): Slot | undefined {
  if (trig.pos !== 'verb' || trig.passive || !lex.pastEndings.some((e) => (view.tokens[trig.end - 1]?.key ?? '').endsWith(e))) return undefined;
  const { start: cs } = clauseBounds(view, trig.start);
  if (cs >= trig.start || view.tags.has(CUE.prepositions, cs) || view.actors.some((m) => m.start >= cs && m.end <= trig.start)) return undefined;
  const m = view.actors.find((a) => a.start === trig.end && !a.attributive && a.kind !== 'pronoun');
  if (!m || markerOf(view, lex, m) !== '') return undefined;
  return { mentions: groupOf(view, m), how: 'subject after the verb' };
}

/**
 * "Азербайджан направил Франции ноту протеста": where case is not read and a genitive follows its
 * head, an unmarked name between a verb and the noun right after it is the verb's indirect object,
 * not the noun's subject; the verb's subject acts.
 */
function dativeAfterVerb(view: SentenceView, lex: CodingContext['lex'], found: Slot | undefined, noun: number): { actor: Slot; recipient: Slot } | undefined {
  const first = found?.mentions[0];
  const last = found?.mentions[found.mentions.length - 1];
  if (!lex.genitiveAfter || !found || !first || last?.end !== noun || markerOf(view, lex, first) !== '') return undefined;
  const verbAt = first.start - 1;
  const verb = view.tokens[verbAt];
  if (!verb || verb.kind !== 'word' || !isPastForm(lex, verb.key) || view.actors.some((m) => verbAt >= m.start && verbAt < m.end)) return undefined;
  const subject = subjectOf(view, lex, verbAt);
  return subject && !subject.mentions.some((m) => m.group === first.group) ? { actor: subject, recipient: { mentions: found.mentions, how: 'unmarked after the verb, before its object' } } : undefined;
}

/** A side's sector: as its mention says, else a state's government or an organisation. */
function sectorOf(r: ActorRef, lex: CodingContext['lex']): Sector {
  return r.sector ?? (lex.isOrganization(r.code) ? 'IGO' : 'GOV');
}

/**
 * "the arrest of two Turkish businessmen by Turkmen authorities": the agent of a noun, unless the
 * noun has a possessor ("Turkey's support ... by") or a participle between takes the "by" phrase
 * ("the reforms carried out by Kazakhstan").
 */
function nounAgent(view: SentenceView, ctx: CodingContext, start: number, end: number, preps: readonly string[]): Slot | undefined {
  const { lex } = ctx;
  if (preps.length === 0 || possessorOf(view, lex, start, end, true)) return undefined;
  const agent = objectOf(view, lex, end, preps);
  const first = agent?.mentions[0];
  if (!first) return undefined;
  for (let k = end; k < first.start; k++) {
    if (isParticiple(lex, view.tokens[k]?.key ?? '')) return undefined;
  }
  return agent;
}

/**
 * "Bakanlık açıklamasında, X'in kararının kınandığı belirtildi", "X'in kararı Ankara'da tepkiyle
 * karşılandı": where the verb has no subject, a side the pattern marks before it (whose statement,
 * where) acts — if it opens the clause before the recipient or stands right before the verb; a
 * place inside the recipient's phrase ("X'in Suriye'deki operasyonu") is no source.
 */
function sourceOf(view: SentenceView, lex: CodingContext['lex'], trig: Trigger, recipient: Slot | undefined): Slot | undefined {
  const p = trig.pattern.data;
  if (p.symmetric || !p.actor.before) return undefined;
  const source = roleBefore(view, lex, trig.start, p.actor.before, recipient);
  const last = source?.mentions[source.mentions.length - 1];
  if (!source || !last) return undefined;
  const first = recipient?.mentions.reduce((a, m) => Math.min(a, m.start), Number.MAX_SAFE_INTEGER) ?? Number.MAX_SAFE_INTEGER;
  const nextToVerb = view.tokens.slice(last.end, trig.start).every((t) => t.kind === 'suffix');
  return last.end <= first || nextToVerb ? source : undefined;
}

/**
 * "X'e nota verildiğini bildiren Y Bakanlığı": where objects and subjects come before the verb, a
 * clause with no subject of its own, reported by a participle right after it, is the act of the
 * name that participle modifies (an unmarked name right after it).
 */
function reporterAfter(view: SentenceView, lex: CodingContext['lex'], trig: Trigger): Slot | undefined {
  if (lex.wordOrder !== 'sov' || trig.pattern.data.symmetric) return undefined;
  // "Fransa'nın Cezayir'e nota verdiğini bildiren ...": a clause with a subject or genitive of its own is that side's act
  const { start: cs } = clauseBounds(view, trig.start);
  if (view.actors.some((m) => m.start >= cs && m.end <= trig.start && ['', 'gen'].includes(markerOf(view, lex, m)))) return undefined;
  let k = trig.end;
  while (view.tokens[k]?.kind === 'suffix') k++;
  const verb = view.tags.at(CUE.reportingVerbs, k);
  if (!verb) return undefined;
  const by = view.actors.find((m) => m.start === k + verb.length && !m.attributive && m.kind !== 'pronoun');
  if (!by || markerOf(view, lex, by) !== '') return undefined;
  return { mentions: [by], how: `"${wordsOf(view, k, k + verb.length)}" ${wordsOf(view, by.start, by.end)}, who reports the clause` };
}

/** After a noun, "of X" or a genitive marks its owner, not its recipient. */
function ownerMarker(lex: Lexicon, x: string): boolean {
  return x === '' || x === 'gen' || lex.preps.genitive.includes(x);
}

/** The slots of a trigger, by how it is used: as a noun, a passive verb or an active verb (one coordinated with a prior verb takes its subject). */
function slotsOf(trig: Trigger, view: SentenceView, ctx: CodingContext, shared?: PriorVerb): Slots {
  const { lex } = ctx;
  const p = trig.pattern.data;
  const { start, end } = trig;
  const after = p.recipient.after ?? [];
  const before = p.recipient.before ?? [];
  if (trig.pos === 'noun') {
    // "the arrest of X by Y": an agent after the noun acts (where prepositions mark it), and "of X" is then its object;
    // a pattern may name other markers for either
    const agentPreps = p.actor.nominal ?? (lex.wordOrder === 'sov' ? [] : lex.preps.agent);
    const byAgent = p.actor.nominal ? objectOf(view, lex, end, agentPreps) : nounAgent(view, ctx, start, end, agentPreps);
    // with an agent named, the genitive is what is acted on: "of X", or where case is not read and the
    // genitive follows its head unmarked, the name right after ("обстрел армянских позиций со стороны Азербайджана")
    const nominal = p.recipient.nominal ?? (byAgent ? (lex.genitiveAfter ? [...lex.preps.genitive, ''] : lex.preps.genitive) : undefined);
    const ofIsObject = nominal?.some((x) => x === 'gen' || lex.preps.genitive.includes(x)) ?? false;
    const found = byAgent ?? possessorOf(view, lex, start, end, ofIsObject) ?? subjectOf(view, lex, start);
    const dative = found === byAgent ? undefined : dativeAfterVerb(view, lex, found, start);
    if (dative) return dative;
    const actor = found;
    // after a noun, "of X" / a genitive is its owner, not its recipient, unless the pattern says so
    const recipient = (nominal ? objectOf(view, lex, end, nominal) : undefined)
      ?? objectOf(view, lex, end, after.filter((x) => !ownerMarker(lex, x) && !agentPreps.includes(x))) ?? roleBefore(view, lex, start, before.filter((x) => x !== '' && x !== 'gen'), actor);
    const pair = actor ? undefined : sourceBefore(view, lex, start, recipient);
    if (pair) return pair;
    return { ...(actor ? { actor } : {}), ...(recipient ? { recipient } : {}) };
  }
  const leftmost = lex.subjectFirst;
  if (trig.passive) {
    // the agent after the verb ("was accused by Russia"), or before it where objects come first ("Ресей тарапынан")
    const agentMarkers = p.actor.passive ?? lex.preps.agent;
    const actor = lex.wordOrder === 'sov' ? roleBefore(view, lex, start, agentMarkers) : objectOf(view, lex, end, agentMarkers);
    // "sanctions were imposed on Iran": where the subject is the thing acted with, the recipient is the phrase the pattern names
    const subj = subjectOf(view, lex, start, leftmost) ?? objectOf(view, lex, end, after.filter((x) => x !== '' && !agentMarkers.includes(x) && !lex.preps.genitive.includes(x)));
    if (!p.symmetric && (after.length > 0 || before.length > 0)) return { ...(actor ? { actor } : {}), ...(subj ? { recipient: subj } : {}) };
    if (!actor && subj && p.symmetric) return { actor: subj };
    return actor ? { actor } : {};
  }
  const actor = shared ? shared.actorSlot : subjectOf(view, lex, start, leftmost) ?? (p.symmetric ? subjectAfter(view, lex, trig) : seatBefore(view, lex, start));
  const recipient = objectOf(view, lex, end, after) ?? complementObject(view, lex, end, after) ?? relativeObject(view, lex, start, after, actor) ?? roleBefore(view, lex, start, before, actor);
  const pair = actor ? undefined : sourceBefore(view, lex, start, recipient);
  if (pair) return pair;
  const doer = actor ?? sourceOf(view, lex, trig, recipient) ?? reporterAfter(view, lex, trig);
  return { ...(doer ? { actor: shared && actor ? { ...actor, how: `shared with "${shared.trigger.words}"` } : doer } : {}), ...(recipient ? { recipient } : {}) };
}

/**
 * Does the sentence name the last meeting again, by the word that named it ("the summit")? The
 * stems of one noun's forms may differ in a last letter (Zirvesi, zirvenin), so one may begin the other.
 */
function namesMeeting(view: SentenceView, meeting: Meeting): boolean {
  for (let k = view.sentence.first; k < view.sentence.last; k++) {
    const s = view.tokens[k]?.stem ?? '';
    if (meeting.stems.some((m) => sameNoun(s, m))) return true;
  }
  return false;
}

/** Two stems of one noun: equal, or one the other and a last letter or more (zirves, zirve). */
function sameNoun(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return a === b || (short.length >= 4 && long.startsWith(short));
}

/**
 * "отказался подписать проект декларации совета ОДКБ": after a verb and its infinitive, the other
 * side may end the complement's object phrase, as far as a phrase of its own reaches.
 */
function complementObject(view: SentenceView, lex: Lexicon, end: number, after: readonly string[]): Slot | undefined {
  if (!after.includes('') || !isInfinitive(lex, view.tokens[end]?.key ?? '')) return undefined;
  const found = objectOf(view, lex, end + 1, [''], lex.policy.windows.object.ownPhrase);
  return found ? { ...found, how: 'end of the complement\'s object' } : undefined;
}

/**
 * "действия Азербайджана, которые он расценивает как агрессию": where a relative clause has a
 * subject of its own, the relative pronoun is the verb's object, so the side of the phrase it
 * follows is the other side: the unmarked owner nearest before it, not a "против" phrase's. A
 * complementizer ("demanded that NATO withdraw") opens no relative clause.
 */
function relativeObject(view: SentenceView, lex: Lexicon, start: number, after: readonly string[], actor: Slot | undefined): Slot | undefined {
  const { start: cs } = clauseBounds(view, start);
  if (!after.includes('') || !actor || actor.mentions.some((m) => m.start < cs) 
    || !view.tags.has(CUE.relativePronouns, cs) || view.tags.has(CUE.complementizers, cs)) return undefined;
  const owner = view.actors.filter((m) => m.end <= cs && m.start >= cs - RELATIVE_REACH && !m.attributive && m.kind !== 'pronoun')
    .sort((a, b) => b.start - a.start)
    .find((m) => markerOf(view, lex, m) === '');
  return owner ? { mentions: groupOf(view, owner), how: 'owner of the phrase the relative pronoun object follows' } : undefined;
}

/** Tokens before a relative pronoun within which the phrase it follows names its side. */
const RELATIVE_REACH = 5;

/** Tokens around a trigger within which a determiner names its object again ("эти утверждения отрицают", "rejected these claims"). */
const AGAIN_REACH = 2;

/** A determiner and a word that is no actor, just before the trigger or right after it: a thing named before. */
function namedAgain(view: SentenceView, trig: Trigger): boolean {
  const { start: cs, end: ce } = clauseBounds(view, trig.start);
  return thingAt(view, trig.end, cs, ce) || thingAt(view, trig.start - AGAIN_REACH, cs, ce);
}

/** A determiner at k, inside the clause [cs, ce), with a word that is no actor after it. */
function thingAt(view: SentenceView, k: number, cs: number, ce: number): boolean {
  return k >= cs && k + 1 < ce && view.tags.has(CUE.determiners, k, k + 1) && !view.actors.some((m) => m.start <= k + 1 && m.end > k);
}

/** A group object pronoun ("им", "them") right after the trigger, not a possessive ("its forces"). */
function groupObjectAfter(view: SentenceView, end: number): boolean {
  return view.actors.some((m) => m.kind === 'pronoun' && m.refers === 'group' && m.start === end
    && view.tags.has(CUE.objectPronouns, m.start) && !view.tags.has(CUE.determiners, m.start));
}

/** A slot that names the article's own state by a bare title ("the head of state"). */
function namesHome(sl: Slot | undefined): boolean {
  return sl?.mentions.some((m) => m.refers === 'home') ?? false;
}

/** A mention of a place: in the locative case, or after a preposition of place where case is not read. */
function inPlace(view: SentenceView, lex: Lexicon, m: ActorMention): boolean {
  return m.case === 'loc' || lex.preps.locative.includes(view.tokens[m.start - 1]?.key ?? '');
}

/** The first side whose sector is none the pattern wants ("TUR GOV"), if any. */
function misfit(refs: readonly ActorRef[], wanted: readonly Sector[] | undefined, lex: Lexicon): string | undefined {
  if (!wanted) return undefined;
  const bad = refs.find((r) => !wanted.includes(sectorOf(r, lex)));
  return bad ? `${bad.code} ${sectorOf(bad, lex)}` : undefined;
}

/** How assignRoles gives up on a trigger: the reason traced, the discourse and subject kept. */
function skipWith(ctx: CodingContext, sentence: number, id: string, none: RolesOutcome): (why: string) => RolesOutcome {
  return (why) => {
    ctx.trace?.(sentence, 'skip', `${id}: ${why}`);
    return none;
  };
}

/** Assign roles to a trigger (`prior`: the verb before it in its sentence); no roles when they make no event. */
export function assignRoles(trig: Trigger, view: SentenceView, ctx: CodingContext, state0: DiscourseState, prior?: PriorVerb): RolesOutcome {
  const { lex, trace } = ctx;
  const p = trig.pattern.data;
  const sIdx = view.sentence.index;
  let state = state0;
  const shared = coordinatedWith(view, trig, prior) ? prior : undefined;
  const slots = slotsOf(trig, view, ctx, shared);
  const flags: Flag[] = [...trig.flags];
  let actor = shared && shared.actor.length > 0 ? [...shared.actor] : resolveSlot(slots.actor, view, ctx, state, p.type);
  // the grammatical subject, before a meeting, a symmetric act or a reversed pattern rearranges the sides
  const subject: readonly ActorRef[] = actor;
  let recipient = resolveSlot(slots.recipient, view, ctx, state, p.type, actor.map((a) => a.code));
  // "вызвал послов Латвии и Польши и вручил им ноты": a group pronoun object of a coordinated verb is the first verb's other side
  if (recipient.length === 0 && shared && !p.symmetric && groupObjectAfter(view, trig.end)) recipient = [...shared.others];
  let multilateral = false;
  let proposer: ActorRef[] = [];
  let partner: ActorRef[] = [];
  const isMeeting = p.type === 'CONSULT' && p.symmetric && p.mode === undefined;
  // "the summit" after an organisation's summit was named is that summit.
  const orgMention = isMeeting ? meetingOrganization(view, lex, trig.start, trig.end, slots.actor?.mentions ?? []) : undefined;
  const stem = view.tokens[trig.end - 1]?.stem ?? '';
  // "the summit" again, or "the talks" that name no side of their own after an organisation's summit: that summit
  const definite = slots.actor === undefined && view.tags.has(CUE.determiners, trig.start - 1, trig.start);
  const last = state.lastMeeting;
  const again = isMeeting && trig.pos === 'noun' && !view.tags.has(CUE.indefinite, trig.start - 1) && last !== undefined && (last.stems.some((s) => sameNoun(s, stem)) || definite);
  // the same organisation's meeting named again ("the 7th Summit ... gathered in Baku"): one meeting, known by either word
  const stems = orgMention && last && last.mention.code === orgMention.code ? [...new Set([...last.stems, stem])] : [stem];
  // "representatives of X also attended the meeting": the meeting named again, with X among those there — unless
  // X names the meeting itself ("the SCO summit", right before its noun)
  const namesIt = orgMention !== undefined && trig.start - orgMention.end <= 1;
  const meeting: Meeting | undefined = again && !namesIt ? last : orgMention ? { mention: orgMention, view, stems } : undefined;
  if (meeting) {
    actor = ctx.participants.of(meeting.mention, meeting.view);
    if (orgMention) state = withMeeting(state, meeting);
    recipient = [];
    multilateral = true;
  } else if (p.symmetric) {
    const partnerPreps = p.actor.after ?? lex.preps.partner;
    const withSlot = objectOf(view, lex, trig.end, partnerPreps) ?? roleBefore(view, lex, trig.start, p.actor.before ?? [], slots.actor);
    proposer = actor;
    // "met Putin and signed a treaty": the second act's other side is the first's
    const sharedSide = shared && !withSlot && recipient.length === 0 ? shared.others : [];
    partner = uniqueRefs([...resolveSlot(withSlot, view, ctx, state), ...recipient, ...sharedSide]).filter((r) => !proposer.some((a) => a.code === r.code));
    actor = uniqueRefs([...actor, ...partner]);
    recipient = [];
    if (actor.length === 1 && trig.pos === 'noun' && takesDiscourseParties(lex.policy, p.type)) {
      // "held talks" with one side named: the other side is the discourse partner
      const pair = discourseDyad(state);
      const other = pair.filter((c) => c !== actor[0]?.code);
      if (pair.includes(actor[0]?.code ?? '') && other.length === 1 && other[0]) actor = uniqueRefs([...actor, { code: other[0], text: '' }]);
    }
  }
  const lastMeeting = state.lastMeeting;
  if (actor.length === 0 && p.symmetric && lastMeeting && recipient.length === 0 && namesMeeting(view, lastMeeting)) {
    // "the declaration published at the end of the summit": the summit's participants, not the pair
    const who = ctx.participants.of(lastMeeting.mention, lastMeeting.view);
    actor = p.type === 'SUPPORT' ? signatories(who, lastMeeting.mention.code, lex, ctx.input.published) : who;
    if (actor.length > 0) flags.push('discourse-actor');
  }
  if (actor.length === 0) {
    // Agentless passives and nominals: the parties come from the discourse.
    const pair = discourseDyad(state).filter((c) => !recipient.some((r) => r.code === c));
    // A directed pattern needs its recipient named before the discourse may supply the actor.
    // Conflict is not inferred from context, except a clash between the pair ("the border clashes").
    const allowed = takesDiscourseParties(lex.policy, p.type) || (p.symmetric && trig.pos === 'noun');
    if ((trig.passive || trig.pos === 'noun' || p.symmetric) && allowed && pair.length > 0 && (p.symmetric || recipient.length > 0)) {
      actor = recipient.length > 0 ? (pair.length === 1 && pair[0] ? [{ code: pair[0], text: '' }] : []) : pair.map((code) => ({ code, text: '' }));
      if (actor.length > 0) flags.push('discourse-actor');
    }
  }
  // "В Баку эти утверждения отрицают": a denial of what was said before, named again, answers the pair's other side
  if (p.type === 'REJECT' && !p.symmetric && recipient.length === 0 && actor.length === 1 && namedAgain(view, trig)) {
    const other = discourseDyad(state).filter((c) => c !== actor[0]?.code);
    if (other.length === 1 && other[0]) {
      recipient = [{ code: other[0], text: '' }];
      flags.push('discourse-recipient');
    }
  }
  // "the head of state visited Beijing": the home state is the article's main state other than the host
  if (namesHome(slots.actor) && actor.some((a) => recipient.some((r) => r.code === a.code))) {
    const other = state.ranking.slice(0, 3).find((c) => !recipient.some((r) => r.code === c));
    actor = other ? [{ code: other, sector: 'GOV', text: actor[0]?.text ?? '' }] : actor;
  }
  if (namesHome(slots.recipient) && recipient.some((r) => actor.some((a) => a.code === r.code))) {
    const other = state.ranking.slice(0, 3).find((c) => !actor.some((a) => a.code === c));
    recipient = other ? [{ code: other, sector: 'GOV', text: recipient[0]?.text ?? '' }] : recipient;
  }
  if (p.reverse) [actor, recipient] = [recipient, actor];
  recipient = recipient.filter((r) => !actor.some((a) => a.code === r.code));
  let domestic = false;
  if (p.domestic && actor.length === 0 && recipient.length > 0) {
    // "Бішкекте ... үкіметіне қарсы митинг өткізді", "Алматыдағы Қытай консулдығының алдында": unnamed
    // protesters are of the state where it happens (a name in the locative case, or after a preposition
    // of place where case is not read: "у посольства России в Варшаве"), else the target's own
    const places = view.actors.filter((m) => inPlace(view, lex, m) && m.code !== '').map((m) => m.code);
    const home = places.find((c) => !recipient.some((r) => r.code === c)) ?? places[0];
    if (home) {
      actor = [{ code: home, sector: domesticSector(lex.policy, p.type), text: '' }];
      flags.push('discourse-actor');
    }
    recipient = recipient.filter((r) => !actor.some((a) => a.code === r.code));
  }
  if (p.domestic && recipient.length === 0) {
    // Arrests, protests and emergencies inside one state: the state acts on its own people.
    if (actor.length === 0) {
      const top = topStates(state, 1)[0];
      if (top) {
        actor = [{ code: top, sector: 'GOV', text: '' }];
        flags.push('discourse-actor');
      }
    }
    const only = actor.length === 1 ? actor[0] : undefined;
    if (only && !lex.isOrganization(only.code)) {
      recipient = [{ code: only.code, sector: domesticSector(lex.policy, p.type), text: '' }];
      domestic = true;
    }
  }
  trace?.(sIdx, 'role', `${p.id}: actor [${actor.map((a) => a.code).join(',')}] (${slots.actor?.how ?? (flags.includes('discourse-actor') ? 'discourse' : 'none')}), recipient [${recipient.map((r) => r.code).join(',')}] (${slots.recipient?.how ?? 'none'})`);
  const subjectOut = { refs: subject, ...(slots.actor ? { slot: slots.actor } : {}) };
  const none: RolesOutcome = { state, subject: subjectOut };
  const skip = skipWith(ctx, sIdx, p.id, none);
  if (actor.length === 0) return skip('no actor');
  const wrongActor = misfit(actor, p.actor.sectors, lex);
  if (wrongActor !== undefined) return skip(`the actor (${wrongActor}) is none of ${p.actor.sectors?.join(', ')}`);
  const wrongRecipient = misfit(recipient, p.recipient.sectors, lex);
  if (wrongRecipient !== undefined) return skip(`the recipient (${wrongRecipient}) is none of ${p.recipient.sectors?.join(', ')}`);
  // Relations need two sides: one state alone (a title's "EU declares", "he called") is not a dyadic event.
  // a verb may state one party's act alone ("Russia mobilised reservists"); a noun mostly names one already known
  const alone = trig.pos === 'verb' && (p.alone || lex.policy.singleParty.includes(p.type));
  if (!domestic && !alone && new Set([...actor, ...recipient].map((a) => a.code)).size < 2) return skip('only one side');
  // "Kyrgyzstan and Tajikistan accused each other": a directed act between the members of one group
  const reciprocal = !p.symmetric && recipient.length === 0 && actor.length >= 2 && reciprocalNear(view, trig, slots.actor);
  if (p.needsRecipient && recipient.length === 0 && !reciprocal) return skip('needs a recipient');
  const directed = !p.symmetric && trig.pos === 'verb' && (p.recipient.after ?? []).length > 0;
  // A one-sided verb with no one on the other side says little about relations between states.
  if (directed && recipient.length === 0 && !reciprocal && actor.length === 1 && !p.needsRecipient && !lex.policy.oneSided.includes(p.type)) return skip('no recipient for a directed verb');
  const used = [slots.actor, slots.recipient].filter((s): s is Slot => s !== undefined);
  return { state, subject: subjectOut, roles: { actor, recipient, multilateral, proposer, partner, slots: used, flags, reciprocal, ...(shared ? { shared } : {}) } };
}
