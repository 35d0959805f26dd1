/**
 * Which archived articles a lexicon change affects. A language is coded from the shared files
 * (countries, organisations, people, policy) and its own language and patterns files only, so
 * each language's part of the lexicon has a fingerprint; an article needs recoding when the
 * fingerprint of its language under the version that coded it differs from today's, or when that
 * version's fingerprints were never recorded (then nothing says it is safe to skip it).
 */
import { createHash } from 'node:crypto';
import type { LexiconSet } from '../lexicon/index.ts';
import { LANGS, type Lang } from '../model/index.ts';
import type { LexiconFingerprints, RecodeCandidate, Store } from '../store/index.ts';

/** The fingerprint of each language's part of the lexicon. */
export function lexiconFingerprints(lexicons: LexiconSet): Partial<Record<Lang, string>> {
  const d = lexicons.data;
  const shared = JSON.stringify([d.countries, d.organizations, d.people, d.policy]);
  const out: Partial<Record<Lang, string>> = {};
  for (const lang of LANGS) {
    if (!d.languages.has(lang)) continue;
    out[lang] = createHash('sha256').update(shared).update(JSON.stringify(d.languages.get(lang))).update(JSON.stringify(d.patterns.get(lang) ?? []))
      .digest('hex').slice(0, 16);
  }
  return out;
}

/** Record this lexicon's fingerprints in the archive, so that a later recode can compare with them. */
export async function recordLexicon(store: Store, lexicons: LexiconSet): Promise<void> {
  await store.saveLexiconFingerprints(lexicons.data.version, lexiconFingerprints(lexicons));
}

/** Whether an article coded by another version must be recoded with these fingerprints. */
export function affected(candidate: RecodeCandidate, recorded: LexiconFingerprints, current: Partial<Record<Lang, string>>): boolean {
  const then = recorded[candidate.lexiconVersion]?.[candidate.lang];
  return then === undefined || then !== current[candidate.lang];
}

/** The ids of the archived articles this lexicon would code differently, and how many others it leaves. */
export async function articlesToRecode(store: Store, lexicons: LexiconSet): Promise<{ ids: number[]; unaffected: number }> {
  await recordLexicon(store, lexicons);
  const recorded = await store.lexiconFingerprints();
  const current = lexiconFingerprints(lexicons);
  const ids: number[] = [];
  let unaffected = 0;
  for await (const c of store.recodeCandidates(lexicons.data.version)) {
    if (affected(c, recorded, current)) ids.push(c.id);
    else unaffected++;
  }
  return { ids, unaffected };
}
