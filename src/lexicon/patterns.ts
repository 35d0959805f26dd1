/**
 * Event patterns compiled once per language: each pattern checked against PLOVER, its trigger
 * phrases gathered for the matcher's trigger tag, and its required and excluding words made word
 * lists read around the trigger (one per distinct list, shared by the patterns that share it).
 */
import { DyadError, isMode } from '../model/index.ts';
import type { LanguageProfile } from '../text/index.ts';
import { phraseWords, WordList } from './matcher.ts';
import type { PatternData } from './schema.ts';

export interface CompiledPattern {
  readonly data: PatternData;
  /** Words one of which must stand near the trigger. */
  readonly requires?: WordList;
  /** Words that cancel the pattern next to the trigger. */
  readonly excludes?: WordList;
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
 * Compile a language's patterns. Trigger phrases are gathered by what they match, not by how they
 * are written: "meeting" and "meetings" (one stem) fire the patterns of both.
 */
export function compilePatterns(data: readonly PatternData[], profile: LanguageProfile): CompiledPatterns {
  const lists = new Map<string, WordList>();
  const listOf = (words: readonly string[]): WordList => {
    const key = JSON.stringify(words);
    let list = lists.get(key);
    if (list === undefined) {
      list = new WordList(words, profile);
      lists.set(key, list);
    }
    return list;
  };
  const patterns: CompiledPattern[] = [];
  // Several patterns may share a trigger phrase: collect them per phrase, as the matcher reads it.
  const byPhrase = new Map<string, { phrase: string; refs: PatternTrigger[] }>();
  for (const p of data) {
    check(p);
    const cp: CompiledPattern = {
      data: p,
      ...(p.requires ? { requires: listOf(p.requires) } : {}),
      ...(p.excludes ? { excludes: listOf(p.excludes) } : {}),
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
  return { patterns, byId: new Map(patterns.map((p) => [p.data.id, p])), triggers: [...byPhrase.values()].map((e) => [e.phrase, e.refs] as const) };
}
