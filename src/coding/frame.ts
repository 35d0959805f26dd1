/**
 * Roles around a trigger: who acts (subject, possessor, "of X", "by X",
 * attributive adjectives) and who is acted upon (direct object or a
 * preposition the pattern names), in active, passive and nominal forms.
 */
import type { ActorMention } from '../actors/index.ts';
import { CUE, type Lexicon } from '../lexicon/index.ts';
import { clauseBounds, wordsOf, type SentenceView } from './sentence.ts';
import { isFiniteVerb, isGerund, isIrregularForm, isParticiple } from './verb-forms.ts';

export interface Slot {
  readonly mentions: readonly ActorMention[];
  readonly how: string;
}

/** All mentions of the group a mention belongs to. */
export function groupOf(view: SentenceView, m: ActorMention): ActorMention[] {
  return view.actors.filter((x) => x.group === m.group);
}

/** The token before i, skipping determiners and numbers ("of ten Russian diplomats"). */
function prevSkippingDet(view: SentenceView, lex: Lexicon, i: number): number {
  let k = i - 1;
  while (k >= view.sentence.first && (view.tags.has(CUE.determiners, k) || view.tags.has(CUE.numberWords, k) || view.tokens[k]?.kind === 'number')) k--;
  return k;
}

/** The preposition directly introducing a mention (skipping determiners), or "" when none. */
export function introducer(view: SentenceView, lex: Lexicon, m: ActorMention): string {
  const k = prevSkippingDet(view, lex, m.start);
  const t = view.tokens[k];
  if (!t || k < view.sentence.first) return '';
  return view.tags.has(CUE.prepositions, k) ? t.key : '';
}

/**
 * What marks a mention's role: the preposition before it ("to", "в"), else its case where a
 * suffix or postposition shows it ("dat", "gen", "com"), else "" (a subject or direct object).
 */
export function markerOf(view: SentenceView, lex: Lexicon, m: ActorMention): string {
  const prep = introducer(view, lex, m);
  if (prep !== '') return prep;
  return m.case === undefined || m.case === 'nom' ? '' : m.case;
}

/** Mentions before the trigger in its clause marked by one of `markers`, nearest first. */
export function roleBefore(view: SentenceView, lex: Lexicon, start: number, markers: readonly string[], not?: Slot): Slot | undefined {
  if (markers.length === 0) return undefined;
  const { start: cs } = clauseBounds(view, start);
  // "onu Astana'ya davet etti": where objects come first, an object pronoun stands before the verb
  const cands = view.actors.filter((m) => m.end <= start && m.start >= cs && (m.kind !== 'pronoun' || (m.refers === 'person' && view.tags.has(CUE.objectPronouns, m.start)))).sort((a, b) => b.start - a.start);
  const own = new Set(not?.mentions.map((x) => x.code) ?? []);
  let ownSide: Slot | undefined;
  for (const m of cands) {
    // nor a genitive of the subject's own state ("Қазақстан Ресейдің Қазақстанның ... мәлімдемелерін"): it owns a nearer noun
    if (not?.mentions.some((x) => x.group === m.group || (m.case === 'gen' && x.code !== '' && x.code === m.code))) continue;
    // "оны ... шақырды", "onu ... davet etti": where objects are marked by case, an object pronoun
    // written without a case suffix is an accusative object
    const objectPronoun = m.kind === 'pronoun' && lex.wordOrder === 'sov' && m.case === undefined;
    const marker = objectPronoun && !markers.includes('') ? 'acc' : markerOf(view, lex, m);
    if (!markers.includes(marker)) continue;
    // "AB'nin Çin açıklamasını", "Kazakistan'ın Ankara Büyükelçisi": the owner in the genitive is the side, not a
    // name inside the phrase it owns (a dative there is the trigger's own target: "Ermenistan'ın Azerbaycan'a yönelik saldırıları")
    // (an accusative yields only where the owner can be the side: "Putin'in Türkiye'yi ziyaret etmesi" keeps its object)
    // "X'in, Y'nin katılımıyla ilgili aldığı karara": a genitive set off by a comma owns the phrase's last
    // noun; the genitives after it own nouns inside the phrase
    const apart = marker === 'gen' ? genitiveSetOff(view, lex, cands, m) : undefined;
    if (apart && !not?.mentions.some((x) => x.group === apart.group)) return { mentions: groupOf(view, apart), how: 'genitive set off by a comma before the trigger' };
    const owner = marker === '' || (marker === 'acc' && markers.includes('gen')) ? ownedByGenitive(view, lex, m) : undefined;
    if (owner && not?.mentions.some((x) => x.group === owner.group)) continue;
    const slot = owner
      ? { mentions: groupOf(view, owner), how: 'genitive owner of the phrase before the trigger' }
      : { mentions: groupOf(view, m), how: marker ? `${marker} before the trigger` : 'unmarked before the trigger' };
    // "Rus birliklerini Harkiv bölgesinde püskürttü": a place of the actor's own state is where, not whom; a farther other side wins
    if (own.size > 0 && slot.mentions.every((x) => x.kind === 'place' && own.has(x.code))) {
      ownSide ??= slot;
      continue;
    }
    return slot;
  }
  return ownSide;
}

