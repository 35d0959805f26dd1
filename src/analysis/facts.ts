/**
 * The facts an analyst follows for a pair or a country: the partnership ladder (designations and
 * since when), the agreements register and the commitments tracker (targets, what was later
 * reported as achieved, and the progress between them). Each entry keeps its sources: the
 * articles and sentences that state it, across languages.
 */
import { dateBounds, type Evidence, type PartialDate } from '../model/index.ts';
import type { ArticleRef, FactRow, Store } from '../store/index.ts';
import { round } from './timeline.ts';

/** One article stating a fact. */
export interface Source {
  readonly article: ArticleRef;
  readonly evidence: Evidence;
}

export interface Rung {
  /** The designation, in the guideline's English vocabulary ("enhanced strategic partnership"). */
  readonly level: string;
  readonly parties: readonly string[];
  /** The earliest date the sources give it (its "since"), or the first article's date. */
  readonly since?: PartialDate;
  readonly sources: readonly Source[];
}

export interface AgreementEntry {
  readonly parties: readonly string[];
  readonly date: PartialDate;
  /** Agreements signed, as the sources give it (the largest count stated). */
  readonly count?: number;
  readonly fields: readonly string[];
  readonly sources: readonly Source[];
}

export interface Observation {
  readonly value: number;
  /** When the value was reached (the year or month the source gives), or the article's date. */
  readonly date: PartialDate;
  readonly sources: readonly Source[];
}

export interface Target {
  readonly value: number;
  /** When the target was set. */
  readonly set: PartialDate;
  /** The deadline, when stated. */
  readonly by?: PartialDate;
  readonly sources: readonly Source[];
  /** The latest observation made after the target was set, and the share of the target it reached. */
  readonly progress?: { readonly observed: number; readonly date: PartialDate; readonly share: number };
}

export interface CommitmentTrack {
  readonly parties: readonly string[];
  readonly metric: string;
  readonly unit: string;
  readonly targets: readonly Target[];
  readonly observations: readonly Observation[];
}

/** Which facts to read: of one party, or of a pair. */
export interface FactScope {
  readonly party: string;
  readonly partner?: string | undefined;
  readonly from?: PartialDate | undefined;
  readonly to?: PartialDate | undefined;
}

const MAX_FACTS = 10_000;

async function readFacts(store: Store, kind: FactRow['kind'], scope: FactScope): Promise<FactRow[]> {
  return store.facts({
    kind,
    ...(scope.partner ? { dyad: [scope.party, scope.partner] as const } : { party: scope.party }),
    ...(scope.from ? { from: scope.from } : {}),
    ...(scope.to ? { to: scope.to } : {}),
    limit: MAX_FACTS,
  });
}

const sourceOf = (f: FactRow): Source => ({ article: f.article, evidence: f.evidence });
const key = (parties: readonly string[]): string => [...parties].sort().join(' ');
/** The earlier of two dates; of two that agree ("2022-05" and "2022-05-10"), the more precise. */
function earlier(a: PartialDate | undefined, b: PartialDate | undefined): PartialDate | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  if (a.startsWith(b) || b.startsWith(a)) return a.length >= b.length ? a : b;
  return dateBounds(b).first < dateBounds(a).first ? b : a;
}
const byDate = (a: PartialDate | undefined, b: PartialDate | undefined): number =>
  (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0) || (a && b ? dateBounds(a).first.localeCompare(dateBounds(b).first) : 0);

/** The designations each pair of parties has held, oldest first. */
export async function partnershipLadder(store: Store, scope: FactScope): Promise<Rung[]> {
  const rungs = new Map<string, { level: string; parties: readonly string[]; since?: PartialDate; sources: Source[] }>();
  for (const f of await readFacts(store, 'partnership', scope)) {
    if (f.record.kind !== 'partnership') continue;
    const k = `${key(f.parties)}|${f.record.level}`;
    const r = rungs.get(k) ?? { level: f.record.level, parties: [...f.parties].sort(), sources: [] };
    const since = earlier(r.since, f.record.since ?? f.article.published);
    rungs.set(k, { ...r, ...(since ? { since } : {}), sources: [...r.sources, sourceOf(f)] });
  }
  return [...rungs.values()].sort((a, b) => byDate(a.since, b.since) || a.level.localeCompare(b.level));
}

