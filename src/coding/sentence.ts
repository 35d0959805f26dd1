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

/** Words a pair of the same break mark may enclose and still be scare quotes, not a quotation. */
const SCARE_QUOTE = 3;

/**
 * The break marks of a pair of one mark around a few words (considering "painful" measures, called
 * them "escalatory"): scare quotes inside a clause, no clause of their own.
 */
function scareQuotes(tags: Tags, tokens: readonly Token[] | undefined, first: number, last: number): Set<number> {
  const out = new Set<number>();
  if (!tokens) return out;
  for (let i = first; i < last; i++) {
    const t = tokens[i];
    if (!t || t.kind === 'word' || out.has(i) || !tags.has(CUE.clauseBreaks, i, last)) continue;
    for (let j = i + 2; j <= Math.min(last - 1, i + SCARE_QUOTE + 1); j++) {
      if (tokens[j]?.key === t.key) {
        if ([...Array(j - i - 1).keys()].every((d) => tokens[i + 1 + d]?.kind === 'word' && !tags.has(CUE.clauseBreaks, i + 1 + d, last))) out.add(i).add(j);
        break;
      }
    }
    if (out.has(i)) i++;
  }
  return out;
}

/** Split a sentence into clauses at clause-break words and punctuation (not at scare quotes, when the tokens are given). */
export function clauses(tags: Tags, first: number, last: number, tokens?: readonly Token[]): { clauseOf: Int32Array; clauseStarts: number[] } {
  const clauseOf = new Int32Array(last - first);
  const starts = [first];
  const scare = scareQuotes(tags, tokens, first, last);
  let c = 0;
  for (let i = first; i < last; i++) {
    if (i > first && !scare.has(i) && tags.has(CUE.clauseBreaks, i, last)) {
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
