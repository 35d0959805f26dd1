/**
 * Checks on word lists: a word written twice, and a form that adds nothing because it reduces to
 * the same stems as another form of its list (pattern words match on stems, so "визита" adds
 * nothing beside "визит").
 */
import type { LanguageProfile } from '../text/index.ts';
import { issueAt, type LexiconIssue, type Place } from './issues.ts';
import { phraseWords } from './matcher.ts';

/**
 * What a phrase matches, as the matcher compiles it: each word by its stem (or its folded form,
 * `on` "key"), a word written with a final "*" by its folded form as a prefix. Two phrases with
 * the same signature match exactly the same text.
 */
export function phraseSignature(phrase: string, profile: LanguageProfile, on: 'stem' | 'key' = 'stem'): string {
  return phraseWords(phrase, profile, on).map((w) => (w.on === 'prefix' ? `${w.text}*` : w.text)).join(' ');
}

/** A word of an expanded list, and where it came from: written here, or brought by "@list". */
export interface SourcedWord {
  readonly word: string;
  /** The list that brought it ("modal"); undefined when written in this array. */
  readonly from?: string;
}

/** A word array with its references expanded, each word tagged with its source. */
export function sourcedWords(written: readonly string[], lists: (name: string) => readonly string[] | undefined): SourcedWord[] {
  return written.flatMap((word) => {
    const ref = word.startsWith('@') ? word.slice(1) : undefined;
    if (ref === undefined) return [{ word }];
    return (lists(ref) ?? []).map((w) => ({ word: w, from: ref }));
  });
}

function origin(w: SourcedWord): string {
  return w.from === undefined ? 'here' : `in @${w.from}`;
}

/**
 * Duplicates and redundant forms among the words of one list. A pair both brought by the same
 * "@list" is left to that list's own check; any other pair is reported at `place`.
 */
export function checkWordList(place: Place, words: readonly SourcedWord[], profile: LanguageProfile | undefined): LexiconIssue[] {
  const issues: LexiconIssue[] = [];
  const seen = new Map<string, SourcedWord>();
  const bySignature = new Map<string, SourcedWord>();
  for (const w of words) {
    const twin = seen.get(w.word);
    if (twin) {
      if (twin.from === undefined || twin.from !== w.from) {
        const where = twin.from === w.from ? '' : ` (${origin(twin)} and ${origin(w)})`;
        issues.push(issueAt(place, 'duplicate_word', `"${w.word}" is listed twice${where}`, 'warning'));
      }
      continue;
    }
    seen.set(w.word, w);
    if (!profile) continue;
    const sig = phraseSignature(w.word, profile);
    const same = bySignature.get(sig);
    if (!same) {
      bySignature.set(sig, w);
      continue;
    }
    if (same.from !== undefined && same.from === w.from) continue;
    const where = same.from === w.from ? '' : ` (${origin(same)} and ${origin(w)})`;
    issues.push(issueAt(place, 'redundant', `"${w.word}" is redundant beside "${same.word}"${where}: both match ${sig}`, 'warning'));
  }
  return issues;
}
