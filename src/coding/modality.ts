/** Modality of a trigger: negated, advised, hypothetical, future or intended, or plainly reported. */
import { CUE, type Lexicon } from '../lexicon/index.ts';
import { clauseBounds, wordsOf, type SentenceView } from './sentence.ts';
import type { Trigger } from './triggers.ts';

export type Modality = 'asserted' | 'negated' | 'habitual' | 'advised' | 'hypothetical' | 'future' | 'complement' | 'cancelled';

export interface ModalityDecision {
  readonly modality: Modality;
  readonly cue?: string;
  /** The cue proposes the act to someone ("suggested holding a summit with"). */
  readonly proposal?: boolean;
}

/** Modality written inside the trigger word, after its prefix (imzala|madı, қол қой|мады). */
function infixModality(lex: Lexicon, rest: string): ModalityDecision | undefined {
  const order = ['negated', 'complement', 'advised', 'hypothetical', 'future'] as const;
  for (const modality of order) {
    const cue = lex.infixes[modality].find((x) => rest.startsWith(x));
    if (cue !== undefined) return { modality, cue: `-${cue}` };
  }
  return undefined;
}

/**
 * A verb with no tense of its own: after an infinitive marker ("urged Moscow to withdraw"), or
 * written as an infinitive (Russian "призвал Москву вывести").
 */
function nonFinite(view: SentenceView, lex: Lexicon, trig: Trigger): string | undefined {
  if (view.tags.has(CUE.infinitive, trig.start - 1, trig.start)) return view.tokens[trig.start - 1]?.text;
  if (trig.pos !== 'verb') return undefined;
  // a verb phrase starts with its verb ("оказать помощь", "выразил признательность")
  const verb = view.tokens[trig.start]?.key ?? '';
  const ending = lex.infinitiveEndings.find((e) => verb.endsWith(e));
  return ending !== undefined ? `-${ending}` : undefined;
}

/** "Kazakh President to visit China", "Russia to expel 10 diplomats": a headline's subject right before the marker. */
function headlineSubject(view: SentenceView, trig: Trigger): boolean {
  const marker = trig.start - 1;
  const subject = view.actors.find((m) => m.end === marker && !m.attributive);
  if (!subject) return false;
  const { start: cs } = clauseBounds(view, marker);
  let k = cs;
  while (k < subject.start && view.tags.has(CUE.determiners, k)) k++;
  return k === subject.start;
}

/**
 * Look inside the trigger and at the words before it in its clause for modal cues. A verb with no
 * tense is the complement of another ("asked him to visit Moscow": the request is the event, not a
 * visit) unless a cue makes it a plan ("agreed to"), the act itself ("began to"), or it is a
 * headline's plan ("Tokayev to visit China": the future) or decision ("Russia to expel": the act).
 */
export function modalityOf(view: SentenceView, lex: Lexicon, trig: Trigger, floor = view.sentence.first): ModalityDecision {
  const found = cuedModality(view, lex, trig.start, trig.rest, floor);
  if (found.modality !== 'asserted') return found;
  const claim = claimedBefore(view, trig.start);
  if (claim) return claim;
  const { start: cs, end: ce } = clauseBounds(view, trig.start);
  // "have met 13 times since 1995", "13 kez görüştü", "более двадцати раз": a count of acts over
  // years (in digits or in words, before or after the verb), no one act of today
  const reach = lex.policy.windows.modality.reach;
  for (let k = Math.max(cs, floor, trig.start - reach); k < Math.min(ce, trig.end + reach); k++) {
    if (k >= trig.start && k < trig.end) continue;
    const count = view.tokens[k]?.kind === 'number' ? 1 : view.tags.at(CUE.numberWords, k, ce)?.length;
    if (count !== undefined && view.tags.has(CUE.times, k + count, k + count + 1)) return { modality: 'habitual', cue: wordsOf(view, k, k + count + 1) };
  }
  // "the visit was postponed", "встреча так и не состоялась": a named act called off after it is named
  const off = view.tags.find(CUE.cancelled, trig.end, Math.min(ce, trig.end + lex.policy.windows.modality.reach));
  if (off) return { modality: 'cancelled', cue: wordsOf(view, off.start, off.start + off.length) };
  const said = modalAfterSubject(view, trig, Math.max(cs, floor), Math.min(ce, trig.end + reach));
  if (said) return said;
  const marker = nonFinite(view, lex, trig);
  if (marker === undefined) return found;
  const w = lex.policy.windows.modality;
  const aspect = view.tags.findLast(CUE.aspectual, Math.max(clauseBounds(view, trig.start).start, trig.start - w.reach), trig.start);
  const byMarker = view.tags.has(CUE.infinitive, trig.start - 1, trig.start);
  if (aspect) return found;
  // "Kazakh President to visit China": a headline's plan, as "will visit"; "Russia to expel": a decision taken
  if (byMarker && headlineSubject(view, trig)) return lex.policy.headlinePlans.includes(trig.pattern.data.type) ? { modality: 'future', cue: marker } : found;
  return { modality: 'complement', cue: marker };
}

