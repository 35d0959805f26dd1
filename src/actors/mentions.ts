/**
 * Actor mentions in a sentence: states, capitals, organisations, people,
 * office titles resolved by date ("the President of Kazakhstan" in 2022 is
 * Tokayev), sectors ("the Kazakh Foreign Ministry"), discourse phrases
 * ("the two countries") and coordinated groups ("Tokayev and Erdoğan").
 */
import type { Case, Lexicon, NameEntry, Office } from '../lexicon/index.ts';
import { nameAt } from './names.ts';
import type { PartialDate, Sector } from '../model/index.ts';
import type { Token } from '../text/index.ts';

export const MENTION_KINDS = ['state', 'capital', 'org', 'person', 'office', 'sector', 'adjective', 'demonym', 'discourse', 'pronoun'] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

export interface ActorMention {
  /** Token range [start, end). */
  readonly start: number;
  readonly end: number;
  /** State or organisation code; empty for discourse phrases and pronouns until coding resolves them. */
  readonly code: string;
  readonly kind: MentionKind;
  readonly sector?: Sector;
  /** The person the mention names or the office resolves to. */
  readonly name?: string;
  readonly person?: string;
  /** An adjective that modifies a noun which is not an actor ("Uzbek-Kazakh summit"). */
  readonly attributive: boolean;
  /** Mentions joined by "and", commas or hyphens share a group number. */
  readonly group: number;
  /** How the mention resolved, for `explain`. */
  readonly how: string;
  /** "dyad" or "group" for discourse phrases; "person" or "group" for pronouns. */
  readonly refers?: 'dyad' | 'group' | 'person' | 'home';
  /** The case the mention is in, where a suffix or postposition shows it ("Türkiye'ye": dat). */
  readonly case?: Case;
}

function fallbackOffices(office: Office): Office[] {
  return office === 'head_of_state' ? ['president', 'monarch', 'supreme_leader', 'head_of_state'] : [office];
}

export interface MentionContext {
  readonly lex: Lexicon;
  /** Date that offices resolve against (the sentence's date or the publication date). */
  readonly date: PartialDate;
}

/** Resolve an office of a state on a date to its holder. */
function holderOf(ctx: MentionContext, code: string, office: Office): { name?: string; person?: string } {
  for (const o of fallbackOffices(office)) {
    const p = ctx.lex.offices.holder(code, o, ctx.date);
    if (p) return { name: p.names.en?.[0] ?? p.id, person: p.id };
  }
  return {};
}

