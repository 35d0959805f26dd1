/**
 * Errors are data: a stable code, where the problem is, and a message for people.
 * The CLI (and later the API) turns a DyadError into one line and an exit code.
 */

export const ERROR_CODES = [
  'usage',
  'file_not_found',
  'file_unreadable',
  'empty_input',
  'binary_input',
  'bad_date',
  'bad_lang',
  'lexicon_invalid',
  'gold_invalid',
  'corpus_invalid',
  'store_unavailable',
  'store_missing',
  'store_newer',
  'store_conflict',
  'store_invalid',
  'fetch_failed',
  'record_invalid',
  'port_unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DyadError extends Error {
  override readonly name = 'DyadError';
  readonly code: ErrorCode;
  /** File, key path or option the problem is in. */
  readonly path: string | undefined;

  constructor(code: ErrorCode, message: string, path?: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}

export function isDyadError(error: unknown): error is DyadError {
  return error instanceof DyadError;
}