/**
 * Where a genitive stands before its head, one followed by a comma ("Meclisi'nin, ...") owns the noun
 * the long phrase after it ends in, not the first noun after it: of the candidates farther than `m`,
 * the genitive set off by a comma with no other comma between it and `m`.
 */
function genitiveSetOff(view: SentenceView, lex: Lexicon, cands: readonly ActorMention[], m: ActorMention): ActorMention | undefined {
  if (lex.genitiveAfter || lex.wordOrder !== 'sov') return undefined;
  for (const g of cands) {
    if (g.start >= m.start || g.case !== 'gen' || g.group === m.group) continue;
    let k = g.end;
    if (view.tokens[k]?.kind === 'suffix') k++;
    if (view.tokens[k]?.key !== ',') continue;
    if (view.tokens.slice(k + 1, m.start).some((t) => t.key === ',')) continue;
    return g;
  }
  return undefined;
}

/**
 * Where a genitive stands before its head (Turkish, Kazakh), a name right after a genitive name is
 * inside the phrase that name owns ("Türkiye'nin Amerikan savaş uçağı alma kararı"): neither the
 * clause's subject nor the side acted on.
 */
function ownedByGenitive(view: SentenceView, lex: Lexicon, m: ActorMention): ActorMention | undefined {
  if (lex.genitiveAfter) return undefined;
  return view.actors.find((g) => g.case === 'gen' && g.group !== m.group && (g.end === m.start || (g.end + 1 === m.start && view.tokens[g.end]?.kind === 'suffix')));
}

/**
 * Is the trigger at [start, end) passive ("was signed", "have been raised"), or a participle
 * after a noun ("the agreement signed in 2009")?
 */
export function isPassive(view: SentenceView, lex: Lexicon, start: number, rest?: string, end = start + 1): boolean {
  const trig = view.tokens[start];
  // "шақыр|ылды", "шақырыл|ды": a passive written inside the verb, right after its root — the
  // last word of the phrase, where the prefix ends ("наразылық білдір|ді" is active)
  const verb = view.tokens[end - 1];
  if (rest !== undefined && verb) {
    const root = verb.key.slice(0, verb.key.length - rest.length);
    if (lex.passiveInfixes.some((x) => rest.startsWith(x) || root.endsWith(x))) return true;
    // "тұтқында|лды": a vowel stem's passive, known only where the prefix stops at the stem
    if (lex.passiveAfterPrefix.some((x) => rest.startsWith(x))) return true;
  }
  // "has been sending" is active; only a participle can be passive.
  if (trig && isGerund(lex, trig.key)) return false;
  const before = view.tokens[start - 1]?.key === '"' ? start - 2 : start - 1;
  if (trig && before >= view.sentence.first && isParticiple(lex, trig.key) && view.tags.has(CUE.agreementWords, before)) return true;
  // "is set to visit", "was ready to mediate": an infinitive is no passive
  if (view.tags.has(CUE.infinitive, start - 1, start)) return false;
  // where the language marks participles, the verb must be one ("was sent", "were signed"), not a base form
  if (trig && lex.participleEndings.length > 0 && !isParticiple(lex, trig.key) && !isIrregularForm(lex, trig.key)) return false;
  // "the republics backed by Moscow", "a truce brokered by Russia": a participle with its agent right after it, no "has" before
  if (lex.participleEndings.length > 0 && lex.preps.agent.includes(view.tokens[end]?.key ?? '')
    && view.tags.find(CUE.perfectAux, Math.max(view.sentence.first, start - 2), start) === undefined) return true;
  for (let k = start - 1, n = 0; k >= view.sentence.first && n < 3; k--, n++) {
    const t = view.tokens[k];
    if (!t) break;
    if (view.tags.has(CUE.passiveAux, k)) return true;
    if (t.kind !== 'word' || view.actors.some((m) => k >= m.start && k < m.end)) break;
  }
  return false;
}

