/**
 * The modality stage: whether a trigger reports an act, and as what. Advice, hypotheticals and
 * standing policy are not events; a negated act is none unless its pattern says what the negation
 * is ("did not recognise": REJECT); a future or planned act becomes what the engine policy makes
 * it (a planned visit is AGREE 036, a planned attack THREATEN 130).
 */
import { futureOf } from '../lexicon/index.ts';
import type { ActorRef, EventType } from '../model/index.ts';
import type { CodingContext } from './context.ts';
import { modalityOf } from './modality.ts';
import type { Roles } from './roles.ts';
import type { SentenceView } from './sentence.ts';
import type { Trigger } from './triggers.ts';

/** What the trigger reports: type, mode and CAMEO code, and its sides after a proposal. */
export interface Reading {
  readonly type: EventType;
  readonly mode?: string;
  readonly cameo: string;
  readonly actor: readonly ActorRef[];
  readonly recipient: readonly ActorRef[];
}

/** Read the trigger's modality; undefined when it reports no event. */
export function readModality(trig: Trigger, roles: Roles, view: SentenceView, ctx: CodingContext): Reading | undefined {
  const { lex, trace } = ctx;
  const p = trig.pattern.data;
  const sIdx = view.sentence.index;
  const mod = modalityOf(view, lex, trig.start, trig.rest);
  if (mod.modality !== 'asserted') trace?.(sIdx, 'modality', `${p.id}: ${mod.modality} ("${mod.cue ?? ''}")`);
  const as = (type: EventType, cameo: string, mode?: string): Reading => ({ type, ...(mode ? { mode } : {}), cameo, actor: roles.actor, recipient: roles.recipient });
  switch (mod.modality) {
    case 'asserted':
      return as(p.type, p.cameo, roles.multilateral ? 'multilateral' : p.mode);
    case 'advised':
    case 'hypothetical':
    case 'habitual':
      trace?.(sIdx, 'skip', `${p.id}: ${mod.modality}, not an event`);
      return undefined;
    case 'negated':
      if (!p.negated) {
        trace?.(sIdx, 'skip', `${p.id}: negated`);
        return undefined;
      }
      return as(p.negated.type, p.negated.cameo, p.negated.mode);
    case 'future': {
      if (p.future) return as(p.future.type, p.future.cameo, p.future.mode);
      const rule = futureOf(lex.policy, p.type);
      if (!rule) return as(p.type, p.cameo, roles.multilateral ? 'multilateral' : p.mode);
      // "X proposed holding a summit with Y": X offers, Y is offered to.
      const offer = rule.proposal && p.symmetric && roles.proposer.length > 0 && roles.partner.length > 0 && mod.proposal === true;
      return {
        type: rule.type, cameo: rule.cameo ?? p.cameo,
        actor: offer ? roles.proposer : roles.actor, recipient: offer ? roles.partner : roles.recipient,
      };
    }
  }
}
