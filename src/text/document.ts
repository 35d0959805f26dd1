/** The analysed document: one record of sentences and tokens that later stages read. */
import type { Lang } from '../model/index.ts';
import type { LanguageProfile } from './language.ts';
import { normalizeChars } from './normalize.ts';
import { sentences } from './segment.ts';
import { tokenize, type Token } from './tokenize.ts';

export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly paragraph: number;
  /** Token range [first, last). */
  readonly first: number;
  readonly last: number;
}

export interface Doc {
  readonly lang: Lang;
  /** The article text as given; every offset refers to it. */
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
}

/** Segment and tokenise an article. */
export function analyze(text: string, profile: LanguageProfile): Doc {
  const norm = normalizeChars(text);
  const tokens: Token[] = [];
  const out: Sentence[] = [];
  for (const span of sentences(norm, profile)) {
    const first = tokens.length;
    tokenize(norm.slice(span.start, span.end), span.start, out.length, profile, tokens);
    out.push({
      index: out.length,
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      paragraph: span.paragraph,
      first,
      last: tokens.length,
    });
  }
  return { lang: profile.lang, text, tokens, sentences: out };
}

/** Tokens of a short phrase (a lexicon name or pattern), as the document would tokenise them. */
export function phraseTokens(phrase: string, profile: LanguageProfile): Token[] {
  const out: Token[] = [];
  tokenize(normalizeChars(phrase), 0, 0, profile, out);
  return out;
}
