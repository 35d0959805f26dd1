/**
 * Errors as answers, in one place: whatever went wrong (a refused parameter, a body fastify could
 * not read, a malformed address, an archive that is down, a fault of Dyad's) becomes one body,
 * `{"error","message","field"?,"requestId"}`, with one status. Faults are logged as one JSON line
 * carrying the request id that the answer gives the user to report.
 */
import { isDyadError } from '../model/index.ts';
import { isStoreError, StoreError, type StoreErrorReason } from '../store/index.ts';
import type { JobFailure } from './article-job.ts';
import { HttpError } from './input.ts';

/** What an error becomes: the status, the body's code, message and field, and whether to log it. */
export interface ErrorAnswer {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly retryAfter?: number;
  /** A fault to log (the user sees only the request id). */
  readonly fault: boolean;
}

/** A fault in a coder thread, carrying the thread's own stack for the log. */
export class ThreadFault extends Error {
  override readonly name = 'ThreadFault';
  readonly code: string;

  constructor(failure: JobFailure) {
    super(failure.message);
    this.code = failure.code;
    if (failure.stack) this.stack = failure.stack;
  }
}

// Store reasons that pass: the archive is down or busy with other writers, not broken.
const TRANSIENT_STORE: ReadonlySet<string> = new Set<StoreErrorReason>(['store_unavailable', 'store_conflict']);

/** The refusal an article job's failure stands for (its fields are the body's). */
export function jobError(failure: JobFailure): Error {
  const field = failure.path ? `body.${failure.path}` : undefined;
  switch (failure.kind) {
    case 'refused': return new HttpError(400, failure.code, failure.message, field);
    case 'conflict': return new HttpError(409, 'conflict', failure.message, field);
    case 'store':
      // Answered as the store's own error would be: 503 when it passes, a fault otherwise.
      return TRANSIENT_STORE.has(failure.code) ? new StoreError(failure.code as StoreErrorReason, failure.message) : new ThreadFault(failure);
    case 'internal': return new ThreadFault(failure);
  }
}

/** fastify's own refusals (its FST_ codes), said the API's way. */
function frameworkAnswer(code: string | undefined, status: number, message: string): ErrorAnswer {
  switch (code) {
    case 'FST_ERR_BAD_URL':
      return { status: 400, code: 'bad_request', message: 'the address holds a malformed %-escape (not UTF-8 percent-encoding)', field: 'url', fault: false };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 400, code: 'bad_request', message: 'a path parameter is over 100 characters', field: 'url', fault: false };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'too_large', message: `the body is too large: ${message}`, field: 'body', fault: false };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'send the body as JSON (Content-Type: application/json)', field: 'headers.content-type', fault: false };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'bad_request', message: 'the body is not as long as Content-Length says', field: 'headers.content-length', fault: false };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'bad_request', message: 'the body is empty: send a JSON object', field: 'body', fault: false };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'bad_request', message: `the body is not valid JSON: ${message}`, field: 'body', fault: false };
    default:
      return { status, code: 'bad_request', message, fault: false };
  }
}

/** The answer to an error thrown while handling a request. */
export function answerOf(error: unknown): ErrorAnswer {
  if (error instanceof HttpError) {
    return {
      status: error.status, code: error.code, message: error.message, fault: false,
      ...(error.field ? { field: error.field } : {}), ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}),
    };
  }
  if (isStoreError(error)) {
    return TRANSIENT_STORE.has(error.reason)
      // The details (a path, a server's address) go to the log, not to the client.
      ? { status: 503, code: error.reason, message: 'the archive cannot answer now: try again later', retryAfter: 5, fault: true }
      : { status: 500, code: 'internal', message: 'internal error', fault: true };
  }
  if (isDyadError(error)) return { status: 400, code: error.code, message: error.message, ...(error.path ? { field: error.path } : {}), fault: false };
  const e = error as { statusCode?: unknown; code?: unknown; message?: unknown } | null;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) return frameworkAnswer(typeof e?.code === 'string' ? e.code : undefined, status, String(e?.message ?? 'bad request'));
  return { status: 500, code: 'internal', message: 'internal error', fault: true };
}

/** One line of the error log: when, which request, what failed and where. */
export function faultLine(requestId: string, method: string, url: string, status: number, error: unknown): string {
  const e = error instanceof Error ? error : new Error(String(error));
  return JSON.stringify({
    time: new Date().toISOString(), level: 'error', requestId, method, url, status,
    error: { name: e.name, message: e.message, ...((e as { code?: unknown }).code !== undefined ? { code: String((e as { code?: unknown }).code) } : {}), stack: e.stack },
  });
}
