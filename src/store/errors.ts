/**
 * Store errors: a DyadError (so the CLI's one error handler turns them into a line and an exit
 * code) with a stable store-specific `reason`.
 */
import { DyadError } from '../model/index.ts';

export const STORE_ERROR_REASONS = [
  /** The archive cannot be opened: missing driver package, unwritable file, server unreachable. */
  'store_unavailable',
  /** A read was asked of an archive that does not exist (reading never creates one). */
  'store_missing',
  /** The archive was written by a newer Dyad (its schema has migrations this one lacks). */
  'store_newer',
  /** A write kept failing on conflicts with other writers. */
  'store_conflict',
  /** A record handed to the store cannot be stored (e.g. a malformed date). */
  'store_invalid',
] as const;
export type StoreErrorReason = (typeof STORE_ERROR_REASONS)[number];

export class StoreError extends DyadError {
  /** What went wrong, stable for programs to test. */
  readonly reason: StoreErrorReason;

  constructor(reason: StoreErrorReason, message: string, path?: string) {
    super(reason, message, path);
    this.reason = reason;
  }
}

/** True for errors raised by the store. */
export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}