/** Words before a noun that still leave it the first of its clause ("Совместные учения", "The planned visit"). */
const SUBJECT_LEAD = 1;

/**
 * "Встреча Путина и Зеленского возможна", "учения запланированы на сентябрь", "the talks will
 * resume": a noun that opens its clause is the subject of what is said after it, and a
 * hypothetical or a future there is its own.
 */
function modalAfterSubject(view: SentenceView, trig: Trigger, from: number, to: number): ModalityDecision | undefined {
  if (trig.pos !== 'noun' || trig.start - from > SUBJECT_LEAD) return undefined;
  const tags = view.tags;
  for (let k = trig.end; k < to; k++) {
    const hyp = tags.at(CUE.hypothetical, k, to);
    if (hyp) return { modality: 'hypothetical', cue: wordsOf(view, k, k + hyp.length) };
    // a future, not an intent: "plans", "prepares to" after a subject are more often another's
    const plan = tags.at(CUE.future, k, to);
    if (plan) return { modality: 'future', cue: wordsOf(view, k, k + plan.length) };
  }
  return undefined;
}

/** Tokens before a trigger within which a claim verb and its complementizer make it a claim. */
const CLAIM_REACH = 20;

/**
 * "Власти утверждают, что войска заняли ...": what one side claims after a claim verb and a
 * complementizer is its claim, not a fact the report states.
 */
function claimedBefore(view: SentenceView, start: number): ModalityDecision | undefined {
  const tags = view.tags;
  for (let i = Math.max(view.sentence.first, start - CLAIM_REACH); i < start; i++) {
    const m = tags.at(CUE.claims, i, start);
    if (!m) continue;
    // the complementizer right after the verb, or after a comma
    for (let k = i + m.length; k <= i + m.length + 1 && k < start; k++) {
      if (tags.has(CUE.complementizers, k, start)) return { modality: 'hypothetical', cue: wordsOf(view, i, k + 1) };
    }
  }
  return undefined;
}

/** Modal cues inside the trigger or before it in its clause, after `floor` (where the verb before it ends: its cues are its own). */
function cuedModality(view: SentenceView, lex: Lexicon, start: number, rest: string | undefined, floor: number): ModalityDecision {
  const inside = rest ? infixModality(lex, rest) : undefined;
  if (inside) return inside;
  const w = lex.policy.windows.modality;
  const { start: cs } = clauseBounds(view, start);
  const from = Math.max(cs, start - w.reach, view.sentence.first, floor);
  const tags = view.tags;
  let found: ModalityDecision = { modality: 'asserted' };
  for (let i = from; i < start; i++) {
    // "3 May 2022": a word of a date is no modal ("next week", "tomorrow" may well be a future's)
    if (view.dates.some((d) => i >= d.start && i < d.end && !d.how.startsWith('relative'))) continue;
    // A modal that belongs to another verb's clause far to the left is not this trigger's.
    const near = start - i <= w.near;
    const hab = tags.at(CUE.habitual, i, start);
    if (hab && near) return { modality: 'habitual', cue: wordsOf(view, i, i + hab.length) };
    let m = tags.has(CUE.notNegation, i, start) ? undefined : tags.at(CUE.negation, i, start);
    if (m && near) return { modality: 'negated', cue: wordsOf(view, i, i + m.length) };
    m = tags.at(CUE.advice, i, start);
    if (m && near) found = { modality: 'advised', cue: wordsOf(view, i, i + m.length) };
    m = tags.at(CUE.hypothetical, i, start);
    if (m && (near || i === cs)) {
      // "said aid would be sent": reported future, not a hypothetical
      const reported = tags.has(CUE.futureInPast, i, start) && tags.find(CUE.reportingVerbs, view.sentence.first, i) !== undefined;
      found = { modality: reported ? 'future' : 'hypothetical', cue: wordsOf(view, i, i + m.length) };
    }
    if (found.modality === 'asserted' || found.modality === 'future') {
      m = tags.at(CUE.future, i, start);
      if (m && near) found = { modality: 'future', cue: wordsOf(view, i, i + m.length) };
      m = tags.at(CUE.intent, i, start);
      if (m && start - i <= w.intent) found = { modality: 'future', cue: wordsOf(view, i, i + m.length) };
      m = tags.at(CUE.proposal, i, start);
      if (m && start - i <= w.proposal) found = { modality: 'future', cue: wordsOf(view, i, i + m.length), proposal: true };
    }
  }
  return found;
}