/** Is the trigger used as a noun (after a determiner, possessive, adjective or number, or before "of")? */
export function looksNominal(view: SentenceView, lex: Lexicon, start: number, end: number): boolean {
  const prev = view.tokens[start - 1];
  const next = view.tokens[end];
  if (!prev) return false;
  if (view.tags.has(CUE.infinitive, start - 1) || view.tags.has(CUE.verbAfter, start - 1)) return false;
  const trig = view.tokens[end - 1];
  // a finite verb is no noun, though a genitive before it owns its object ("İsrail'in saldırısını kınadı")
  if (trig && isFiniteVerb(lex, trig.key)) return false;
  // ", accusing the bloc of", "while warning Moscow": an -ing form opening a clause, with its object after it, is a verb
  if (trig && end - start === 1 && isGerund(lex, trig.key) && participleClause(view, start, end)) return false;
  // "әскер жіберген болатын": a participle with an auxiliary after it is a finite verb (the pluperfect)
  if (lex.wordOrder === 'sov' && view.tags.has(CUE.perfectAux, end)) return false;
  // an -ing form without an auxiliary before it is a gerund or noun ("council meeting")
  if (trig && end - start === 1 && isGerund(lex, trig.key) && !view.tags.has(CUE.passiveAux, start - 1) && !view.tags.has(CUE.perfectAux, start - 1)) return true;
  if (view.tags.has(CUE.determiners, start - 1) || view.tags.has(CUE.possessive, start - 1)) return true;
  if (prev.kind === 'number') return true;
  if (trig && end - start === 1 && adjectiveBetween(view, lex, start, trig.key)) return true;
  if (view.actors.some((m) => m.end === start && m.attributive)) return true;
  if (view.tags.has(CUE.prepositions, start - 1)) return true;
  if (view.actors.some((m) => m.case === 'gen' && m.end <= start && genitiveGap(view, lex, m, start) <= lex.policy.windows.possessor)) return true;
  if (next && view.tags.has(CUE.genitivePrep, end)) return true;
  return false;
}

/** True when the word at start opens a clause after the main one (after a comma or a clause word such as "while") and an object follows it. */
function participleClause(view: SentenceView, start: number, end: number): boolean {
  // a fronted clause ("After meeting Aliyev, Erdogan flew") keeps the noun reading, which finds both sides
  if (start - 1 <= view.sentence.first) return false;
  const opens = view.tokens[start - 1]?.key === ',' || view.tags.has(CUE.clauseBreaks, start - 1, start);
  const object = view.tags.has(CUE.determiners, end, end + 1) || view.actors.some((m) => m.start === end && m.kind !== 'pronoun');
  return opens && object;
}

/**
 * "for the warm welcome", "a strong protest": where the language marks its participles, a bare
 * form two words after a determiner, with a lowercase word that names no actor between, is a noun
 * after its adjective ("the government welcomed" keeps its verb: "welcomed" is no bare form).
 */
