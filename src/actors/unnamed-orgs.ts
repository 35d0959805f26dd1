/**
 * Organisations the lexicon does not know, named in the text: "the Islamic Development Bank",
 * "İslam Kalkınma Bankası", "Исламский банк развития". A run of capitalised words whose last is a
 * word that heads organisations' names (actors.organizationHeads) — or, where the language writes
 * only the first word of a name capitalised, a capitalised word with such a head right after it —
 * is an organisation (IGO) kept under its name, not dropped.
 */
import { CUE, type Lexicon, type Tags } from '../lexicon/index.ts';
import type { Token } from '../text/index.ts';
import type { ActorMention } from './mention.ts';

/** Words a capitalised name may run across ("Bank for International Settlements", "Organization of the Black Sea"). */
const MAX_WORDS = 8;

function isWord(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === 'word';
}

/** Token i is in none of the mentions already found. */
function free(taken: readonly ActorMention[], i: number): boolean {
  return !taken.some((m) => i >= m.start && i < m.end);
}

/** A word that links the words of a name ("of", "and", "the", "for"). */
function link(tags: Tags, i: number, to: number): boolean {
  return tags.has(CUE.genitivePrep, i, to) || tags.has(CUE.conjunctions, i, to) || tags.has(CUE.determiners, i, to) || tags.has(CUE.prepositions, i, to);
}

/** The organisations named in tokens [from, to) outside the mentions already found. */
export function unnamedOrganizations(tokens: readonly Token[], from: number, to: number, lex: Lexicon, tags: Tags, taken: readonly ActorMention[], groupBase: number): ActorMention[] {
  const out: ActorMention[] = [];
  let group = groupBase;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!isWord(t) || !t.cap || !free(taken, i)) continue;
    let end = -1;
    if (lex.adjectivesCapitalised) {
      // "Islamic Development Bank", "Bank for International Settlements": capitalised words and links between them
      let last = i;
      for (let k = i + 1; k < Math.min(to, i + MAX_WORDS); k++) {
        const w = tokens[k];
        if (isWord(w) && w.cap && free(taken, k)) last = k;
        else if (isWord(w) && link(tags, k, to) && isWord(tokens[k + 1]) && tokens[k + 1]?.cap) continue;
        else break;
      }
      for (let k = last; k >= i; k--) if (tags.has(CUE.organizationHeads, k, k + 1)) { end = k + 1; break; }
      // one capitalised head alone at a sentence's start is an ordinary word ("Bank shares fell")
      if (end === i + 1 && i === from) end = -1;
    } else if (i > from) {
      // "Исламский банк развития": a capitalised word (not merely a sentence's first), then the head
      for (let k = i + 1; k <= Math.min(to - 1, i + 2); k++) {
        const w = tokens[k];
        if (!isWord(w) || w.cap || !free(taken, k)) break;
        if (tags.has(CUE.organizationHeads, k, k + 1)) { end = k + 1; break; }
      }
    }
    if (end < 0) continue;
    // "the Black Sea Bank": a capitalised article at a sentence's start is no part of the name
    let start = i;
    while (start < end - 1 && tags.has(CUE.determiners, start, start + 1)) start++;
    const name = tokens.slice(start, end).map((x) => x.text).join(' ');
    out.push({ start, end, code: 'IGO', kind: 'org', sector: 'IGO', name, attributive: false, group: group++, how: `organisation "${name}", not in the lexicon: IGO` });
    i = end - 1;
  }
  return out;
}
