/**
 * Names in text: the longest lexicon name at a token, matched as the language inflects names
 * (as written, by stem, or less a suffix), with the case the name's own suffix marks.
 */
import type { Case, Lexicon, NameEntry } from '../lexicon/index.ts';
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

/**
 * The longest lexicon name starting at token i. Where names take suffixes (Kazakh), the last
 * word may carry one (Қазақстанға = Қазақстан + dative); the hit records the case it marks.
 */
export function nameAt(lex: Lexicon, tokens: readonly Token[], i: number, end: number): Hit | undefined {
  const t = tokens[i];
  if (!t || (t.kind !== 'word' && t.kind !== 'number')) return undefined;
  const forms = lex.wordForms;
  const bySuffix = lex.morphology.nameMatch === 'suffix';
  const byStem = lex.morphology.nameMatch === 'stem';
  let best: Hit | undefined;
  for (const lk of forms.ofWord(t.word).starts) {
    for (const c of lk.candidates) {
      const n = c.keys.length;
      // candidates come longest first: none after a shorter-or-equal best can beat it
      if (best && best.end - best.start >= n) break;
      if (i + n > end) continue;
      // only the last word of a name inflects
      if (lk.analysis && n > 1) continue;
      let ok = true;
      let found: Case | undefined = lk.analysis?.case;
      let suffix: string | undefined = lk.analysis?.suffix;
      for (let k = 1; k < n && ok; k++) {
        const tk = tokens[i + k];
        const want = c.keys[k];
        if (!tk) {
          ok = false;
          continue;
        }
        const f = forms.ofWord(tk.word);
        if (f.own === want) continue;
        if (byStem && f.stems.includes(want ?? '')) continue;
        if (bySuffix && k === n - 1) {
          const a = f.suffixed.find((x) => x.key === want)?.analysis;
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
