/**
 * A country's profile: its partners ranked by cooperation and by conflict, and its multi-vector
 * balance over time.
 *
 * The balance, per year (docs/analysis.md defines it for users):
 *   - cooperation with a partner p is the number of distinct cooperative events (quad classes 1
 *     and 2) between the country and p; each pole's cooperation is the sum over its partners;
 *   - the **multi-vector index** is the normalised Shannon entropy of the pole shares,
 *     MVI = −Σ s_k ln s_k / ln 5 over the five poles: 1 when cooperation is spread evenly over
 *     Russia, China, the West, the Turkic world and the rest, 0 when it all goes to one pole;
 *   - the **effective number of partners** is 1 / Σ s_p² over partners (the inverse
 *     Herfindahl–Hirschman index): how many equal partners the spread is worth.
 * A year with fewer than MIN_EVENTS cooperative events has no index (too few to say).
 */
import { ploverScore, QUAD } from '../model/index.ts';
import type { EventCount, Store } from '../store/index.ts';
import { POLES, poleOf, type Pole } from './poles.ts';
import { defined, pointsOf, round, type Range, type TimelinePoint } from './timeline.ts';

export const MIN_EVENTS = 5;

export interface PartnerSummary {
  readonly code: string;
  readonly pole: Pole;
  readonly events: number;
  readonly cooperation: number;
  readonly conflict: number;
  /** Sum of the PLOVER scores of the events with this partner. */
  readonly score: number;
}

export interface BalancePoint {
  readonly year: string;
  /** Cooperative events that year. */
  readonly cooperation: number;
  /** Share of the year's cooperation per pole. */
  readonly poles: Readonly<Record<Pole, number>>;
  /** Multi-vector index in [0, 1], when there were at least MIN_EVENTS cooperative events. */
  readonly index?: number;
  readonly effectivePartners?: number;
}

export interface Profile {
  readonly code: string;
  readonly events: number;
  /** Partners by cooperation (most first), and by conflict (most first, only those with any). */
  readonly partners: readonly PartnerSummary[];
  readonly conflicts: readonly PartnerSummary[];
  readonly balance: readonly BalancePoint[];
  /** The country's events with everyone, month by month. */
  readonly timeline: readonly TimelinePoint[];
}

const isCooperation = (c: EventCount): boolean => QUAD[c.type] <= 2;

/** Shares of a distribution (empty when it sums to zero). */
function shares(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  return total === 0 ? [] : values.map((v) => v / total);
}

/** Normalised Shannon entropy of pole shares: 1 even, 0 all on one pole. */
export function multiVectorIndex(byPole: Readonly<Record<Pole, number>>): number {
  const s = shares(POLES.map((p) => byPole[p])).filter((x) => x > 0);
  // `+ 0` turns the −0 of a single pole into 0.
  return s.length === 0 ? 0 : round(-s.reduce((h, x) => h + x * Math.log(x), 0) / Math.log(POLES.length), 3) + 0;
}

/** Inverse Herfindahl–Hirschman index of partner shares. */
export function effectivePartners(byPartner: readonly number[]): number {
  const s = shares(byPartner);
  return s.length === 0 ? 0 : round(1 / s.reduce((h, x) => h + x * x, 0), 2);
}

/** Balance per year from an actor's event counts. */
export function balanceOf(counts: readonly EventCount[]): BalancePoint[] {
  const years = new Map<string, Map<string, number>>();
  for (const c of counts) {
    if (!isCooperation(c)) continue;
    const year = c.period.slice(0, 4);
    const partners = years.get(year) ?? new Map<string, number>();
    partners.set(c.partner, (partners.get(c.partner) ?? 0) + c.events);
    years.set(year, partners);
  }
  return [...years].sort(([a], [b]) => (a < b ? -1 : 1)).map(([year, partners]) => {
    const byPole = Object.fromEntries(POLES.map((p) => [p, 0])) as Record<Pole, number>;
    for (const [code, n] of partners) byPole[poleOf(code)] += n;
    const cooperation = [...partners.values()].reduce((a, b) => a + b, 0);
    const poleShares = Object.fromEntries(POLES.map((p) => [p, round(byPole[p] / cooperation, 3)])) as Record<Pole, number>;
    return {
      year, cooperation, poles: poleShares,
      ...(cooperation >= MIN_EVENTS ? { index: multiVectorIndex(byPole), effectivePartners: effectivePartners([...partners.values()]) } : {}),
    };
  });
}

/** A country's (or organisation's) profile over a range of dates. */
export async function countryProfile(store: Store, code: string, range: Range = {}): Promise<Profile> {
  // A country's poles are its partners' poles: its own never counts (an event with itself has no dyad).
  const counts = await store.eventCounts({ actor: code, ...defined(range) });
  const partners = new Map<string, { events: number; cooperation: number; conflict: number; score: number }>();
  for (const c of counts) {
    const p = partners.get(c.partner) ?? { events: 0, cooperation: 0, conflict: 0, score: 0 };
    p.events += c.events;
    if (isCooperation(c)) p.cooperation += c.events;
    else p.conflict += c.events;
    p.score += ploverScore(c.type, c.mode) * c.events;
    partners.set(c.partner, p);
  }
  const list: PartnerSummary[] = [...partners].map(([partner, p]) => ({ code: partner, pole: poleOf(partner), ...p, score: round(p.score, 2) }));
  return {
    code,
    events: list.reduce((a, p) => a + p.events, 0),
    partners: [...list].sort((a, b) => b.cooperation - a.cooperation || b.events - a.events || a.code.localeCompare(b.code)),
    conflicts: list.filter((p) => p.conflict > 0).sort((a, b) => b.conflict - a.conflict || a.code.localeCompare(b.code)),
    balance: balanceOf(counts),
    timeline: pointsOf(counts),
  };
}
