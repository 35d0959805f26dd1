/**
 * Multilateral meetings: a summit or council of an organisation has that organisation and the
 * states taking part as its actors (PLOVER CONSULT, mode multilateral), not the first pair the
 * sentence names.
 */
import type { ActorMention } from '../actors/index.ts';
import { CUE, type Lexicon } from '../lexicon/index.ts';
import { dateWithin, type ActorRef, type PartialDate } from '../model/index.ts';
import { mentionRef, wordsOf, type SentenceView } from './sentence.ts';

/** How far before ("the SCO's annual summit") and after ("a summit of the heads of the CSTO") a meeting word its organisation is named. */
const NAMED_BEFORE = 3;
const NAMED_AFTER = 6;

/**
 * The organisation whose meeting a trigger is: named just before it ("the SCO summit"), after
 * it ("a summit of the CSTO"), or as the subject that meets ("the Council met").
 */
export function meetingOrganization(view: SentenceView, lex: Lexicon, start: number, end: number, subject: readonly ActorMention[]): ActorMention | undefined {
  // "the Council met": the organisation meets; "the UN envoy's team held a meeting with Tokayev": one side meets another
  return subject.find((m) => isOrg(view, lex, m) && !withPartner(view, end))
    ?? view.actors.find((m) => isOrg(view, lex, m) && m.end <= start && start - m.end <= NAMED_BEFORE && !besideSummit(view, m))
    ?? view.actors.find((m) => isOrg(view, lex, m) && m.start >= end && m.start - end <= NAMED_AFTER && view.tags.find(CUE.genitivePrep, end, m.start) !== undefined
      // "met on the sidelines of the SCO summit": a meeting of two beside the summit, not the summit
      && view.tags.find(CUE.sidelines, end, m.start) === undefined);
}

/** The organisation itself, not its head ("Guterres") nor its name as the head's title ("UN Secretary-General Guterres", "the Secretary-General of the OTS"). */
function isOrg(view: SentenceView, lex: Lexicon, m: ActorMention): boolean {
  return lex.isOrganization(m.code) && m.kind !== 'person' && !(m.kind === 'office' && m.name)
    && !view.actors.some((x) => x.code === m.code && ((x.kind === 'person' || x.kind === 'office') && x.start >= m.end && x.start - m.end <= 2
      || (x.kind === 'person' && x.end <= m.start && m.start - x.end <= 2)));
}

/** "held a meeting with Tokayev": a partner phrase right after the meeting word. */
function withPartner(view: SentenceView, end: number): boolean {
  const k = end;
  return view.tags.has(CUE.partnerPrep, k) && view.actors.some((m) => m.start > k && m.start <= k + 2 && !m.attributive);
}

/** "на полях саммита ШОС Путин встретился", "ŞİÖ zirvesi marjında": the organisation's summit is the setting of a meeting beside it. */
function besideSummit(view: SentenceView, org: ActorMention): boolean {
  const { last } = view.sentence;
  return sidelinesBefore(view, org.start, NAMED_BEFORE)
    || view.tags.find(CUE.sidelines, org.end, Math.min(last, org.end + NAMED_BEFORE)) !== undefined;
}

/** The longest sidelines phrase ("on the sidelines of"), so that a search back from a word finds where it begins. */
const SIDELINES_MAX = 6;

/**
 * A sidelines phrase that ends at most `gap` words before token i, with no comma between ("on the
 * sidelines of the SCO summit", "на полях саммита").
 */
export function sidelinesBefore(view: SentenceView, i: number, gap: number): boolean {
  for (let k = Math.max(view.sentence.first, i - gap - SIDELINES_MAX); k < i; k++) {
    const cue = view.tags.at(CUE.sidelines, k, i);
    if (!cue) continue;
    const between = view.tokens.slice(k + cue.length, i);
    if (between.length <= gap && between.every((t) => t.key !== ',')) return true;
  }
  return false;
}

/** Members of an organisation on a date, or undefined when the lexicon lists none. */
export function membersOn(lex: Lexicon, org: string, date: PartialDate): ReadonlySet<string> | undefined {
  const entry = lex.data.organizations.find((o) => o.code === org);
  if (!entry?.members || entry.members.length === 0) return undefined;
  return new Set(entry.members.filter((m) => dateWithin(date, m.from, m.to)).map((m) => m.code));
}


/**
 * Who an article names as able to take part in a meeting: its people and office holders, and
 * per organisation its members. Read off the whole article once, however many meetings it codes.
 */
export class Participants {
  private readonly views: readonly SentenceView[];
  private readonly lex: Lexicon;
  private readonly date: PartialDate;
  private readonly byOrg = new Map<string, readonly ActorRef[]>();

  constructor(views: readonly SentenceView[], lex: Lexicon, date: PartialDate) {
    this.views = views;
    this.lex = lex;
    this.date = date;
  }

  /** People, office holders and members of `org` the article names, first mention of each state, in text order. */
  named(org: string): readonly ActorRef[] {
    let refs = this.byOrg.get(org);
    if (refs) return refs;
    const members = membersOn(this.lex, org, this.date);
    const seen = new Map<string, ActorRef>();
    for (const v of this.views) {
      for (const m of v.actors) {
        if (!m.code || seen.has(m.code)) continue;
        if (m.kind === 'person' || m.kind === 'office' || (members?.has(m.code) && !m.attributive)) seen.set(m.code, mentionRef(m, wordsOf(v, m.start, m.end)));
      }
    }
    refs = [...seen.values()];
    this.byOrg.set(org, refs);
    return refs;
  }

  /**
   * The participants of an organisation's meeting: the organisation, the states of the meeting's
   * own sentence, and the states whose leaders, envoys or membership the article names.
   */
  of(org: ActorMention, view: SentenceView): ActorRef[] {
    const codes = new Map<string, ActorRef>();
    addRef(codes, mentionRef(org, wordsOf(view, org.start, org.end)));
    // an organisation the lexicon does not know (IGO) is named at a summit, it does not hold a seat there
    for (const m of view.actors) if ((!m.attributive || m.kind === 'adjective') && m.code !== 'IGO') addRef(codes, mentionRef(m, wordsOf(view, m.start, m.end)));
    for (const r of this.named(org.code)) addRef(codes, r);
    return [...codes.values()];
  }
}

/** Keep a ref under its code, the first of each code. */
function addRef(codes: Map<string, ActorRef>, r: ActorRef): void {
  if (r.code && !codes.has(r.code)) codes.set(r.code, r);
}

/** Those of a meeting's participants who can sign for the organisation: the organisation and its members. */
export function signatories(participants: readonly ActorRef[], org: string, lex: Lexicon, date: PartialDate): ActorRef[] {
  const members = membersOn(lex, org, date);
  if (!members) return [...participants];
  return participants.filter((p) => p.code === org || members.has(p.code));
}
