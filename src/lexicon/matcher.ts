/**
 * One matcher for every phrase list of a language: a trie over token keys, stems and key prefixes,
 * built once per lexicon and run once per sentence. Each phrase carries a tag (the list it comes
 * from) and a value; the tags of a sentence are then read in constant time by later stages
 * instead of re-scanning windows of tokens list by list.
 *
 * A phrase word written with a final "*" matches any word whose folded form begins with it
 * ("imzala*" matches imzaladı, imzalamadı); what follows the prefix in the last word is kept as the
 * match's `rest`, so that modality written inside a verb can be read. A quotation mark inside a
 * phrase is passed over: news quotes a set phrase ('"istenmeyen kişi" ilan etti', 'declared them
 * "persona non grata"'), and the phrase is still said.
 *
 * A pattern's required and excluding words are a `WordList` each, read only in the few tokens
 * around a trigger that fires the pattern: run over every token of every sentence, lists of common
 * words ("the", "ile", "и") made most of the matcher's hits, and almost none was ever read.
 */
import { phraseTokens, type LanguageProfile, type Token, type Word, type WordMemo } from '../text/index.ts';
import { Tags, type Hit, type TagTerm } from './tags.ts';

/** What a phrase's words are compared with: the token's folded form or its stem. */
export type MatchOn = 'key' | 'stem';

/** One list of phrases under one tag. */
export interface PhraseList {
  readonly tag: number;
  readonly on: MatchOn;
  readonly phrases: Iterable<readonly [phrase: string, value: unknown]>;
}

/**
 * The prefix edges of a node, letter by letter: a word's key walks down as far as its letters
 * lead, and every prefix edge it passes is a prefix of the key. A word that begins no prefix stops
 * at its first letter, however many prefixes share its first two ("при*", "про*", "пред*").
 */
class PrefixLetters {
  next: Map<number, PrefixLetters> | undefined;
  /** The trie node that the prefix spelled so far leads to, when it is one. */
  node: TrieNode | undefined;
}

/** A phrase that ends at a node, with the hit that records it where nothing is added to it. */
interface Terminal {
  readonly term: TagTerm;
  readonly hit: Hit;
}

class TrieNode {
  key: Map<string, TrieNode> | undefined;
  stem: Map<string, TrieNode> | undefined;
  prefix: PrefixLetters | undefined;
  terminals: Terminal[] | undefined;
  /** The edges a word takes from here, worked out once per word (with the stem they were worked out for). */
  edges: Map<string, { readonly stem: string; readonly edges: readonly Edge[] }> | undefined;

  child(on: MatchOn | 'prefix', text: string): TrieNode {
    if (on === 'prefix') {
      let at = (this.prefix ??= new PrefixLetters());
      for (let c = 0; c < text.length; c++) {
        const code = text.charCodeAt(c);
        const next = (at.next ??= new Map()).get(code) ?? new PrefixLetters();
        at.next.set(code, next);
        at = next;
      }
      return (at.node ??= new TrieNode());
    }
    const map = on === 'key' ? (this.key ??= new Map()) : (this.stem ??= new Map());
    let next = map.get(text);
    if (!next) {
      next = new TrieNode();
      map.set(text, next);
    }
    return next;
  }
}

/** A node a word reaches: as a whole word (prefix -1), or as a prefix of so many of its letters. */
interface Edge {
  readonly node: TrieNode;
  readonly prefix: number;
}

const NO_EDGES: readonly Edge[] = [];

/** A word's edges from the root of one matcher, kept on the word. */
interface RootMemo extends WordMemo {
  readonly edges: readonly Edge[];
}

/** Words whose edges a node keeps: any vocabulary a run meets, bounded all the same. */
const MAX_WORDS = 200_000;

/** The edges a word takes from `node`, worked out the first time the word reaches it. */
function edgesFrom(node: TrieNode, key: string, stem: string): readonly Edge[] {
  const known = node.edges?.get(key);
  if (known !== undefined && known.stem === stem) return known.edges;
  const edges = edgesOf(node, key, stem);
  if (known === undefined) {
    if (node.edges === undefined || node.edges.size >= MAX_WORDS) node.edges = new Map();
    node.edges.set(key, { stem, edges });
  }
  return edges;
}

