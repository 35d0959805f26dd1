/**
 * A country's profile: how many events it took part in (each once), its partners ranked by
 * cooperation, the partners it is mostly in conflict with, and its multi-vector balance over time.
 *
 * Cooperation and conflict follow PLOVER's quad classes (relation.ts). Events with three or more
 * parties (summits) are multilateral; the partner ranking puts bilateral cooperation first, so
 * sitting at the same summits does not make a state a country's top partner.
 *
 * The balance, per year (docs/analysis.md defines it for users):
 *   - a partner's cooperation is the number of distinct cooperative events (quad classes 1 and 2)
 *     the country had with it; each pole's cooperation is the sum over its partners (a summit
 *     counts once for each partner at it, as a tie);
 *   - the **multi-vector index** is the normalised Shannon entropy of the pole shares,
 *     MVI = −Σ s_k ln s_k / ln 5 over the five poles: 1 when cooperation is spread evenly over
 *     Russia, China, the West, the Turkic world and the rest, 0 when it all goes to one pole;
 *   - the **effective number of partners** is 1 / Σ s_p² over partners (the inverse
 *     Herfindahl–Hirschman index): how many equal partners the spread is worth.
 * A year with fewer than MIN_EVENTS distinct cooperative events has no index (too few to say);
 * the indices are given to two significant digits, with their n.
 */
import { ploverScore, QUAD, QUADS, type Quad } from '../model/index.ts';
import type { EventCount, PartnerCount, Scope, Store } from '../store/index.ts';
import { countFilterOf, defined, eventFilterOf, type EventSelection } from './filter.ts';
import { POLES, poleOf, type Pole } from './poles.ts';
import { relationOf, significant } from './relation.ts';
import { pointsOf, round, totalsOf, type CountedEvents, type Score, type TimelinePoint } from './timeline.ts';

export const MIN_EVENTS = 5;

export interface PartnerSummary {
  readonly code: string;
  readonly pole: Pole;
  /** Distinct events with this partner. */
  readonly events: number;
  /** Of them, with no third party; and with three or more parties. */
  readonly bilateral: number;
  readonly multilateral: number;
  /** Events in quad classes 1–2, and of them the bilateral ones (the ranking's first key). */
  readonly cooperation: number;
  readonly bilateralCooperation: number;
  /** Events in quad classes 3–4. */
  readonly conflict: number;
  readonly byQuad: Readonly<Record<Quad, number>>;
  /** Sum and mean of the PLOVER scores of the events with this partner. */
  readonly score: Score;
}

export interface BalancePoint {
  readonly year: string;
  /** Distinct cooperative events that year (the index's n). */
  readonly cooperation: number;
  /** Cooperative ties per pole: an event counts once for each partner in it. */
  readonly ties: Readonly<Record<Pole, number>>;
  /** Share of the year's ties per pole (two decimals). */
  readonly poles: Readonly<Record<Pole, number>>;
  /** Multi-vector index in [0, 1], when there were at least MIN_EVENTS cooperative events. */
  readonly index?: number;
  readonly effectivePartners?: number;
}

export interface Profile {
  readonly code: string;
  /** Distinct events with at least one partner, each once, and their split by quad class and scope. */
  readonly events: number;
  readonly byQuad: Readonly<Record<Quad, number>>;
  readonly byScope: Readonly<Record<Scope, number>>;
  readonly score: Score;
  /** Partners by bilateral cooperation, then all cooperation, then all events (most first). */
  readonly partners: readonly PartnerSummary[];
  /** Partners with more conflictual than cooperative events, by conflict (most first). */
  readonly conflicts: readonly PartnerSummary[];
  readonly balance: readonly BalancePoint[];
  /** The country's events with everyone, month by month, each once. */
  readonly timeline: readonly TimelinePoint[];
}

/** Shares of a distribution (empty when it sums to zero). */
function shares(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  return total === 0 ? [] : values.map((v) => v / total);
}

/** Normalised Shannon entropy of pole shares, to two significant digits: 1 even, 0 all on one pole. */
export function multiVectorIndex(byPole: Readonly<Record<Pole, number>>): number {
  const s = shares(POLES.map((p) => byPole[p])).filter((x) => x > 0);
  return s.length === 0 ? 0 : significant(-s.reduce((h, x) => h + x * Math.log(x), 0) / Math.log(POLES.length));
}

/** Inverse Herfindahl–Hirschman index of partner shares, to two significant digits. */
export function effectivePartners(byPartner: readonly number[]): number {
  const s = shares(byPartner);
  return s.length === 0 ? 0 : significant(1 / s.reduce((h, x) => h + x * x, 0));
}

const emptyPoles = (): Record<Pole, number> => Object.fromEntries(POLES.map((p) => [p, 0])) as Record<Pole, number>;

