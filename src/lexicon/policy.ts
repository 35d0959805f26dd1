/**
 * The engine's policy as data (data/lexicon/policy.json): what a future or planned act becomes,
 * which types may take their parties from the discourse, how far from a trigger its cues are
 * looked for. The same in every language; a user's policy file replaces the sections it gives.
 */
import { z } from 'zod';
import { EVENT_TYPES, QUAD, SECTORS, type EventType, type Sector } from '../model/index.ts';

const type = z.enum(EVENT_TYPES);
const cameo = z.string().regex(/^\d{2,4}$/, 'expected a CAMEO code such as 036');
const reach = z.number().int().min(0).max(50);
const note = z.string().optional();

const sections = {
  /**
   * A future, planned or intended act, by its type: the type it becomes (a plan to visit is AGREE
   * 036; a planned attack is THREATEN 130) and its CAMEO code (none: the pattern's own). With
   * `proposal`, a symmetric act proposed to someone ("suggested holding talks with B") is the
   * proposer's offer to the other side. A type not listed stays itself.
   */
  future: z.partialRecord(type, z.strictObject({ type, cameo: cameo.optional(), proposal: z.boolean().default(false), note })),
  /**
   * Types whose headline infinitive ("Kazakh President to visit China") announces a plan, read as
   * the future; in the other types it reports a decision taken ("Russia to expel 10 diplomats").
   */
  headlinePlans: z.array(type),
  /** Types whose parties may come from the discourse when the sentence names no actor, by quad class. */
  discourseParties: z.strictObject({ quads: z.array(z.number().int().min(1).max(4)), note }),
  /** Directed types that are events even with no recipient named ("troops were mobilised"). */
  oneSided: z.array(type),
  /** Types that are events with one party alone, no other side anywhere ("Russia announced a partial mobilisation"). */
  singleParty: z.array(type),
  /** Modes in which each actor makes an event of their own ("received A, B and C": three visits). */
  oneEventPerActor: z.array(z.string()),
  /** Metrics that are always between the two sides that trade, never a summit's figure ("trade volume"). */
  pairMetrics: z.array(z.string()),
  /** The recipient's sector of a domestic event (a state acting on its own people), by type. */
  domesticSectors: z.strictObject({ default: z.enum(SECTORS), byType: z.partialRecord(type, z.enum(SECTORS)), note }),
  /** How far from the trigger (in tokens) its cues are looked for. */
  windows: z.strictObject({
    requires: z.strictObject({ before: reach, after: reach }),
    excludes: z.strictObject({ before: reach, after: reach }),
    /** Modal words before the trigger: `reach` for any, `near` for negation and advice, `intent` and `proposal` for those. */
    modality: z.strictObject({ reach, near: reach, intent: reach, proposal: reach }),
    /**
     * An object after the trigger: within `reach`; an unmarked one within `directGap`; one in a
     * phrase the trigger opens with a preposition of the pattern's ("support for ... by X") within `ownPhrase`.
     */
    object: z.strictObject({ reach, directGap: reach, ownPhrase: reach }),
    /** A possessor or genitive before a noun trigger. */
    possessor: reach,
    note,
  }),
  /** Confidence factors: an actor taken from the discourse; an AGREE made from a target. */
  confidence: z.strictObject({ discourseActor: z.number().min(0).max(1), target: z.number().min(0).max(1), note }),
};

/** A policy file: the built-in one gives every section, a user's file any of them. */
export const policyFile = z.strictObject({
  kind: z.literal('policy'),
  $schema: z.string().optional(),
  note,
  ...Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof sections]: z.ZodOptional<(typeof sections)[K]> },
});

export const policySchema = z.strictObject(sections);
export type Policy = z.infer<typeof policySchema>;
export type PolicyFile = z.infer<typeof policyFile>;

/** What a future or planned act of a type becomes, if anything. */
export function futureOf(policy: Policy, t: EventType): Policy['future'][EventType] {
  return policy.future[t];
}

/** True when an event of this type may take its parties from the discourse. */
export function takesDiscourseParties(policy: Policy, t: EventType): boolean {
  return policy.discourseParties.quads.includes(QUAD[t]);
}

/** The sector of the recipient of a domestic event of this type. */
export function domesticSector(policy: Policy, t: EventType): Sector {
  return policy.domesticSectors.byType[t] ?? policy.domesticSectors.default;
}
