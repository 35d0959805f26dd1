/**
 * Names in text: the longest lexicon name at a token, matched as the language inflects names
 * (as written, by stem, or less a suffix), with the case the name's own suffix marks.
 */
import type { Analysis, Case, Lexicon, NameEntry } from '../lexicon/index.ts';
import { indeclinableKey, nameKey } from '../lexicon/index.ts';
import type { Token } from '../text/index.ts';

export interface Hit {
  readonly start: number;
  readonly end: number;
  readonly entry: NameEntry;
  /** The case the name's own suffix marks, and the suffix. */
  readonly case?: Case;
  readonly suffix?: string;
}

/** Does the text of tokens [i, i+n) satisfy the entry's case rules? */
function caseOk(tokens: readonly Token[], i: number, entry: NameEntry, lowerAdjectives: boolean): boolean {
  const first = tokens[i];
  if (!first) return false;
  if (lowerAdjectives && (entry.kind === 'adjective' || entry.kind === 'demonym') && !entry.caseSensitive) return true;
  if (entry.caseSensitive) {
    for (let k = 0; k < entry.keys.length; k++) {
      const t = tokens[i + k];
      if (!t) return false;
      if (t.kind === 'word' && !(t.upper || /^\p{Lu}(\.\p{Lu})*\.?$/u.test(t.text))) return false;
    }
    return true;
  }
  return first.cap || first.kind !== 'word';
}

/** The key a token matches names by: its folded form, or its stem where names inflect. */
function tokenKey(lex: Lexicon, t: Token): string {
  return nameKey(lex.morphology.nameMatch === 'stem' ? t.stem : t.key);
}

/**
 * The longest lexicon name starting at token i. Where names take suffixes (Kazakh), the last
 * word may carry one (Қазақстанға = Қазақстан + dative); the hit records the case it marks.
 */
export function nameAt(lex: Lexicon, tokens: readonly Token[], i: number, end: number): Hit | undefined {
  const t = tokens[i];
  if (!t || (t.kind !== 'word' && t.kind !== 'number')) return undefined;
  const morph = lex.morphology;
  const bySuffix = morph.nameMatch === 'suffix';
  const byStem = morph.nameMatch === 'stem';
  const lookups: { key: string; analysis?: Analysis }[] = [{ key: tokenKey(lex, t) }];
  if (byStem) lookups.push({ key: indeclinableKey(t.key) });
  // Kazakh: the name plus a suffix; Russian: the stem of the word less a case ending, since
  // Snowball stems Токаев and Токаева differently.
  if (bySuffix) for (const a of morph.analyses(t.key)) lookups.push({ key: nameKey(a.base), analysis: a });
  if (byStem) for (const a of morph.analyses(t.key)) lookups.push({ key: nameKey(lex.profile.stem(a.base)) });
  let best: Hit | undefined;
  for (const lk of lookups) {
    for (const c of lex.names.candidates(lk.key)) {
      const n = c.keys.length;
      if (i + n > end || (best && best.end - best.start >= n)) continue;
      // only the last word of a name inflects
      if (lk.analysis && n > 1) continue;
      let ok = true;
      let found: Case | undefined = lk.analysis?.case;
      let suffix: string | undefined = lk.analysis?.suffix;
      for (let k = 1; k < n && ok; k++) {
        const tk = tokens[i + k];
        if (!tk) ok = false;
        else if (tokenKey(lex, tk) === c.keys[k]) continue;
        else if (byStem && morph.analyses(tk.key).some((x) => nameKey(lex.profile.stem(x.base)) === c.keys[k])) continue;
        else if (bySuffix && k === n - 1) {
          const a = morph.analyses(tk.key).find((x) => nameKey(x.base) === c.keys[k]);
          if (a) {
            found = a.case;
            suffix = a.suffix;
          } else ok = false;
        } else ok = false;
      }
      if (ok && caseOk(tokens, i, c, !lex.adjectivesCapitalised)) best = { start: i, end: i + n, entry: c, ...(found ? { case: found } : {}), ...(suffix ? { suffix } : {}) };
    }
  }
  return best;
}

