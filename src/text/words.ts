/**
 * The words of a text as Unicode's word rules (UAX #29, by ICU's Intl.Segmenter) find them, in
 * time linear in the text. The text is read as runs between spaces, which always end a word:
 * most runs are plain (Latin or Cyrillic letters and digits, with marks such as "(", "-" or a
 * final "." that no rule joins a word across), and their words are their stretches of letters
 * and digits; the segmenter reads only the other runs ("U.S.", "1,000", "Ka\u00adzakh", Thai),
 * each within bounded windows.
 */
import { boundedSegments } from './bounded.ts';
import { normalizeChars } from './normalize.ts';

const WORDS = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * Text between spaces. A word never spans one of these characters, and the segmenter breaks on
 * both sides of each whatever precedes it (WB3a-WB3d, WB999); U+FEFF and U+202F are left out,
 * the rules join words across them (Format and ExtendNumLet).
 */
const RUN = /[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u205f\u3000]+/g;

// Latin letters (Basic Latin, Latin-1 but × and ÷, Extended-A and -B, IPA) and Cyrillic letters
// (but the thousands sign and the combining titlo and marks): every one is ALetter for the rules.
/** A run of letters and digits only: one word (WB5, WB8-WB10). */
const WORD = /^[A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u0400-\u0481\u048a-\u052f]+$/;
/**
 * A plain run: letters and digits as above, and marks that are always a word of their own except
 * as JOINED says. No combining or format character (those extend the word before them), no "_"
 * (which joins words).
 */
const PLAIN = /^[A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u0400-\u0481\u048a-\u052f'"()[\]«»!?%/.,;:-]+$/;
/** "." and ":" between letters, "." "," and ";" between digits join them into one word (WB6-WB7, WB11-WB12). */
const JOINED = /[A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u0400-\u0481\u048a-\u052f][.,;:][A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u0400-\u0481\u048a-\u052f]/;
/** The words of a plain run. An apostrophe between letters joins them, but the index splits it off anyway. */
const STRETCH = /[A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u0400-\u0481\u048a-\u052f]+/g;

/** Windows for the runs the segmenter reads: a run longer than this is no word anyone searches. */
const WINDOW = { window: 1024, margin: 64 };

/** The words of a text, in order (letters and digits only; apostrophe suffixes split off). */
export function searchWords(text: string): string[] {
  const norm = normalizeChars(text);
  const out: string[] = [];
  for (const m of norm.matchAll(RUN)) {
    const run = m[0];
    if (WORD.test(run)) {
      out.push(run);
      continue;
    }
    if (PLAIN.test(run) && !JOINED.test(run)) {
      for (const w of run.matchAll(STRETCH)) out.push(w[0]);
      continue;
    }
    // The space before the run goes with it: a combining mark after a space belongs to the space.
    const from = m.index > 0 ? m.index - 1 : 0;
    for (const s of boundedSegments(WORDS, norm.slice(from, m.index + run.length), WINDOW)) {
      if (!s.isWordLike) continue;
      for (const part of s.segment.split("'")) if (part) out.push(part);
    }
  }
  return out;
}
