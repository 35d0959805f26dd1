/** The construction suite's figures as text: per language, per type, and the sentences that failed. */
import { EVENT_TYPES, LANGS, type EventRecord, type Lang } from '../model/index.ts';
import type { SentenceResult, SuiteExpectation, SuiteGroup, SuiteReport } from './suite.ts';

const fmt = (x: number): string => x.toFixed(3);

/** Columns padded to their widest cell; numbers right-aligned. */
function layout(rows: readonly string[][], rightFrom: number): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, c) => (c >= rightFrom ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
}

function figures(g: SuiteGroup | undefined): string[] {
  if (!g || g.tp + g.fp + g.fn === 0) return ['-', '-', '-', '0', '0', '0'];
  return [fmt(g.precision), fmt(g.recall), fmt(g.f1), String(g.tp), String(g.fp), String(g.fn)];
}

function expectation(e: SuiteExpectation): string {
  const t = Array.isArray(e.type) ? e.type.join('|') : e.type;
  return `${t}${e.mode ? `/${e.mode}` : ''} ${e.actor.join('+')}>${e.recipient.join('+')}`;
}

function coded(e: EventRecord): string {
  return `${e.type}${e.mode ? `/${e.mode}` : ''} ${e.actor.map((a) => a.code).join('+')}>${e.recipient.map((a) => a.code).join('+')} (${e.pattern})`;
}

/** A failed sentence in three lines: where and what, what it expected, what was coded. */
function failure(r: SentenceResult): string[] {
  const s = r.sentence;
  return [
    `  ${s.where}${s.note ? ` [${s.note}]` : ''}  ${s.text}`,
    ...(r.error !== undefined ? [`      FAILED: ${r.error}`] : []),
    ...r.missed.map((e) => `      missed    ${expectation(e)}`),
    ...r.spurious.map((e) => `      spurious  ${coded(e)}`),
  ];
}

export interface SuiteFormatOptions {
  /** Failed sentences to list (default 20). */
  readonly failures?: number;
}

/** The suite report: languages, types by language (F1), failures. */
export function formatSuiteReport(report: SuiteReport, options: SuiteFormatOptions = {}): string {
  const lines: string[] = [];
  const langs = LANGS.filter((l) => report.byLang.has(l));
  lines.push(`Suite ${report.dir}: ${report.results.length} sentences, ${report.results.filter((r) => r.missed.length + r.spurious.length > 0).length} with errors`, '');
  const rows: string[][] = [['lang', 'sentences', 'P', 'R', 'F1', 'tp', 'fp', 'fn']];
  for (const l of langs) {
    const g = report.byLang.get(l)?.all;
    rows.push([l, String(report.results.filter((r) => r.sentence.lang === l).length), ...figures(g)]);
  }
  lines.push(...layout(rows, 1), '');
  const types = EVENT_TYPES.filter((t) => langs.some((l) => report.byLang.get(l)?.byType.has(t)));
  const matrix: string[][] = [['events F1 by type', ...langs.map((l: Lang) => `${l} (n)`)]];
  for (const t of types) {
    matrix.push([t, ...langs.map((l) => {
      const g = report.byLang.get(l)?.byType.get(t);
      return g && g.tp + g.fp + g.fn > 0 ? `${fmt(g.f1)} (${g.sentences})` : '-';
    })]);
  }
  lines.push(...layout(matrix, 1));
  const failed = report.results.filter((r) => r.missed.length + r.spurious.length > 0 || r.error !== undefined);
  const n = options.failures ?? 20;
  if (failed.length > 0 && n > 0) {
    lines.push('', `Failed sentences (${Math.min(n, failed.length)} of ${failed.length}):`);
    for (const r of failed.slice(0, n)) lines.push(...failure(r));
  }
  return `${lines.join('\n')}\n`;
}

/** The report as JSON: figures per language and type, and every failure. */
export function suiteReportToJson(report: SuiteReport): unknown {
  return {
    suite: report.dir,
    sentences: report.results.length,
    byLang: Object.fromEntries([...report.byLang].map(([l, g]) => [l, { all: g.all, byType: Object.fromEntries(g.byType) }])),
    failures: report.results.filter((r) => r.missed.length + r.spurious.length > 0 || r.error !== undefined).map((r) => ({
      where: r.sentence.where, text: r.sentence.text, note: r.sentence.note, error: r.error,
      missed: r.missed.map(expectation), spurious: r.spurious.map(coded),
    })),
  };
}