// Two reports of one signing: same parties, dates that agree to the month.
const signingKey = (f: FactRow, date: PartialDate): string => `${key(f.parties)}|${date.slice(0, 7)}`;

/** Agreements signed, one entry per signing however many articles report it, oldest first. */
export async function agreementsRegister(store: Store, scope: FactScope): Promise<AgreementEntry[]> {
  const entries = new Map<string, { parties: readonly string[]; date: PartialDate; count?: number; fields: Set<string>; sources: Source[] }>();
  for (const f of await readFacts(store, 'agreement', scope)) {
    if (f.record.kind !== 'agreement') continue;
    const k = signingKey(f, f.record.date);
    const e = entries.get(k) ?? { parties: [...f.parties].sort(), date: f.record.date, fields: new Set<string>(), sources: [] };
    if (f.record.date.length > e.date.length) e.date = f.record.date;
    if (f.record.count !== undefined) e.count = Math.max(e.count ?? 0, f.record.count);
    for (const field of f.record.fields) e.fields.add(field);
    e.sources.push(sourceOf(f));
    entries.set(k, e);
  }
  return [...entries.values()].sort((a, b) => byDate(a.date, b.date))
    .map((e) => ({ parties: e.parties, date: e.date, ...(e.count !== undefined ? { count: e.count } : {}), fields: [...e.fields].sort(), sources: e.sources }));
}

/** Targets and observed values per pair, metric and unit, with the progress between them. */
export async function commitmentsTracker(store: Store, scope: FactScope): Promise<CommitmentTrack[]> {
  const tracks = new Map<string, { parties: readonly string[]; metric: string; unit: string; targets: Map<string, Target & { sources: Source[] }>; observations: Map<string, Observation & { sources: Source[] }> }>();
  for (const f of await readFacts(store, 'commitment', scope)) {
    const r = f.record;
    if (r.kind !== 'commitment') continue;
    const k = `${key(f.parties)}|${r.metric}|${r.unit}`;
    let t = tracks.get(k);
    if (!t) tracks.set(k, t = { parties: [...f.parties].sort(), metric: r.metric, unit: r.unit, targets: new Map(), observations: new Map() });
    if (r.status === 'target') {
      // The same target restated later is one target, set when first stated.
      const tk = `${r.value}|${r.by ?? ''}`;
      const prev = t.targets.get(tk);
      const set = earlier(prev?.set, r.date) ?? r.date;
      t.targets.set(tk, { value: r.value, set, ...(r.by ? { by: r.by } : {}), sources: [...(prev?.sources ?? []), sourceOf(f)] });
    } else {
      const ok = `${r.value}|${r.date}`;
      const prev = t.observations.get(ok);
      t.observations.set(ok, { value: r.value, date: r.date, sources: [...(prev?.sources ?? []), sourceOf(f)] });
    }
  }
  return [...tracks.values()].map((t) => {
    const observations = [...t.observations.values()].sort((a, b) => byDate(a.date, b.date));
    const targets = [...t.targets.values()].sort((a, b) => byDate(a.set, b.set)).map((target) => {
      // Progress: the latest value reported for a period ending on or after the target was set
      // (a value for the year the target was set counts).
      const after = observations.filter((o) => dateBounds(o.date).last >= dateBounds(target.set).first.slice(0, 4));
      const last = after[after.length - 1];
      return last ? { ...target, progress: { observed: last.value, date: last.date, share: round(last.value / target.value, 3) } } : target;
    });
    return { parties: t.parties, metric: t.metric, unit: t.unit, targets, observations };
  }).sort((a, b) => a.metric.localeCompare(b.metric) || key(a.parties).localeCompare(key(b.parties)));
}
