/** Modality of a trigger: negated, advised, hypothetical, future or intended, or plainly reported. */
import type { Lexicon } from '../lexicon/index.ts';
import { clauseBounds, type SentenceView } from './sentence.ts';

export type Modality = 'asserted' | 'negated' | 'habitual' | 'advised' | 'hypothetical' | 'future';

export interface ModalityDecision {
  readonly modality: Modality;
  readonly cue?: string;
  /** The cue proposes the act to someone ("suggested holding a summit with"). */
  readonly proposal?: boolean;
}

/** Modality written inside the trigger word, after its prefix (imzala|madı, қол қой|мады). */
function infixModality(lex: Lexicon, rest: string): ModalityDecision | undefined {
  const order = ['negated', 'advised', 'hypothetical', 'future'] as const;
  for (const modality of order) {
    const cue = lex.infixes[modality].find((x) => rest.startsWith(x));
    if (cue !== undefined) return { modality, cue: `-${cue}` };
  }
  return undefined;
}

/** Look inside the trigger and at the words before it in its clause for modal cues. */
export function modalityOf(view: SentenceView, lex: Lexicon, start: number, rest?: string): ModalityDecision {
  const inside = rest ? infixModality(lex, rest) : undefined;
  if (inside) return inside;
  const { start: cs } = clauseBounds(view, start);
  const from = Math.max(cs, start - 7, view.sentence.first);
  const cues = lex.cues;
  const toks = view.tokens;
  const text = (i: number, n: number): string => toks.slice(i, i + n).map((t) => t.text).join(' ');
  let found: ModalityDecision = { modality: 'asserted' };
  for (let i = from; i < start; i++) {
    // A modal that belongs to another verb's clause far to the left is not this trigger's.
    const near = start - i <= 5;
    const hab = cues.habitual.matchAt(toks, i, start);
    if (hab && start - i <= 5) return { modality: 'habitual', cue: text(i, hab.length) };
    let m = cues.notNegation.has(toks, i, start) ? undefined : cues.negation.matchAt(toks, i, start);
    if (m && start - i <= 5) return { modality: 'negated', cue: text(i, m.length) };
    m = cues.advice.matchAt(toks, i, start);
    if (m && near) found = { modality: 'advised', cue: text(i, m.length) };
    m = cues.hypothetical.matchAt(toks, i, start);
    if (m && (near || i === cs)) {
      // "said aid would be sent": reported future, not a hypothetical
      const reported = cues.futureInPast.has(toks, i, start) && cues.reportingVerbs.find(toks, view.sentence.first, i) !== undefined;
      found = { modality: reported ? 'future' : 'hypothetical', cue: text(i, m.length) };
    }
    if (found.modality === 'asserted' || found.modality === 'future') {
      m = cues.future.matchAt(toks, i, start);
      if (m && near) found = { modality: 'future', cue: text(i, m.length) };
      m = cues.intent.matchAt(toks, i, start);
      if (m && start - i <= 6) found = { modality: 'future', cue: text(i, m.length) };
      m = cues.proposal.matchAt(toks, i, start);
      if (m && start - i <= 3) found = { modality: 'future', cue: text(i, m.length), proposal: true };
    }
  }
  return found;
}
