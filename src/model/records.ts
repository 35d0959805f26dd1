/**
 * The records Dyad produces: events and the facts beside them (partnerships,
 * commitments, agreements), each with the evidence that supports it.
 * These are the lines `dyad code --format jsonl` prints.
 */
import type { PartialDate } from './date.ts';
import type { Lang, Sector } from './lang.ts';
import type { EventType, Quad } from './plover.ts';

/** One side of an event: a state (ISO alpha-3) or an organisation code. */
export interface ActorRef {
  readonly code: string;
  readonly sector?: Sector;
  /** The resolved person or body, when the mention named one. */
  readonly name?: string;
  /** The words of the mention as written. */
  readonly text: string;
}

/** Where in the article a record comes from: sentence index and character offsets. */
export interface Evidence {
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export const FLAGS = ['past', 'discourse-actor', 'discourse-recipient', 'nominal', 'passive', 'reported'] as const;
export type Flag = (typeof FLAGS)[number];

export interface EventRecord {
  readonly kind: 'event';
  readonly id: string;
  readonly article: string;
  readonly type: EventType;
  readonly mode?: string;
  readonly cameo: string;
  readonly score: number;
  readonly quad: Quad;
  readonly actor: readonly ActorRef[];
  readonly recipient: readonly ActorRef[];
  readonly date: PartialDate;
  readonly lang: Lang;
  readonly evidence: Evidence;
  readonly pattern: string;
  readonly flags: readonly Flag[];
  readonly confidence: number;
}

export interface PartnershipRecord {
  readonly kind: 'partnership';
  readonly id: string;
  readonly article: string;
  readonly parties: readonly string[];
  /** Lowercased English level from the guideline's vocabulary. */
  readonly level: string;
  readonly since?: PartialDate;
  readonly lang: Lang;
  readonly evidence: Evidence;
}

export interface CommitmentRecord {
  readonly kind: 'commitment';
  readonly id: string;
  readonly article: string;
  readonly parties: readonly string[];
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly by?: PartialDate;
  /** "target" for a goal set, "observed" for a level reported as reached. */
  readonly status: 'target' | 'observed';
  readonly date: PartialDate;
  readonly lang: Lang;
  readonly evidence: Evidence;
}

export interface AgreementRecord {
  readonly kind: 'agreement';
  readonly id: string;
  readonly article: string;
  readonly parties: readonly string[];
  readonly count?: number;
  readonly date: PartialDate;
  readonly fields: readonly string[];
  readonly lang: Lang;
  readonly evidence: Evidence;
}

export type FactRecord = PartnershipRecord | CommitmentRecord | AgreementRecord;
export type OutputRecord = EventRecord | FactRecord;
export type RecordKind = OutputRecord['kind'];
