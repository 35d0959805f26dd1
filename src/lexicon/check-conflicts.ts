/**
 * Conflicts between entries of one language: a trigger phrase that fires patterns of different
 * types, and a name that stands for two different codes. Both are warnings: either may be meant
 * (requires/excludes tell the patterns apart; dates tell people apart), but each deserves a look.
 */
import { dateBounds, type Lang } from '../model/index.ts';
import type { LanguageProfile } from '../text/index.ts';
import { phraseTokens } from '../text/index.ts';
import { phraseSignature } from './check-words.ts';
import { issueAt, placeOf, type LexiconIssue } from './issues.ts';
import type { NamedFile } from './load.ts';
import { nameKey } from './names.ts';
import type { PatternData } from './schema.ts';

/** The expanded patterns of one file. */
export interface FilePatterns {
  readonly name: string;
  readonly file: NamedFile['file'];
  readonly lang: Lang;
  readonly patterns: readonly PatternData[];
}

interface Fired {
  readonly file: string;
  readonly id: string;
  readonly type: string;
}

/**
 * Trigger phrases (verbs and nouns, on stems) that fire patterns of different types in one
 * language; reported on the later pattern, when its file is one of `report`.
 */
export function triggerConflicts(files: readonly FilePatterns[], profiles: ReadonlyMap<Lang, LanguageProfile>, report: ReadonlySet<string>): LexiconIssue[] {
  const issues: LexiconIssue[] = [];
  const bySignature = new Map<string, Fired[]>();
  for (const f of files) {
    const profile = profiles.get(f.lang);
    if (!profile) continue;
    f.patterns.forEach((p, i) => {
      const reported = new Set<string>();
      for (const key of ['verbs', 'nouns'] as const) {
        for (const phrase of p[key]) {
          const sig = `${f.lang}|${phraseSignature(phrase, profile)}`;
          const before = bySignature.get(sig) ?? [];
          const other = before.find((b) => b.type !== p.type && b.id !== p.id);
          if (other && report.has(f.name) && !reported.has(other.id)) {
            reported.add(other.id);
            const where = other.file === f.name ? '' : ` (${other.file})`;
            issues.push(issueAt(
              placeOf(f.name, f.file, ['patterns', i, key]),
              'trigger_conflict',
              `"${phrase}" fires ${p.type} here and ${other.type} in pattern "${other.id}"${where}`,
              'warning',
            ));
          }
          if (!before.some((b) => b.id === p.id)) before.push({ file: f.name, id: p.id, type: p.type });
          bySignature.set(sig, before);
        }
      }
    });
  }
  return issues;
}

/** When a person held office: [first day, last day]. */
type Term = readonly [string, string];

interface Named {
  readonly code: string;
  readonly file: string;
  readonly entry: string;
  /** A person's terms of office; undefined for states and organisations. */
  readonly terms?: readonly Term[];
}

function termsOf(offices: readonly { readonly from: string; readonly to?: string | undefined }[]): Term[] {
  return offices.map((o) => [dateBounds(o.from).first, o.to !== undefined ? dateBounds(o.to).last : '9999-12-31']);
}

/**
 * Two people of one name are told apart by who was in office on the article's date, so only
 * overlapping terms (or a person with none) leave the name ambiguous.
 */
function ambiguous(a: Named, b: Named): boolean {
  if (!a.terms || !b.terms || a.terms.length === 0 || b.terms.length === 0) return true;
  return a.terms.some(([af, al]) => b.terms?.some(([bf, bl]) => af <= bl && bf <= al));
}

/** The names a file gives its entries in one language, with the code each stands for and its path. */
function* namesOf(file: NamedFile['file'], lang: Lang): Generator<{ name: string; code: string; path: PropertyKey[]; terms?: Term[] }> {
  if (file.kind === 'countries') {
    for (const [i, c] of file.entries.entries()) {
      for (const key of ['names', 'adjectives', 'demonyms'] as const) {
        for (const name of c[key]?.[lang] ?? []) yield { name, code: c.code, path: ['entries', i, key, lang] };
      }
      for (const key of ['capitals', 'historical'] as const) {
        for (const [k, t] of (c[key] ?? []).entries()) {
          for (const name of t.names[lang] ?? []) yield { name, code: c.code, path: ['entries', i, key, k, 'names', lang] };
        }
      }
    }
  } else if (file.kind === 'organizations') {
    for (const [i, o] of file.entries.entries()) {
      for (const key of ['names', 'abbreviations'] as const) {
        for (const name of o[key]?.[lang] ?? []) yield { name, code: o.code, path: ['entries', i, key, lang] };
      }
    }
  } else if (file.kind === 'people') {
    for (const [i, p] of file.entries.entries()) {
      const terms = termsOf(p.offices);
      for (const key of ['names', 'titles'] as const) {
        for (const name of p[key]?.[lang] ?? []) yield { name, code: p.country, path: ['entries', i, key, lang], terms };
      }
    }
  }
}

/**
 * Names (of states, capitals, organisations, people; as written, case and diacritics aside) that
 * stand for two different codes in one language; reported on the later entry, when its file is
 * one of `report`. People of one name whose terms of office do not overlap are not reported.
 */
export function nameConflicts(files: readonly NamedFile[], profiles: ReadonlyMap<Lang, LanguageProfile>, report: ReadonlySet<string>): LexiconIssue[] {
  const issues: LexiconIssue[] = [];
  for (const [lang, profile] of profiles) {
    const byKey = new Map<string, Named[]>();
    for (const { name: fileName, file } of files) {
      for (const { name, code, path, terms } of namesOf(file, lang)) {
        const key = phraseTokens(name, profile).map((t) => nameKey(t.key)).join(' ');
        if (!key) continue;
        const place = placeOf(fileName, file, path);
        const named: Named = { code, file: fileName, entry: place.entry ?? '', ...(terms ? { terms } : {}) };
        const before = byKey.get(key) ?? [];
        byKey.set(key, [...before, named]);
        const first = before.find((b) => b.code !== code && ambiguous(b, named));
        if (!first || !report.has(fileName)) continue;
        const where = first.file === fileName ? '' : ` (${first.file})`;
        issues.push(issueAt(place, 'name_conflict', `${lang} name "${name}" stands for ${code} here and for ${first.code} in "${first.entry}"${where}`, 'warning'));
      }
    }
  }
  return issues;
}
