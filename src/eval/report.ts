/**
 * The evaluation report: a plain-text table for people and a JSON form for machines.
 * Formatting only — every figure is computed in score.ts.
 */
import {
  LANGS,
  type AgreementRecord,
  type CommitmentRecord,
  type EventRecord,
  type PartnershipRecord,
} from '../model/index.ts';
import type { CorpusProblem } from './corpus.ts';
import type { DayCounts } from './days.ts';
import type { GoldAgreement, GoldCommitment, GoldEvent, GoldPartnership } from './gold.ts';
import { FACT_FIELDS, MEASURES, metrics, type Aggregate, type ArticleScore, type FieldScore, type GroupScore } from './score.ts';

/** Everything an evaluation run produced. */
export interface EvalReport extends Aggregate {
  /** The corpus folder evaluated. */
  readonly corpus: string;
  /** One score per article, in corpus order. */
  readonly scores: readonly ArticleScore[];
  /** Corpus files that could not be used (not scored). */
  readonly problems: readonly CorpusProblem[];
}

export interface FormatOptions {
  /** How many of the worst articles to list (default 10; 0 for none). */
  readonly worst?: number;
  /** List each listed article's missed and spurious items. */
  readonly details?: boolean;
}

const EVIDENCE_MAX = 90;

function quote(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `"${t.length > EVIDENCE_MAX ? `${t.slice(0, EVIDENCE_MAX - 1)}…` : t}"`;
}

function dyad(actor: readonly string[], recipient: readonly string[]): string {
  return `${[...actor].sort().join('+')}${recipient.length > 0 ? `>${[...recipient].sort().join('+')}` : ''}`;
}

/** A gold event in one line: "CONSULT/visit KAZ>TUR 2022-05 "evidence"". */
export function describeGoldEvent(e: GoldEvent): string {
  return `${e.type.join('|')}${e.mode ? `/${e.mode}` : ''} ${dyad(e.actor, e.recipient)} ${e.date} ${quote(e.evidence)}`;
}

/** A predicted event in one line, in the same shape as a gold event. */
export function describeEvent(e: EventRecord): string {
  const codes = (refs: EventRecord['actor']): string[] => [...new Set(refs.map((r) => r.code))];
  return `${e.type}${e.mode ? `/${e.mode}` : ''} ${dyad(codes(e.actor), codes(e.recipient))} ${e.date} ${quote(e.evidence.text)}`;
}

type AnyPartnership = GoldPartnership | PartnershipRecord;
type AnyCommitment = GoldCommitment | CommitmentRecord;
type AnyAgreement = GoldAgreement | AgreementRecord;

function describePartnership(p: AnyPartnership): string {
  return `partnership ${dyad(p.parties, [])} ${p.level}${p.since ? ` since ${p.since}` : ''}`;
}

function describeCommitment(c: AnyCommitment): string {
  return `commitment ${dyad(c.parties, [])} ${c.metric} ${c.value} ${c.unit}${c.by ? ` by ${c.by}` : ''}`;
}

function describeAgreement(a: AnyAgreement): string {
  return `agreements ${dyad(a.parties, [])}${a.count === undefined ? '' : ` count ${a.count}`}${a.date ? ` ${a.date}` : ''}`;
}

const fmt = (x: number): string => x.toFixed(3);

function tableRows(label: string, g: GroupScore): string[][] {
  return MEASURES.map((m, i) => {
    const x = g.metrics[m];
    // Nothing to find and nothing predicted: the figures are 1 by convention, but a dash says it plainly.
    const empty = x.tp + x.fp + x.fn === 0;
    const figs = empty ? ['-', '-', '-'] : [fmt(x.precision), fmt(x.recall), fmt(x.f1)];
    return [i === 0 ? label : '', m, ...figs, String(x.tp), String(x.fp), String(x.fn)];
  });
}

/** Columns padded to their widest cell; numbers right-aligned. */
function layout(rows: readonly string[][], rightFrom: number): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, c) => (c >= rightFrom ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
}

/** Day precision in one line: "dates: day given 63, right day 40, month only 20, wrong 3". */
export function daysLine(d: DayCounts): string {
  return `dates: day given ${d.given}, right day ${d.right}, month only ${d.monthOnly}, wrong ${d.wrong}`;
}

function articleLine(rank: number, s: ArticleScore): string {
  const e = metrics(s.events);
  const facts = FACT_FIELDS.reduce((n, f) => n + s[f].fp + s[f].fn, 0);
  return `${String(rank).padStart(3)}. ${s.article} (${s.lang})  events F1 ${fmt(e.f1)}  tp/fp/fn ${e.tp}/${e.fp}/${e.fn}`
    + `${facts > 0 ? `  fact errors ${facts}` : ''}${s.error !== undefined ? `  FAILED: ${s.error}` : ''}`;
}

