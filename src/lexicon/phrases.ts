/**
 * Sets of word sequences (cue phrases, trigger words) matched on token keys or stems.
 * A word written with a final "*" matches any word that begins with it, on the folded form
 * ("imzala*" matches imzaladı and imzalamadı); the rest of that word is reported, so that
 * modality written inside a verb can be read.
 */
import type { LanguageProfile, Token } from '../text/index.ts';
import { phraseTokens } from '../text/index.ts';

export type MatchOn = 'key' | 'stem';

export interface PhraseMatch<T> {
  readonly length: number;
  readonly value: T;
  /** What follows the prefix in the last word, when the phrase ends in a "*" word. */
  readonly rest?: string;
}

interface Word {
  readonly text: string;
  readonly prefix: boolean;
}

interface Entry<T> {
  readonly words: readonly Word[];
  readonly value: T;
}

/** Prefix words are indexed by their first letters. */
const PREFIX_INDEX = 2;

export class PhraseSet<T = true> {
  private readonly byFirst = new Map<string, Entry<T>[]>();
  private readonly byPrefix = new Map<string, Entry<T>[]>();
  readonly on: MatchOn;

  constructor(on: MatchOn) {
    this.on = on;
  }

  /** A set from phrases, each tokenised as documents are. */
  static of(list: Iterable<string>, profile: LanguageProfile, on: MatchOn = 'key'): PhraseSet {
    const set = new PhraseSet<true>(on);
    for (const p of list) set.add(p, true, profile);
    return set;
  }

  /** A map from phrases to values. */
  static map<V>(record: Readonly<Record<string, V>>, profile: LanguageProfile, on: MatchOn = 'key'): PhraseSet<V> {
    const set = new PhraseSet<V>(on);
    for (const [p, v] of Object.entries(record)) set.add(p, v, profile);
    return set;
  }

  add(phrase: string, value: T, profile: LanguageProfile): void {
    const toks = phraseTokens(phrase, profile);
    const words: Word[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (!t) continue;
      const star = toks[i + 1];
      if (star && star.key === '*' && !star.space && t.kind !== 'punct') {
        words.push({ text: t.key, prefix: true });
        i++;
      } else words.push({ text: this.on === 'key' ? t.key : t.stem, prefix: false });
    }
    const first = words[0];
    if (!first) return;
    const map = first.prefix ? this.byPrefix : this.byFirst;
    const bucket = first.prefix ? first.text.slice(0, PREFIX_INDEX) : first.text;
    const list = map.get(bucket) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length || prefixLength(b) - prefixLength(a));
    map.set(bucket, list);
  }

  private keyOf(t: Token): string {
    return this.on === 'key' ? t.key : t.stem;
  }

  private fits(w: Word, t: Token | undefined): boolean {
    if (!t) return false;
    return w.prefix ? t.key.startsWith(w.text) : this.keyOf(t) === w.text;
  }

  /** The longest phrase starting at token `i` (not past `end`). */
  matchAt(tokens: readonly Token[], i: number, end = tokens.length): PhraseMatch<T> | undefined {
    const t = tokens[i];
    if (!t) return undefined;
    let best: PhraseMatch<T> | undefined;
    for (const list of [this.byFirst.get(this.keyOf(t)), this.byPrefix.get(t.key.slice(0, PREFIX_INDEX))]) {
      if (!list) continue;
      for (const cand of list) {
        const n = cand.words.length;
        if (i + n > end || (best && best.length >= n)) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) ok = this.fits(cand.words[k] as Word, tokens[i + k]);
        if (!ok) continue;
        const last = cand.words[n - 1] as Word;
        const rest = last.prefix ? tokens[i + n - 1]?.key.slice(last.text.length) : undefined;
        best = { length: n, value: cand.value, ...(rest !== undefined ? { rest } : {}) };
        break;
      }
    }
    return best;
  }

  /** True when some phrase starts at token `i`. */
  has(tokens: readonly Token[], i: number, end = tokens.length): boolean {
    return this.matchAt(tokens, i, end) !== undefined;
  }

  /** The first match in [from, to), with its start. */
  find(tokens: readonly Token[], from: number, to: number): (PhraseMatch<T> & { readonly start: number }) | undefined {
    for (let i = Math.max(0, from); i < to; i++) {
      const m = this.matchAt(tokens, i, to);
      if (m) return { ...m, start: i };
    }
    return undefined;
  }

  /** The last match starting in [from, to), with its start. */
  findLast(tokens: readonly Token[], from: number, to: number): (PhraseMatch<T> & { readonly start: number }) | undefined {
    for (let i = to - 1; i >= Math.max(0, from); i--) {
      const m = this.matchAt(tokens, i, to);
      if (m) return { ...m, start: i };
    }
    return undefined;
  }
}

function prefixLength<T>(e: Entry<T>): number {
  return e.words.reduce((n, w) => n + w.text.length, 0);
}