/** The nodes a word with this key and stem reaches from `node`: by key, by stem, then every prefix edge its letters pass, shortest first. */
function edgesOf(node: TrieNode, key: string, stem: string): readonly Edge[] {
  let out: Edge[] | undefined;
  const byKey = node.key?.get(key);
  if (byKey) (out ??= []).push({ node: byKey, prefix: -1 });
  const byStem = node.stem?.get(stem);
  if (byStem) (out ??= []).push({ node: byStem, prefix: -1 });
  let at: PrefixLetters | undefined = node.prefix;
  for (let c = 0; at !== undefined && c < key.length; c++) {
    at = at.next?.get(key.charCodeAt(c));
    if (at?.node) (out ??= []).push({ node: at.node, prefix: c + 1 });
  }
  return out ?? NO_EDGES;
}

/** One word of a phrase: compared with a token's key or stem, or a prefix of its key. */
export interface PhraseWord {
  readonly on: MatchOn | 'prefix';
  readonly text: string;
}

/**
 * A phrase as the matcher reads it: tokenised as documents are, each word compared by `on`, or as
 * a prefix when written with a final "*". Two phrases with the same words match the same text.
 */
export function phraseWords(phrase: string, profile: LanguageProfile, on: MatchOn): PhraseWord[] {
  const toks = phraseTokens(phrase, profile);
  const words: PhraseWord[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t) continue;
    const star = toks[i + 1];
    if (star !== undefined && star.key === '*' && !star.space && t.kind !== 'punct') {
      words.push({ on: 'prefix', text: t.key });
      i++;
    } else words.push({ on, text: on === 'key' ? t.key : t.stem });
  }
  return words;
}

export class Matcher {
  private readonly root = new TrieNode();
  private order = 0;
  /** Number of phrases added. */
  size = 0;
  /**
   * Whether a word's edges from the root are kept on the word: for the one matcher of a lexicon,
   * which reads every token of every sentence (the words keep one memo per matcher that does so).
   */
  private readonly onWords: boolean;

  constructor(onWords = false) {
    this.onWords = onWords;
  }

  /** A matcher over phrase lists, each phrase tokenised as documents are. */
  static build(profile: LanguageProfile, lists: Iterable<PhraseList>, onWords = false): Matcher {
    const m = new Matcher(onWords);
    for (const list of lists) for (const [phrase, value] of list.phrases) m.add(list.tag, list.on, phrase, value, profile);
    return m;
  }

  /** Add one phrase under a tag. */
  add(tag: number, on: MatchOn, phrase: string, value: unknown, profile: LanguageProfile): void {
    const words = phraseWords(phrase, profile, on);
    if (words.length === 0) return;
    let node = this.root;
    let letters = 0;
    for (const w of words) {
      node = node.child(w.on, w.text);
      letters += w.text.length;
    }
    const last = words[words.length - 1];
    const term: TagTerm = {
      tag, value, length: words.length, prefixFirst: words[0]?.on === 'prefix' ? 1 : 0, letters, order: this.order++,
      ...(last?.on === 'prefix' ? { lastPrefix: last.text.length } : {}),
    };
    (node.terminals ??= []).push({ term, hit: { term } });
    this.size++;
  }

  /** The sentence being tagged, token by token from its first: its word (folded key, stem), a quotation mark. */
  private words: Word[] = [];
  private quotes: boolean[] = [];
  private from = 0;
  private to = 0;

  /** Every phrase that starts in tokens [from, to) and ends by `to`, read into the sentence's tags. */
  tag(tokens: readonly Token[], from: number, to: number): Tags {
    const n = Math.max(0, to - from);
    const hits: (Hit[] | undefined)[] = new Array(n);
    const end = this.read(tokens, from, to);
    // one list per start, kept only when something matched there (most tokens start nothing)
    let found: Hit[] = [];
    for (let i = from; i < end; i++) {
      this.walk(this.root, i, i, found);
      if (found.length > 0) {
        hits[i - from] = found;
        found = [];
      }
    }
    return new Tags(from, to, hits);
  }

