/**
 * One record per real-world event or fact in an article: an article that names the same
 * visit, partnership or batch of agreements twice yields it once.
 */
import type { OutputRecord } from '../model/index.ts';

const codes = (refs: readonly { readonly code: string }[]): string => refs.map((a) => a.code).sort().join(',');

/** The identity of a record within an article, as the gold guideline counts it. */
function keyOf(r: OutputRecord): string {
  switch (r.kind) {
    case 'event':
      return ['e', r.type, codes(r.actor), codes(r.recipient), r.date.slice(0, 7)].join('|');
    case 'partnership':
      return ['p', r.parties.join(','), r.level].join('|');
    case 'commitment':
      return ['c', r.parties.join(','), r.metric, r.value].join('|');
    case 'agreement':
      return ['a', r.parties.join(','), r.date.slice(0, 7)].join('|');
  }
}

/** Fold a later mention of the same record into the first: keep the most that either says. */
function combine(first: OutputRecord, later: OutputRecord): OutputRecord {
  if (first.kind === 'event' && later.kind === 'event') {
    return { ...first, date: finer(first.date, later.date) };
  }
  if (first.kind === 'partnership' && later.kind === 'partnership') return !first.since && later.since ? later : first;
  if (first.kind === 'agreement' && later.kind === 'agreement') {
    const count = Math.max(first.count ?? 0, later.count ?? 0);
    return { ...first, ...(count > 0 ? { count } : {}), fields: [...new Set([...first.fields, ...later.fields])] };
  }
  return first;
}

/** A later, finer date of the same event: "2022-05-10" refines "2022-05". */
function finer(date: string, other: string): string {
  return other.length > date.length && other.startsWith(date) ? other : date;
}

/** Talks that name no other side: a meeting of the actors alone. */
function talks(r: OutputRecord): boolean {
  return r.kind === 'event' && r.type === 'CONSULT' && r.mode === undefined && r.recipient.length === 0;
}

/**
 * Talks held during a visit are the visit: a meeting of A and B in the month A visits B is
 * dropped, and the day it gives dates the visit ("Tokayev Makes Moscow His First Stop" ... "met
 * for talks at the Kremlin on Monday").
 */
function withoutTalksOfVisits(records: readonly OutputRecord[]): OutputRecord[] {
  const visits = new Map<string, string>();
  for (const r of records) {
    if (r.kind === 'event' && r.type === 'CONSULT' && r.mode === 'visit') {
      visits.set(`${codes([...r.actor, ...r.recipient])}|${r.date.slice(0, 7)}`, r.date);
    }
  }
  const days = new Map<string, string>();
  for (const r of records) {
    if (r.kind !== 'event' || !talks(r)) continue;
    const key = `${codes(r.actor)}|${r.date.slice(0, 7)}`;
    const day = days.get(key) ?? visits.get(key);
    if (day !== undefined) days.set(key, finer(day, r.date));
  }
  return records.flatMap((r): OutputRecord[] => {
    if (r.kind !== 'event') return [r];
    if (talks(r) && visits.has(`${codes(r.actor)}|${r.date.slice(0, 7)}`)) return [];
    if (r.type !== 'CONSULT' || r.mode !== 'visit') return [r];
    const day = days.get(`${codes([...r.actor, ...r.recipient])}|${r.date.slice(0, 7)}`);
    return [day === undefined ? r : { ...r, date: finer(r.date, day) }];
  });
}

/** Two participant lists share this much (Jaccard) when they name one summit. */
const SAME_SUMMIT = 0.5;

/**
 * A summit told in several sentences is one summit: a multilateral meeting in the month of an
 * earlier one, with mostly the same participants ("the 7th summit gathered A, B, C, D"; "the
 * representatives of X and Y also took part in the meeting"), is that meeting, and is dropped.
 */
function withoutSummitRetellings(records: readonly OutputRecord[]): OutputRecord[] {
  const kept: { codes: Set<string>; month: string }[] = [];
  return records.filter((r) => {
    if (r.kind !== 'event' || r.type !== 'CONSULT' || r.mode !== 'multilateral') return true;
    const mine = new Set(r.actor.map((a) => a.code));
    const month = r.date.slice(0, 7);
    if (kept.some((k) => k.month === month && overlap(k.codes, mine) >= SAME_SUMMIT)) return false;
    kept.push({ codes: mine, month });
    return true;
  });
}

/**
 * A meeting whose sides no word named, filled in from the discourse ("Türk dünyası liderleri Bakü'de
 * buluştu"), in the month of a summit that all its sides attend, is that summit told again, and is
 * dropped; a meeting whose sides the text names (two leaders on the summit's sidelines) stays.
 */
function withoutUnnamedSummitMeetings(records: readonly OutputRecord[]): OutputRecord[] {
  const summits = records.filter((r) => r.kind === 'event' && r.type === 'CONSULT' && r.mode === 'multilateral');
  const days = new Map<OutputRecord, string>();
  const kept = records.filter((r) => {
    if (r.kind !== 'event' || r.type !== 'CONSULT' || r.mode !== undefined || r.recipient.length > 0 || !r.flags.includes('discourse-actor')) return true;
    const month = r.date.slice(0, 7);
    const summit = summits.find((m) => m.kind === 'event' && m.date.slice(0, 7) === month && r.actor.every((a) => m.actor.some((b) => b.code === a.code)));
    if (summit?.kind !== 'event') return true;
    // the day the retelling gives dates the summit
    days.set(summit, finer(days.get(summit) ?? summit.date, r.date));
    return false;
  });
  return kept.map((r) => {
    const day = days.get(r);
    return day === undefined || r.kind !== 'event' ? r : { ...r, date: day };
  });
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  const all = a.size + b.size - common;
  return all === 0 ? 0 : common / all;
}

/**
 * Two events of one identity that one sentence tells apart by their modes ("expelled the
 * ambassador and recalled its envoy"). Across sentences, other modes are other words for the
 * same event ("protests" that became "unrest").
 */
function distinctActs(a: OutputRecord, b: OutputRecord): boolean {
  return a.kind === 'event' && b.kind === 'event' && a.mode !== undefined && b.mode !== undefined && a.mode !== b.mode
    && a.evidence.sentence === b.evidence.sentence;
}

/** Merge records with the same identity, keeping the order of first mentions. */
export function mergeRecords(input: readonly OutputRecord[]): OutputRecord[] {
  const records = withoutUnnamedSummitMeetings(withoutSummitRetellings(withoutTalksOfVisits(input)));
  const out: OutputRecord[] = [];
  const at = new Map<string, number[]>();
  for (const r of records) {
    const key = keyOf(r);
    const same = at.get(key) ?? [];
    const i = same.find((k) => {
      const prev = out[k];
      return prev !== undefined && !distinctActs(prev, r);
    });
    const prev = i === undefined ? undefined : out[i];
    if (i === undefined || !prev) {
      at.set(key, [...same, out.length]);
      out.push(r);
    } else out[i] = combine(prev, r);
  }
  return out;
}
