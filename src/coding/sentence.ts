/** What the coder knows about one sentence: its tokens' roles, clauses, mentions and dates. */
import type { ActorMention, AmountMention, DateMention } from '../actors/index.ts';
import type { Cues } from '../lexicon/index.ts';
import type { Sentence, Token } from '../text/index.ts';

export interface SentenceView {
  readonly sentence: Sentence;
  readonly tokens: readonly Token[];
  readonly actors: readonly ActorMention[];
  readonly dates: readonly DateMention[];
  readonly amounts: readonly AmountMention[];
  /** Token index → index of the clause it belongs to. */
  readonly clauseOf: Int32Array;
  /** Clause start token indices (absolute), ascending. */
  readonly clauseStarts: readonly number[];
}

/** Split a sentence into clauses at clause-break words and punctuation. */
export function clauses(tokens: readonly Token[], first: number, last: number, cues: Cues): { clauseOf: Int32Array; clauseStarts: number[] } {
  const clauseOf = new Int32Array(last - first);
  const starts = [first];
  let c = 0;
  for (let i = first; i < last; i++) {
    const brk = cues.clauseBreaks.matchAt(tokens, i, last);
    if (brk && i > first) {
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
