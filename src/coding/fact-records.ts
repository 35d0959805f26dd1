/**
 * The facts stage: for each sentence, the partnerships, commitments and agreement batches it
 * states, as records with their parties and evidence. A target the parties set is also their
 * promise: an AGREE event, whatever words set it.
 */
import { QUAD, ploverScore, type EventRecord, type Evidence, type OutputRecord, type PartialDate } from '../model/index.ts';
import type { CodingContext } from './context.ts';
import { discourseDyad, type DiscourseState } from './discourse.ts';
import { dateNear } from './event-date.ts';
import { agreementsIn, commitmentsIn, partnershipsIn, type CommitmentFact } from './facts.ts';
import { subjectOf } from './frame.ts';
import { recordId } from './record-id.ts';
import { resolveSlot } from './refs.ts';
import type { SentenceView } from './sentence.ts';

/**
 * Who promises a target to whom: "Kazakhstan is prepared to raise its exports to Uzbekistan by $550
 * million", "she announced an investment package worth 12 billion euros" (after a summit) are the
 * subject's promise to the other parties; a figure two sides share (trade between them), or one
 * whose clause has no single party as its subject, is the parties' joint aim.
 */
function targetSides(view: SentenceView, c: CommitmentFact, ps: readonly string[], ctx: CodingContext, state: DiscourseState): { actor: string[]; recipient: string[] } {
  const joint = { actor: [...ps], recipient: [] };
  if (ctx.lex.policy.pairMetrics.includes(c.metric)) return joint;
  const subject = resolveSlot(subjectOf(view, ctx.lex, c.start, ctx.lex.subjectFirst), view, ctx, state).map((r) => r.code);
  const one = subject.length === 1 ? subject[0] : undefined;
  if (one === undefined || !ps.includes(one)) return joint;
  return { actor: [one], recipient: ps.filter((p) => p !== one) };
}

/** A target dates from its statement; a reported level from the period it names ("$6.3 billion in 2022"). */
function commitmentDate(view: SentenceView, c: CommitmentFact, events: readonly EventRecord[], ctx: CodingContext): PartialDate {
  const stated = events[0]?.date ?? ctx.pubMonth;
  if (c.status !== 'observed') return stated;
  const period = dateNear(view, c.end);
  return period !== undefined && period <= ctx.input.published.slice(0, period.length) && period !== c.by ? period : stated;
}

/** The parties of a fact: the sides of the sentence's events, else the pair of the discourse. `summit`: a figure may be the last summit's (a package announced there), not a pair's trade. */
function parties(view: SentenceView, events: readonly EventRecord[], ctx: CodingContext, state: DiscourseState, summit = false): string[] {
  const fromEvents = [...new Set(events.flatMap((e) => [...e.actor, ...e.recipient].map((a) => a.code)))];
  if (fromEvents.length >= 2) return fromEvents.sort();
  // after a known organisation's summit, a figure no event of the sentence carries is the summit's ("she announced a package worth ...")
  // unless the sentence names two sides of its own ("trade between Kazakhstan and Turkey reached ...")
  const named = new Set(view.actors.filter((m) => m.code !== '' && m.kind !== 'pronoun').map((m) => m.code));
  const meeting = state.lastMeeting;
  if (summit && meeting && meeting.mention.code !== 'IGO' && named.size < 2) return [...new Set(ctx.participants.of(meeting.mention, meeting.view).map((r) => r.code))].sort();
  return discourseDyad(state).slice().sort();
}

/** The evidence of tokens [a, b) of the sentence. */
function evidence(view: SentenceView, ctx: CodingContext, a: number, b: number): Evidence {
  const s = view.sentence;
  const st = ctx.doc.tokens[a]?.start ?? s.start;
  const en = ctx.doc.tokens[b - 1]?.end ?? s.end;
  return { sentence: s.index, start: st, end: en, text: ctx.doc.text.slice(st, en) };
}

