/** Sets of word sequences (cue phrases, trigger words) matched on token keys or stems. */
import type { LanguageProfile, Token } from '../text/index.ts';
import { phraseTokens } from '../text/index.ts';

export type MatchOn = 'key' | 'stem';

export interface PhraseMatch<T> {
  readonly length: number;
  readonly value: T;
}

export class PhraseSet<T = true> {
  private readonly byFirst = new Map<string, { keys: string[]; value: T }[]>();
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
    const keys = phraseTokens(phrase, profile).map((t) => (this.on === 'key' ? t.key : t.stem));
    const first = keys[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    list.push({ keys, value });
    list.sort((a, b) => b.keys.length - a.keys.length);
    this.byFirst.set(first, list);
  }

  private keyOf(t: Token): string {
    return this.on === 'key' ? t.key : t.stem;
  }

  /** The longest phrase starting at token `i` (not past `end`). */
  matchAt(tokens: readonly Token[], i: number, end = tokens.length): PhraseMatch<T> | undefined {
    const t = tokens[i];
    if (!t) return undefined;
    const list = this.byFirst.get(this.keyOf(t));
    if (!list) return undefined;
    for (const cand of list) {
      if (i + cand.keys.length > end) continue;
      let ok = true;
      for (let k = 1; k < cand.keys.length; k++) {
        const tk = tokens[i + k];
        if (!tk || this.keyOf(tk) !== cand.keys[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { length: cand.keys.length, value: cand.value };
    }
    return undefined;
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
}
