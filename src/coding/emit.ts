/**
 * The emit stage: the event records of a trigger that passed every stage, with the evidence that
 * spans the trigger and the mentions of its roles, and the engine policy's split of visits into
 * one event per visitor.
 */
import { QUAD, ploverScore, type ActorRef, type EventRecord, type Flag } from '../model/index.ts';
import type { CodingContext } from './context.ts';
import type { Reading } from './reading.ts';
import { recordId } from './record-id.ts';
import type { Roles } from './roles.ts';
import type { SentenceView } from './sentence.ts';
import type { Trigger } from './triggers.ts';

/** The records of one coded trigger. */
export function emitEvents(trig: Trigger, roles: Roles, reading: Reading, when: { date: string; past: boolean }, view: SentenceView, ctx: CodingContext): EventRecord[] {
  const { doc, input, lex, trace } = ctx;
  const p = trig.pattern.data;
  const flags: Flag[] = [...roles.flags];
  if (when.past) flags.push('past');
  const mentions = roles.slots.flatMap((s) => s.mentions);
  const evStart = Math.min(doc.tokens[trig.start]?.start ?? 0, ...mentions.map((m) => doc.tokens[m.start]?.start ?? Infinity));
  const evEnd = Math.max(doc.tokens[trig.end - 1]?.end ?? 0, ...mentions.map((m) => doc.tokens[m.end - 1]?.end ?? 0));
  const { type, mode, actor, recipient } = reading;
  // "A and B accused each other": one event each way; "received A, B and C": one visit each
  const sides: { actor: readonly ActorRef[]; recipient: readonly ActorRef[] }[] = roles.reciprocal
    ? actor.flatMap((a) => actor.filter((b) => b.code !== a.code).map((b) => ({ actor: [a], recipient: [b] })))
    : mode !== undefined && lex.policy.oneEventPerActor.includes(mode) && actor.length > 1 && recipient.length === 1
      ? actor.map((a) => ({ actor: [a], recipient }))
      : [{ actor, recipient }];
  trace?.(view.sentence.index, 'event', `${type}${mode ? `/${mode}` : ''} ${reading.cameo} [${actor.map((a) => a.code).join(',')}] → [${recipient.map((r) => r.code).join(',')}]${roles.reciprocal ? ' each to each' : ''} ${when.date}`);
  const confidence = Math.round(p.confidence * (flags.includes('discourse-actor') ? lex.policy.confidence.discourseActor : 1) * 100) / 100;
  return sides.map((side, k): EventRecord => ({
    kind: 'event',
    id: recordId(input.id, p.id, evStart, evEnd, k),
    article: input.id,
    type,
    ...(mode ? { mode } : {}),
    cameo: reading.cameo,
    score: ploverScore(type, mode),
    quad: QUAD[type],
    actor: side.actor,
    recipient: side.recipient,
    date: when.date,
    lang: input.lang,
    evidence: { sentence: view.sentence.index, start: evStart, end: evEnd, text: doc.text.slice(evStart, evEnd) },
    pattern: p.id,
    flags,
    confidence,
  }));
}