function adjectiveBetween(view: SentenceView, lex: Lexicon, start: number, key: string): boolean {
  if (lex.participleEndings.length === 0 || isParticiple(lex, key) || isGerund(lex, key) || isIrregularForm(lex, key)) return false;
  const adj = view.tokens[start - 1];
  if (!adj || adj.kind !== 'word' || adj.text !== adj.text.toLowerCase() || view.actors.some((m) => start - 1 >= m.start && start - 1 < m.end)) return false;
  return start - 2 >= view.sentence.first && (view.tags.has(CUE.determiners, start - 2) || view.tags.has(CUE.possessive, start - 2));
}

/**
 * The clause subject: the nearest mention group left of the trigger that is not inside a
 * prepositional phrase — or, for a verb in a verb-final language (`leftmost`), the first: such a
 * clause opens with its subject, and unmarked names nearer the verb modify its object ("Қытай
 * АҚШ-ты Тайвань мәселесінде қорқытты").
 */
/** The mention a relative clause opening at `cs` follows ("Guterres, who ..."), if any. */
export function antecedentOf(view: SentenceView, cs: number): ActorMention | undefined {
  if (!view.tags.has(CUE.relativePronouns, cs)) return undefined;
  let k = cs - 1;
  if (view.tokens[k]?.key === ',') k--;
  return view.actors.find((m) => m.end === k + 1 && !m.attributive);
}

export function subjectOf(view: SentenceView, lex: Lexicon, start: number, leftmost = false): Slot | undefined {
  const { start: cs } = clauseBounds(view, start);
  // ", accusing Berlin of": a participle after the main clause's object takes that clause's first subject, not its object
  const participle = view.tokens[start - 1]?.key === ',' && isGerund(lex, view.tokens[start]?.key ?? '');
  const inClause = subjectIn(view, lex, cs, start, leftmost || participle);
  if (inClause) return inClause;
  const parallel = parallelAuxSubject(view, lex, cs, start);
  if (parallel) return parallel;
  // "Guterres, who visited Almaty": a relative clause's subject is the mention it follows.
  const antecedent = antecedentOf(view, cs);
  if (antecedent) return { mentions: groupOf(view, antecedent), how: 'antecedent of a relative clause' };
  // "Biden wanted stable ties, while warning Moscow": a participle clause with no subject of its own is the main clause's
  if (cs > view.sentence.first && cs >= start - 1 && isGerund(lex, view.tokens[start]?.key ?? '') && view.tags.has(CUE.clauseBreaks, cs, start + 1)) {
    const { start: ps } = clauseBounds(view, cs - 1);
    const main = subjectIn(view, lex, ps, cs, leftmost);
    if (main) return { ...main, how: `${main.how}, of the clause the participle follows` };
  }
  // "Азербайджан заявил, что выведет войска": a reported clause with no subject of its own is the reporter's
  // — also where the clause opens with the reporting verb itself, with no complementizer ("Beijing said it was considering")
  // (not a parenthetical "he said, the deal signed that day ...")
  const saidOpens = cs > view.sentence.first && view.tags.has(CUE.reportingVerbs, cs) && !view.tags.has(CUE.complementizers, cs)
    && view.tokens[cs + 1]?.kind === 'word';
  if (saidOpens || (view.tags.has(CUE.complementizers, cs) && view.tags.find(CUE.reportingVerbs, Math.max(view.sentence.first, cs - 3), cs) !== undefined)) {
    const { start: ps } = clauseBounds(view, cs - 1);
    const reporter = subjectIn(view, lex, ps, cs, leftmost);
    if (reporter) return { ...reporter, how: `${reporter.how}, who reports the clause` };
  }
  return undefined;
}

/**
 * "Tokayev had told Putin that the situation was stabilising, and had expressed thanks to the CSTO":
 * a verb after a comma, a conjunction and an auxiliary, with no subject in its clause, is coordinated
 * with the verb whose subject that same auxiliary follows earlier in the sentence, not with the
 * complement clause between them.
 */