function detailLines<G, P>(f: FieldScore<G, P>, gold: (g: G) => string, pred: (p: P) => string): string[] {
  return [...f.missed.map((g) => `       missed    ${gold(g)}`), ...f.spurious.map((p) => `       spurious  ${pred(p)}`)];
}

/** The report as a plain-text table (per language × field), then the worst articles. */
export function formatReport(report: EvalReport, options: FormatOptions = {}): string {
  const worst = options.worst ?? 10;
  const lines: string[] = [];
  lines.push(`Corpus ${report.corpus}: ${report.overall.articles} articles scored, ${report.failed} failed, ${report.problems.length} files with problems`);
  lines.push('');
  const rows: string[][] = [['lang', 'field', 'P', 'R', 'F1', 'tp', 'fp', 'fn']];
  rows.push(...tableRows('all', report.overall));
  for (const lang of LANGS) {
    const g = report.byLang[lang];
    if (g) rows.push(...tableRows(`${lang} (${g.articles})`, g));
  }
  lines.push(...layout(rows, 2));
  // Matching ignores the day; this says how often the day the text gives comes out right.
  lines.push('');
  const dayLabels: [string, DayCounts][] = [['all', report.overall.days]];
  for (const lang of LANGS) {
    const g = report.byLang[lang];
    if (g) dayLabels.push([lang, g.days]);
  }
  const width = Math.max(...dayLabels.map(([l]) => l.length));
  for (const [label, d] of dayLabels) lines.push(`${label.padEnd(width)}  ${daysLine(d)}`);

  const listed = report.worst.slice(0, Math.max(0, worst));
  if (listed.length > 0) {
    lines.push('', `Worst articles (lowest event F1, then most errors): ${listed.length} of ${report.worst.length} with errors`);
    listed.forEach((s, i) => {
      lines.push(articleLine(i + 1, s));
      if (!options.details) return;
      lines.push(
        ...detailLines(s.events, describeGoldEvent, describeEvent),
        ...detailLines(s.partnerships, describePartnership, describePartnership),
        ...detailLines(s.commitments, describeCommitment, describeCommitment),
        ...detailLines(s.agreements, describeAgreement, describeAgreement),
      );
    });
  }
  if (report.problems.length > 0) {
    lines.push('', 'Problems (not scored):');
    for (const p of report.problems) lines.push(`  ${p.message.startsWith(p.file) ? p.message : `${p.file}: ${p.message}`}`);
  }
  return lines.join('\n') + '\n';
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

function groupJson(g: GroupScore): Record<string, unknown> {
  const out: Record<string, unknown> = { articles: g.articles, days: g.days };
  for (const m of MEASURES) {
    const x = g.metrics[m];
    out[m] = { precision: round(x.precision), recall: round(x.recall), f1: round(x.f1), tp: x.tp, fp: x.fp, fn: x.fn };
  }
  return out;
}

/** A predicted record without its bulky provenance: what was claimed and where. */
function eventJson(e: EventRecord): Record<string, unknown> {
  return {
    id: e.id, type: e.type, ...(e.mode ? { mode: e.mode } : {}),
    actor: e.actor.map((a) => a.code), recipient: e.recipient.map((a) => a.code), date: e.date,
    evidence: e.evidence.text, start: e.evidence.start, end: e.evidence.end, pattern: e.pattern,
  };
}

function factJson(f: PartnershipRecord | CommitmentRecord | AgreementRecord): Record<string, unknown> {
  // Language and article are known from the enclosing entry; only the claim and its span matter.
  const rest: Record<string, unknown> = { ...f };
  delete rest.lang;
  delete rest.article;
  return { ...rest, evidence: f.evidence.text, start: f.evidence.start, end: f.evidence.end };
}

function fieldJson<G, P>(f: FieldScore<G, P>, pred: (p: P) => Record<string, unknown>): Record<string, unknown> {
  return { tp: f.tp, fp: f.fp, fn: f.fn, neutral: f.neutral, missed: f.missed, spurious: f.spurious.map(pred) };
}

/** The report as a JSON-ready object (figures rounded to 4 decimals; every article's detail). */
export function reportToJson(report: EvalReport): Record<string, unknown> {
  const byLang: Record<string, unknown> = {};
  for (const lang of LANGS) {
    const g = report.byLang[lang];
    if (g) byLang[lang] = groupJson(g);
  }
  return {
    corpus: report.corpus,
    failed: report.failed,
    overall: groupJson(report.overall),
    byLang,
    worst: report.worst.map((s) => s.article),
    problems: report.problems,
    articles: report.scores.map((s) => ({
      article: s.article,
      lang: s.lang,
      title: s.title,
      ...(s.error !== undefined ? { error: s.error } : {}),
      events: fieldJson(s.events, eventJson),
      partnerships: fieldJson(s.partnerships, factJson),
      commitments: fieldJson(s.commitments, factJson),
      agreements: fieldJson(s.agreements, factJson),
      days: s.days,
    })),
  };
}