  /** True when some phrase starts in tokens [from, to) and ends by `to`. */
  any(tokens: readonly Token[], from: number, to: number): boolean {
    const end = this.read(tokens, from, to);
    const found: Hit[] = [];
    for (let i = from; i < end && found.length === 0; i++) this.walk(this.root, i, i, found);
    return found.length > 0;
  }

  /** Read tokens [from, to): each token's word once, not at every trie node it is compared at. Returns where they end. */
  private read(tokens: readonly Token[], from: number, to: number): number {
    let end = from;
    for (; end < to; end++) {
      const t = tokens[end];
      if (!t) break;
      const k = end - from;
      this.words[k] = t.word;
      this.quotes[k] = t.kind === 'punct' && t.key === '"';
    }
    this.from = from;
    this.to = end;
    return end;
  }

  /** Follow token j from `node` along every edge it fits, collecting the phrases that end there. */
  private walk(node: TrieNode, start: number, j: number, out: Hit[]): void {
    if (j >= this.to) return;
    const k = j - this.from;
    if (j > start && this.quotes[k]) {
      this.walk(node, start, j + 1, out);
      return;
    }
    const word = this.words[k] as Word;
    const edges = node === this.root && this.onWords ? this.rootEdges(word) : edgesFrom(node, word.key, word.stem);
    for (const e of edges) this.step(e.node, start, j, out, e.prefix);
  }

  /** Where a word leads from the root (every token starts a walk there), worked out once and kept on the word. */
  private rootEdges(word: Word): readonly Edge[] {
    for (const m of word.memos) if (m.owner === this) return (m as RootMemo).edges;
    const memo: RootMemo = { owner: this, edges: edgesOf(this.root, word.key, word.stem) };
    word.memos.push(memo);
    return memo.edges;
  }

  /** Token j took us to `node` (as a prefix of `prefix` letters, or whole: -1): record its phrases, go on. */
  private step(node: TrieNode, start: number, j: number, out: Hit[], prefix: number): void {
    if (node.terminals) {
      const span = j + 1 - start;
      for (const { term, hit } of node.terminals) {
        const found = term.lastPrefix !== undefined && prefix >= 0 ? { term, rest: (this.words[j - this.from] as Word).key.slice(prefix) } : hit;
        out.push(span === term.length ? found : { ...found, span });
      }
    }
    if (node.key || node.stem || node.prefix) this.walk(node, start, j + 1, out);
  }
}

/**
 * Words checked on demand in a window of tokens, with the matcher's reading of phrases (stems,
 * "*" prefixes, quotation marks passed over): a pattern's required or excluding words. A list is
 * mostly single words: those are a set of stems and a list of prefixes, read token by token; only
 * its phrases of several words take a matcher.
 */
export class WordList {
  private readonly stems = new Set<string>();
  private readonly prefixes: string[] = [];
  private readonly phrases: Matcher | undefined;

  constructor(words: readonly string[], profile: LanguageProfile) {
    const longer: string[] = [];
    for (const w of words) {
      const parts = phraseWords(w, profile, 'stem');
      const only = parts.length === 1 ? parts[0] : undefined;
      if (only?.on === 'stem') this.stems.add(only.text);
      else if (only?.on === 'prefix') this.prefixes.push(only.text);
      else if (parts.length > 1) longer.push(w);
    }
    this.phrases = longer.length > 0 ? Matcher.build(profile, [{ tag: 0, on: 'stem', phrases: longer.map((w) => [w, true] as const) }]) : undefined;
  }

  /** True when one of the words (or phrases) starts in tokens [from, to) and ends by `to`. */
  within(tokens: readonly Token[], from: number, to: number): boolean {
    for (let k = from; k < to; k++) {
      const t = tokens[k];
      if (!t) break;
      if (this.stems.has(t.stem)) return true;
      for (const p of this.prefixes) if (t.key.startsWith(p)) return true;
    }
    return this.phrases !== undefined && to > from && this.phrases.any(tokens, from, to);
  }
}
