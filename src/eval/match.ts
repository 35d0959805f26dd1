/**
 * Reduction and matching for one article, as GUIDELINE.md "Scoring" 1–4 define them.
 * Everything here is pure: gold items and predicted records in, pairs and leftovers out.
 */
import {
  datesAgree,
  truncateDate,
  type AgreementRecord,
  type CommitmentRecord,
  type EventRecord,
  type OutputRecord,
  type PartnershipRecord,
} from '../model/index.ts';
import type { GoldAgreement, GoldCommitment, GoldEvent, GoldFile, GoldPartnership } from './gold.ts';
import { matchOneToOne, type Matching } from './assign.ts';
import { foldText, wordsOf } from './fold.ts';
import { normaliseLevel } from './levels.ts';

/** Jaccard threshold for actor sets of three or more (Scoring 2). */
export const JACCARD_MIN = 0.6;
/** Relative tolerance for commitment values (Scoring 4). */
export const VALUE_TOLERANCE = 0.01;

/** Jaccard index of two code sets; two empty sets are identical (1). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

/**
 * True when two actor (or recipient, or party) sets match: equal, or — when either has three
 * or more members — overlapping with a Jaccard index of at least 0.6. The rule is applied
 * symmetrically: for sets of at most two, Jaccard ≥ 0.6 already means equality, so the only
 * difference from a gold-side reading is that a 3-set may match a 2-set from either side.
 */
export function setsMatch(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === b.size && [...a].every((x) => b.has(x))) return true;
  return Math.max(a.size, b.size) >= 3 && jaccard(a, b) >= JACCARD_MIN;
}

function union(a: Iterable<string>, b: Iterable<string>): Set<string> {
  return new Set([...a, ...b]);
}

/** The organisations the guideline codes by name (Actors); it codes any other organisation `IGO`. */
const GUIDELINE_ORGANIZATIONS = new Set(['UNO', 'EUR', 'NATO', 'OTS', 'SCO', 'CSTO', 'EAEU', 'CIS', 'CICA', 'OSCE', 'OIC', 'ECO', 'BRICS']);

function codesOf(refs: readonly { readonly code: string }[]): Set<string> {
  return new Set(refs.map((r) => r.code));
}

/**
 * The codes of predicted actors as a gold set that writes `IGO` reads them: an organisation the
 * guideline does not name (the Council of Europe) is `IGO` there, unless the gold names it.
 */
function codesAgainst(refs: readonly { readonly code: string; readonly sector?: string }[], gold: ReadonlySet<string>): Set<string> {
  if (!gold.has('IGO')) return codesOf(refs);
  return new Set(refs.map((r) => (r.sector === 'IGO' && !GUIDELINE_ORGANIZATIONS.has(r.code) && !gold.has(r.code) ? 'IGO' : r.code)));
}

function sortedKey(set: Iterable<string>): string {
  return [...new Set(set)].sort().join('+');
}

/** The reduction key of a predicted event: type, actor set, recipient set, date cut to the month. */
export function eventKey(e: EventRecord): string {
  return [e.type, sortedKey(codesOf(e.actor)), sortedKey(codesOf(e.recipient)), truncateDate(e.date, 'month')].join('|');
}

/** Items with the same key counted once, first occurrence kept, order preserved. */
export function reduceBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/** Predicted events reduced to a set (Scoring 1): mode and day do not make two events. */
export function reduceEvents(events: readonly EventRecord[]): EventRecord[] {
  return reduceBy(events, eventKey);
}

/** True when a predicted event matches a gold event (Scoring 2). */
export function eventMatches(gold: GoldEvent, pred: EventRecord): boolean {
  if (!gold.type.includes(pred.type)) return false;
  if (!datesAgree(gold.date, pred.date)) return false;
  const ga = new Set(gold.actor);
  const gr = new Set(gold.recipient);
  const pa = codesAgainst(pred.actor, union(ga, gr));
  const pr = codesAgainst(pred.recipient, union(ga, gr));
  if (setsMatch(ga, pa) && setsMatch(gr, pr)) return true;
  if (pred.type !== 'CONSULT') return false;
  // A CONSULT may be written visitor → host (or caller → callee) or as one actor set with no
  // recipient; either side may use either form. Directions are still told apart: two
  // recipient-bearing forms must agree as they stand, so A→B does not match B→A.
  if (pr.size === 0 && setsMatch(union(ga, gr), pa)) return true;
  if (gr.size === 0 && setsMatch(ga, union(pa, pr))) return true;
  return false;
}

/** A metric name folded for the reduction key: case, hyphens and spacing aside. */
export function normaliseMetric(metric: string): string {
  return foldText(metric);
}

// Words that name no quantity: "volume of trade" and "share of gas" share only "of".
const FUNCTION_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'per', 'the', 'to', 'with']);

/** The words a metric is named by, function words left out. */
export function metricWords(metric: string): Set<string> {
  return new Set(wordsOf(metric).filter((w) => !FUNCTION_WORDS.has(w)));
}

