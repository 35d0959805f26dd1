/**
 * The tags of one sentence: every phrase of every list that the matcher found there, by the token
 * it starts at. Reading a tag is constant time; a window ("a negation within three words before") is a
 * walk over the window's positions, with no matching in it.
 */

/** A tag: the number of a phrase list, branded with the type of its values. */
export type TagId<V = true> = number & { readonly __value?: V };

/** A phrase the matcher knows (one entry of a list). */
export interface TagTerm {
  readonly tag: number;
  readonly value: unknown;
  readonly length: number;
  /** 0 when the first word matches whole, 1 when it is a prefix: a whole word wins a tie. */
  readonly prefixFirst: number;
  /** Letters in the phrase: among equally long phrases the more specific wins. */
  readonly letters: number;
  /** Insertion order: the earlier entry wins what is left. */
  readonly order: number;
  /** Length of the last word's prefix, when the last word is a prefix. */
  readonly lastPrefix?: number;
}

/** One phrase found at a token (the token is where the list of hits is kept). */
export interface Hit {
  readonly term: TagTerm;
  readonly rest?: string;
  /** Tokens the phrase covers, when quotation marks inside it were passed over ("istenmeyen kişi" ilan). */
  readonly span?: number;
}

/** A phrase of a list, found at a token. */
export interface TagMatch<V> {
  readonly start: number;
  readonly length: number;
  readonly value: V;
  /** What follows the prefix in the last word, when the phrase ends in a "*" word. */
  readonly rest?: string;
}

/** True when hit a beats hit b for the same tag: longer, then a whole first word, more letters, earlier. */
function better(a: TagTerm, b: TagTerm): boolean {
  if (a.length !== b.length) return a.length > b.length;
  if (a.prefixFirst !== b.prefixFirst) return a.prefixFirst < b.prefixFirst;
  if (a.letters !== b.letters) return a.letters > b.letters;
  return a.order < b.order;
}

/**
 * A tag's bit in a token's mask: a clear bit says no phrase of the tag starts there, so the many
 * lookups that find nothing read one number. Tags share bits past 32; a set bit is then checked.
 */
function bit(tag: number): number {
  return 1 << (tag & 31);
}

export class Tags {
  /** Token range [from, to) the tags cover. */
  readonly from: number;
  readonly to: number;
  /** The hits at each token. */
  private readonly hits: readonly (readonly Hit[] | undefined)[];
  /** The tags that start at each token, as bits (0 where none does). */
  private readonly masks: number[];

  constructor(from: number, to: number, hits: readonly (Hit[] | undefined)[]) {
    this.from = from;
    this.to = to;
    const masks: number[] = [];
    for (let k = 0; k < hits.length; k++) {
      const list = hits[k];
      let mask = 0;
      if (list) {
        for (const h of list) mask |= bit(h.term.tag);
      }
      masks.push(mask);
    }
    this.masks = masks;
    this.hits = hits;
  }

  /** The best phrase of `tag` starting at token i and ending by `end` (the sentence's end by default). */
  at<V>(tag: TagId<V>, i: number, end: number = this.to): TagMatch<V> | undefined {
    if (i < this.from || i >= this.to || ((this.masks[i - this.from] ?? 0) & bit(tag)) === 0) return undefined;
    const list = this.hits[i - this.from];
    if (!list) return undefined;
    let best: Hit | undefined;
    for (const h of list) {
      if (h.term.tag !== tag || i + (h.span ?? h.term.length) > end) continue;
      if (!best || better(h.term, best.term)) best = h;
    }
    if (!best) return undefined;
    return { start: i, length: best.span ?? best.term.length, value: best.term.value as V, ...(best.rest !== undefined ? { rest: best.rest } : {}) };
  }

  /** True when a phrase of `tag` starts at token i (and ends by `end`). */
  has(tag: TagId<unknown>, i: number, end: number = this.to): boolean {
    if (i < this.from || i >= this.to || ((this.masks[i - this.from] ?? 0) & bit(tag)) === 0) return false;
    const list = this.hits[i - this.from];
    if (!list) return false;
    for (const h of list) if (h.term.tag === tag && i + (h.span ?? h.term.length) <= end) return true;
    return false;
  }

  /** The first phrase of `tag` inside [from, to). */
  find<V>(tag: TagId<V>, from: number, to: number): TagMatch<V> | undefined {
    for (let i = Math.max(from, this.from); i < Math.min(to, this.to); i++) {
      const m = this.at(tag, i, to);
      if (m) return m;
    }
    return undefined;
  }

  /** The last phrase of `tag` starting inside [from, to) and ending by `to`. */
  findLast<V>(tag: TagId<V>, from: number, to: number): TagMatch<V> | undefined {
    for (let i = Math.min(to, this.to) - 1; i >= Math.max(from, this.from); i--) {
      const m = this.at(tag, i, to);
      if (m) return m;
    }
    return undefined;
  }
}
