/** Modality of a trigger: negated, advised, hypothetical, future or intended, or plainly reported. */
import { CUE, type Lexicon } from '../lexicon/index.ts';
import { clauseBounds, wordsOf, type SentenceView } from './sentence.ts';

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
  const w = lex.policy.windows.modality;
  const { start: cs } = clauseBounds(view, start);
  const from = Math.max(cs, start - w.reach, view.sentence.first);
  const tags = view.tags;
  const text = (i: number, n: number): string => wordsOf(view, i, i + n);
  let found: ModalityDecision = { modality: 'asserted' };
  for (let i = from; i < start; i++) {
    // A modal that belongs to another verb's clause far to the left is not this trigger's.
    const near = start - i <= w.near;
    const hab = tags.at(CUE.habitual, i, start);
    if (hab && near) return { modality: 'habitual', cue: text(i, hab.length) };
    let m = tags.has(CUE.notNegation, i, start) ? undefined : tags.at(CUE.negation, i, start);
    if (m && near) return { modality: 'negated', cue: text(i, m.length) };
    m = tags.at(CUE.advice, i, start);
    if (m && near) found = { modality: 'advised', cue: text(i, m.length) };
    m = tags.at(CUE.hypothetical, i, start);
    if (m && (near || i === cs)) {
      // "said aid would be sent": reported future, not a hypothetical
      const reported = tags.has(CUE.futureInPast, i, start) && tags.find(CUE.reportingVerbs, view.sentence.first, i) !== undefined;
      found = { modality: reported ? 'future' : 'hypothetical', cue: text(i, m.length) };
    }
    if (found.modality === 'asserted' || found.modality === 'future') {
      m = tags.at(CUE.future, i, start);
      if (m && near) found = { modality: 'future', cue: text(i, m.length) };
      m = tags.at(CUE.intent, i, start);
      if (m && start - i <= w.intent) found = { modality: 'future', cue: text(i, m.length) };
      m = tags.at(CUE.proposal, i, start);
      if (m && start - i <= w.proposal) found = { modality: 'future', cue: text(i, m.length), proposal: true };
    }
  }
  return found;
}
