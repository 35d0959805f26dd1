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
function ownCase(key: string, lex: Lexicon): { case: Case; suffix: string } | undefined {
  if (lex.morphology.nameMatch !== 'suffix') return undefined;
  const a = lex.morphology.ownCase(key);
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
    const post = after < to ? morph.caseOfPostposition(tokens[after]) : undefined;
    // "елшісін", "Президентіне": a title or an organ ends the mention and carries its case itself
    const titled = m.kind === 'office' || m.kind === 'sector' ? ownCase(tokens[m.end - 1]?.key ?? '', lex) : undefined;
    const c = named?.case ?? suffixCase ?? post ?? titled?.case;
    const why = named ? `suffix -${named.suffix}` : suffixCase ? `suffix ${tokens[m.end]?.text ?? ''}` : post ? `postposition "${tokens[after]?.text ?? ''}"` : titled ? `suffix -${titled.suffix}` : '';
    if (!c && !why) return m;
    return { ...m, ...(c ? { case: c } : {}), how: `${m.how}${why ? `; ${why}` : ''}${c ? ` → ${c}` : ''}` };
  });
}
