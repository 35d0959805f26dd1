/**
 * The first pass over a sentence: the pieces actor mentions are made of, left to right and never
 * overlapping: names (the longest lexicon name), office titles, sector words, honorifics, discourse
 * phrases ("the two countries") and pronouns.
 */
import { CUE, type Case, type DiscourseRef, type NameEntry, type Office } from '../lexicon/index.ts';
import type { Sector } from '../model/index.ts';
import type { Token } from '../text/index.ts';
import type { MentionContext } from './context.ts';
import { nameAt } from './names.ts';

export type Piece =
  | { readonly t: 'name'; readonly start: number; readonly end: number; readonly entry: NameEntry; readonly case?: Case; readonly suffix?: string }
  | { readonly t: 'office'; readonly start: number; readonly end: number; readonly office: Office }
  | { readonly t: 'sector'; readonly start: number; readonly end: number; readonly sector: Sector }
  | { readonly t: 'discourse'; readonly start: number; readonly end: number; readonly refers: DiscourseRef }
  | { readonly t: 'pronoun'; readonly start: number; readonly end: number; readonly refers: 'person' | 'group' }
  | { readonly t: 'honorific'; readonly start: number; readonly end: number };

/** The case a name's own suffix marks (Қазақстанға: dative), by the token the name ends at. */
export type SuffixCases = ReadonlyMap<number, { readonly case?: Case; readonly suffix: string }>;

/** The pieces of tokens [from, to), and the cases their own suffixes mark. */
export function scanPieces(tokens: readonly Token[], from: number, to: number, ctx: MentionContext): { pieces: Piece[]; suffixCases: SuffixCases } {
  const { lex, tags } = ctx;
  const pieces: Piece[] = [];
  const suffixCases = new Map<number, { case?: Case; suffix: string }>();
  for (let i = from; i < to; i++) {
    const found = tags.at(CUE.discourse, i, to) ?? dyadPhrase(tokens, i, to, ctx);
    // "Организация Объединенных Наций": a name that begins with the word is the name, not a reference
    // "the remarks of a Russian lawmaker", "the comments by Blinken", "the leaders of the member states of the CSTO":
    // whose they are is named there
    const named = found !== undefined && found.value !== 'organization' && found.value !== 'guest' && found.value !== 'host'
      && (tags.has(CUE.genitivePrep, i + found.length, to) || (found.value === 'speaker' && tags.has(CUE.agentPrep, i + found.length, to)));
    const disc = (found?.value === 'organization' && nameAt(lex, tokens, i, to)) || named ? undefined : found;
    if (disc) {
      pieces.push({ t: 'discourse', start: i, end: i + disc.length, refers: disc.value });
      i += disc.length - 1;
      continue;
    }
    const hit = nameAt(lex, tokens, i, to);
    const off = tags.at(CUE.offices, i, to);
    const sec = tags.at(CUE.sectors, i, to);
    const best = Math.max(hit ? hit.end - hit.start : 0, off?.length ?? 0, sec?.length ?? 0);
    if (best > 0) {
      if (hit && hit.end - hit.start === best) {
        pieces.push({ t: 'name', start: hit.start, end: hit.end, entry: hit.entry, ...(hit.case ? { case: hit.case } : {}), ...(hit.suffix ? { suffix: hit.suffix } : {}) });
        if (hit.suffix) suffixCases.set(hit.end, { ...(hit.case ? { case: hit.case } : {}), suffix: hit.suffix });
      } else if (off && off.length === best) pieces.push({ t: 'office', start: i, end: i + best, office: off.value });
      else if (sec) pieces.push({ t: 'sector', start: i, end: i + best, sector: sec.value });
      i += best - 1;
      continue;
    }
    const hon = tags.at(CUE.honorifics, i, to);
    if (hon) {
      pieces.push({ t: 'honorific', start: i, end: i + hon.length });
      i += hon.length - 1;
      continue;
    }
    const pro = tags.at(CUE.pronouns, i, to);
    if (pro) pieces.push({ t: 'pronoun', start: i, end: i + pro.length, refers: pro.value });
  }
  return { pieces, suffixCases };
}

/** "both X", "the two ... Xs": a head word and up to three lower-case words ending in a plural. */
function dyadPhrase(tokens: readonly Token[], i: number, to: number, ctx: MentionContext): { length: number; value: 'dyad' } | undefined {
  const head = ctx.tags.at(CUE.dyadHeads, i, to);
  if (!head) return undefined;
  const plurals = ctx.lex.pluralSuffixes;
  for (let n = 1; n <= 3; n++) {
    const t = tokens[i + head.length + n - 1];
    if (!t || t.kind !== 'word' || t.cap) return undefined;
    if (plurals.some((suf) => t.key.length > suf.length + 2 && t.key.endsWith(suf))) return { length: head.length + n, value: 'dyad' };
  }
  return undefined;
}
