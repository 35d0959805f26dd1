/**
 * The coder as a pipeline of named stages over one document:
 *
 *   annotate → triggers → roles → modality → dates → emit → facts → merge
 *
 * Each stage is a module with a typed input and output; what they share is read-only (the coding
 * context) or a plain discourse state that the pipeline hands from one step to the next. Every
 * stage writes its decisions to the trace hook, which `dyad explain` prints.
 */
import { CUE, type Lexicon } from '../lexicon/index.ts';
import type { EventRecord, EventType, OutputRecord } from '../model/index.ts';
import type { Doc } from '../text/index.ts';
import { annotate } from './annotate.ts';
import type { ArticleInput, CodingContext } from './context.ts';
import type { PriorVerb } from './coordination.ts';
import type { Modality } from './modality.ts';
import { openingScene, withEvent, withInstitutions, withLists, withOrganizations, withPeople, withVisit, type DiscourseState } from './discourse.ts';
import { emitEvents } from './emit.ts';
import { eventDate, headlineDate } from './event-date.ts';
import { sentenceFacts } from './fact-records.ts';
import { mergeRecords } from './merge.ts';
import { Participants } from './multilateral.ts';
import { readModality } from './reading.ts';
import { assignRoles } from './roles.ts';
import { clauseAt, type SentenceView } from './sentence.ts';
import type { TraceHook, TraceLine } from './trace.ts';
import { triggersAt, type Trigger } from './triggers.ts';
import { isIrregularForm, isPastForm } from './verb-forms.ts';

/** The stages, in order, as `explain` names them. */
export const STAGES = ['annotate', 'triggers', 'roles', 'modality', 'dates', 'emit', 'facts', 'merge'] as const;

export interface CodeResult {
  readonly doc: Doc;
  readonly records: readonly OutputRecord[];
  readonly trace: readonly TraceLine[];
}

export interface CodeOptions {
  /** Collect the trace of every stage's decisions. */
  readonly trace?: boolean;
}

/** What coding one trigger gives: its events, the discourse after it, and the verb a coordinated next one shares. */
interface Coded {
  readonly events: EventRecord[];
  readonly state: DiscourseState;
  readonly verb?: PriorVerb;
}

/**
 * Whether a trigger's clause speaks of the future, so that its "on Friday" or "in March" is the
 * next one: a future or planned act, or a promise (AGREE) written in a future form ("ziyaret
 * edecek", "посетит") or, where the language marks its past on the verb, in a form that is not past.
 */
function speaksAhead(trig: Trigger, view: SentenceView, ctx: CodingContext, modality: Modality, type: EventType): boolean {
  if (modality === 'future' || trig.pattern.data.planned) return true;
  if (type !== 'AGREE') return false;
  const { lex } = ctx;
  const last = view.tokens[trig.end - 1]?.key ?? '';
  if (lex.infixes.future.some((x) => last.endsWith(x))) return true;
  return lex.pastEndings.length + lex.participleEndings.length > 0 && !isPastForm(lex, last) && !isIrregularForm(lex, last);
}

/** One trigger through roles, modality, dates and emit (`prior`: the verb before it in its sentence). */
function codeTrigger(trig: Trigger, view: SentenceView, ctx: CodingContext, state: DiscourseState, prior: PriorVerb | undefined): Coded {
  const assigned = assignRoles(trig, view, ctx, state, prior);
  const { roles, subject } = assigned;
  const shared = { trigger: trig, actor: subject.refs, ...(subject.slot ? { actorSlot: subject.slot } : {}) };
  if (!roles) return { events: [], state: assigned.state, verb: { ...shared, others: [] } };
  // the modal words before the prior verb are its own; a trigger inside the prior's words is that verb again
  const floor = prior && prior.trigger.end <= trig.start ? prior.trigger.end : undefined;
  const { modality, reading } = readModality(trig, roles, view, ctx, floor);
  const verb: PriorVerb = {
    ...shared,
    others: [...roles.recipient, ...roles.partner].filter((r) => !subject.refs.some((a) => a.code === r.code)),
    ...(modality.modality !== 'asserted' ? { modality } : {}),
  };
  if (!reading) return { events: [], state: assigned.state, verb };
  const events = emitEvents(trig, roles, reading, eventDate(view, trig, ctx, speaksAhead(trig, view, ctx, modality.modality, reading.type)), view, ctx);
  let after = withEvent(assigned.state, [...codes(reading.actor), ...codes(reading.recipient)], ctx.lex);
  if (reading.type === 'CONSULT' && reading.mode === 'visit') after = withVisit(after, codes(reading.actor), codes(reading.recipient));
  return { events, state: after, verb };
}

/** The codes of some sides. */
function codes(refs: readonly { readonly code: string }[]): string[] {
  return refs.map((a) => a.code);
}

/** Tokens after a verb within which a noun trigger is its object. */
const OBJECT_NOUN_REACH = 6;

/** "pledged $500 million in aid", "condemned the attack": a noun right after a coded verb, in its clause, is what the verb acts on. */
function objectOfVerb(view: SentenceView, lex: Lexicon, trig: Trigger, verb: Trigger): boolean {
  // where objects come before the verb, a noun after it opens the next phrase ("алғыс айтып, оны ... шақырды")
  return lex.wordOrder !== 'sov' && trig.pos === 'noun' && trig.start >= verb.end && trig.start - verb.end <= OBJECT_NOUN_REACH
    && clauseAt(view, trig.start) === clauseAt(view, verb.start) && !secondVerbBetween(view, lex, verb.end, trig.start);
}

