/** What the coder knows about one sentence: its tags, clauses, actor mentions, dates and amounts. */
import type { ActorMention, AmountMention, DateMention } from '../actors/index.ts';
import { CUE, type Tags } from '../lexicon/index.ts';
import type { Sentence, Token } from '../text/index.ts';

export interface SentenceView {
  readonly sentence: Sentence;
  /** The document's tokens (indices are absolute). */
  readonly tokens: readonly Token[];
  /** The sentence's cue tags, matched once. */
  readonly tags: Tags;
  readonly actors: readonly ActorMention[];
  readonly dates: readonly DateMention[];
  readonly amounts: readonly AmountMention[];
  /** Token index → index of the clause it belongs to. */
  readonly clauseOf: Int32Array;
  /** Clause start token indices (absolute), ascending. */
  readonly clauseStarts: readonly number[];
}

/** Split a sentence into clauses at clause-break words and punctuation. */
export function clauses(tags: Tags, first: number, last: number): { clauseOf: Int32Array; clauseStarts: number[] } {
  const clauseOf = new Int32Array(last - first);
  const starts = [first];
  let c = 0;
  for (let i = first; i < last; i++) {
    if (i > first && tags.has(CUE.clauseBreaks, i, last)) {
      c++;
      starts.push(i);
    }
    clauseOf[i - first] = c;
  }
  return { clauseOf, clauseStarts: starts };
}

/** Clause index of an absolute token index. */
export function clauseAt(view: SentenceView, i: number): number {
  return view.clauseOf[i - view.sentence.first] ?? -1;
}

/** Start (inclusive) and end (exclusive) of the clause holding token i. */
export function clauseBounds(view: SentenceView, i: number): { start: number; end: number } {
  const c = clauseAt(view, i);
  const start = view.clauseStarts[c] ?? view.sentence.first;
  const end = view.clauseStarts[c + 1] ?? view.sentence.last;
  return { start, end };
}

/** The words of tokens [start, end) as written, space-separated. */
export function wordsOf(view: SentenceView, start: number, end: number): string {
  return view.tokens.slice(start, end).map((t) => t.text).join(' ');
}
