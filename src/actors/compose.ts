/**
 * The second pass: pieces composed into actor mentions. "Kazakh President Kassym-Jomart Tokayev"
 * is one person; "the President of Kazakhstan, Mr. X" an office with its holder; "the presidents
 * of Uzbekistan and Kazakhstan" two offices of one group; "the Kazakh Foreign Ministry" a state with
 * its sector; a bare "the president" the article's own state's, resolved later from the discourse.
 */
import { CUE, type NameEntry, type Office } from '../lexicon/index.ts';
import type { Sector } from '../model/index.ts';
import type { Token } from '../text/index.ts';
import type { MentionContext } from './context.ts';
import type { ActorMention, MentionKind } from './mention.ts';
import type { Piece } from './scan.ts';

/** Tokens from a bare title to the name of its owner in an "of" phrase ("leaders of the member states of"). */
const OWNER_GAP = 4;

type NamePiece = Extract<Piece, { t: 'name' }>;

/** Office titles that, standing alone, name the article's own state's holder. */
const HOME_OFFICES: readonly Office[] = ['president', 'head_of_state', 'prime_minister', 'foreign_minister'];

function fallbackOffices(office: Office): Office[] {
  return office === 'head_of_state' ? ['president', 'monarch', 'supreme_leader', 'head_of_state'] : [office];
}

/** Resolve an office of a state on a date to its holder. */
function holderOf(ctx: MentionContext, code: string, office: Office): { name?: string; person?: string } {
  for (const o of fallbackOffices(office)) {
    const p = ctx.lex.offices.holder(code, o, ctx.date);
    if (p) return { name: p.names.en?.[0] ?? p.id, person: p.id };
  }
  return {};
}

function personName(ctx: MentionContext, entry: NameEntry): string {
  const p = entry.person ? ctx.lex.offices.person(entry.person) : undefined;
  return p?.names.en?.[0] ?? entry.surface;
}

