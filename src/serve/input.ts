/**
 * Request input: the zod schemas of the API's parameters, and parsing that turns the first
 * problem into a 400 naming the field ("query.dyad: expected two codes such as KAZ,TUR").
 */
import { z } from 'zod';
import { EventTypeSchema, LangSchema, PartialDateSchema } from '../model/index.ts';

/** A request the API refuses: status 400 (or 401/403/404), with the field at fault. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export const code = z.string().trim().toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'expected a state or organisation code such as KAZ');
// The model's own schemas: a parameter accepts what a record may hold.
export const date = PartialDateSchema;
export const lang = LangSchema;
export const eventType = EventTypeSchema;
export const id = z.coerce.number().int().positive();
export const dyad = z.string()
  .transform((s) => s.split(',').map((c) => c.trim().toUpperCase()))
  .refine((c) => c.length === 2 && c.every((x) => /^[A-Z][A-Z0-9]{1,9}$/.test(x)), 'expected two codes such as KAZ,TUR')
  .transform((c) => [c[0] ?? '', c[1] ?? ''] as const);

export const page = {
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
export const range = { from: date.optional(), to: date.optional() };

/** Parse one part of a request, or throw a 400 naming the first field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, part: 'query' | 'params' | 'body'): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // An unknown parameter is named by the issue's keys, not its path.
  const unknown = issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  const field = [part, ...(issue?.path ?? []).map(String), ...unknown].join('.');
  throw new HttpError(400, 'bad_request', `${field}: ${issue?.message ?? 'invalid'}`, field);
}