/**
 * Balance per year from an actor's per-partner counts, with each year's n from its distinct
 * events (`totals`; without them, the ties are taken as the events). A count without a type
 * (`Store.partnerCounts`) is taken as cooperative: ask it for cooperative types only.
 */
export function balanceOf(counts: readonly (EventCount | PartnerCount)[], totals?: readonly CountedEvents[]): BalancePoint[] {
  const years = new Map<string, Map<string, number>>();
  for (const c of counts) {
    if ('type' in c && relationOf(c.type) !== 'cooperation') continue;
    const year = c.period.slice(0, 4);
    const partners = years.get(year) ?? new Map<string, number>();
    partners.set(c.partner, (partners.get(c.partner) ?? 0) + c.events);
    years.set(year, partners);
  }
  const distinct = new Map<string, number>();
  for (const t of totals ?? counts) {
    if (!('type' in t) || relationOf(t.type) === 'cooperation') distinct.set(t.period.slice(0, 4), (distinct.get(t.period.slice(0, 4)) ?? 0) + t.events);
  }
  return [...years].sort(([a], [b]) => (a < b ? -1 : 1)).map(([year, partners]) => {
    const ties = emptyPoles();
    for (const [code, n] of partners) ties[poleOf(code)] += n;
    const all = [...partners.values()].reduce((a, b) => a + b, 0);
    const cooperation = distinct.get(year) ?? 0;
    const poles = Object.fromEntries(POLES.map((p) => [p, round(ties[p] / all, 2)])) as Record<Pole, number>;
    return {
      year, cooperation, ties, poles,
      ...(cooperation >= MIN_EVENTS ? { index: multiVectorIndex(ties), effectivePartners: effectivePartners([...partners.values()]) } : {}),
    };
  });
}

/** Each partner's events, split by quad class and scope, from per-partner counts. */
function partnersOf(counts: readonly EventCount[]): PartnerSummary[] {
  const partners = new Map<string, { events: number; bilateral: number; multilateral: number; bilateralCooperation: number; byQuad: Record<Quad, number>; sum: number }>();
  for (const c of counts) {
    const p = partners.get(c.partner) ?? { events: 0, bilateral: 0, multilateral: 0, bilateralCooperation: 0, byQuad: { 1: 0, 2: 0, 3: 0, 4: 0 }, sum: 0 };
    p.events += c.events;
    p[c.scope] += c.events;
    p.byQuad[QUAD[c.type]] += c.events;
    if (c.scope === 'bilateral' && relationOf(c.type) === 'cooperation') p.bilateralCooperation += c.events;
    p.sum += ploverScore(c.type, c.mode) * c.events;
    partners.set(c.partner, p);
  }
  return [...partners].map(([code, p]) => ({
    code, pole: poleOf(code), events: p.events, bilateral: p.bilateral, multilateral: p.multilateral,
    cooperation: p.byQuad[1] + p.byQuad[2], bilateralCooperation: p.bilateralCooperation, conflict: p.byQuad[3] + p.byQuad[4],
    byQuad: p.byQuad, score: { sum: round(p.sum), mean: round(p.sum / p.events) },
  }));
}

/** A country's (or organisation's) profile under a selection of events. */
export async function countryProfile(store: Store, code: string, selection: EventSelection = {}): Promise<Profile> {
  // A country's poles are its partners' poles: its own never counts (an event with itself has no dyad).
  const filter = countFilterOf(code, undefined, selection);
  // Partners over the whole range; for the balance, cooperative events only, by partner and
  // year, their types together: the store answers both off its yearly summary, a bounded number
  // of rows however large the archive.
  const cooperative = QUADS.filter((q) => q <= 2 && (filter.quad === undefined || filter.quad === q)
    && (filter.type === undefined || QUAD[filter.type] === q));
  const [counts, yearly, totals] = await Promise.all([
    store.eventCounts({ ...filter, per: 'range' }),
    Promise.all(cooperative.map((quad) => store.partnerCounts({ ...filter, quad, per: 'year' }))),
    store.eventTotals(filter),
  ]);
  const list = partnersOf(counts);
  const timeline = pointsOf(totals, { actor: code, ...eventFilterOf({ ...defined(selection), from: undefined, to: undefined }) });
  const total = totalsOf(timeline);
  return {
    code,
    events: total.events, byQuad: total.byQuad, byScope: total.byScope, score: total.score,
    partners: [...list].sort((a, b) => b.bilateralCooperation - a.bilateralCooperation || b.cooperation - a.cooperation
      || b.events - a.events || a.code.localeCompare(b.code)),
    // An adversary is a partner the relation with is mostly conflict: one request among several
    // cooperative events does not make an ally one.
    conflicts: list.filter((p) => p.conflict > p.cooperation)
      .sort((a, b) => b.conflict - a.conflict || b.byQuad[4] - a.byQuad[4] || a.code.localeCompare(b.code)),
    balance: balanceOf(yearly.flat(), totals),
    timeline,
  };
}
