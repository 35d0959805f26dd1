/**
 * The coder: from an article's text to PLOVER events and facts, each with the
 * sentence and offsets that support it. One engine for every language; the
 * language's lexicon supplies the words.
 */
import { createHash } from 'node:crypto';
import { findActors, findAmounts, findDates, type ActorMention } from '../actors/index.ts';
import type { Lexicon, PatternData } from '../lexicon/index.ts';
import {
  QUAD, type ActorRef, type EventRecord, type EventType, type Flag, type Lang, type OutputRecord, type PartialDate,
} from '../model/index.ts';
import { analyze, type Doc } from '../text/index.ts';
import { compilePatterns, typeInfo, type TriggerRef } from './compile.ts';
import { Discourse } from './discourse.ts';
import { agreementsIn, commitmentsIn, partnershipsIn, type CommitmentFact } from './facts.ts';
import { isPassive, looksNominal, objectOf, possessorOf, roleBefore, subjectOf, type Slot } from './frame.ts';
import { modalityOf } from './modality.ts';
import { mergeRecords } from './merge.ts';
import { meetingOrganization, meetingParticipants, signatories } from './multilateral.ts';
import { clauseBounds, clauses, type SentenceView } from './sentence.ts';

export interface ArticleInput {
  /** Where the article came from (a file name); set as `article` on every record. */
  readonly id: string;
  readonly text: string;
  readonly lang: Lang;
  readonly published: PartialDate;
}

export interface TraceLine {
  readonly sentence: number;
  readonly step: 'tokens' | 'actor' | 'date' | 'trigger' | 'role' | 'modality' | 'event' | 'fact' | 'skip';
  readonly detail: string;
}

export interface CodeResult {
  readonly doc: Doc;
  readonly records: readonly OutputRecord[];
  readonly trace: readonly TraceLine[];
}

export interface CodeOptions {
  readonly trace?: boolean;
}

const COOPERATIVE_FUTURE: ReadonlySet<EventType> = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'AGREE']);
const CONFLICT_FUTURE: ReadonlySet<EventType> = new Set(['SANCTION', 'COERCE', 'ASSAULT', 'MOBILIZE']);

function shortId(...parts: (string | number)[]): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

function refOf(m: ActorMention, view: SentenceView, doc: Doc): ActorRef {
  const first = view.tokens[m.start];
  const last = view.tokens[m.end - 1];
  const text = first && last ? doc.text.slice(first.start, last.end) : '';
  return { code: m.code, ...(m.sector ? { sector: m.sector } : {}), ...(m.name ? { name: m.name } : {}), text };
}

function uniqueRefs(refs: readonly ActorRef[]): ActorRef[] {
  const seen = new Map<string, ActorRef>();
  for (const r of refs) if (r.code && !seen.has(r.code)) seen.set(r.code, r);
  return [...seen.values()];
}

