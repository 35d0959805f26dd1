/**
 * The gold annotation file (GUIDELINE.md, "File format"): one JSON file per article.
 * Validation is strict — unknown keys are rejected — because a misspelt key such as
 * "optinal" would otherwise be dropped silently and change the scores without a trace.
 */
import { z } from 'zod';
import { DyadError, isEventType, isMode, isPartialDate, LANGS, type EventType } from '../model/index.ts';

/** A partial date with a message that quotes the bad value, so the annotator can find it. */
const date = z.string().check((ctx) => {
  if (!isPartialDate(ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value, message: `not a date "${ctx.value}"` });
});

/** Actor codes: ISO alpha-3 states or organisation short codes (UNO, EAEU, BRICS...). */
const code = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'expected an upper-case actor code such as KAZ or OTS');
const codes = z.array(code);

const eventType = z.string().check((ctx) => {
  if (!isEventType(ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value, message: `not a PLOVER event type "${ctx.value}"` });
});

const goldEvent = z
  .strictObject({
    type: z.array(eventType).min(1, 'expected at least one event type'),
    mode: z.string().min(1).optional(),
    actor: codes.min(1, 'expected at least one actor'),
    recipient: codes,
    date,
    evidence: z.string(),
    optional: z.boolean().optional(),
  })
  .check((ctx) => {
    // A mode must belong to one of the listed types; a typo here would mislead readers of the gold.
    const { mode, type } = ctx.value;
    if (mode !== undefined && !type.some((t) => isMode(t as EventType, mode))) {
      ctx.issues.push({ code: 'custom', input: mode, path: ['mode'], message: `mode "${mode}" belongs to none of ${type.join(', ')}` });
    }
  });

const parties = codes.min(1, 'expected at least one party');

const goldPartnership = z.strictObject({
  parties,
  level: z.string().min(1),
  since: date.optional(),
});

const goldCommitment = z.strictObject({
  parties,
  metric: z.string().min(1),
  value: z.number().finite(),
  unit: z.string(),
  by: date.optional(),
});

const goldAgreement = z.strictObject({
  parties,
  count: z.number().int().positive().optional(),
  date: date.optional(),
  fields: z.array(z.string()).optional(),
});

/** The zod schema of a gold file. */
export const goldFileSchema = z.strictObject({
  article: z.string().min(1),
  lang: z.enum(LANGS),
  published: date,
  note: z.string().optional(),
  events: z.array(goldEvent),
  // Fact lists may be left out by an annotator who found none; absent means empty.
  partnerships: z.array(goldPartnership).default([]),
  commitments: z.array(goldCommitment).default([]),
  agreements: z.array(goldAgreement).default([]),
  no_events_in: z.array(z.string()).optional(),
});

export type GoldFile = z.output<typeof goldFileSchema>;
export type GoldEvent = GoldFile['events'][number];
export type GoldPartnership = GoldFile['partnerships'][number];
export type GoldCommitment = GoldFile['commitments'][number];
export type GoldAgreement = GoldFile['agreements'][number];

export type GoldParseResult =
  | { readonly ok: true; readonly gold: GoldFile }
  | { readonly ok: false; readonly error: DyadError };

/** A zod issue path as an annotator writes it: events[2].date. */
function keyPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function goldError(file: string, where: string, message: string): DyadError {
  return new DyadError('gold_invalid', `${file}: ${where}: ${message}`, file);
}

/** Validate a gold file (JSON text or an already parsed value); never throws. */
export function safeParseGold(json: unknown, path: string): GoldParseResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch (e) {
      return { ok: false, error: goldError(path, '(file)', `not valid JSON: ${(e as Error).message}`) };
    }
  }
  const result = goldFileSchema.safeParse(value);
  if (result.success) return { ok: true, gold: result.data };
  const [first, ...rest] = result.error.issues;
  if (!first) return { ok: false, error: goldError(path, '(top level)', 'invalid') };
  // One issue is enough to find the spot; the count tells the annotator there is more to fix.
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return { ok: false, error: goldError(path, keyPath(first.path) || '(top level)', first.message + more) };
}

/** Validate a gold file (JSON text or an already parsed value); throws DyadError('gold_invalid'). */
export function parseGold(json: unknown, path: string): GoldFile {
  const result = safeParseGold(json, path);
  if (!result.ok) throw result.error;
  return result.gold;
}