function parallelAuxSubject(view: SentenceView, lex: Lexicon, cs: number, start: number): Slot | undefined {
  let k = start - 1;
  if (!view.tags.has(CUE.perfectAux, k, k + 1) && !view.tags.has(CUE.passiveAux, k, k + 1)) return undefined;
  const aux = view.tokens[k]?.key;
  k--;
  if (k < cs || !view.tags.has(CUE.conjunctions, k, k + 1) || view.tokens[k - 1]?.key !== ',') return undefined;
  if (view.actors.some((m) => m.start >= cs && m.end <= start && !m.attributive)) return undefined;
  const subject = [...view.actors].reverse().find((m) => m.end < k && !m.attributive && m.kind !== 'pronoun' && view.tokens[m.end]?.key === aux && markerOf(view, lex, m) === '');
  return subject ? { mentions: groupOf(view, subject), how: `subject "${wordsOf(view, subject.start, subject.end)}", of the verb its auxiliary "${aux ?? ''}" repeats` } : undefined;
}

/** How far after an organisation's name a sidelines phrase may end ("ŞİÖ zirvesi marjında"). */
const SETTING_REACH = 3;

function subjectIn(view: SentenceView, lex: Lexicon, cs: number, start: number, leftmost = false): Slot | undefined {
  const cands = view.actors.filter((m) => m.end <= start && m.start >= cs && !m.attributive && !insideInsertion(view, lex, m, start))
    .sort((a, b) => (leftmost ? a.start - b.start : b.start - a.start));
  for (const m of cands) {
    if (markerOf(view, lex, m) !== '' && !afterQuantity(view, lex, m) && !ownsOpeningSubject(view, lex, m, cs, start, leftmost)) continue;
    if (ownedByGenitive(view, lex, m) !== undefined) continue;
    if (placeBeforeItsNoun(view, lex, m, start) && cands.some((c) => c.start < m.start && c.kind !== 'place' && markerOf(view, lex, c) === '')) continue;
    // "their meeting": a possessive pronoun is a determiner, not a subject
    if (m.kind === 'pronoun' && m.refers === 'person' && view.tags.has(CUE.determiners, m.start)) continue;
    // "onu davet etti": an object pronoun is no subject
    if (m.kind === 'pronoun' && view.tags.has(CUE.objectPronouns, m.start)) continue;
    // "ШЫҰ саммиті аясында Тоқаев ... кездесті": the organisation whose summit sets the scene is no subject
    if (m.kind === 'org' && view.tags.find(CUE.sidelines, m.end, Math.min(start, m.end + SETTING_REACH)) !== undefined) continue;
    // a possessor ("Turkey's support") is the actor of the noun it owns, not a separate subject
    const how = `subject "${wordsOf(view, m.start, m.end)}"`;
    const co = leftmost ? coSubject(view, lex, m, start) : undefined;
    return co ? { mentions: [...groupOf(view, m), ...groupOf(view, co)], how: `${how} and its co-subject` } : { mentions: groupOf(view, m), how };
  }
  return undefined;
}

/**
 * Where modifiers come before their noun (Turkish, Kazakh), a city or region named before a common
 * noun names that noun's place ("Rusya ve Ukrayna, Zaporijya nükleer santraline ... birbirini itham
 * etti"): where an unmarked name opens the clause before it, that name is the subject, not the place
 * (a clause that opens with the place's phrase keeps it: "Ақтөбе облыстық шекара қызметінің бастығы").
 */
function placeBeforeItsNoun(view: SentenceView, lex: Lexicon, m: ActorMention, before: number): boolean {
  if (m.kind !== 'place' || lex.wordOrder !== 'sov' || m.case !== undefined || m.end >= before - 1) return false;
  const next = view.tokens[m.end];
  return next !== undefined && next.kind === 'word' && /^\p{Ll}/u.test(next.text) && !view.tags.has(CUE.conjunctions, m.end)
    && !view.actors.some((x) => x.start === m.end);
}

/** How far an apposition between commas may run ("Turkey, a NATO member, signed"). */
const APPOSITION_REACH = 8;

