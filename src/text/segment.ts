/** Paragraphs and sentences, with each language's abbreviations. */
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

const LAST_WORD = /([\p{L}.]+)\.\s*$/u;

/** True when the segment ends in an abbreviation that does not close a sentence. */
function endsInAbbreviation(segment: string, profile: LanguageProfile): boolean {
  const m = LAST_WORD.exec(segment);
  if (!m || m[1] === undefined) return false;
  const word = profile.fold(m[1]);
  if (profile.abbreviations.has(word)) return true;
  // Initials: "J. Smith", "К. Токаев".
  return /^\p{Lu}$/u.test(m[1]);
}

/** Sentence spans of `text`, paragraph by paragraph. */
export function sentences(text: string, profile: LanguageProfile): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const seg = segmenterFor(profile.lang);
  paragraphs(text).forEach((para, p) => {
    const body = text.slice(para.start, para.end);
    let pendingStart = -1;
    let pendingEnd = -1;
    for (const s of seg.segment(body)) {
      const segText = s.segment;
      const start = para.start + s.index;
      const end = start + segText.trimEnd().length;
      if (end <= start) continue;
      const nextStartsLower = /^\s*\p{Ll}/u.test(segText);
      if (pendingStart >= 0 && !nextStartsLower && !endsInAbbreviation(text.slice(pendingStart, pendingEnd), profile)) {
        out.push({ start: pendingStart, end: pendingEnd, paragraph: p });
        pendingStart = -1;
      }
      if (pendingStart < 0) pendingStart = start;
      pendingEnd = end;
    }
    if (pendingStart >= 0) out.push({ start: pendingStart, end: pendingEnd, paragraph: p });
  });
  return out;
}
