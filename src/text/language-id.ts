/**
 * Which of Dyad's languages a text is in. Kazakh writes letters Russian does not have
 * (ә ғ қ ң ө ұ ү һ і), so Cyrillic text is split on those; otherwise franc's trigram
 * model decides, restricted to the four languages.
 */
import { franc } from 'franc';
import type { Lang } from '../model/index.ts';

const FRANC: Readonly<Record<string, Lang>> = { eng: 'en', tur: 'tr', rus: 'ru', kaz: 'kk' };
const KAZAKH_LETTERS = /[әғқңөұүһі]/giu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/** The language of a text: en, tr, ru or kk. */
export function identifyLanguage(text: string): Lang {
  const sample = text.slice(0, 6000);
  const cyr = sample.match(CYRILLIC)?.length ?? 0;
  const lat = sample.match(LATIN)?.length ?? 0;
  if (cyr > lat) {
    // One Kazakh letter in a hundred Cyrillic ones is Kazakh, not a Kazakh name in Russian text.
    const kk = sample.match(KAZAKH_LETTERS)?.length ?? 0;
    return kk > cyr / 100 ? 'kk' : 'ru';
  }
  return FRANC[franc(sample, { only: ['eng', 'tur'], minLength: 3 })] ?? 'en';
}