/**
 * Is a mention inside a phrase set off by commas that closes before the trigger: a relative clause
 * ("Guterres, who visited Almaty, met"), a participle phrase ("Пашинян, принимавший участие в
 * саммите ОДКБ, отказался"), the source of what follows ("По мнению Токаева, переговоры") or an
 * apposition to a name, closed right before the verb ("Turkey, an OTS member, signed")?
 * Its names belong to the phrase, not to the verb after it.
 */
function insideInsertion(view: SentenceView, lex: Lexicon, m: ActorMention, before: number): boolean {
  let open = m.start - 1;
  while (open >= view.sentence.first && view.tokens[open]?.key !== ',') open--;
  const from = open + 1;
  const opener = view.tokens[from];
  if (!opener || opener.kind !== 'word') return false;
  // "По мнению Токаева, переговоры помогли": whose words these are, set off by a comma
  const source = view.tags.find(CUE.reportingVerbs, from, Math.min(m.start, from + 2)) !== undefined;
  const opens = source || (open >= view.sentence.first && (view.tags.has(CUE.relativePronouns, from) || lex.insertionEndings.some((e) => opener.key.endsWith(e))));
  if (!opens) return open >= view.sentence.first && isApposition(view, open, before);
  for (let k = m.end; k < before; k++) if (view.tokens[k]?.key === ',') return true;
  return false;
}

/** The comma at `open` follows a name and opens a phrase with no conjunction (no list) that a comma closes right before the verb. */
function isApposition(view: SentenceView, open: number, before: number): boolean {
  const close = before - 1;
  if (view.tokens[close]?.key !== ',' || close - open < 2 || close - open > APPOSITION_REACH) return false;
  for (let k = open + 1; k < close; k++) {
    const t = view.tokens[k];
    if (!t || (t.kind === 'punct' && t.key !== ',') || t.key === ',' || view.tags.has(CUE.conjunctions, k)) return false;
  }
  return view.actors.some((m) => m.end === open && !m.attributive);
}

/**
 * Where a clause opens with its subject, a genitive name that opens it owns the subject's head
 * noun and stands for it: "[Еуропалық Одақтың] ... санкциялары күшіне енді", "[Өзбекстан СІМ-нің]
 * өкілі ... кездесті" — unless a comma closes its phrase before the verb.
 */
function ownsOpeningSubject(view: SentenceView, lex: Lexicon, m: ActorMention, cs: number, start: number, leftmost: boolean): boolean {
  if (!leftmost || !lex.subjectFirst || m.case !== 'gen' || m.start !== cs) return false;
  // "Ақорданың хабарлауынша, ...": a genitive set off by a comma owns an aside, not the subject
  return !view.tokens.slice(m.end, start).some((t) => t.key === ',');
}

/**
 * Where a clause opens with its subject, a second subject joined to the first's phrase by a
 * conjunction: "[Баткен шекара қызметінің бастығы] мен [Тәжікстан ... бастығы] сөйлесті" — the
 * first phrase runs on past its name to its head noun (up to four words), then "мен", then the
 * next unmarked name.
 */
function coSubject(view: SentenceView, lex: Lexicon, m: ActorMention, before: number): ActorMention | undefined {
  for (let k = m.end; k < Math.min(before, m.end + 5); k++) {
    const t = view.tokens[k];
    if (!t || t.kind !== 'word' || view.actors.some((x) => k >= x.start && k < x.end)) return undefined;
    if (!view.tags.has(CUE.conjunctions, k)) continue;
    if (k === m.end) return undefined; // names joined directly are one group already
    const next = view.actors.find((x) => x.start === k + 1 && x.group !== m.group && !x.attributive && x.kind !== 'pronoun');
    return next && next.end <= before && markerOf(view, lex, next) === '' ? next : undefined;
  }
  return undefined;
}

/** "hundreds of Kyrgyz citizens": a mention in an "of" phrase after a word of quantity stands for the quantity. */
function afterQuantity(view: SentenceView, lex: Lexicon, m: ActorMention): boolean {
  const k = prevSkippingDet(view, lex, m.start);
  return view.tags.has(CUE.genitivePrep, k) && view.tags.has(CUE.quantifiers, k - 1, k);
}

