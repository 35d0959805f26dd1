/** Printing records (JSON lines or an aligned table) and the lines that report a skipped or failed item. */
import type { OutputRecord } from '../model/index.ts';

/** One JSON record a line. */
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

/** An item that gave no article, as ingest and code report it: what, where, why, and the stable reason code. */
export interface ItemProblem {
  readonly address: string;
  readonly reason: string;
  readonly message: string;
}

/**
 * "skipped notes.bin: binary data (NUL bytes), not text [binary]". The readers' messages start
 * with the address already; others (the coder's, the store's) are given it here.
 */
export function problemLine(verb: 'skipped' | 'failed' | 'warning', p: ItemProblem): string {
  const said = p.message.startsWith(`${p.address}: `) ? p.message : `${p.address}: ${p.message}`;
  return `${verb} ${said} [${p.reason}]`;
}