/** Code one article. */
export function codeArticle(input: ArticleInput, lex: Lexicon, options: CodeOptions = {}): CodeResult {
  const doc = analyze(input.text, lex.profile);
  const patterns = compilePatterns(lex);
  const trace: TraceLine[] = [];
  const log = options.trace ? (sentence: number, step: TraceLine['step'], detail: string): void => { trace.push({ sentence, step, detail }); } : undefined;
  const discourse = new Discourse((c) => lex.isOrganization(c));
  const records: OutputRecord[] = [];
  const pubMonth = input.published.slice(0, 7);
  let groupBase = 0;
  let lastMeeting: { mention: ActorMention; view: SentenceView; stem: string } | undefined;

  const views: SentenceView[] = [];
  for (const s of doc.sentences) {
    const dates = findDates(doc.tokens, s.first, s.last, lex.cues, input.published, lex.datesCapitalised);
    const explicit = dates.find((d) => d.date.length >= 7 && d.date < input.published.slice(0, d.date.length)) ?? dates.find((d) => d.date.length === 4);
    const actors = findActors(doc.tokens, s.first, s.last, { lex, date: explicit?.date ?? input.published }, groupBase);
    groupBase += actors.length + 1;
    const amounts = findAmounts(doc.tokens, s.first, s.last, lex.cues);
    const { clauseOf, clauseStarts } = clauses(doc.tokens, s.first, s.last, lex.cues);
    views.push({ sentence: s, tokens: doc.tokens, actors, dates, amounts, clauseOf, clauseStarts });
  }
  // The title and the first paragraphs set the scene: count their states first.
  for (const v of views) discourse.observe(v.actors, v.sentence.index === 0 ? 2 : 1);

  for (const view of views) {
    const s = view.sentence;
    if (log) {
      log(s.index, 'tokens', doc.tokens.slice(s.first, s.last).map((t) => `${t.text}/${t.stem}`).join(' '));
      for (const m of view.actors) log(s.index, 'actor', `"${doc.text.slice(doc.tokens[m.start]?.start ?? 0, doc.tokens[m.end - 1]?.end ?? 0)}" ${m.kind} ${m.code || '?'}${m.sector ? ` ${m.sector}` : ''}${m.case ? ` case ${m.case}` : ''}${m.attributive ? ' attributive' : ''} group ${m.group}: ${m.how}`);
      for (const d of view.dates) log(s.index, 'date', `"${doc.tokens.slice(d.start, d.end).map((t) => t.text).join(' ')}" → ${d.date} (${d.how})`);
    }
    const sentenceEvents: EventRecord[] = [];
    for (let i = s.first; i < s.last; i++) {
      const hit = patterns.triggers.matchAt(doc.tokens, i, s.last);
      if (!hit) continue;
      // a prefix trigger inside a name is part of the name ("бер*" in Бердімұхамедов)
      if (view.actors.some((m) => i < m.end && i + hit.length > m.start && m.kind !== 'discourse' && m.kind !== 'pronoun')) continue;
      const start = i;
      const end = i + hit.length;
      const evs = codeTrigger(hit.value, start, end, hit.rest);
      if (evs.length > 0) {
        sentenceEvents.push(...evs);
        i = end - 1;
      }
    }
    records.push(...sentenceEvents);
    discourse.notePeople(view.actors);
    emitFacts(view, sentenceEvents);
  }

  function resolve(slot: Slot | undefined, view: SentenceView, p?: PatternData): ActorRef[] {
    if (!slot) return [];
    const refs: ActorRef[] = [];
    for (const m of slot.mentions) {
      if (m.kind === 'discourse' || (m.kind === 'pronoun' && m.refers === 'group')) {
        // "the leaders" after a summit are its participants; "the two leaders" stay a pair.
        const pair = lex.cues.dyadHeads.find(view.tokens, m.start, m.end) !== undefined;
        const words = view.tokens.slice(m.start, m.end).map((t) => t.text).join(' ');
        if (lastMeeting && !pair) {
          let who = meetingParticipants(lastMeeting.mention, lastMeeting.view, views, lex, input.published);
          // what "the leaders" sign at a summit, the members sign
          if (p?.type === 'SUPPORT') who = signatories(who, lastMeeting.mention.code, lex, input.published);
          refs.push(...who.map((r) => ({ ...r, text: words })));
        }
        else for (const code of discourse.dyad()) refs.push({ code, text: words });
      } else if (m.refers === 'home') {
        const home = discourse.top(1)[0];
        if (home) refs.push({ code: home, sector: 'GOV', text: view.tokens.slice(m.start, m.end).map((t) => t.text).join(' ') });
      } else if (m.kind === 'pronoun') {
        const p = discourse.person(view.actors, m.start);
        if (p) refs.push({ code: p.code, ...(p.sector ? { sector: p.sector } : {}), ...(p.name ? { name: p.name } : {}), text: view.tokens[m.start]?.text ?? '' });
      } else refs.push(refOf(m, view, doc));
    }
    return uniqueRefs(refs);
  }

  function codeTrigger(refs: readonly TriggerRef[], start: number, end: number, rest: string | undefined): EventRecord[] {
    const view = views[doc.tokens[start]?.sentence ?? 0];
    if (!view) return [];
    const sIdx = view.sentence.index;
    const nominal = looksNominal(view, lex, start, end);
    // A word used as a noun fires only noun patterns; a word in verb position that is not a
    // verb form ("talks", "summit") may still fire a noun pattern.
    const trigKey = doc.tokens[end - 1]?.key ?? '';
    const ref = refs.find((r) => r.pos === (nominal ? 'noun' : 'verb'))
      ?? (nominal || /(ed|ing)$/.test(trigKey) ? undefined : refs[0]);
    if (!ref) return [];
    const p = ref.pattern.data;
    const trig = doc.tokens.slice(start, end).map((t) => t.text).join(' ');
    const stems = doc.tokens.slice(start, end).map((t) => t.stem).join(' ');
    log?.(sIdx, 'trigger', `"${trig}" (stem ${stems}${rest ? `, prefix + "${rest}"` : ''}) → ${p.id} as ${ref.pos}${nominal ? ' (nominal context)' : ''}`);
    const win = (a: number, b: number): [number, number] => [Math.max(view.sentence.first, a), Math.min(view.sentence.last, b)];
    if (ref.pattern.requires) {
      const [a, b] = win(start - 6, end + 8);
      if (!ref.pattern.requires.find(doc.tokens, a, b)) {
        log?.(sIdx, 'skip', `${p.id}: none of the required words near "${trig}"`);
        return [];
      }
    }
    if (ref.pattern.excludes) {
      const [a, b] = win(start - 2, end + 3);
      if (ref.pattern.excludes.find(doc.tokens, a, b)) {
        log?.(sIdx, 'skip', `${p.id}: an excluding word next to "${trig}"`);
        return [];
      }
    }
    const flags: Flag[] = [];
    const passive = ref.pos === 'verb' && isPassive(view, lex, start);
    if (passive) flags.push('passive');
    if (ref.pos === 'noun') flags.push('nominal');

    let actorSlot: Slot | undefined;
    let recipSlot: Slot | undefined;
    const recipPreps = p.recipient.after ?? [];
    const recipBefore = p.recipient.before ?? [];
    if (ref.pos === 'noun') {
      actorSlot = possessorOf(view, lex, start, end) ?? subjectOf(view, lex, start);
      // after a noun, "of X" / a genitive is its owner, not its recipient
      recipSlot = objectOf(view, lex, end, recipPreps.filter((x) => x !== '' && x !== 'of' && x !== 'gen'))
        ?? roleBefore(view, lex, start, recipBefore.filter((x) => x !== '' && x !== 'gen'), actorSlot);
    } else if (passive) {
      actorSlot = objectOf(view, lex, end, p.actor.passive ?? ['by']);
      const subj = subjectOf(view, lex, start);
      if (!p.symmetric && (recipPreps.length > 0 || recipBefore.length > 0)) recipSlot = subj;
      else if (!actorSlot && subj && p.symmetric) actorSlot = subj;
    } else {
      actorSlot = subjectOf(view, lex, start);
      recipSlot = objectOf(view, lex, end, recipPreps) ?? roleBefore(view, lex, start, recipBefore, actorSlot);
    }
    let actor = resolve(actorSlot, view, p);
    let recipient = resolve(recipSlot, view, p);
    let multilateral = false;
    // Sides of a symmetric act kept apart, in case a proposal turns them into proposer and partner.
    let proposer: ActorRef[] = [];
    let partner: ActorRef[] = [];
    const isMeeting = p.type === 'CONSULT' && p.symmetric && p.mode === undefined;
    // "the summit" after an organisation's summit was named is that summit.
    const orgMention = isMeeting ? meetingOrganization(view, lex, start, end, actorSlot?.mentions ?? []) : undefined;
    const trigStem = doc.tokens[end - 1]?.stem ?? '';
    const org = orgMention ? { mention: orgMention, view, stem: trigStem }
      : isMeeting && ref.pos === 'noun' && !lex.cues.indefinite.has(doc.tokens, start - 1) && lastMeeting?.stem === trigStem ? lastMeeting : undefined;
    if (org) {
      actor = meetingParticipants(org.mention, org.view, views, lex, input.published);
      if (orgMention) lastMeeting = org;
      recipient = [];
      multilateral = true;
    } else if (p.symmetric) {
      const withSlot = objectOf(view, lex, end, p.actor.after ?? ['with']) ?? roleBefore(view, lex, start, p.actor.before ?? [], actorSlot);
      proposer = actor;
      partner = uniqueRefs([...resolve(withSlot, view), ...recipient]).filter((r) => !proposer.some((a) => a.code === r.code));
      actor = uniqueRefs([...actor, ...partner]);
      recipient = [];
      if (actor.length === 1 && ref.pos === 'noun' && QUAD[p.type] <= 2) {
        // "held talks" with one side named: the other side is the discourse partner
        const other = discourse.dyad().filter((c) => c !== actor[0]?.code);
        if (discourse.dyad().includes(actor[0]?.code ?? '') && other.length === 1 && other[0]) actor = uniqueRefs([...actor, { code: other[0], text: '' }]);
      }
    }
    if (actor.length === 0) {
      // Agentless passives and nominals: the parties come from the discourse.
      const dyad = discourse.dyad().filter((c) => !recipient.some((r) => r.code === c));
      // A directed pattern needs its recipient named before the discourse may supply the actor.
      // Conflict is not inferred from context, except a clash between the pair ("the border clashes").
      const allowed = QUAD[p.type] <= 2 || (p.symmetric && ref.pos === 'noun');
      if ((passive || ref.pos === 'noun' || p.symmetric) && allowed && dyad.length > 0 && (p.symmetric || recipient.length > 0)) {
        actor = recipient.length > 0 ? (dyad.length === 1 && dyad[0] ? [{ code: dyad[0], text: '' }] : []) : dyad.map((code) => ({ code, text: '' }));
        if (actor.length > 0) flags.push('discourse-actor');
      }
    }
    // "the head of state visited Beijing": the home state is the article's main state other than the host
    const home = (sl: Slot | undefined): boolean => sl?.mentions.some((m) => m.refers === 'home') ?? false;
    if (home(actorSlot) && actor.some((a) => recipient.some((r) => r.code === a.code))) {
      const other = discourse.top(3).find((c) => !recipient.some((r) => r.code === c));
      actor = other ? [{ code: other, sector: 'GOV', text: actor[0]?.text ?? '' }] : actor;
    }
    if (home(recipSlot) && recipient.some((r) => actor.some((a) => a.code === r.code))) {
      const other = discourse.top(3).find((c) => !actor.some((a) => a.code === c));
      recipient = other ? [{ code: other, sector: 'GOV', text: recipient[0]?.text ?? '' }] : recipient;
    }
    if (p.reverse) [actor, recipient] = [recipient, actor];
    recipient = recipient.filter((r) => !actor.some((a) => a.code === r.code));
    let domestic = false;
    if (p.domestic && recipient.length === 0) {
      // Arrests, protests and emergencies inside one state: the state acts on its own people.
      if (actor.length === 0) {
        const top = discourse.top(1)[0];
        if (top) {
          actor = [{ code: top, sector: 'GOV', text: '' }];
          flags.push('discourse-actor');
        }
      }
      const only = actor.length === 1 ? actor[0] : undefined;
      if (only && !lex.isOrganization(only.code)) {
        recipient = [{ code: only.code, sector: p.type === 'PROTEST' ? 'GOV' : 'CVL', text: '' }];
        domestic = true;
      }
    }
    log?.(sIdx, 'role', `${p.id}: actor [${actor.map((a) => a.code).join(',')}] (${actorSlot?.how ?? (flags.includes('discourse-actor') ? 'discourse' : 'none')}), recipient [${recipient.map((r) => r.code).join(',')}] (${recipSlot?.how ?? 'none'})`);
    if (actor.length === 0) {
      log?.(sIdx, 'skip', `${p.id}: no actor`);
      return [];
    }
    if (!domestic && new Set([...actor, ...recipient].map((a) => a.code)).size < 2) {
      // Relations need two sides: one state alone (a title's "EU declares", "he called") is not a dyadic event.
      log?.(sIdx, 'skip', `${p.id}: only one side`);
      return [];
    }
    if (p.needsRecipient && recipient.length === 0) {
      log?.(sIdx, 'skip', `${p.id}: needs a recipient`);
      return [];
    }
    if (!p.symmetric && recipient.length === 0 && actor.length === 1 && !p.needsRecipient && ref.pos === 'verb' && recipPreps.length > 0 && p.type !== 'AGREE' && p.type !== 'MOBILIZE' && p.type !== 'PROTEST') {
      // A one-sided verb with no one on the other side says little about relations between states.
      log?.(sIdx, 'skip', `${p.id}: no recipient for a directed verb`);
      return [];
    }

    let type: EventType = p.type;
    let mode = multilateral ? 'multilateral' : p.mode;
    let cameo = p.cameo;
    const mod = modalityOf(view, lex, start, rest);
    if (mod.modality !== 'asserted') log?.(sIdx, 'modality', `${p.id}: ${mod.modality} ("${mod.cue ?? ''}")`);
    if (mod.modality === 'advised' || mod.modality === 'hypothetical' || mod.modality === 'habitual') {
      log?.(sIdx, 'skip', `${p.id}: ${mod.modality}, not an event`);
      return [];
    }
    if (mod.modality === 'negated') {
      if (!p.negated) {
        log?.(sIdx, 'skip', `${p.id}: negated`);
        return [];
      }
      ({ type, cameo } = p.negated);
      mode = p.negated.mode;
    } else if (mod.modality === 'future') {
      if (p.future) {
        ({ type, cameo } = p.future);
        mode = p.future.mode;
      } else if (COOPERATIVE_FUTURE.has(type)) {
        // "X proposed holding a summit with Y": X offers, Y is offered to.
        if (p.symmetric && proposer.length > 0 && partner.length > 0 && mod.proposal === true) {
          actor = proposer;
          recipient = partner;
        }
        cameo = type === 'CONSULT' ? '036' : type === 'AID' ? '033' : type === 'COOPERATE' ? '031' : type === 'AGREE' ? cameo : '030';
        type = 'AGREE';
        mode = undefined;
      } else if (CONFLICT_FUTURE.has(type)) {
        type = 'THREATEN';
        cameo = '130';
        mode = undefined;
      }
    }

    // The date: the nearest date expression in the clause, else in the sentence, else the publication month.
    const date = eventDate(view, start) ?? pubMonth;
    if (date.slice(0, 4) < input.published.slice(0, 4) || (date.length >= 7 && date.slice(0, 7) < pubMonth)) flags.push('past');

    const evStart = Math.min(doc.tokens[start]?.start ?? 0, ...[actorSlot, recipSlot].flatMap((sl) => sl?.mentions.map((m) => doc.tokens[m.start]?.start ?? Infinity) ?? []));
    const evEnd = Math.max(doc.tokens[end - 1]?.end ?? 0, ...[actorSlot, recipSlot].flatMap((sl) => sl?.mentions.map((m) => doc.tokens[m.end - 1]?.end ?? 0) ?? []));
    const info = typeInfo(type, mode, cameo);
    // Visits are made one visitor at a time: "received A, B and C" is three visits.
    const sides = mode === 'visit' && actor.length > 1 && recipient.length === 1 ? actor.map((a) => [a]) : [actor];
    discourse.noteEvent([...actor, ...recipient].map((a) => a.code));
    log?.(sIdx, 'event', `${type}${mode ? `/${mode}` : ''} ${cameo} [${actor.map((a) => a.code).join(',')}] → [${recipient.map((r) => r.code).join(',')}] ${date}`);
    return sides.map((side, k): EventRecord => ({
      kind: 'event',
      id: shortId(input.id, p.id, evStart, evEnd, k),
      article: input.id,
      type,
      ...(mode ? { mode } : {}),
      cameo: info.cameo,
      score: info.score,
      quad: QUAD[type],
      actor: side,
      recipient,
      date,
      lang: input.lang,
      evidence: { sentence: sIdx, start: evStart, end: evEnd, text: doc.text.slice(evStart, evEnd) },
      pattern: p.id,
      flags,
      confidence: Math.round(p.confidence * (flags.includes('discourse-actor') ? 0.8 : 1) * 100) / 100,
    }));
  }

  /**
   * The date of an event: the nearest date expression in the trigger's clause, else in the
   * sentence before another clause's verb claims it. Target years ("by 2030") are not event dates.
   */
  function eventDate(view: SentenceView, start: number): PartialDate | undefined {
    const usable = view.dates.filter((d) => !lex.cues.deadlineWords.has(doc.tokens, d.start - 1) && !lex.cues.deadlineWords.has(doc.tokens, d.end));
    const clause = clauseBounds(view, start);
    const inClause = usable.filter((d) => d.start >= clause.start && d.start < clause.end);
    // Outside its own clause a date is trusted only in a short sentence of one or two clauses.
    const pool = inClause.length > 0 ? inClause : view.clauseStarts.length <= 2 ? usable : [];
    const near = [...pool].sort((a, b) => Math.abs(a.start - start) - Math.abs(b.start - start));
    return near[0]?.date;
  }

  /** A target dates from its statement; a reported level from the period it names ("$6.3 billion in 2022"). */
  function commitmentDate(view: SentenceView, c: CommitmentFact, events: readonly EventRecord[]): PartialDate {
    const stated = events[0]?.date ?? pubMonth;
    if (c.status !== 'observed') return stated;
    const period = eventDate(view, c.end);
    return period !== undefined && period <= input.published.slice(0, period.length) && period !== c.by ? period : stated;
  }

  function emitFacts(view: SentenceView, events: readonly EventRecord[]): void {
    const s = view.sentence;
    const parties = (): string[] => {
      const fromEvents = events.flatMap((e) => [...e.actor, ...e.recipient].map((a) => a.code));
      const set = [...new Set(fromEvents)];
      return (set.length >= 2 ? set : discourse.dyad().slice()).sort();
    };
    const evidence = (a: number, b: number): { sentence: number; start: number; end: number; text: string } => {
      const st = doc.tokens[a]?.start ?? s.start;
      const en = doc.tokens[b - 1]?.end ?? s.end;
      return { sentence: s.index, start: st, end: en, text: doc.text.slice(st, en) };
    };
    const upgrade = events.find((e) => e.type === 'SUPPORT');
    for (const f of partnershipsIn(view, lex, upgrade?.date, input.published)) {
      const ps = parties();
      if (ps.length < 2) continue;
      records.push({ kind: 'partnership', id: shortId(input.id, 'partnership', f.start), article: input.id, parties: ps, level: f.level, ...(f.since ? { since: f.since } : {}), lang: input.lang, evidence: evidence(f.start, f.end) });
      log?.(s.index, 'fact', `partnership ${f.level} [${ps.join(',')}]${f.since ? ` since ${f.since}` : ''}`);
    }
    for (const c of commitmentsIn(view, lex)) {
      // "2 billion cubic metres of Turkmen gas": a state named in the commitment is a party too
      const named = view.actors.filter((m) => m.start >= c.start && m.end <= c.end + 4 && m.code && !lex.isOrganization(m.code)).map((m) => m.code);
      const ps = [...new Set([...parties(), ...named])].sort();
      if (ps.length < 2) continue;
      records.push({ kind: 'commitment', id: shortId(input.id, 'commitment', c.start), article: input.id, parties: ps, metric: c.metric, value: c.value, unit: c.unit, ...(c.by ? { by: c.by } : {}), status: c.status, date: commitmentDate(view, c, events),  lang: input.lang, evidence: evidence(c.start, c.end) });
      log?.(s.index, 'fact', `commitment ${c.metric} ${c.value} ${c.unit} (${c.status})`);
      // A target the parties set is their promise (AGREE), whatever words set it.
      if (c.status === 'target' && !events.some((e) => e.type === 'AGREE') && !records.some((r) => r.kind === 'event' && r.type === 'AGREE' && r.evidence.sentence === s.index)) {
        const ev = evidence(c.start, c.end);
        const ag: EventRecord = {
          kind: 'event', id: shortId(input.id, 'target', c.start), article: input.id, type: 'AGREE', cameo: '030',
          score: typeInfo('AGREE', undefined).score, quad: QUAD.AGREE,
          actor: ps.map((code) => ({ code, text: '' })), recipient: [], date: eventDate(view, c.start) ?? pubMonth,
          lang: input.lang, evidence: ev, pattern: 'fact.commitment.target', flags: [], confidence: 0.6,
        };
        records.push(ag);
        log?.(s.index, 'event', `AGREE 030 [${ps.join(',')}] from the target`);
      }
    }
    for (const e of events) {
      const pat = patterns.byId.get(e.pattern);
      // A document signed long ago is history, not a batch signed at this occasion.
      if (pat?.fact !== 'agreement' || e.type !== 'SUPPORT' || e.flags.includes('past')) continue;
      const a = agreementsIn(view, lex, s.first, s.last);
      if (!a) continue;
      const ps = [...new Set([...e.actor, ...e.recipient].map((x) => x.code))].sort();
      records.push({ kind: 'agreement', id: shortId(input.id, 'agreement', a.start), article: input.id, parties: ps, ...(a.count !== undefined ? { count: a.count } : {}), date: e.date, fields: a.fields, lang: input.lang, evidence: evidence(a.start, a.end) });
      log?.(s.index, 'fact', `agreement count ${a.count ?? '?'} fields [${a.fields.join('; ')}]`);
    }
  }

  return { doc, records: mergeRecords(records), trace };
}
