/** Event patterns compiled once per language into trigger tables. */
import { DEFAULT_CAMEO, isMode, ploverScore, DyadError, type EventType } from '../model/index.ts';
import { PhraseSet, type Lexicon, type PatternData } from '../lexicon/index.ts';

export interface Retype {
  readonly type: EventType;
  readonly cameo: string;
  readonly mode?: string;
}

export interface CompiledPattern {
  readonly data: PatternData;
  readonly requires?: PhraseSet;
  readonly excludes?: PhraseSet;
}

export interface TriggerRef {
  readonly pattern: CompiledPattern;
  readonly pos: 'verb' | 'noun';
}

export interface CompiledPatterns {
  /** Trigger phrases (on stems) to the patterns they fire. */
  readonly triggers: PhraseSet<TriggerRef[]>;
  readonly count: number;
  /** Patterns by id, for what a fired event's pattern also yields (its fact). */
  readonly byId: ReadonlyMap<string, PatternData>;
}

const compiled = new WeakMap<Lexicon, CompiledPatterns>();

function check(p: PatternData): void {
  if (p.mode !== undefined && !isMode(p.type, p.mode)) {
    throw new DyadError('lexicon_invalid', `pattern ${p.id}: mode "${p.mode}" is not a PLOVER mode of ${p.type}`, p.id);
  }
  if (p.verbs.length === 0 && p.nouns.length === 0) {
    throw new DyadError('lexicon_invalid', `pattern ${p.id}: needs at least one verb or noun trigger`, p.id);
  }
}

/** Compile (once) the patterns of a lexicon. */
export function compilePatterns(lex: Lexicon): CompiledPatterns {
  const hit = compiled.get(lex);
  if (hit) return hit;
  const triggers = new PhraseSet<TriggerRef[]>('stem');
  // Several patterns may share a trigger phrase: collect them per phrase.
  const byPhrase = new Map<string, TriggerRef[]>();
  for (const data of lex.patterns) {
    check(data);
    const cp: CompiledPattern = {
      data,
      ...(data.requires ? { requires: PhraseSet.of(data.requires, lex.profile, 'stem') } : {}),
      ...(data.excludes ? { excludes: PhraseSet.of(data.excludes, lex.profile, 'stem') } : {}),
    };
    for (const [list, pos] of [[data.verbs, 'verb'], [data.nouns, 'noun']] as const) {
      for (const phrase of list) {
        const refs = byPhrase.get(phrase) ?? [];
        refs.push({ pattern: cp, pos });
        byPhrase.set(phrase, refs);
      }
    }
  }
  for (const [phrase, refs] of byPhrase) triggers.add(phrase, refs, lex.profile);
  const result = { triggers, count: lex.patterns.length, byId: new Map(lex.patterns.map((p) => [p.id, p])) };
  compiled.set(lex, result);
  return result;
}

/** CAMEO code, score and quad of a pattern's type and mode. */
export function typeInfo(type: EventType, mode: string | undefined, cameo?: string): { cameo: string; score: number } {
  return { cameo: cameo ?? DEFAULT_CAMEO[type], score: ploverScore(type, mode) };
}
