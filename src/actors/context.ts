/** What finding actors in a sentence needs: the lexicon, the sentence's tags and the date offices resolve on. */
import type { Lexicon, Tags } from '../lexicon/index.ts';
import type { PartialDate } from '../model/index.ts';

export interface MentionContext {
  readonly lex: Lexicon;
  /** The sentence's cue tags (from the lexicon's matcher). */
  readonly tags: Tags;
  /** Date that offices resolve against (the sentence's date or the publication date). */
  readonly date: PartialDate;
}
