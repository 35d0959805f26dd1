/**
 * The modality stage: whether a trigger reports an act, and as what. Advice, hypotheticals and
 * standing policy are not events; a negated act is none unless its pattern says what the negation
 * is ("did not recognise": REJECT); a future or planned act becomes what the engine policy makes
 * it (a planned visit is AGREE 036, a planned attack THREATEN 130).
 */
import { futureOf } from '../lexicon/index.ts';
import type { ActorRef, EventType } from '../model/index.ts';
import type { CodingContext } from './context.ts';
import { modalityOf, type ModalityDecision } from './modality.ts';
import { isPastForm } from './verb-forms.ts';
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

/** The modality read, and what the trigger reports (nothing when it is no event). */
export interface ModalityOutcome {
  readonly modality: ModalityDecision;
  readonly reading?: Reading;
}

/** Read the trigger's modality and what it reports; modal words before `floor` belong to the verb before it. */
export function readModality(trig: Trigger, roles: Roles, view: SentenceView, ctx: CodingContext, floor?: number): ModalityOutcome {
  const mod = modalityFor(trig, roles, view, ctx, floor);
  const reading = readingOf(trig, roles, view, ctx, mod);
  return reading ? { modality: mod, reading } : { modality: mod };
}

function modalityFor(trig: Trigger, roles: Roles, view: SentenceView, ctx: CodingContext, floor: number | undefined): ModalityDecision {
  const own = modalityOf(view, ctx.lex, trig, floor);
  // "will meet Putin and sign", "did not meet and sign": a coordinated verb with no modality of its own takes its prior's;
  // one in a past tense of its own was not planned with it ("agreed to upgrade ties and adopted a declaration")
  const inherited = own.modality === 'asserted' ? roles.shared?.modality : undefined;
  if (!inherited) return own;
  const past = isPastForm(ctx.lex, view.tokens[trig.start]?.key ?? '');
  return past && (inherited.modality === 'future' || inherited.modality === 'complement') ? own : inherited;
}

/** The trigger read as this type, code and mode, between the sides its roles give. */
function readingAs(roles: Roles, type: EventType, cameo: string, mode?: string): Reading {
  return { type, ...(mode ? { mode } : {}), cameo, actor: roles.actor, recipient: roles.recipient };
}

function readingOf(trig: Trigger, roles: Roles, view: SentenceView, ctx: CodingContext, mod: ModalityDecision): Reading | undefined {
  const { lex, trace } = ctx;
  const p = trig.pattern.data;
  const sIdx = view.sentence.index;
  if (mod.modality !== 'asserted') trace?.(sIdx, 'modality', `${p.id}: ${mod.modality} ("${mod.cue ?? ''}")`);
  switch (mod.modality) {
    case 'asserted':
      if (p.planOnly) {
        trace?.(sIdx, 'skip', `${p.id}: a description of relations unless planned or promised`);
        return undefined;
      }
      return readingAs(roles, p.type, p.cameo, roles.multilateral ? 'multilateral' : p.mode);
    case 'advised':
    case 'hypothetical':
    case 'habitual':
      trace?.(sIdx, 'skip', `${p.id}: ${mod.modality}, not an event`);
      return undefined;
    case 'complement':
      trace?.(sIdx, 'skip', `${p.id}: the complement of another verb, not an act of its own`);
      return undefined;
    case 'cancelled':
      trace?.(sIdx, 'skip', `${p.id}: called off, not an event`);
      return undefined;
    case 'negated':
      if (!p.negated) {
        trace?.(sIdx, 'skip', `${p.id}: negated`);
        return undefined;
      }
      return readingAs(roles, p.negated.type, p.negated.cameo, p.negated.mode);
    case 'future': {
      if (p.future) return readingAs(roles, p.future.type, p.future.cameo, p.future.mode);
      const rule = futureOf(lex.policy, p.type);
      if (!rule) return readingAs(roles, p.type, p.cameo, roles.multilateral ? 'multilateral' : p.mode);
      // "X proposed holding a summit with Y": X offers, Y is offered to.
      const offer = rule.proposal && p.symmetric && roles.proposer.length > 0 && roles.partner.length > 0 && mod.proposal === true;
      return {
        type: rule.type, cameo: rule.cameo ?? p.cameo,
        actor: offer ? roles.proposer : roles.actor, recipient: offer ? roles.partner : roles.recipient,
      };
    }
  }
}
