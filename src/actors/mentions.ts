/**
 * Actor mentions in a sentence: states, capitals, organisations, people, office titles resolved by
 * date ("the President of Kazakhstan" in 2022 is Tokayev), sectors ("the Kazakh Foreign
 * Ministry"), discourse phrases ("the two countries") and coordinated groups ("Tokayev and
 * Erdoğan"). Four passes, each in its own module: pieces, composition, cases, groups.
 */
import { CUE } from '../lexicon/index.ts';
import type { Token } from '../text/index.ts';
import { withCases, withOwnedCases } from './cases.ts';
import { composeMentions } from './compose.ts';
import type { MentionContext } from './context.ts';
import { groupCases, joinGroups } from './groups.ts';
import type { ActorMention } from './mention.ts';
import { scanPieces } from './scan.ts';
import { unnamedOrganizations } from './unnamed-orgs.ts';

/** Find actor mentions in tokens [from, to); group numbers start at `groupBase`. */
export function findActors(tokens: readonly Token[], from: number, to: number, ctx: MentionContext, groupBase = 0): ActorMention[] {
  const { pieces, suffixCases } = scanPieces(tokens, from, to, ctx);
  const composed = composeMentions(tokens, pieces, to, ctx, groupBase);
  // "Russia-led", "Moscow-backed": a state named as a modifier of another actor is not a party.
  const parties = composed.filter((m) => !(tokens[m.end]?.key === '-' && ctx.tags.has(CUE.hyphenModifiers, m.end + 1, to)));
  const nextGroup = Math.max(groupBase, ...composed.map((m) => m.group + 1));
  parties.push(...unnamedOrganizations(tokens, from, to, ctx.lex, ctx.tags, composed, nextGroup));
  parties.sort((a, b) => a.start - b.start);
  const grouped = joinGroups(withOwnedCases(withCases(parties, tokens, to, ctx.lex, suffixCases), tokens, ctx.lex), tokens, { from, to, groupCase: ctx.lex.morphology.groupCase }, ctx.tags);
  const next = Math.max(nextGroup, ...grouped.map((m) => m.group + 1));
  return groupCases(grouped, ctx.lex.morphology.groupCase, tokens, from, next).map(uniform);
}

/**
 * A mention with every field, in one order: built by many passes with the fields each needs, the
 * mentions would take dozens of hidden classes, and every stage that reads them would read a
 * property by the slow, many-shaped path. Absent fields are present as undefined.
 */
function uniform(m: ActorMention): ActorMention {
  return { start: m.start, end: m.end, code: m.code, kind: m.kind, sector: m.sector, name: m.name, person: m.person, attributive: m.attributive, group: m.group, how: m.how, refers: m.refers, case: m.case, unowned: m.unowned } as ActorMention;
}
