/**
 * The case of each mention, where the language shows it: the name's own suffix (Қазақстанға), a
 * suffix token after it (Türkiye'ye), a suffix after a hyphen (ҰҚШҰ-ға), or a postposition
 * (Aliyev ile).
 */
import type { Case, Lexicon } from '../lexicon/index.ts';
import type { Token } from '../text/index.ts';
import type { ActorMention } from './mention.ts';
import type { SuffixCases } from './scan.ts';

/** The case a common noun's own ending marks, where the language reads names less a suffix (Kazakh). */
function ownCase(key: string, lex: Lexicon, unowned = false): { case: Case; suffix: string } | undefined {
  if (lex.morphology.nameMatch !== 'suffix') return undefined;
  // a form the lemma table names ("азаматы": азамат + -ы) is read as the table says
  const a = unowned && !lex.profile.lemmas.has(key) ? lex.morphology.unownedCase(key) : lex.morphology.ownCase(key);
  return a?.case ? { case: a.case, suffix: a.suffix } : undefined;
}

/** The mentions with the case each is in, and how it shows. */
export function withCases(mentions: readonly ActorMention[], tokens: readonly Token[], to: number, lex: Lexicon, own: SuffixCases): ActorMention[] {
  const morph = lex.morphology;
  return mentions.map((m) => {
    const after = tokens[m.end]?.kind === 'suffix' ? m.end + 1 : m.end;
    const named = own.get(m.end);
    const next = tokens[m.end + 1];
    const hyphenated = tokens[m.end]?.key === '-' && next && !next.space ? morph.caseOfWord(next.key) : undefined;
    const suffixCase = morph.caseOfSuffix(tokens[m.end]) ?? hyphenated;
    // the word after the name and its suffix ("НАТО-ға кіруіне": after the hyphen and "ға")
    const postAt = hyphenated ? m.end + 2 : after;
    const post = postAt < to ? morph.caseOfPostposition(tokens[postAt]) : undefined;
    // "елшісін", "Президентіне": a title or an organ ends the mention and carries its case itself
    // likewise an organisation's agents after its name ("МАГАТЭ инспекторларын", "ЕҚЫҰ бақылаушыларына")
    const titled = m.kind === 'office' || m.kind === 'sector' || (m.kind === 'org' && m.end - m.start > 1) ? ownCase(tokens[m.end - 1]?.key ?? '', lex, m.unowned) : undefined;
    // "НАТО-ға кіруіне": a name in a case before a postposition of topic is that topic, whatever its own case
    const topic = post === 'ins' ? post : undefined;
    const c = topic ?? named?.case ?? suffixCase ?? post ?? titled?.case;
    const why = topic ? `postposition "${tokens[postAt]?.text ?? ''}"` : named ? `suffix -${named.suffix}` : suffixCase ? `suffix ${tokens[m.end]?.text ?? ''}` : post ? `postposition "${tokens[postAt]?.text ?? ''}"` : titled ? `suffix -${titled.suffix}` : '';
    if (!c && !why) return m;
    return { ...m, ...(c ? { case: c } : {}), how: `${m.how}${why ? `; ${why}` : ''}${c ? ` → ${c}` : ''}` };
  });
}

/**
 * "Ресей Армения позицияларына оқ атты": where the language writes possession on the noun
 * (`morphology.possessed`), a bare name right before a possessed noun in a case owns that noun and
 * takes its case — once the sentence has its subject, an unmarked name before it.
 */
export function withOwnedCases(mentions: readonly ActorMention[], tokens: readonly Token[], lex: Lexicon): ActorMention[] {
  const morph = lex.morphology;
  if (morph.nameMatch !== 'suffix') return [...mentions];
  return mentions.map((m, i) => {
    if (m.case !== undefined || mentions.some((x) => x.start === m.end)) return m;
    if (m.attributive) return headCase(m, mentions.slice(0, i), tokens, lex) ?? m;
    const next = tokens[m.end];
    if (next?.kind !== 'word') return m;
    // "Әзірбайжан бірін-бірі": the first half of a hyphenated pair is no noun the name owns
    const joined = tokens[m.end + 1];
    if (joined?.key === '-' && !joined.space) return m;
    // "Калининград транзитіне қатысты": the phrase belongs to the postposition after it, no role of its own
    if (morph.caseOfPostposition(tokens[m.end + 1]) !== undefined) return m;
    const owned = morph.possessedCase(next.key);
    const subject = mentions.slice(0, i).some((x) => (x.case === undefined || x.case === 'nom') && !x.attributive && x.group !== m.group);
    if (!owned?.case || owned.case === 'nom' || !subject) return m;
    return { ...m, case: owned.case, how: `${m.how}; owns "${next.text}" (-${owned.suffix}) → ${owned.case}` };
  });
}

/**
 * "Қырғызстан қазақстандық жүк көліктеріне шекараны ашты": a nationality adjective after the
 * subject stands for the side its noun phrase names, in the case of the phrase's head (up to two
 * words on, before any other name).
 */
function headCase(m: ActorMention, before: readonly ActorMention[], tokens: readonly Token[], lex: Lexicon): ActorMention | undefined {
  if (!before.some((x) => (x.case === undefined || x.case === 'nom') && !x.attributive && x.group !== m.group)) return undefined;
  for (let k = m.end; k < m.end + 2; k++) {
    const t = tokens[k];
    if (t?.kind !== 'word') return undefined;
    const own = lex.morphology.ownCase(t.key);
    if (own?.case === undefined) continue;
    // an accusative phrase may be the object of a verb inside a report ("тәжік заставаларын атқылады деп")
    if (own.case === 'nom' || own.case === 'acc') return undefined;
    return { ...m, attributive: false, case: own.case, how: `${m.how}; its noun "${t.text}" (-${own.suffix}) → ${own.case}` };
  }
  return undefined;
}
