/** Snowball stemmers (via @orama/stemmers) for the languages that have one. */
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import type { Lang } from '../model/index.ts';

// Kazakh has no Snowball stemmer; its affixes are handled by the language's
// suffix data, so its base stemmer leaves words whole.
const identity = (word: string): string => word;

/** The base stemmer for a language. */
export function stemmerFor(lang: Lang): (word: string) => string {
  switch (lang) {
    case 'en':
      return english;
    case 'ru':
      return russian;
    case 'tr':
      return turkish;
    case 'kk':
      return identity;
  }
}