/** "выслала 23 дипломата и объявила о высылке 60": a conjunction and a verb of its own between them make the noun the second verb's. */
function secondVerbBetween(view: SentenceView, lex: Lexicon, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (!view.tags.has(CUE.conjunctions, k, to)) continue;
    for (let j = k + 1; j < Math.min(to, k + 3); j++) {
      const t = view.tokens[j];
      if (t?.kind === 'word' && isPastForm(lex, t.key) && !view.actors.some((m) => j >= m.start && j < m.end)) return true;
    }
  }
  return false;
}

/**
 * "Израильдің әуе шабуылдарын айыптады": where the object comes before the verb, a noun in the
 * accusative shortly before a coded verb, in its clause, is what the verb acts on.
 */
function objectBeforeVerb(view: SentenceView, ctx: CodingContext, trig: Trigger, verb: Trigger): boolean {
  if (ctx.lex.wordOrder !== 'sov' || trig.pos !== 'noun' || trig.end > verb.start || verb.start - trig.end > OBJECT_NOUN_REACH) return false;
  const last = view.tokens[trig.end - 1];
  return last !== undefined && ctx.lex.morphology.ownCase(last.key)?.case === 'acc' && clauseAt(view, trig.start) === clauseAt(view, verb.start);
}

/** Code one sentence: each trigger left to right (a coded trigger's words fire nothing else), then its facts. */
function codeSentence(view: SentenceView, ctx: CodingContext, state0: DiscourseState): { records: OutputRecord[]; state: DiscourseState } {
  let state = state0;
  let prior: PriorVerb | undefined;
  let lastVerb: Trigger | undefined;
  let events: EventRecord[] = [];
  const nouns: { trig: Trigger; events: readonly EventRecord[] }[] = [];
  for (let i = view.sentence.first; i < view.sentence.last; i++) {
    let fired: Trigger | undefined;
    let verb: PriorVerb | undefined;
    // the end of a noun the verb acts on: its words fire nothing else ("pledged ... in military aid": no "aid")
    let object = i;
    for (const trig of triggersAt(view, i, ctx)) {
      if (lastVerb && objectOfVerb(view, ctx.lex, trig, lastVerb)) {
        ctx.trace?.(view.sentence.index, 'skip', `${trig.pattern.data.id}: "${trig.words}" is what "${lastVerb.words}" acts on, no event of its own`);
        object = Math.max(object, trig.end - 1);
        continue;
      }
      const coded = codeTrigger(trig, view, ctx, state, prior);
      state = coded.state;
      verb ??= coded.verb;
      if (coded.events.length > 0) {
        if (trig.pos === 'noun') nouns.push({ trig, events: coded.events });
        else {
          const objects = nouns.filter((n) => objectBeforeVerb(view, ctx, n.trig, trig)).flatMap((n) => n.events);
          for (const e of objects) ctx.trace?.(view.sentence.index, 'skip', `${e.pattern}: what "${trig.words}" acts on, no event of its own`);
          if (objects.length > 0) events = events.filter((e) => !objects.includes(e));
        }
        events.push(...coded.events);
        fired = trig;
        verb = coded.verb;
        break;
      }
    }
    if (verb && (!prior || prior.trigger.end <= verb.trigger.start)) prior = verb;
    if (fired) {
      if (fired.pos === 'verb') lastVerb = fired;
      i = fired.end - 1;
    } else i = object;
  }
  state = withLists(withInstitutions(withOrganizations(withPeople(state, view.actors), view.actors, ctx.lex), view, ctx.lex), view, ctx.lex);
  return { records: [...events, ...sentenceFacts(view, events, ctx, state)], state };
}

/** Code one article into events and facts, each with the sentence and offsets that support it. */
export function codeArticle(input: ArticleInput, lex: Lexicon, options: CodeOptions = {}): CodeResult {
  const lines: TraceLine[] = [];
  const trace: TraceHook | undefined = options.trace ? (sentence, step, detail) => { lines.push({ sentence, step, detail }); } : undefined;
  const { doc, views, dateline } = annotate(input, lex, trace);
  const pubMonth = input.published.slice(0, 7);
  // A dateline's day dates what the report does not; a dateline of another month is not trusted over the publication.
  const reportDate = dateline !== undefined && dateline.startsWith(pubMonth) ? dateline : pubMonth;
  const headline = headlineDate(views, reportDate);
  const ctx: CodingContext = {
    input, lex, doc, views, pubMonth, reportDate, ...(headline !== undefined ? { headlineDate: headline } : {}),
    participants: new Participants(views, lex, input.published), ...(trace ? { trace } : {}),
  };
  let state = openingScene(views, lex);
  const records: OutputRecord[] = [];
  for (const view of views) {
    const coded = codeSentence(view, ctx, state);
    records.push(...coded.records);
    state = coded.state;
  }
  // The annotate stage writes every sentence's lines first; a reader follows one sentence at a time.
  const bySentence = lines.map((l, k) => [l, k] as const).sort((a, b) => a[0].sentence - b[0].sentence || a[1] - b[1]).map(([l]) => l);
  return { doc, records: mergeRecords(records), trace: bySentence };
}
