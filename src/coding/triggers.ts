/**
 * The triggers stage: at a token, the longest trigger phrase of the sentence's tags, the pattern
 * it fires in this context (as a verb or as a noun), and the pattern's word checks (a required
 * word near it, no excluding word next to it).
 */
import { CUE, type CompiledPattern, type PatternTrigger } from '../lexicon/index.ts';
import type { Flag } from '../model/index.ts';
import type { CodingContext } from './context.ts';
import { isPassive, looksNominal } from './frame.ts';
import { wordsOf, type SentenceView } from './sentence.ts';
import { isGerund, isParticiple } from './verb-forms.ts';

/** A trigger that passed its word checks: the pattern and how it is used here. */
export interface Trigger {
  /** Token range [start, end) of the trigger phrase. */
  readonly start: number;
  readonly end: number;
  readonly pattern: CompiledPattern;
  readonly pos: PatternTrigger['pos'];
  /** What follows a "*" trigger's prefix in its last word (modality written inside the verb). */
  readonly rest?: string;
  /** A verb used in the passive. */
  readonly passive: boolean;
  readonly flags: readonly Flag[];
  /** The trigger's words as written, for the trace and the evidence. */
  readonly words: string;
}

/**
 * The triggers starting at token i: the patterns the longest trigger phrase there fires in this
 * context, in the order the lexicon gives them, each past its word checks. The coder takes the
 * first that makes an event, so a later pattern of the same words is the reading when the first
 * does not fit ("protest" by protesters, by a government).
 */
export function triggersAt(view: SentenceView, i: number, ctx: CodingContext): Trigger[] {
  const hit = view.tags.at(CUE.trigger, i);
  if (!hit) return [];
  const start = i;
  // a phrase that runs on into a title after its verb ("принял министра", "прибыл президент"):
  // the title is the verb's object or subject, so the trigger ends where the title begins
  const title = view.actors.find((m) => m.kind === 'office' && m.start > start && m.start < i + hit.length);
  const end = title ? title.start : i + hit.length;
  // a prefix trigger inside a name is part of the name ("бер*" in Бердімұхамедов)
  if (view.actors.some((m) => start < m.end && end > m.start && m.kind !== 'discourse' && m.kind !== 'pronoun')) return [];
  const { lex, trace } = ctx;
  const nominal = looksNominal(view, lex, start, end);
  // A word used as a noun fires only noun patterns; a word in verb position that is not a
  // verb form ("talks", "summit") may still fire a noun pattern.
  const last = view.tokens[end - 1]?.key ?? '';
  // "the signed documents", "the agreed text": a participle between a determiner and its noun describes the noun
  if (end - start === 1 && isParticiple(lex, last) && view.tags.has(CUE.determiners, start - 1, start) && view.tokens[end]?.kind === 'word' && !isParticiple(lex, view.tokens[end]?.key ?? '')) {
    trace?.(view.sentence.index, 'skip', `"${view.tokens[start]?.text ?? ''}" describes the noun after it, no act`);
    return [];
  }
  // "the republics backed by Moscow", like "the Moscow-backed republics": a modifier participle with its agent, right after its noun, describes it
  const prev = view.tokens[start - 1];
  if (end - start === 1 && view.tags.has(CUE.hyphenModifiers, start, end) && lex.preps.agent.includes(view.tokens[end]?.key ?? '')
    && (prev?.key === '"' || (prev?.kind === 'word' && !view.tags.has(CUE.passiveAux, start - 1, start) && !view.tags.has(CUE.perfectAux, start - 1, start)))) {
    trace?.(view.sentence.index, 'skip', `"${view.tokens[start]?.text ?? ''}" describes the noun before it, no act`);
    return [];
  }
  const fitting = hit.value.filter((r) => r.pos === (nominal ? 'noun' : 'verb'));
  // none fits: every pattern of the phrase in the lexicon's order, so that one whose word checks
  // fail leaves the word to the next ("сапармен болды": a planned visit, else a visit)
  const refs = fitting.length > 0 ? fitting : nominal || isParticiple(lex, last) || isGerund(lex, last) ? [] : hit.value;
  const words = wordsOf(view, start, end);
  const out: Trigger[] = [];
  for (const ref of refs) {
    const t = checked(view, ctx, ref, start, end, hit.rest, nominal, words);
    if (t) out.push(t);
  }
  return out;
}

/** One pattern of a trigger past its word checks (a required word near it, no excluding word next to it). */
function checked(view: SentenceView, ctx: CodingContext, ref: PatternTrigger, start: number, end: number, rest: string | undefined, nominal: boolean, words: string): Trigger | undefined {
  const { lex, trace } = ctx;
  const sIdx = view.sentence.index;
  const p = ref.pattern;
  if (trace) {
    const stems = view.tokens.slice(start, end).map((t) => t.stem).join(' ');
    trace(sIdx, 'trigger', `"${words}" (stem ${stems}${rest ? `, prefix + "${rest}"` : ''}) → ${p.data.id} as ${ref.pos}${nominal ? ' (nominal context)' : ''}`);
  }
  const w = lex.policy.windows;
  const { first, last: sLast } = view.sentence;
  if (p.requires !== undefined && !p.requires.within(view.tokens, Math.max(first, start - w.requires.before), Math.min(sLast, end + w.requires.after))) {
    trace?.(sIdx, 'skip', `${p.data.id}: none of the required words near "${words}"`);
    return undefined;
  }
  if (p.excludes !== undefined && p.excludes.within(view.tokens, Math.max(first, start - w.excludes.before), Math.min(sLast, end + w.excludes.after))) {
    trace?.(sIdx, 'skip', `${p.data.id}: an excluding word next to "${words}"`);
    return undefined;
  }
  const passive = ref.pos === 'verb' && isPassive(view, lex, start, rest, end);
  const flags: Flag[] = [];
  if (passive) flags.push('passive');
  if (ref.pos === 'noun') flags.push('nominal');
  return { start, end, pattern: p, pos: ref.pos, ...(rest !== undefined ? { rest } : {}), passive, flags, words };
}
