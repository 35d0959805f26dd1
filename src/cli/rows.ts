/** Printing archive rows (events, articles) as a table, JSON lines or CSV. */
import { csvField } from './csv.ts';

/** Row formats the archive listings offer; the first is their default. */
export const ROW_FORMATS = ['table', 'jsonl', 'csv'] as const;

/** One CSV cell: lists joined by spaces, quoted when it holds a quote, comma or line break. */
export function csvCell(v: unknown): string {
  return csvField(v, ',');
}

/** Print rows with the given columns in the given format. */
export function printRows(rows: readonly Record<string, unknown>[], columns: readonly string[], format: (typeof ROW_FORMATS)[number]): void {
  const out = process.stdout;
  if (format === 'jsonl') {
    for (const r of rows) out.write(`${JSON.stringify(r)}\n`);
    return;
  }
  if (format === 'csv') {
    out.write(`${columns.join(',')}\n`);
    for (const r of rows) out.write(`${columns.map((c) => csvCell(r[c])).join(',')}\n`);
    return;
  }
  const cells = [columns.slice(), ...rows.map((r) => columns.map((c) => {
    const v = r[c];
    const s = Array.isArray(v) ? v.join('+') : v === undefined || v === null ? '' : String(v);
    return s.length > 60 ? `${s.slice(0, 59)}…` : s;
  }))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  for (const row of cells) out.write(`${row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()}\n`);
}
