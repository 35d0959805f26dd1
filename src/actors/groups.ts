/** Coordinated mentions joined into groups: "X and Y", "X, Y and Z", "Uzbek-Kazakh". */
import { CUE, type Tags } from '../lexicon/index.ts';
import type { Token } from '../text/index.ts';
import type { ActorMention } from './mention.ts';

/** How far a comma list is followed to its conjunction ("X, Y, ..., and Z"). */
const LIST_REACH = 40;

/**
 * Where the language writes a group's case on its last member only ("Estonya, Letonya ve
 * Litvanya'nın"), the members before it take that case. A sentence's first name followed by a
 * comma is its subject, as these languages write it ("Rusya, Estonya ve Litvanya'nın diplomatlarını
 * sınır dışı etti"), not the first of the list.
 */
export function groupCases(mentions: readonly ActorMention[], groupCase: 'each' | 'last', tokens: readonly Token[], from: number, nextGroup: number): ActorMention[] {
  if (groupCase === 'each') return [...mentions];
  const out = [...mentions];
  for (let k = out.length - 1; k > 0; k--) {
    const last = out[k];
    if (!last?.case) continue;
    let q = k - 1;
    for (; q >= 0 && out[q]?.group === last.group; q--) {
      const m = out[q];
      if (!m || m.case !== undefined) continue;
      const subject = m.start === from && tokens[m.end]?.key === ',' && (q === 0 || out[q - 1]?.group !== last.group);
      out[q] = subject
        ? { ...m, group: nextGroup, how: `${m.how}; the sentence's subject, before a comma` }
        : { ...m, case: last.case, how: `${m.how}; case ${last.case} of its group` };
    }
    k = q + 1;
  }
  return out;
}

/** A named actor may join a group; a discourse phrase or a pronoun stands alone. */
function joinable(x: ActorMention): boolean {
  return x.kind !== 'discourse' && x.kind !== 'pronoun';
}

/** A comma, a conjunction or a determiner between two mentions of one list. */
function isJoiner(b: Token, tags: Tags, to: number): boolean {
  return b.key === ',' || tags.has(CUE.conjunctions, b.i, to) || tags.has(CUE.determiners, b.i, to);
}

/** The mentions with coordinated ones sharing the group of the first. */
export function joinGroups(mentions: readonly ActorMention[], tokens: readonly Token[], span: { from: number; to: number; groupCase: 'each' | 'last' }, tags: Tags): ActorMention[] {
  const { to } = span;
  const merged: ActorMention[] = [];
  for (const m of mentions) {
    const prev = merged[merged.length - 1];
    if (prev && joinable(prev) && joinable(m) && prev.group !== m.group) {
      const between = tokens.slice(prev.end + (prev.kind === 'person' ? nameTail(tokens, prev.end, m.start) : 0), m.start);
      const hyphen = between.length === 1 && (between[0]?.key === '-' || between[0]?.key === '/');
      const onlyJoiners = between.length > 0 && between.length <= 3 && between.every((b) => isJoiner(b, tags, to));
      const hasConj = between.some((b) => tags.has(CUE.conjunctions, b.i, to));
      const commaList = onlyJoiners && !hasConj && (isListContinued(tokens, m.end, to, tags) || isHeadlinePair(prev, m, merged.length, tokens, span));
      // "Kyrgyz and Tajik forces": the agent noun after the last adjective is every adjective's
      if (onlyJoiners && hasConj && prev.attributive && prev.kind === 'adjective' && m.kind === 'sector' && m.sector) {
        const g = prev.group;
        for (let q = merged.length - 1; q >= 0 && merged[q]?.group === g; q--) {
          const x = merged[q];
          if (x?.attributive && x.kind === 'adjective') merged[q] = { ...x, kind: 'sector', sector: m.sector, attributive: false, how: `${x.how}; sector ${m.sector} of the noun it shares` };
        }
        merged.push({ ...m, group: g });
        continue;
      }
      if (hyphen || (onlyJoiners && (hasConj || commaList) && prev.attributive === m.attributive)) {
        const g = prev.group;
        merged.push({ ...m, group: g });
        // hyphen compounds take the attributiveness of their last member ("Uzbek-Kazakh summit")
        if (hyphen && prev.attributive !== m.attributive) {
          for (let q = merged.length - 2; q >= 0 && merged[q]?.group === g; q--) {
            const x = merged[q];
            if (x) merged[q] = { ...x, attributive: m.attributive };
          }
        }
        continue;
      }
    }
    merged.push(m);
  }
  return merged;
}

const HEADLINE_KINDS: ReadonlySet<ActorMention['kind']> = new Set(['state', 'capital', 'org', 'person']);

/**
 * "Kazakhstan, Uzbekistan sign deal": a headline joins two names by a comma alone. Only two
 * caseless names that open a sentence with no final stop, the second followed by a lowercase
 * word (the verb). Where a comma after the first name marks the subject (the languages that
 * write a group's case on its last member: "Rusya, Ukrayna ile görüştü"), never.
 */
function isHeadlinePair(prev: ActorMention, m: ActorMention, before: number, tokens: readonly Token[], span: { from: number; to: number; groupCase: 'each' | 'last' }): boolean {
  if (span.groupCase !== 'each' || before !== 1 || prev.start !== span.from || m.start !== prev.end + 1) return false;
  if (!HEADLINE_KINDS.has(prev.kind) || !HEADLINE_KINDS.has(m.kind) || prev.case || m.case) return false;
  const last = tokens[span.to - 1];
  if (!last || (last.kind === 'punct' && /^[.!?…]$/u.test(last.key))) return false;
  const next = tokens[m.end];
  return next !== undefined && m.end < span.to && next.kind === 'word' && next.text === next.text.toLowerCase();
}

/** Words of a person's name the lexicon does not hold, after the part it does ("Sheikh Tamim bin Hamad Al Thani"). */
const NAME_TAIL = 5;

/**
 * How many tokens from i continue the name of the person before them: capitalised words, and
 * lower-case particles between two of them ("bin", "al", "de"), up to the comma that goes on with the list.
 */
function nameTail(tokens: readonly Token[], i: number, to: number): number {
  let n = 0;
  for (let k = i; k < Math.min(to, i + NAME_TAIL); k++) {
    const t = tokens[k];
    if (capital(t)) n = k - i + 1;
    else if (!(t?.kind === 'word' && capital(tokens[k + 1]))) break;
  }
  // only a name set off by a comma, as in a list; never a headline's capitalised verb ("Putin And Xi Sign")
  return tokens[i + n]?.key === ',' ? n : 0;
}

/** A word written with a capital. */
function capital(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && t.text !== t.text.toLowerCase();
}

/** "X, Y and Z": a comma joins two mentions only when the list goes on to a conjunction. */
function isListContinued(tokens: readonly Token[], i: number, to: number, tags: Tags): boolean {
  for (let k = i; k < Math.min(to, i + LIST_REACH); k++) {
    if (tags.has(CUE.conjunctions, k, to)) return true;
    const t = tokens[k];
    if (!t || (t.kind === 'punct' && t.key !== ',' && t.key !== '-')) return false;
  }
  return false;
}
