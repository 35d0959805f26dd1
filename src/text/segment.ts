/** Paragraphs and sentences, with each language's abbreviations. */
import { boundedSegments, type WindowSize } from './bounded.ts';
import type { LanguageProfile } from './language.ts';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface SentenceSpan extends Span {
  readonly paragraph: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

/** Lines with text, as paragraphs (a title line, bullets and blank-line-separated blocks alike). */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const line = m[0];
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    const start = m.index + lead;
    out.push({ start, end: start + trimmed.length });
  }
  return out;
}

/**
 * Paragraphs up to this length are segmented whole; a longer one in windows, with the same
 * sentences unless one runs on for more than the window less its margin without a stop (then it
 * is cut after a space). The margin is far more than the segmenter looks ahead in real text (it
 * looks past a full stop to the next letter, to see whether it is lower case).
 */
const WINDOW: WindowSize = { window: 4096, margin: 512 };
/**
 * No sentence is longer (a run-on with no stop is cut into pieces no longer, after a space):
 * the coder reads a sentence in time that grows faster than its length.
 */
const MAX_SENTENCE = WINDOW.window;

const LAST_WORD = /([\p{L}.]+)\.\s*$/u;
/** Only the end of a text is searched for its last word; a longer "word" is no abbreviation. */
const TAIL = 64;

/** True when the text up to `end` ends in an abbreviation that does not close a sentence. */
function endsInAbbreviation(text: string, start: number, end: number, profile: LanguageProfile): boolean {
  // The whole text up to end would be read at each cut otherwise: quadratic in a long run-on.
  const from = Math.max(start, end - TAIL);
  const m = LAST_WORD.exec(text.slice(from, end));
  if (!m || m[1] === undefined || (m.index === 0 && from > start)) return false;
  const word = profile.fold(m[1]);
  if (profile.abbreviations.has(word)) return true;
  // Initials: "J. Smith", "К. Токаев".
  return /^\p{Lu}$/u.test(m[1]);
}

/** A number of up to three digits and its dot at the end of the text before `end`: an ordinal ("7. Zirvesi"), where the language writes one so. */
const ORDINAL_END = /(?:^|[^\p{N}.,])\p{N}{1,3}\.$/u;

function endsInOrdinal(text: string, start: number, end: number, profile: LanguageProfile): boolean {
  return profile.ordinalDot === true && ORDINAL_END.test(text.slice(Math.max(start, end - 8), end));
}

// A full stop after a word, then a number: ICU joins "барды. 2022 жылы …" into one sentence
// because a lower-case letter follows the number (UAX #29, rule SB8).
const STOP_BEFORE_NUMBER = /\p{L}{2}[.!?]\s+(?=\d)/gu;

/** An ICU segment cut again where a sentence ends before a number. */
function* splitBeforeNumbers(segment: string, start: number, profile: LanguageProfile): Generator<{ start: number; text: string }> {
  let from = 0;
  for (const m of segment.matchAll(STOP_BEFORE_NUMBER)) {
    const cut = m.index + m[0].length;
    if (endsInAbbreviation(segment, from, m.index + m[0].trimEnd().length, profile)) continue;
    yield { start: start + from, text: segment.slice(from, cut) };
    from = cut;
  }
  yield { start: start + from, text: segment.slice(from) };
}

/** Sentence spans of `text`, paragraph by paragraph. */
export function sentences(text: string, profile: LanguageProfile): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const seg = segmenterFor(profile.lang);
  paragraphs(text).forEach((para, p) => {
    const body = text.slice(para.start, para.end);
    let pendingStart = -1;
    let pendingEnd = -1;
    for (const piece of boundedSegments(seg, body, WINDOW)) for (const s of splitBeforeNumbers(piece.segment, para.start + piece.index, profile)) {
      const segText = s.text;
      const start = s.start;
      const end = start + segText.trimEnd().length;
      if (end <= start) continue;
      const nextStartsLower = /^\s*\p{Ll}/u.test(segText);
      if (pendingStart >= 0) {
        const joins = (nextStartsLower || endsInAbbreviation(text, pendingStart, pendingEnd, profile) || endsInOrdinal(text, pendingStart, pendingEnd, profile))
          && end - pendingStart <= MAX_SENTENCE;
        if (!joins) {
          out.push({ start: pendingStart, end: pendingEnd, paragraph: p });
          pendingStart = -1;
        }
      }
      if (pendingStart < 0) pendingStart = start;
      pendingEnd = end;
    }
    if (pendingStart >= 0) out.push({ start: pendingStart, end: pendingEnd, paragraph: p });
  });
  return out;
}
