/** What the coder knows about one sentence: its tags, clauses, actor mentions, dates and amounts. */
import type { ActorMention, AmountMention, DateMention } from '../actors/index.ts';
import { CUE, type Tags } from '../lexicon/index.ts';
import type { ActorRef } from '../model/index.ts';
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
  readonly clauseOf: readonly number[];
  /** Clause start token indices (absolute), ascending. */
  readonly clauseStarts: readonly number[];
}

/** Words a pair of the same break mark may enclose and still be scare quotes, not a quotation. */
const SCARE_QUOTE = 3;

/** True when tokens [from, to) are all words, none of them a clause break. */
function wordsOnly(tags: Tags, tokens: readonly Token[], from: number, to: number, last: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]?.kind !== 'word' || tags.has(CUE.clauseBreaks, k, last)) return false;
  return true;
}

/**
 * The break marks of a pair of one mark around a few words (considering "painful" measures, called
 * them "escalatory"): scare quotes inside a clause, no clause of their own.
 */
function scareQuotes(tags: Tags, tokens: readonly Token[], first: number, last: number): Set<number> {
  const out = new Set<number>();
  for (let i = first; i < last; i++) {
    const t = tokens[i];
    if (!t || t.kind === 'word' || !tags.has(CUE.clauseBreaks, i, last)) continue;
    for (let j = i + 2; j <= Math.min(last - 1, i + SCARE_QUOTE + 1); j++) {
      if (tokens[j]?.key !== t.key) continue;
      if (wordsOnly(tags, tokens, i + 1, j, last)) {
        out.add(i).add(j);
        i = j;
      }
      break;
    }
  }
  return out;
}

/** Split a sentence into clauses at clause-break words and punctuation (not at scare quotes). */
export function clauses(tags: Tags, tokens: readonly Token[], first: number, last: number): { clauseOf: number[]; clauseStarts: number[] } {
  // a plain array: a typed array's own buffer costs more to make than a sentence's clauses to find
  const clauseOf: number[] = [];
  const starts = [first];
  const scare = scareQuotes(tags, tokens, first, last);
  let c = 0;
  for (let i = first; i < last; i++) {
    if (i > first && !scare.has(i) && tags.has(CUE.clauseBreaks, i, last)) {
      c++;
      starts.push(i);
    }
    clauseOf.push(c);
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

/** The side a mention names, written with `text`. */
export function mentionRef(m: ActorMention, text: string): ActorRef {
  return { code: m.code, ...(m.sector ? { sector: m.sector } : {}), ...(m.name ? { name: m.name } : {}), text };
}