/** The fact records of a sentence, given the events coded in it and the discourse after them. */
export function sentenceFacts(view: SentenceView, events: readonly EventRecord[], ctx: CodingContext, state: DiscourseState): OutputRecord[] {
  const { input, lex, trace } = ctx;
  const s = view.sentence;
  const out: OutputRecord[] = [];
  const upgrade = events.find((e) => e.type === 'SUPPORT');
  for (const f of partnershipsIn(view, upgrade?.date, input.published)) {
    const ps = parties(view, events, ctx, state);
    if (ps.length < 2) continue;
    out.push({ kind: 'partnership', id: recordId(input.id, 'partnership', f.start), article: input.id, parties: ps, level: f.level, ...(f.since ? { since: f.since } : {}), lang: input.lang, evidence: evidence(view, ctx, f.start, f.end) });
    trace?.(s.index, 'fact', `partnership ${f.level} [${ps.join(',')}]${f.since ? ` since ${f.since}` : ''}`);
  }

  let agreed = events.some((e) => e.type === 'AGREE');
  for (const c of commitmentsIn(view)) {
    // "2 billion cubic metres of Turkmen gas": a state named in the commitment is a party too
    const named = view.actors.filter((m) => m.start >= c.start && m.end <= c.end + 4 && m.code && !lex.isOrganization(m.code)).map((m) => m.code);
    // trade between states is a pair's, whatever summit came before
    const ps = [...new Set([...parties(view, events, ctx, state, !lex.policy.pairMetrics.includes(c.metric)), ...named])].sort();
    if (ps.length < 2) continue;
    out.push({
      kind: 'commitment', id: recordId(input.id, 'commitment', c.start), article: input.id, parties: ps, metric: c.metric, value: c.value, unit: c.unit,
      ...(c.by ? { by: c.by } : {}), status: c.status, date: commitmentDate(view, c, events, ctx), lang: input.lang, evidence: evidence(view, ctx, c.start, c.end),
    });
    trace?.(s.index, 'fact', `commitment ${c.metric} ${c.value} ${c.unit} (${c.status})`);
    if (c.status === 'target' && !agreed) {
      agreed = true;
      const sides = targetSides(view, c, ps, ctx, state);
      out.push({
        kind: 'event', id: recordId(input.id, 'target', c.start), article: input.id, type: 'AGREE', cameo: '030',
        score: ploverScore('AGREE'), quad: QUAD.AGREE,
        actor: sides.actor.map((code) => ({ code, text: '' })), recipient: sides.recipient.map((code) => ({ code, text: '' })), date: dateNear(view, c.start) ?? ctx.pubMonth,
        lang: input.lang, evidence: evidence(view, ctx, c.start, c.end), pattern: 'fact.commitment.target', flags: [], confidence: lex.policy.confidence.target,
      });
      trace?.(s.index, 'event', `AGREE 030 [${sides.actor.join(',')}]${sides.recipient.length > 0 ? ` → [${sides.recipient.join(',')}]` : ''} from the target`);
    }
  }

  for (const e of events) {
    const pat = lex.patternById.get(e.pattern)?.data;
    // A document signed long ago is history, not a batch signed at this occasion.
    if (pat?.fact !== 'agreement' || e.type !== 'SUPPORT' || e.flags.includes('past')) continue;
    const a = agreementsIn(view, s.first, s.last);
    if (!a) continue;
    const ps = [...new Set([...e.actor, ...e.recipient].map((x) => x.code))].sort();
    out.push({ kind: 'agreement', id: recordId(input.id, 'agreement', a.start), article: input.id, parties: ps, ...(a.count !== undefined ? { count: a.count } : {}), date: e.date, fields: a.fields, lang: input.lang, evidence: evidence(view, ctx, a.start, a.end) });
    trace?.(s.index, 'fact', `agreement count ${a.count ?? '?'} fields [${a.fields.join('; ')}]`);
  }
  return out;
}
