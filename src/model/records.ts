/**
 * The records Dyad produces: events and the facts beside them (partnerships,
 * commitments, agreements), each with the evidence that supports it.
 * These are the lines `dyad code --format jsonl` prints.
 *
 * Schema first: each record is a zod schema and its type is inferred from it, so the check at
 * run time (`parseRecord`), the API's JSON Schema and the compile-time type cannot disagree.
 */
import { z } from 'zod';
import { isPartialDate } from './date.ts';
import { DyadError } from './errors.ts';
import { LANGS, SECTORS } from './lang.ts';
import { EVENT_TYPES, isMode, MODES, QUAD, QUADS } from './plover.ts';

/** A state (ISO alpha-3) or organisation code, as the lexicon spells it. */
export const ActorCodeSchema = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'expected an upper-case code such as KAZ or OTS');
/** "YYYY", "YYYY-MM" or "YYYY-MM-DD", a real calendar date. */
export const PartialDateSchema = z.string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isPartialDate, 'not a calendar date');
export const LangSchema = z.enum(LANGS);
export const SectorSchema = z.enum(SECTORS);
export const EventTypeSchema = z.enum(EVENT_TYPES);
export const QuadSchema = z.literal(QUADS);
/** Every mode of every type; which type a mode belongs to is checked on the event. */
export const ModeSchema = z.enum([...new Set(Object.values(MODES).flat())] as [string, ...string[]]);

/** One side of an event: a state (ISO alpha-3) or an organisation code. */
export const ActorRefSchema = z.strictObject({
  code: ActorCodeSchema,
  sector: SectorSchema.exactOptional(),
  /** The resolved person or body, when the mention named one. */
  name: z.string().exactOptional(),
  /** The words of the mention as written. */
  text: z.string(),
}).readonly();
export type ActorRef = z.output<typeof ActorRefSchema>;

const offset = z.int().min(0);

/** Where in the article a record comes from: sentence index and character offsets. */
export const EvidenceSchema = z.strictObject({
  sentence: offset,
  start: offset,
  end: offset,
  text: z.string(),
}).refine((e) => e.end >= e.start, { message: 'the evidence ends before it starts', path: ['end'] }).readonly();
export type Evidence = z.output<typeof EvidenceSchema>;

export const FLAGS = ['past', 'discourse-actor', 'discourse-recipient', 'nominal', 'passive', 'reported'] as const;
export const FlagSchema = z.enum(FLAGS);
export type Flag = z.output<typeof FlagSchema>;

const parties = z.array(ActorCodeSchema).readonly();

export const EventRecordSchema = z.strictObject({
  kind: z.literal('event'),
  id: z.string().min(1),
  article: z.string(),
  type: EventTypeSchema,
  mode: ModeSchema.exactOptional(),
  cameo: z.string().regex(/^\d{2,4}$/, 'expected a CAMEO code of 2 to 4 digits'),
  score: z.number().min(-10).max(10),
  quad: QuadSchema,
  actor: z.array(ActorRefSchema).readonly(),
  recipient: z.array(ActorRefSchema).readonly(),
  date: PartialDateSchema,
  lang: LangSchema,
  evidence: EvidenceSchema,
  pattern: z.string().min(1),
  flags: z.array(FlagSchema).readonly(),
  confidence: z.number().min(0).max(1),
}).check((ctx) => {
  const e = ctx.value;
  if (e.mode !== undefined && !isMode(e.type, e.mode)) {
    ctx.issues.push({ code: 'custom', input: e.mode, path: ['mode'], message: `"${e.mode}" is not a mode of ${e.type}` });
  }
  if (e.quad !== QUAD[e.type]) {
    ctx.issues.push({ code: 'custom', input: e.quad, path: ['quad'], message: `${e.type} is in quad class ${QUAD[e.type]}, not ${e.quad}` });
  }
}).readonly();
export type EventRecord = z.output<typeof EventRecordSchema>;

export const PartnershipRecordSchema = z.strictObject({
  kind: z.literal('partnership'),
  id: z.string().min(1),
  article: z.string(),
  parties,
  /** Lowercased English level from the guideline's vocabulary. */
  level: z.string().min(1),
  since: PartialDateSchema.exactOptional(),
  lang: LangSchema,
  evidence: EvidenceSchema,
}).readonly();
export type PartnershipRecord = z.output<typeof PartnershipRecordSchema>;

export const CommitmentRecordSchema = z.strictObject({
  kind: z.literal('commitment'),
  id: z.string().min(1),
  article: z.string(),
  parties,
  metric: z.string().min(1),
  value: z.number(),
  unit: z.string().min(1),
  by: PartialDateSchema.exactOptional(),
  /** "target" for a goal set, "observed" for a level reported as reached. */
  status: z.enum(['target', 'observed']),
  date: PartialDateSchema,
  lang: LangSchema,
  evidence: EvidenceSchema,
}).readonly();
export type CommitmentRecord = z.output<typeof CommitmentRecordSchema>;

export const AgreementRecordSchema = z.strictObject({
  kind: z.literal('agreement'),
  id: z.string().min(1),
  article: z.string(),
  parties,
  count: z.int().min(1).exactOptional(),
  date: PartialDateSchema,
  fields: z.array(z.string()).readonly(),
  lang: LangSchema,
  evidence: EvidenceSchema,
}).readonly();
export type AgreementRecord = z.output<typeof AgreementRecordSchema>;

export const FactRecordSchema = z.discriminatedUnion('kind', [PartnershipRecordSchema, CommitmentRecordSchema, AgreementRecordSchema]);
export type FactRecord = z.output<typeof FactRecordSchema>;
export const OutputRecordSchema = z.discriminatedUnion('kind', [EventRecordSchema, PartnershipRecordSchema, CommitmentRecordSchema, AgreementRecordSchema]);
export type OutputRecord = z.output<typeof OutputRecordSchema>;
export type RecordKind = OutputRecord['kind'];

/** The outcome of `safeParseRecord`: the record, or the first problem as a DyadError. */
export type RecordParse = { readonly success: true; readonly data: OutputRecord } | { readonly success: false; readonly error: DyadError };

/**
 * Check one output record (a parsed JSON line, a stored record): the error's path is the first
 * field at fault ("evidence.end"), its message starts with `where` when given ("out.jsonl:12").
 */
export function safeParseRecord(value: unknown, where?: string): RecordParse {
  const result = OutputRecordSchema.safeParse(value);
  if (result.success) return { success: true, data: result.data };
  const issue = result.error.issues[0];
  // An unknown key is named by the issue's keys, not its path.
  const unknown = issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  const field = [...(issue?.path ?? []).map(String), ...unknown].join('.');
  const message = [where, field, issue?.message ?? 'not a record'].filter(Boolean).join(': ');
  return { success: false, error: new DyadError('record_invalid', message, field || undefined) };
}

/** Check one output record and return it typed, or throw a DyadError naming the field at fault. */
export function parseRecord(value: unknown, where?: string): OutputRecord {
  const result = safeParseRecord(value, where);
  if (!result.success) throw result.error;
  return result.data;
}