/**
 * Words between a genitive and the noun it may own, less the names in another case between them:
 * where the genitive comes first it is also the subject of a relative clause on the noun, whose
 * own arguments stand between ("Rusya'nın Ukrayna'ya düzenlediği füze saldırısı"); a locative there places
 * the noun itself ("Израильдің Газа секторындағы әуе шабуылдары") and still counts.
 */
function genitiveGap(view: SentenceView, lex: Lexicon, g: ActorMention, start: number): number {
  const gap = start - g.end;
  if (lex.genitiveAfter) return gap;
  // only where a name in another case opens the relative clause right after the genitive
  const open = view.tokens[g.end]?.kind === 'suffix' ? g.end + 1 : g.end;
  if (!view.actors.some((m) => m.start === open && m.group !== g.group)) return gap;
  let inside = 0;
  for (const m of view.actors) {
    if (m.start < g.end || m.end > start || m.group === g.group || m.case === undefined || m.case === 'nom' || m.case === 'gen' || m.case === 'loc') continue;
    inside += m.end - m.start + (view.tokens[m.end]?.kind === 'suffix' && m.end < start ? 1 : 0);
  }
  return gap - inside;
}

/** Nominal actor: "X's visit", "Uzbek-Kazakh summit", "visit of X" (unless `ofIsObject`: "the expulsion of diplomats"). */
export function possessorOf(view: SentenceView, lex: Lexicon, start: number, end: number, ofIsObject = false): Slot | undefined {
  const reach = lex.policy.windows.possessor;
  for (const m of view.actors) {
    const gap = start - m.end;
    if (gap < 0 || gap > reach) continue;
    const poss = view.tags.has(CUE.possessive, m.end) || view.tags.has(CUE.possessive, m.end - 1);
    if (poss) return { mentions: groupOf(view, m), how: 'possessor' };
    // "during his visit to Beijing", "his first trip abroad": a possessive pronoun is the noun's doer
    if (m.kind === 'pronoun' && m.refers === 'person' && view.tags.has(CUE.determiners, m.start) && (gap === 0 || !view.tags.has(CUE.objectPronouns, m.start)) && gap <= 1) return { mentions: [m], how: 'possessive pronoun' };
    if (m.attributive && gap <= 1) return { mentions: groupOf(view, m).filter((x) => x.attributive), how: 'attributive adjective' };
  }
  // "Tokayev'in Türkiye'ye ziyareti", "Тоқаевтың сапары": a genitive before the noun
  const gen = view.actors.filter((m) => m.case === 'gen' && m.end <= start && genitiveGap(view, lex, m, start) <= reach).sort((a, b) => b.start - a.start)[0];
  if (gen) return { mentions: groupOf(view, gen), how: 'genitive' };
  if (ofIsObject) return undefined;
  // "визит Токаева": a mention straight after the noun is its genitive
  if (lex.genitiveAfter) {
    const next = view.actors.find((m) => m.start === end && introducer(view, lex, m) === '');
    if (next) return { mentions: groupOf(view, next), how: 'genitive after the noun' };
  }
  if (view.tags.has(CUE.genitivePrep, end)) {
    const after = view.actors.find((m) => m.start > end && m.start <= end + 2 && introducer(view, lex, m) !== '' && view.tokens[prevSkippingDet(view, lex, m.start)]?.i === end);
    if (after) return { mentions: groupOf(view, after), how: '"of" phrase' };
  }
  return undefined;
}

/**
 * "ABD'den Çin'e yeni yaptırım", "Ресейден Украинаға": where objects come before the verb, an
 * ablative name right before a dative one, in the trigger's clause, is the act's source and the
 * dative its target — unless the recipient found already is another name.
 */