/**
 * True when two metrics agree (Scoring 4): they share a word, when both give one. A metric
 * with no words of its own (empty) is not compared: the values and parties decide.
 */
export function metricsAgree(gold: string, pred: string): boolean {
  const g = metricWords(gold);
  const p = metricWords(pred);
  if (g.size === 0 || p.size === 0) return true;
  return [...p].some((w) => g.has(w));
}

/** The year of a partial date (its first four characters). */
function yearOf(date: string): string {
  return truncateDate(date, 'year');
}

/** Reduction key of a partnership: party set, normalised level, since year. */
export function partnershipKey(p: PartnershipRecord): string {
  return [sortedKey(p.parties), normaliseLevel(p.level), p.since === undefined ? '' : yearOf(p.since)].join('|');
}

/** True when a predicted partnership matches a gold one: parties, level, since-year when both give it. */
export function partnershipMatches(gold: GoldPartnership, pred: PartnershipRecord): boolean {
  if (!setsMatch(new Set(gold.parties), new Set(pred.parties))) return false;
  if (normaliseLevel(gold.level) !== normaliseLevel(pred.level)) return false;
  if (gold.since !== undefined && pred.since !== undefined && yearOf(gold.since) !== yearOf(pred.since)) return false;
  return true;
}

/** Reduction key of a commitment: party set, metric, value. */
export function commitmentKey(c: CommitmentRecord): string {
  return [sortedKey(c.parties), normaliseMetric(c.metric), String(c.value)].join('|');
}

/** True when two values agree within 1% of the gold value. */
export function valuesAgree(gold: number, pred: number): boolean {
  return Math.abs(pred - gold) <= VALUE_TOLERANCE * Math.abs(gold);
}

/**
 * True when a predicted commitment matches a gold one: parties, metrics sharing a word, value
 * within 1%. Only targets are compared; an observed figure never reaches here (see
 * reducePredictions).
 */
export function commitmentMatches(gold: GoldCommitment, pred: CommitmentRecord): boolean {
  return setsMatch(new Set(gold.parties), new Set(pred.parties))
    && metricsAgree(gold.metric, pred.metric)
    && valuesAgree(gold.value, pred.value);
}

/** Reduction key of an agreement batch: party set and count. */
export function agreementKey(a: AgreementRecord): string {
  return [sortedKey(a.parties), a.count === undefined ? '' : String(a.count)].join('|');
}

/** True when a predicted agreement batch matches a gold one: parties, and count when both give it. */
export function agreementMatches(gold: GoldAgreement, pred: AgreementRecord): boolean {
  if (!setsMatch(new Set(gold.parties), new Set(pred.parties))) return false;
  return gold.count === undefined || pred.count === undefined || gold.count === pred.count;
}

/** Predicted records split by kind, reduced to sets, ready to match. */
export interface Predictions {
  readonly events: readonly EventRecord[];
  readonly partnerships: readonly PartnershipRecord[];
  readonly commitments: readonly CommitmentRecord[];
  readonly agreements: readonly AgreementRecord[];
}

/** Split predicted records by kind and reduce each kind to a set of distinct keys. */
export function reducePredictions(records: readonly OutputRecord[]): Predictions {
  const events: EventRecord[] = [];
  const partnerships: PartnershipRecord[] = [];
  const commitments: CommitmentRecord[] = [];
  const agreements: AgreementRecord[] = [];
  for (const r of records) {
    switch (r.kind) {
      case 'event': events.push(r); break;
      case 'partnership': partnerships.push(r); break;
      // Gold commitments are targets only ("numeric targets"); a level reported as already
      // reached is not annotated, so scoring it could only ever count against the coder.
      case 'commitment': if (r.status !== 'observed') commitments.push(r); break;
      case 'agreement': agreements.push(r); break;
    }
  }
  return {
    events: reduceEvents(events),
    partnerships: reduceBy(partnerships, partnershipKey),
    commitments: reduceBy(commitments, commitmentKey),
    agreements: reduceBy(agreements, agreementKey),
  };
}

/** Matching of every field of one article. */
export interface ArticleMatching {
  readonly events: Matching<GoldEvent, EventRecord>;
  readonly partnerships: Matching<GoldPartnership, PartnershipRecord>;
  readonly commitments: Matching<GoldCommitment, CommitmentRecord>;
  readonly agreements: Matching<GoldAgreement, AgreementRecord>;
}

/** Reduce an article's predictions and match each field against its gold. */
export function matchArticle(gold: GoldFile, predicted: readonly OutputRecord[]): ArticleMatching {
  const p = reducePredictions(predicted);
  return {
    // of equally many pairs, the one that pairs each gold event with a prediction of its very date
    events: matchOneToOne(gold.events, p.events, eventMatches, (g) => g.optional === true, (g, e) => g.date === e.date),
    partnerships: matchOneToOne(gold.partnerships, p.partnerships, partnershipMatches),
    commitments: matchOneToOne(gold.commitments, p.commitments, commitmentMatches),
    agreements: matchOneToOne(gold.agreements, p.agreements, agreementMatches),
  };
}
