/** An article's content identity: the same text, however it was spaced or composed, hashes alike. */
import { createHash } from 'node:crypto';

/** The text as compared: Unicode NFC, runs of whitespace as one space, no outer whitespace. */
export function normalizeContent(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** sha256 (hex) of the normalised text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeContent(text), 'utf8').digest('hex');
}
