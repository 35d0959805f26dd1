/** Printing records: JSON lines or an aligned table. */
import type { OutputRecord } from '../model/index.ts';

export function toJsonl(records: readonly OutputRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
}

function cut(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** A table with one line per record. */
export function toTable(records: readonly OutputRecord[]): string {
  const rows: string[][] = [['kind', 'type', 'actor', 'recipient', 'date', 'detail', 'evidence']];
  for (const r of records) {
    if (r.kind === 'event') {
      rows.push(['event', `${r.type}${r.mode ? `/${r.mode}` : ''} ${r.cameo}`, r.actor.map((a) => a.code).join('+'), r.recipient.map((a) => a.code).join('+'), r.date, r.pattern, cut(r.evidence.text, 70)]);
    } else if (r.kind === 'partnership') {
      rows.push(['partnership', r.level, r.parties.join('+'), '', r.since ?? '', '', cut(r.evidence.text, 70)]);
    } else if (r.kind === 'commitment') {
      rows.push(['commitment', r.metric, r.parties.join('+'), '', r.by ?? '', `${r.value} ${r.unit} (${r.status})`, cut(r.evidence.text, 70)]);
    } else {
      rows.push(['agreement', r.count !== undefined ? `${r.count} signed` : 'signed', r.parties.join('+'), '', r.date, cut(r.fields.join(', '), 40), cut(r.evidence.text, 70)]);
    }
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd()).join('\n') + '\n';
}
