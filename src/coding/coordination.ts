/**
 * Coordinated verbs: "A thanked B and invited him to Astana", "Путин принял Токаева и подписал
 * договор". A second verb with no subject of its own shares the first verb's subject (and, when
 * it is a symmetric act, the first verb's other side), and the first verb's modality reaches it
 * ("will meet Putin and sign", "did not meet and sign").
 */
import { CUE } from '../lexicon/index.ts';
import type { ActorRef } from '../model/index.ts';
import type { Slot } from './frame.ts';
import type { ModalityDecision } from './modality.ts';
import type { SentenceView } from './sentence.ts';
import type { Trigger } from './triggers.ts';

/** The last verb read in a sentence: what a verb coordinated with it shares. */
export interface PriorVerb {
  readonly trigger: Trigger;
  /** Where its actor came from, and the actors it resolved to. */
  readonly actorSlot?: Slot;
  readonly actor: readonly ActorRef[];
  /** Its other side: recipients, or the partners of a symmetric act. */
  readonly others: readonly ActorRef[];
  /** Its modality, when a cue or an ending made it other than asserted. */
  readonly modality?: ModalityDecision;
}

/** Words a conjunction and its second verb may have between them ("and then also signed"). */
const GAP = 3;

/**
 * True when `trig` is a verb joined to the prior verb by a conjunction, with nothing between the
 * conjunction and it that could be a subject of its own, and no clause boundary but commas.
 */
export function coordinatedWith(view: SentenceView, trig: Trigger, prior: PriorVerb | undefined): prior is PriorVerb {
  if (!prior || trig.pos !== 'verb' || trig.passive || prior.trigger.pos !== 'verb') return false;
  if (prior.trigger.end > trig.start) return false;
  let conj = -1;
  for (let k = trig.start - 1; k >= prior.trigger.end; k--) {
    if (view.tags.has(CUE.conjunctions, k, trig.start)) {
      conj = k;
      break;
    }
  }
  if (conj < 0 || trig.start - conj - 1 > GAP) return false;
  if (view.actors.some((m) => m.start > conj && m.start < trig.start)) return false;
  for (let k = prior.trigger.end; k < trig.start; k++) {
    if (view.tokens[k]?.key !== ',' && view.tags.has(CUE.clauseBreaks, k, trig.start)) return false;
  }
  return true;
}
