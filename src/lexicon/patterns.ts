/**
 * Event patterns compiled once per language: each pattern checked against PLOVER, its trigger
 * phrases gathered for the matcher's trigger tag, and its required and excluding words made tags
 * of their own (one tag per distinct list, so that patterns sharing a list share its tag).
 */
import { DyadError, isMode } from '../model/index.ts';
import type { LanguageProfile } from '../text/index.ts';
import { phraseWords, type PhraseList } from './matcher.ts';
import type { PatternData } from './schema.ts';
import type { TagId } from './tags.ts';

export interface CompiledPattern {
  readonly data: PatternData;
  /** Words one of which must stand near the trigger. */
  readonly requires?: TagId;
  /** Words that cancel the pattern next to the trigger. */
  readonly excludes?: TagId;
}

/** A pattern a trigger phrase fires, as a verb or as a noun. */
export interface PatternTrigger {
  readonly pattern: CompiledPattern;
  readonly pos: 'verb' | 'noun';
}

export interface CompiledPatterns {
  readonly patterns: readonly CompiledPattern[];
  readonly byId: ReadonlyMap<string, CompiledPattern>;
  /** Trigger phrases and the patterns each fires, in the order the files give them. */
  readonly triggers: readonly (readonly [string, readonly PatternTrigger[]])[];
  /** The required and excluding word lists, each under its own tag. */
  readonly lists: readonly PhraseList[];
}

function check(p: PatternData): void {
  if (p.mode !== undefined && !isMode(p.type, p.mode)) {
    throw new DyadError('lexicon_invalid', `pattern ${p.id}: mode "${p.mode}" is not a PLOVER mode of ${p.type}`, p.id);
  }
  if (p.verbs.length === 0 && p.nouns.length === 0) {
    throw new DyadError('lexicon_invalid', `pattern ${p.id}: needs at least one verb or noun trigger`, p.id);
  }
}

/**
 * Compile a language's patterns; word-list tags are numbered from `firstTag`. Trigger phrases are
 * gathered by what they match, not by how they are written: "meeting" and "meetings" (one stem)
 * fire the patterns of both.
 */
export function compilePatterns(data: readonly PatternData[], firstTag: number, profile: LanguageProfile): CompiledPatterns {
  const lists: PhraseList[] = [];
  const tagOf = new Map<string, TagId>();
  const listTag = (words: readonly string[]): TagId => {
    const key = JSON.stringify(words);
    let tag = tagOf.get(key);
    if (tag === undefined) {
      tag = firstTag + lists.length;
      tagOf.set(key, tag);
      lists.push({ tag, on: 'stem', phrases: words.map((w) => [w, true] as const) });
    }
    return tag;
  };
  const patterns: CompiledPattern[] = [];
  // Several patterns may share a trigger phrase: collect them per phrase, as the matcher reads it.
  const byPhrase = new Map<string, { phrase: string; refs: PatternTrigger[] }>();
  for (const p of data) {
    check(p);
    const cp: CompiledPattern = {
      data: p,
      ...(p.requires ? { requires: listTag(p.requires) } : {}),
      ...(p.excludes ? { excludes: listTag(p.excludes) } : {}),
    };
    patterns.push(cp);
    for (const [phrases, pos] of [[p.verbs, 'verb'], [p.nouns, 'noun']] as const) {
      for (const phrase of phrases) {
        const key = phraseWords(phrase, profile, 'stem').map((w) => `${w.on}:${w.text}`).join(' ');
        const entry = byPhrase.get(key) ?? { phrase, refs: [] };
        if (!entry.refs.some((r) => r.pattern === cp && r.pos === pos)) entry.refs.push({ pattern: cp, pos });
        byPhrase.set(key, entry);
      }
    }
  }
  return { patterns, byId: new Map(patterns.map((p) => [p.data.id, p])), triggers: [...byPhrase.values()].map((e) => [e.phrase, e.refs] as const), lists };
}