/** A person mention; of several people who share the name (Aliyev), the one in office on the date. */
function personMention(ctx: MentionContext, start: number, end: number, entry: NameEntry, group: number): ActorMention {
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

/** Composition state: the pieces, which are used up, and the next group number. */
class Composer {
  readonly out: ActorMention[] = [];
  readonly used = new Set<number>();
  group: number;
  private readonly tokens: readonly Token[];
  private readonly pieces: readonly Piece[];
  private readonly to: number;
  private readonly ctx: MentionContext;

  constructor(tokens: readonly Token[], pieces: readonly Piece[], to: number, ctx: MentionContext, groupBase: number) {
    this.tokens = tokens;
    this.pieces = pieces;
    this.to = to;
    this.ctx = ctx;
    this.group = groupBase;
  }

  private key(i: number): string | undefined {
    return this.tokens[i]?.key;
  }

  private isPoss(i: number): boolean {
    return this.ctx.tags.has(CUE.possessive, i, this.to);
  }

  run(): ActorMention[] {
    const pieces = this.pieces;
    for (let r = 0; r < pieces.length; r++) {
      if (this.used.has(r)) continue;
      const cur = pieces[r];
      if (!cur) continue;
      if (cur.t === 'name') this.name(cur, r);
      else if (cur.t === 'office' || cur.t === 'sector') this.title(cur, r);
      else if (cur.t === 'honorific') this.honorific(cur, r);
      else if (cur.t === 'discourse') {
        this.out.push({ start: cur.start, end: cur.end, code: '', kind: 'discourse', attributive: false, group: this.group++, refers: cur.refers, how: `discourse "${this.words(cur.start, cur.end)}"` });
      } else {
        this.out.push({ start: cur.start, end: cur.end, code: '', kind: 'pronoun', attributive: false, group: this.group++, refers: cur.refers, how: `pronoun "${this.tokens[cur.start]?.text ?? ''}"` });
      }
    }
    return this.out;
  }

  private words(start: number, end: number): string {
    return this.tokens.slice(start, end).map((x) => x.text).join(' ');
  }

  /** A name: a person, an organisation (with a sector noun), or a state-like name with what follows it. */
  private name(cur: NamePiece, r: number): void {
    const { ctx } = this;
    const e = cur.entry;
    const next = this.pieces[r + 1];
    if (e.kind === 'person' || e.kind === 'title') {
      this.out.push(personMention(ctx, cur.start, cur.end, e, this.group++));
      return;
    }
    if (e.kind === 'org') {
      // "CSTO peacekeepers": organisation with a sector noun stays the organisation.
      let end = cur.end;
      if (next?.t === 'sector' && next.start === end) {
        end = next.end;
        this.used.add(r + 1);
      }
      this.out.push({ start: cur.start, end, code: e.code, kind: 'org', sector: 'IGO', attributive: false, group: this.group++, how: `organisation "${e.surface}"` });
      return;
    }
    let end = cur.end;
    if (this.isPoss(end)) end++;
    // "Kazakh President Kassym-Jomart Tokayev", "Turkish Foreign Minister"
    if (next?.t === 'office' && next.start === end) {
      this.stateOffice(cur, next, r);
      return;
    }
    // "Ресей әскерлері", "Қазақстанның министрлігі" (Kazakhstan's) are one actor; "Алматыда наразылық
    // білдірушілер" (in Almaty, protesters) is a place and an actor
    // "Ауғанстандағы содырлар" (the militants in Afghanistan) are one actor too, unless a genitive
    // before owns the phrase ("Қазақстанның Мәскеудегі елшілігі": Kazakhstan's embassy in Moscow)
    const prev = this.pieces[r - 1];
    const owned = prev?.t === 'name' && prev.case === 'gen' && prev.end === cur.start;
    const attribute = ctx.lex.morphology.isAttributive(cur.suffix) && !owned;
    const apart = cur.case !== undefined && cur.case !== 'gen' && !attribute;
    if (next?.t === 'sector' && next.start === end && !apart) {
      this.used.add(r + 1);
      // "Türk mevkidaşı Hakan Fidan": the state's official named right after is one person
      const named = this.pieces[r + 2];
      if (named?.t === 'name' && named.entry.kind === 'person' && named.entry.code === e.code && named.start === next.end) {
        this.used.add(r + 2);
        const pm = personMention(ctx, cur.start, named.end, named.entry, this.group++);
        this.out.push({ ...pm, how: `${e.surface} + sector ${next.sector} + ${pm.how}` });
        return;
      }
      this.out.push({
        start: cur.start, end: next.end, code: e.code, kind: 'sector', sector: next.sector, attributive: false, group: this.group++,
        ...(e.kind === 'adjective' ? { unowned: true } : {}), how: `${e.surface} + sector ${next.sector}`,
      });
      return;
    }
    const kind: MentionKind = e.kind === 'country' ? 'state' : e.kind === 'capital' ? 'capital' : e.kind === 'place' ? 'place' : e.kind === 'demonym' ? 'demonym' : 'adjective';
    // An adjective not followed by an actor noun modifies something else.
    const attributive = kind === 'adjective' && !this.isPoss(cur.end);
    this.out.push({
      start: cur.start, end: cur.end, code: e.code, kind,
      // a capital speaks for the government ("Ankara said"); a city or region is its people's place
      ...(kind === 'capital' ? { sector: 'GOV' as Sector } : kind === 'demonym' || kind === 'place' ? { sector: 'CVL' as Sector } : {}),
      attributive, group: this.group++, how: `${e.kind} "${e.surface}" → ${e.code}`,
    });
  }

  /** "Turkish Foreign Minister [, Mr.] Mevlüt Çavuşoğlu", or the office's holder on the date. */
  private stateOffice(cur: NamePiece, office: Extract<Piece, { t: 'office' }>, r: number): void {
    const { ctx } = this;
    const e = cur.entry;
    this.used.add(r + 1);
    const after = this.pieces[r + 2];
    let honEnd = office.end;
    let pr = r + 2;
    // "Qatar's Emir, Sheikh Tamim": an apposition after a comma
    const commaSkip = this.key(honEnd) === ',' ? 1 : 0;
    if (after?.t === 'honorific' && after.start === honEnd + commaSkip) {
      honEnd = after.end;
      pr = r + 3;
      this.used.add(r + 2);
    }
    const named = this.pieces[pr];
    if (named?.t === 'name' && named.entry.kind === 'person' && (named.start === honEnd || (named.start === honEnd + 1 && this.key(honEnd) === ','))) {
      this.used.add(pr);
      const pm = personMention(ctx, cur.start, named.end, named.entry, this.group++);
      this.out.push({ ...pm, how: `${e.surface} ${this.words(office.start, office.end)} + ${pm.how}` });
      return;
    }
    const h = holderOf(ctx, e.code, office.office);
    this.out.push({
      start: cur.start, end: office.end, code: e.code, kind: 'office', sector: 'GOV', attributive: false, group: this.group++,
      ...h, how: `office ${office.office} of ${e.code} on ${ctx.date}${h.name ? ` → ${h.name}` : ''}`,
    });
  }

  /**
   * An office or sector word: "President of Kazakhstan[, Mr.] X", "the presidents of Uzbekistan and
   * Kazakhstan", "Ministry of Foreign Affairs of Kazakhstan", "МИД России", "President Tokayev".
   */
  private title(cur: Extract<Piece, { t: 'office' | 'sector' }>, r: number): void {
    const { ctx, pieces, to } = this;
    const tags = ctx.tags;
    const next = pieces[r + 1];
    let ofEnd = cur.end + 1;
    while (ofEnd < to && tags.has(CUE.determiners, ofEnd, to)) ofEnd++;
    const genitive = (tags.has(CUE.genitivePrep, cur.end, to) && next?.start === ofEnd) || (ctx.lex.genitiveAfter && next?.start === cur.end);
    if (genitive && next?.t === 'name' && next.entry.kind !== 'person' && next.entry.kind !== 'adjective') {
      this.titleOfStates(cur, r, next);
      return;
    }
    // "President Tokayev", "Foreign Minister Lavrov", "President Mr. X"
    let j = cur.end;
    let pr = r + 1;
    if (next?.t === 'honorific' && next.start === j) {
      j = next.end;
      pr = r + 2;
    }
    const named = pieces[pr];
    if (cur.t === 'office' && named?.t === 'name' && named.entry.kind === 'person' && named.start === j) {
      for (let u = r + 1; u <= pr; u++) this.used.add(u);
      this.out.push(personMention(ctx, cur.start, named.end, named.entry, this.group++));
      return;
    }
    // A bare head-of-state or government title ("Мемлекет басшысы", "the president said")
    // is the article's own state's: the coder resolves it from the discourse.
    const prev = pieces[r - 1];
    const ownedByPair = prev?.t === 'discourse' && prev.end === cur.start;
    // "the leaders of the member states of the CSTO": an "of" phrase right after the title names whose it is
    const after = pieces[r + 1];
    const ownedAfter = tags.has(CUE.genitivePrep, cur.end) && (after?.t === 'name' || after?.t === 'sector') && after.start - cur.end <= OWNER_GAP;
    if (cur.t === 'office' && !ownedByPair && !ownedAfter && HOME_OFFICES.includes(cur.office)) {
      this.out.push({ start: cur.start, end: cur.end, code: '', kind: 'office', sector: 'GOV', attributive: false, group: this.group++, refers: 'home', how: `title ${cur.office} without a state: the state the article is about` });
    }
    // "the Foreign Ministry said", "МИД заявил", "Dışişleri Bakanlığı": a state's own institution, named bare
    if (cur.t === 'sector' && !ownedByPair && tags.at(CUE.homeInstitutions, cur.start, cur.end)?.length === cur.end - cur.start) {
      this.out.push({ start: cur.start, end: cur.end, code: '', kind: 'sector', sector: cur.sector, attributive: false, group: this.group++, refers: 'home', how: `institution (${cur.sector}) without a state: the state the article is about` });
    }
  }

  /** A title of one or more states after "of" or a genitive, with an apposition naming the holder. */
  private titleOfStates(cur: Extract<Piece, { t: 'office' | 'sector' }>, r: number, first: NamePiece): void {
    const { ctx, pieces, tokens, to } = this;
    const states: { r: number; e: NameEntry; start: number; end: number }[] = [{ r: r + 1, e: first.entry, start: first.start, end: first.end }];
    let k = r + 2;
    let last = first.end;
    // "of X, Y and Z": a comma joins only a list that goes on to its conjunction ("По данным Генштаба
    // Украины, Россия сосредоточила": the comma ends the phrase)
    let joined = { count: 1, k, last };
    while (pieces[k]?.t === 'name') {
      const pk = pieces[k] as NamePiece;
      const between = tokens.slice(last, pk.start);
      if (between.length === 0 || between.length > 2 || !between.every((b) => b.key === ',' || ctx.tags.has(CUE.conjunctions, b.i, to))) break;
      states.push({ r: k, e: pk.entry, start: pk.start, end: pk.end });
      last = pk.end;
      k++;
      if (between.some((b) => ctx.tags.has(CUE.conjunctions, b.i, to))) joined = { count: states.length, k, last };
    }
    states.length = joined.count;
    ({ k, last } = joined);
    for (const s of states) this.used.add(s.r);
    const g = this.group++;
    // Apposition: ", Mr. Kassym-Jomart Tokayev"
    let appos: NamePiece | undefined;
    if (states.length === 1) {
      let j = last;
      if (this.key(j) === ',') j++;
      const hr = pieces[k];
      const hon = hr?.t === 'honorific' && hr.start === j;
      if (hon) j = hr.end;
      const pr = pieces[hon ? k + 1 : k];
      if (pr?.t === 'name' && pr.entry.kind === 'person' && pr.start === j) {
        appos = pr;
        this.used.add(hon ? k + 1 : k);
        if (hon) this.used.add(k);
      }
    }
    for (const s of states) {
      const start = s === states[0] ? cur.start : s.start;
      if (cur.t === 'office') {
        const h = appos ? { name: personName(ctx, appos.entry), person: appos.entry.person ?? '' } : holderOf(ctx, s.e.code, cur.office);
        this.out.push({
          start, end: appos ? appos.end : s.end, code: s.e.code, kind: 'office', sector: 'GOV', attributive: false, group: g, ...h,
          how: `office ${cur.office} of ${s.e.code}${appos ? ` (apposition ${appos.entry.surface})` : ` on ${ctx.date}`}${h.name ? ` → ${h.name}` : ''}`,
        });
      } else if (appos) {
        // "Официальный представитель МИД России Мария Захарова": the named person is the actor
        const pm = personMention(ctx, start, appos.end, appos.entry, g);
        this.out.push({ ...pm, how: `sector ${cur.sector} of ${s.e.code} (apposition) + ${pm.how}` });
      } else {
        this.out.push({ start, end: s.end, code: s.e.code, kind: 'sector', sector: cur.sector, attributive: false, group: g, how: `sector ${cur.sector} of ${s.e.code}` });
      }
    }
  }

  /** "Mr. X": an honorific before a person's name. */
  private honorific(cur: Extract<Piece, { t: 'honorific' }>, r: number): void {
    const next = this.pieces[r + 1];
    if (next?.t === 'name' && next.entry.kind === 'person' && next.start === cur.end) {
      this.used.add(r + 1);
      this.out.push(personMention(this.ctx, cur.start, next.end, next.entry, this.group++));
    }
  }
}

/** Compose the pieces of tokens [.., to) into mentions, numbering groups from `groupBase`. */
export function composeMentions(tokens: readonly Token[], pieces: readonly Piece[], to: number, ctx: MentionContext, groupBase: number): ActorMention[] {
  return new Composer(tokens, pieces, to, ctx, groupBase).run();
}