/** Find actor mentions in tokens [from, to). */
export function findActors(tokens: readonly Token[], from: number, to: number, ctx: MentionContext, groupBase = 0): ActorMention[] {
  const { lex } = ctx;
  const cues = lex.cues;
  const out: ActorMention[] = [];
  let group = groupBase;

  // Pass 1: names, office words, sector words, discourse phrases, pronouns.
  type Raw =
    | { t: 'name'; start: number; end: number; entry: NameEntry }
    | { t: 'office'; start: number; end: number; office: Office }
    | { t: 'sector'; start: number; end: number; sector: Sector }
    | { t: 'discourse'; start: number; end: number; refers: 'dyad' | 'group' }
    | { t: 'pronoun'; start: number; end: number; refers: 'person' | 'group' }
    | { t: 'honorific'; start: number; end: number };
  const raw: Raw[] = [];
  const caseAtEnd = new Map<number, { case?: Case; suffix: string }>();
  for (let i = from; i < to; i++) {
    const disc = cues.discourse.matchAt(tokens, i, to) ?? dyadPhrase(tokens, i, to, cues);
    if (disc) {
      raw.push({ t: 'discourse', start: i, end: i + disc.length, refers: disc.value });
      i += disc.length - 1;
      continue;
    }
    const hit = nameAt(lex, tokens, i, to);
    const off = cues.offices.matchAt(tokens, i, to);
    const sec = cues.sectors.matchAt(tokens, i, to);
    const best = Math.max(hit ? hit.end - hit.start : 0, off?.length ?? 0, sec?.length ?? 0);
    if (best > 0) {
      if (hit && hit.end - hit.start === best) {
        raw.push({ t: 'name', start: hit.start, end: hit.end, entry: hit.entry });
        if (hit.suffix) caseAtEnd.set(hit.end, { ...(hit.case ? { case: hit.case } : {}), suffix: hit.suffix });
      }
      else if (off && off.length === best) raw.push({ t: 'office', start: i, end: i + best, office: off.value });
      else if (sec) raw.push({ t: 'sector', start: i, end: i + best, sector: sec.value as Sector });
      i += best - 1;
      continue;
    }
    const hon = cues.honorifics.matchAt(tokens, i, to);
    if (hon) {
      raw.push({ t: 'honorific', start: i, end: i + hon.length });
      i += hon.length - 1;
      continue;
    }
    const pro = cues.pronouns.matchAt(tokens, i, to);
    if (pro) raw.push({ t: 'pronoun', start: i, end: i + pro.length, refers: pro.value });
  }

  // Pass 2: compose.
  const used = new Set<number>();
  const tk = (i: number): Token | undefined => tokens[i];
  const isPoss = (i: number): boolean => cues.possessive.has(tokens, i, to);
  const isGen = (i: number): boolean => cues.genitivePrep.has(tokens, i, to);
  const isDet = (i: number): boolean => cues.determiners.has(tokens, i, to);

  for (let r = 0; r < raw.length; r++) {
    if (used.has(r)) continue;
    const cur = raw[r];
    if (!cur) continue;
    const next = raw[r + 1];
    const next2 = raw[r + 2];

    if (cur.t === 'name') {
      const e = cur.entry;
      if (e.kind === 'person' || e.kind === 'title') {
        out.push(personMention(ctx, cur.start, cur.end, e, group++));
        continue;
      }
      if (e.kind === 'org') {
        // "CSTO peacekeepers": organisation with a sector noun stays the organisation.
        let end = cur.end;
        if (next?.t === 'sector' && next.start === end) {
          end = next.end;
          used.add(r + 1);
        }
        out.push({ start: cur.start, end, code: e.code, kind: 'org', sector: 'IGO', attributive: false, group: group++, how: `organisation "${e.surface}"` });
        continue;
      }
      // State-like name: country, capital, adjective, demonym.
      let end = cur.end;
      if (isPoss(end)) end++;
      // "Kazakh President Kassym-Jomart Tokayev", "Turkish Foreign Minister"
      if (next?.t === 'office' && next.start === end) {
        used.add(r + 1);
        const after = raw[r + 2];
        let honEnd = next.end;
        let pr = r + 2;
        // "Qatar's Emir, Sheikh Tamim": an apposition after a comma
        const commaSkip = tk(honEnd)?.key === ',' ? 1 : 0;
        if (after?.t === 'honorific' && after.start === honEnd + commaSkip) {
          honEnd = after.end;
          pr = r + 3;
          used.add(r + 2);
        }
        const named = raw[pr];
        if (named?.t === 'name' && (named.entry.kind === 'person') && (named.start === honEnd || named.start === honEnd + 1 && tk(honEnd)?.key === ',')) {
          used.add(pr);
          const pm = personMention(ctx, cur.start, named.end, named.entry, group++);
          out.push({ ...pm, code: e.code === pm.code ? pm.code : pm.code, how: `${e.surface} ${tokens.slice(next.start, next.end).map((x) => x.text).join(' ')} + ${pm.how}` });
          continue;
        }
        const h = holderOf(ctx, e.code, next.office);
        out.push({
          start: cur.start, end: next.end, code: e.code, kind: 'office', sector: 'GOV', attributive: false, group: group++,
          ...h, how: `office ${next.office} of ${e.code} on ${ctx.date}${h.name ? ` → ${h.name}` : ''}`,
        });
        continue;
      }
      if (next?.t === 'sector' && next.start === end) {
        used.add(r + 1);
        out.push({ start: cur.start, end: next.end, code: e.code, kind: 'sector', sector: next.sector, attributive: false, group: group++, how: `${e.surface} + sector ${next.sector}` });
        continue;
      }
      const kind: MentionKind = e.kind === 'country' ? 'state' : e.kind === 'capital' ? 'capital' : e.kind === 'demonym' ? 'demonym' : 'adjective';
      // An adjective not followed by an actor noun modifies something else.
      const attributive = kind === 'adjective' && !isPoss(cur.end);
      out.push({
        start: cur.start, end: cur.end, code: e.code, kind,
        ...(kind === 'capital' ? { sector: 'GOV' as Sector } : kind === 'demonym' ? { sector: 'CVL' as Sector } : {}),
        attributive, group: group++, how: `${e.kind} "${e.surface}" → ${e.code}`,
      });
      continue;
    }

    if (cur.t === 'office' || cur.t === 'sector') {
      // "President of Kazakhstan[, Mr.] Kassym-Jomart Tokayev", "the presidents of Uzbekistan and Kazakhstan",
      // "Ministry of Foreign Affairs of Kazakhstan"
      let ofEnd = cur.end + 1;
      while (ofEnd < to && isDet(ofEnd)) ofEnd++;
      // "President of Kazakhstan", or a genitive straight after ("президент Казахстана", "МИД России")
      const genitive = (isGen(cur.end) && next?.start === ofEnd) || (lex.genitiveAfter && next?.start === cur.end);
      if (genitive && next?.t === 'name' && next.entry.kind !== 'person' && next.entry.kind !== 'adjective') {
        // Collect a coordinated list of states after "of".
        const states: { r: number; e: NameEntry; start: number; end: number }[] = [{ r: r + 1, e: next.entry, start: next.start, end: next.end }];
        let k = r + 2;
        let last = next.end;
        while (raw[k]?.t === 'name') {
          const rk = raw[k] as Extract<Raw, { t: 'name' }>;
          const between = tokens.slice(last, rk.start);
          if (between.length === 0 || between.length > 2 || !between.every((b) => b.key === ',' || cues.conjunctions.has(tokens, b.i, to))) break;
          states.push({ r: k, e: rk.entry, start: rk.start, end: rk.end });
          last = rk.end;
          k++;
        }
        for (const s of states) used.add(s.r);
        const g = group++;
        // Apposition: ", Mr. Kassym-Jomart Tokayev"
        let appos: Extract<Raw, { t: 'name' }> | undefined;
        let apposHon = false;
        if (states.length === 1) {
          let j = last;
          if (tk(j)?.key === ',') j++;
          const hr = raw[k];
          if (hr?.t === 'honorific' && hr.start === j) {
            j = hr.end;
            apposHon = true;
          }
          const pr = raw[apposHon ? k + 1 : k];
          if (pr?.t === 'name' && pr.entry.kind === 'person' && pr.start === j) {
            appos = pr;
            used.add(apposHon ? k + 1 : k);
            if (apposHon) used.add(k);
          }
        }
        for (const s of states) {
          if (cur.t === 'office') {
            const h = appos ? { name: personName(ctx, appos.entry), person: appos.entry.person ?? '' } : holderOf(ctx, s.e.code, cur.office);
            out.push({
              start: s === states[0] ? cur.start : s.start, end: appos ? appos.end : s.end, code: s.e.code, kind: 'office', sector: 'GOV',
              attributive: false, group: g, ...h,
              how: `office ${cur.office} of ${s.e.code}${appos ? ` (apposition ${appos.entry.surface})` : ` on ${ctx.date}`}${h.name ? ` → ${h.name}` : ''}`,
            });
          } else {
            out.push({ start: s === states[0] ? cur.start : s.start, end: s.end, code: s.e.code, kind: 'sector', sector: cur.sector, attributive: false, group: g, how: `sector ${cur.sector} of ${s.e.code}` });
          }
        }
        continue;
      }
      // "President Tokayev", "Foreign Minister Lavrov", "President Mr. X"
      let j = cur.end;
      let pr = r + 1;
      if (next?.t === 'honorific' && next.start === j) {
        j = next.end;
        pr = r + 2;
      }
      const named = raw[pr];
      if (cur.t === 'office' && named?.t === 'name' && named.entry.kind === 'person' && named.start === j) {
        for (let u = r + 1; u <= pr; u++) used.add(u);
        out.push(personMention(ctx, cur.start, named.end, named.entry, group++));
        continue;
      }
      // A bare head-of-state or government title ("Мемлекет басшысы", "the president said")
      // is the article's own state's: the coder resolves it from the discourse.
      const prevRaw = raw[r - 1];
      const ownedByPair = prevRaw?.t === 'discourse' && prevRaw.end === cur.start;
      if (cur.t === 'office' && !ownedByPair && (cur.office === 'president' || cur.office === 'head_of_state' || cur.office === 'prime_minister' || cur.office === 'foreign_minister')) {
        out.push({ start: cur.start, end: cur.end, code: '', kind: 'office', sector: 'GOV', attributive: false, group: group++, refers: 'home', how: `title ${cur.office} without a state: the state the article is about` });
      }
      void next2;
      continue;
    }

    if (cur.t === 'honorific') {
      if (next?.t === 'name' && next.entry.kind === 'person' && next.start === cur.end) {
        used.add(r + 1);
        out.push(personMention(ctx, cur.start, next.end, next.entry, group++));
      }
      continue;
    }

    if (cur.t === 'discourse') {
      out.push({ start: cur.start, end: cur.end, code: '', kind: 'discourse', attributive: false, group: group++, refers: cur.refers, how: `discourse "${tokens.slice(cur.start, cur.end).map((x) => x.text).join(' ')}"` });
      continue;
    }

    if (cur.t === 'pronoun') {
      out.push({ start: cur.start, end: cur.end, code: '', kind: 'pronoun', attributive: false, group: group++, refers: cur.refers, how: `pronoun "${tokens[cur.start]?.text ?? ''}"` });
    }
  }

  // "Russia-led", "Moscow-backed": a state named as a modifier of another actor is not a party.
  const kept = out.filter((m) => {
    const next = tokens[m.end];
    const after = tokens[m.end + 1];
    return !(next?.key === '-' && after && /^(led|backed|based|brokered|sponsored|controlled|friendly|aligned)$/.test(after.key));
  });
  kept.sort((a, b) => a.start - b.start);
  // The case of each mention: its own suffix, an apostrophe suffix after it, or a postposition.
  const morph = lex.morphology;
  for (let k = 0; k < kept.length; k++) {
    const m = kept[k];
    if (!m) continue;
    const after = tokens[m.end]?.kind === 'suffix' ? m.end + 1 : m.end;
    const own = caseAtEnd.get(m.end);
    // "ҰҚШҰ-ға", "АҚШ-тың": a case suffix after a hyphen
    const hyphenated = tokens[m.end]?.key === '-' && tokens[m.end + 1] && !tokens[m.end + 1]?.space ? morph.caseOfWord(tokens[m.end + 1]?.key ?? '') : undefined;
    const suffixCase = morph.caseOfSuffix(tokens[m.end]) ?? hyphenated;
    const post = after < to ? morph.caseOfPostposition(tokens[after]) : undefined;
    const c = own?.case ?? suffixCase ?? post;
    const why = own ? `suffix -${own.suffix}` : suffixCase ? `suffix ${tokens[m.end]?.text ?? ''}` : post ? `postposition "${tokens[after]?.text ?? ''}"` : '';
    if (c || why) kept[k] = { ...m, ...(c ? { case: c } : {}), how: `${m.how}${why ? `; ${why}` : ''}${c ? ` → ${c}` : ''}` };
  }
  // Join coordinated mentions into groups: "X and Y", "X, Y and Z", "Uzbek-Kazakh".
  const merged: ActorMention[] = [];
  for (const m of kept) {
    const prev = merged[merged.length - 1];
    const joinable = (x: ActorMention): boolean => x.kind !== 'discourse' && x.kind !== 'pronoun';
    if (prev && joinable(prev) && joinable(m) && prev.group !== m.group) {
      const between = tokens.slice(prev.end, m.start);
      const hyphen = between.length === 1 && (between[0]?.key === '-' || between[0]?.key === '/');
      const onlyJoiners = between.length > 0 && between.length <= 3 &&
        between.every((b) => b.key === ',' || cues.conjunctions.has(tokens, b.i, to) || isDet(b.i));
      const hasConj = between.some((b) => cues.conjunctions.has(tokens, b.i, to));
      const commaList = onlyJoiners && !hasConj && isListContinued(tokens, m.end, to, cues);
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

/** "both X", "the two ... Xs": a head word and up to three lower-case words ending in a plural. */
function dyadPhrase(tokens: readonly Token[], i: number, to: number, cues: Lexicon['cues']): { length: number; value: 'dyad' } | undefined {
  const head = cues.dyadHeads.matchAt(tokens, i, to);
  if (!head) return undefined;
  for (let n = 1; n <= 3; n++) {
    const t = tokens[i + head.length + n - 1];
    if (!t || t.kind !== 'word' || t.cap) return undefined;
    if (cues.pluralSuffixes.some((suf) => t.key.length > suf.length + 2 && t.key.endsWith(suf))) return { length: head.length + n, value: 'dyad' };
  }
  return undefined;
}

/** "X, Y and Z": a comma joins two mentions only when the list goes on to a conjunction. */
function isListContinued(tokens: readonly Token[], i: number, to: number, cues: Lexicon['cues']): boolean {
  for (let k = i; k < Math.min(to, i + 40); k++) {
    if (cues.conjunctions.has(tokens, k, to)) return true;
    const t = tokens[k];
    if (!t || (t.kind === 'punct' && t.key !== ',' && t.key !== '-')) return false;
  }
  return false;
}

function personName(ctx: MentionContext, entry: NameEntry): string {
  const p = entry.person ? ctx.lex.offices.person(entry.person) : undefined;
  return p?.names.en?.[0] ?? entry.surface;
}

function personMention(ctx: MentionContext, start: number, end: number, entry: NameEntry, group: number): ActorMention {
  // Several people share a surname (Aliyev): prefer the one in office on the date.
  let chosen = entry;
  const alts = ctx.lex.names.candidates(entry.keys[0] ?? '').filter((c) => (c.kind === 'person' || c.kind === 'title') && c.keys.join(' ') === entry.keys.join(' '));
  if (alts.length > 1) {
    const inOffice = alts.find((c) => c.person !== undefined && ctx.lex.offices.inOffice(c.person, ctx.date));
    if (inOffice) chosen = inOffice;
  }
  const id = chosen.person ?? '';
  const offices = ctx.lex.offices.officesOn(id, ctx.date);
  const sector: Sector = offices.length > 0 ? 'GOV' : 'ELI';
  return {
    start, end, code: chosen.code, kind: 'person', sector, name: personName(ctx, chosen), person: id, attributive: false, group,
    how: `person ${id}${offices.length ? ` (${offices.join(', ')} on ${ctx.date})` : ''} → ${chosen.code}`,
  };
}
