/**
 * The partnership-level vocabulary of GUIDELINE.md ("Facts beside events") and the synonyms
 * that map onto it. Gold and predictions both pass through `normaliseLevel` before they are
 * compared, so "expanded strategic partnership" from the coder meets "enhanced strategic
 * partnership" in the gold. Native words are accepted too: the guideline names them, and a
 * coder that forgets to translate a level should lose on nothing but its own wording.
 *
 * Levels are recognised by word stems rather than whole phrases so that inflected native
 * forms ("расширенного стратегического партнёрства", "stratejik ortaklığı") land on the same
 * level as their dictionary form.
 */
import { foldText } from './fold.ts';

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

/** Word stems, matched at the start of a word; folded like the text they are sought in. */
const stems = (...words: string[]): readonly string[] => words.map(foldText);

const PARTNERSHIP = stems('partner', 'ortak', 'ortağ', 'партнер', 'әріптес', 'серіктес');
const STRATEGIC = stems('strategic', 'stratejik', 'стратегическ', 'стратегиял');
// The guideline: "enhanced" (also "expanded" or "extended": geliştirilmiş, genişletilmiş,
// расширенное, кеңейтілген) — and only before a strategic partnership.
const ENHANCED = stems('enhanced', 'expanded', 'extended', 'geliştirilmiş', 'genişletilmiş', 'расширенн', 'кеңейтілген');
// The guideline: kapsamlı, всеобъемлющее, всестороннее, жан-жақты; English "all-round" too.
const COMPREHENSIVE = stems('comprehensive', 'all round', 'all encompassing', 'kapsamlı', 'всеобъемлющ', 'всесторонн', 'жан жақты');
// The guideline: союзничество, müttefiklik, одақтастық; "strategic alliance", "allied relations".
const ALLY = stems('allian', 'allie', 'ally', 'союз', 'müttefik', 'ittifak', 'одақ');
const INTERACTION = stems('interaction', 'взаимодейств', 'etkileşim', 'өзара іс');
const ETERNAL = stems('eternal', 'everlasting', 'perpetual', 'permanent', 'ebedi', 'daimi', 'kalıcı', 'вечн', 'постоянн', 'мәңгілік', 'тұрақты');
const FRIENDSHIP = stems('friendship', 'dostluk', 'dostluğ', 'дружб', 'достық', 'достығ');

/** Folded, with a leading English article dropped ("the alliance"). */
function clean(text: string): string {
  return foldText(text).replace(/^(the|a|an) /, '');
}

function hasStem(text: string, list: readonly string[]): boolean {
  return list.some((s) => text.startsWith(s) || text.includes(` ${s}`));
}

/** A kind of partnership: the qualifiers count only beside "strategic", as the guideline reads. */
function partnershipLevel(text: string): Level {
  const strategic = hasStem(text, STRATEGIC);
  if (strategic && hasStem(text, ENHANCED)) return 'enhanced strategic partnership';
  // "Eternal" or "permanent" before a comprehensive strategic partnership changes nothing. A
  // comprehensive partnership without "strategic" ("comprehensive partnership and strategic
  // interaction" has it) keeps the comprehensive level: the gold writes the Russia–China
  // designation so, and no lower level in the vocabulary names it.
  if (hasStem(text, COMPREHENSIVE)) return 'comprehensive strategic partnership';
  if (strategic) return 'strategic partnership';
  // "Enhanced partnership" (no "strategic") is a plain partnership.
  return 'partnership';
}

/** A partnership level mapped onto the guideline vocabulary (unknown levels come back cleaned). */
export function normaliseLevel(level: string): string {
  const text = clean(level);
  const ally = hasStem(text, ALLY);
  if (ally && hasStem(text, INTERACTION)) return 'allied interaction';
  if (hasStem(text, PARTNERSHIP)) return partnershipLevel(text);
  if (ally) return 'alliance';
  if (hasStem(text, ETERNAL) && hasStem(text, FRIENDSHIP)) return 'eternal friendship';
  return text;
}
