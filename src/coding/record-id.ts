/** Record ids: stable for the same article, pattern and evidence, whatever else changes. */
import { createHash } from 'node:crypto';

/** A short id from the parts that identify a record within an article. */
export function recordId(...parts: (string | number)[]): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}
