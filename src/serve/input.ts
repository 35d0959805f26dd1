/**
 * Request input: the zod schemas of the API's parameters, and parsing that turns the first
 * problem into a 400 naming the field ("query.dyad: expected two codes such as KAZ,TUR").
 */
import { z } from 'zod';
import { EventTypeSchema, LangSchema, ModeSchema, PartialDateSchema, QUADS } from '../model/index.ts';
import { SCOPES } from '../store/index.ts';

/** A request the API refuses (4xx) or cannot answer now (503), with the field at fault. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** Seconds after which the same request may succeed (a Retry-After header). */
  readonly retryAfter: number | undefined;

  constructor(status: number, code: string, message: string, field?: string, retryAfter?: number) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfter = retryAfter;
  }
}

export const code = z.string().trim().toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'expected a state or organisation code such as KAZ');
// The model's own schemas: a parameter accepts what a record may hold.
export const date = PartialDateSchema;
export const lang = LangSchema;
export const eventType = EventTypeSchema;

/**
 * A whole number written in decimal digits only: "0x10", "1e3", " 5 ", "+5" and "" are refused
 * (a lenient Number() would read them), and so is anything beyond JavaScript's exact integers,
 * which no database id or offset reaches. Documented as an integer parameter.
 */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.string()
    .regex(/^\d+$/, `expected a whole number written in digits (${min} to ${max})`)
    .transform(Number)
    .pipe(z.int({ error: `expected at most ${Number.MAX_SAFE_INTEGER}` }).min(min, `expected at least ${min}`).max(max, `expected at most ${max}`))
    // The document shows the number, not the digits it travels as; no pattern for clients to trip on.
    .meta({ type: 'integer', minimum: min, ...(max < Number.MAX_SAFE_INTEGER ? { maximum: max } : {}), pattern: undefined } as never);
}

export const id = wholeNumber(1);
export const dyad = z.string()
  .transform((s) => s.split(',').map((c) => c.trim().toUpperCase()))
  .refine((c) => c.length === 2 && c.every((x) => /^[A-Z][A-Z0-9]{1,9}$/.test(x)), 'expected two codes such as KAZ,TUR')
  .transform((c) => [c[0] ?? '', c[1] ?? ''] as const);

export const page = {
  limit: wholeNumber(1, 1000).default(50),
  offset: wholeNumber(0).default(0),
};
export const range = { from: date.optional(), to: date.optional() };
export const quad = z.enum(QUADS.map(String) as ['1', '2', '3', '4'], { error: 'expected a quad class: 1, 2, 3 or 4' })
  .transform((q) => Number(q) as (typeof QUADS)[number]);
export const scope = z.enum(SCOPES, { error: `expected ${SCOPES.join(' or ')}` });
/** The events a figure is made of: every analysis view takes these. */
export const selection = {
  ...range, type: eventType.optional(), quad: quad.optional(), mode: ModeSchema.optional(), lang: lang.optional(), scope: scope.optional(),
};

/**
 * Text an archive can hold: no NUL character. PostgreSQL refuses it in text, and removing it
 * silently would store something other than what was sent (and shift every offset after it).
 */
export function text(max: number, what: string) {
  return z.string()
    .max(max, `${what} is over ${max.toLocaleString('en')} characters`)
    .superRefine((s, ctx) => {
      const at = s.indexOf('\u0000');
      if (at >= 0) ctx.addIssue({ code: 'custom', message: `contains a NUL character (U+0000) at offset ${at}: remove it` });
    });
}

/** Parse one part of a request, or throw a 400 naming the first field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, part: 'query' | 'params' | 'body'): z.output<S> {
  const input = value ?? {};
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // An unknown parameter is named by the issue's keys, not its path.
  const unknown = issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  const path = [...(issue?.path ?? []).map(String), ...unknown];
  const field = [part, ...path].join('.');
  // A query parameter given twice arrives as a list; say so rather than "expected string".
  const given = part === 'query' && path.length === 1 ? (input as Record<string, unknown>)[path[0] ?? ''] : undefined;
  const message = Array.isArray(given) ? 'given more than once: give it once' : issue?.message ?? 'invalid';
  throw new HttpError(400, 'bad_request', `${field}: ${message}`, field);
}
