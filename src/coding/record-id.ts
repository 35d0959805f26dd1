/** Record ids: stable for the same article, pattern and evidence, whatever else changes. */
import { hash } from 'node:crypto';

/** A short id from the parts that identify a record within an article (one-shot hashing: no hash object per record). */
export function recordId(...parts: (string | number)[]): string {
  return hash('sha1', parts.join('\u0000'), 'hex').slice(0, 16);
}
