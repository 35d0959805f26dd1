/**
 * The partnership-level vocabulary of GUIDELINE.md ("Facts beside events") and the synonyms
 * that map onto it. Gold and predictions both pass through `normaliseLevel` before they are
 * compared, so "expanded strategic partnership" from the coder meets "enhanced strategic
 * partnership" in the gold. Native words are accepted too: the guideline names them, and a
 * coder that forgets to translate a level should lose on nothing but its own wording.
 */

/** The guideline's level vocabulary, lowercased English. */
export const LEVELS = [
  'partnership',
  'strategic partnership',
  'enhanced strategic partnership',
  'comprehensive strategic partnership',
  'eternal friendship',
  'alliance',
  'allied interaction',
] as const;
export type Level = (typeof LEVELS)[number];

// Word stems (matched at a word start) that qualify a strategic partnership.
const ENHANCED = ['enhanced', 'expanded', 'extended', 'geliştirilmiş', 'genişletilmiş', 'расширенн', 'кеңейтілген'];
const COMPREHENSIVE = ['comprehensive', 'all round', 'all encompassing', 'kapsamlı', 'всеобъемлющ', 'всесторонн', 'жан жақты'];
const STRATEGIC = ['strategic', 'stratejik', 'стратегическ', 'стратегиялық'];
const PARTNERSHIP = ['partnership', 'partners', 'ortaklık', 'ortaklığ', 'партнерств', 'партнёрств', 'әріптест'];

// Whole phrases (after cleaning) for the levels that are not kinds of partnership.
const PHRASES: Readonly<Record<string, Level>> = {
  alliance: 'alliance',
  'allied relations': 'alliance',
  'allied relationship': 'alliance',
  'alliance relations': 'alliance',
  'relations of alliance': 'alliance',
  allies: 'alliance',
  'strategic alliance': 'alliance',
  союзничество: 'alliance',
  'союзнические отношения': 'alliance',
  müttefiklik: 'alliance',
  'müttefiklik ilişkileri': 'alliance',
  одақтастық: 'alliance',
  'одақтастық қатынастар': 'alliance',
  'allied interaction': 'allied interaction',
  'союзническое взаимодействие': 'allied interaction',
  'eternal friendship': 'eternal friendship',
  'вечная дружба': 'eternal friendship',
  'ebedi dostluk': 'eternal friendship',
  'мәңгілік достық': 'eternal friendship',
};

/** Lowercase, NFC, hyphens and quotes to spaces, whitespace collapsed, leading article dropped. */
function clean(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .replace(/[-‐‑–—_"'«»“”„‘’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(the|a|an) /, '');
}

function hasStem(text: string, stems: readonly string[]): boolean {
  return stems.some((s) => text === s || text.startsWith(s) || text.includes(` ${s}`));
}

/** A partnership level mapped onto the guideline vocabulary (unknown levels come back cleaned). */
export function normaliseLevel(level: string): string {
  const text = clean(level);
  const phrase = PHRASES[text];
  if (phrase) return phrase;
  if (hasStem(text, PARTNERSHIP)) {
    if (hasStem(text, ENHANCED)) return 'enhanced strategic partnership';
    // "Comprehensive partnership and strategic interaction" has no slot of its own; the gold
    // maps it (and a bare "comprehensive partnership") to the comprehensive strategic level.
    if (hasStem(text, COMPREHENSIVE)) return 'comprehensive strategic partnership';
    if (hasStem(text, STRATEGIC)) return 'strategic partnership';
    if (text === 'partnership' || text === 'partners') return 'partnership';
  }
  return text;
}