export function sourceBefore(view: SentenceView, lex: Lexicon, start: number, recipient: Slot | undefined): { actor: Slot; recipient: Slot } | undefined {
  if (lex.wordOrder !== 'sov') return undefined;
  const { start: cs } = clauseBounds(view, start);
  for (const from of view.actors) {
    if (from.start < cs || from.end > start || from.case !== 'abl') continue;
    const next = view.tokens[from.end]?.kind === 'suffix' ? from.end + 1 : from.end;
    const to = view.actors.find((m) => m.start === next && m.case === 'dat' && m.group !== from.group && m.end <= start);
    if (!to || (recipient && !recipient.mentions.some((m) => m.group === to.group))) continue;
    return { actor: { mentions: groupOf(view, from), how: 'ablative before the dative' }, recipient: recipient ?? { mentions: groupOf(view, to), how: 'dative after the ablative' } };
  }
  return undefined;
}

/** Mentions after the trigger introduced by one of `preps` ("" = direct object, close to the trigger). */
export function objectOf(view: SentenceView, lex: Lexicon, end: number, preps: readonly string[], directGap?: number): Slot | undefined {
  if (preps.length === 0) return undefined;
  const { end: ce } = clauseBounds(view, Math.max(view.sentence.first, end - 1));
  const w = lex.policy.windows.object;
  const gap = directGap ?? w.directGap;
  const limit = Math.min(ce, end + w.reach);
  const seen = new Set<number>();
  // "support for the reforms carried out by Kazakhstan": the trigger's own phrase reaches the actor.
  // "turned to the leaders of the member states of the CSTO": likewise a phrase the trigger's own last word opens
  const ownPrep = view.tags.has(CUE.prepositions, end) && preps.includes(view.tokens[end]?.key ?? '') ? view.tokens[end]?.key
    : end - 1 >= view.sentence.first && view.tags.has(CUE.prepositions, end - 1, end) && preps.includes(view.tokens[end - 1]?.key ?? '') ? view.tokens[end - 1]?.key : undefined;
  for (const m of view.actors) {
    // "invited him": an object pronoun is an object; "he said", "their agreement" are no objects
    if (m.start < end || m.start >= limit || seen.has(m.group) || (m.kind === 'pronoun' && !objectPronoun(view, m))) continue;
    seen.add(m.group);
    const prep = markerOf(view, lex, m);
    if (prep === '' && !preps.includes('')) continue;
    if (prep === '' && m.start - end > gap && !(ownPrep && m.start - end <= w.ownPhrase)) continue;
    if (prep !== '' && !preps.includes(prep) && !(ownPrep && m.start - end <= w.ownPhrase)) continue;
    return { mentions: groupOf(view, m).filter((x) => x.start >= end), how: prep ? `"${prep}" phrase` : 'direct object' };
  }
  return complementSubject(view, lex, end, preps);
}

/**
 * "invited him": an object pronoun is an object; "he said", "their agreement" are none. "urged
 * them" is an object where the sentence named a group of sides before it ("his counterparts in
 * both countries ... urged them"), not a thing ("bought drones and deployed them").
 */
function objectPronoun(view: SentenceView, m: ActorMention): boolean {
  if (!view.tags.has(CUE.objectPronouns, m.start) || view.tags.has(CUE.determiners, m.start)) return false;
  return m.refers === 'person' || (m.refers === 'group' && view.actors.some((x) => x.kind === 'discourse' && x.refers === 'dyad' && x.end <= m.start));
}

/**
 * "demanded that Turkey halt the operation", "потребовал, чтобы Киев прекратил": where the pattern
 * names the complementizer among its markers, the subject of the clause it opens is the addressee.
 */
function complementSubject(view: SentenceView, lex: Lexicon, end: number, preps: readonly string[]): Slot | undefined {
  let k = end;
  if (view.tokens[k]?.key === ',') k++;
  const word = view.tokens[k]?.key ?? '';
  if (!preps.includes(word) || !view.tags.has(CUE.complementizers, k)) return undefined;
  const { end: ce } = clauseBounds(view, k + 1);
  // the clause's subject comes first in it ("if Helsinki allowed NATO bases": Helsinki)
  const subject = subjectIn(view, lex, k + 1, Math.min(ce, k + 1 + lex.policy.windows.object.reach), true);
  return subject ? { mentions: subject.mentions, how: `subject of the "${word}" clause` } : undefined;
}
