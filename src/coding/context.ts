/** What every coding stage reads and none changes: the article, its annotated sentences, the lexicon. */
import type { Lexicon } from '../lexicon/index.ts';
import type { Lang, PartialDate } from '../model/index.ts';
import type { Doc } from '../text/index.ts';
import type { Participants } from './multilateral.ts';
import type { SentenceView } from './sentence.ts';
import type { TraceHook } from './trace.ts';

export interface ArticleInput {
  /** Where the article came from (a file name); set as `article` on every record. */
  readonly id: string;
  readonly text: string;
  readonly lang: Lang;
  readonly published: PartialDate;
}

export interface CodingContext {
  readonly input: ArticleInput;
  readonly lex: Lexicon;
  readonly doc: Doc;
  readonly views: readonly SentenceView[];
  /** The publication month. */
  readonly pubMonth: PartialDate;
  /** The date of an event the text does not date: the dateline's day in the publication month, else that month. */
  readonly reportDate: PartialDate;
  /** The date of an event a headline names undated: the lead's day, when it gives one. */
  readonly headlineDate?: PartialDate;
  /** Who takes part in an organisation's meeting, read off the whole article once. */
  readonly participants: Participants;
  readonly trace?: TraceHook;
}
