/** Archive commands: ingest, recode, events, articles, export. */
import { ingest, recode } from '../archive/index.ts';
import type { LexiconSet } from '../lexicon/index.ts';
import { DyadError, isEventType, isLang, isPartialDate, type EventType, type Lang } from '../model/index.ts';
import { openStore, type EventRow, type Store } from '../store/index.ts';

type Opts = Record<string, string | boolean | string[] | undefined>;

function str(values: Opts, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

function dateOpt(values: Opts, name: string): string | undefined {
  const v = str(values, name);
  if (v !== undefined && !isPartialDate(v)) throw new DyadError('bad_date', `--${name}: expected YYYY-MM-DD, YYYY-MM or YYYY, got "${v}"`, `--${name}`);
  return v;
}

function codeOpt(value: string, name: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9]{1,9}$/.test(code)) throw new DyadError('usage', `--${name}: expected a state or organisation code such as KAZ, got "${value}"`, `--${name}`);
  return code;
}

function intOpt(values: Opts, name: string, fallback: number): number {
  const v = str(values, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new DyadError('usage', `--${name}: expected a whole number, got "${v}"`, `--${name}`);
  return n;
}

/** Open the store named by --db (or DYAD_DB, or ./dyad.db), run `work`, always close it. */
export async function withStore<T>(values: Opts, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(str(values, 'db'));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** `dyad ingest PATH|URL|FEED...`: code and store, then print a summary. */
export async function cmdIngest(inputs: string[], values: Opts, lexicons: LexiconSet): Promise<number> {
  if (inputs.length === 0) throw new DyadError('usage', 'ingest: give at least one file, folder, URL or feed');
  const tty = process.stderr.isTTY;
  const started = Date.now();
  const fallback = dateOpt(values, 'published');
  const summary = await withStore(values, (store) => ingest(store, inputs, lexicons, {
    fullPages: values['full-pages'] === true,
    ...(fallback !== undefined ? { today: fallback } : {}),
    onItem: (done, address, status) => {
      if (tty) process.stderr.write(`\r\x1b[K${done} items  ${status.padEnd(9)} ${address.slice(-60)}`);
      else if (done % 100 === 0) process.stderr.write(`${done} items\n`);
    },
  }));
  if (tty) process.stderr.write('\r\x1b[K');
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const out = process.stdout;
  out.write(`added ${summary.added}, replaced ${summary.replaced}, unchanged ${summary.unchanged}, skipped ${summary.skipped.length}, failed ${summary.failed.length} (${summary.events} events coded, ${secs} s)\n`);
  for (const s of summary.skipped) out.write(`  skipped ${s.address}: ${s.reason}: ${s.message}\n`);
  for (const f of summary.failed) out.write(`  failed  ${f.address}: ${f.reason}: ${f.message}\n`);
  return summary.failed.length > 0 ? 1 : 0;
}

/** `dyad recode`: recode the articles an older lexicon coded. */
export async function cmdRecode(values: Opts, lexicons: LexiconSet): Promise<number> {
  const result = await withStore(values, (store) => recode(store, lexicons));
  process.stdout.write(`recoded ${result.recoded} articles with lexicon ${lexicons.data.version}, failed ${result.failed.length}\n`);
  for (const f of result.failed) process.stdout.write(`  failed  ${f.address}: ${f.reason}: ${f.message}\n`);
  return result.failed.length > 0 ? 1 : 0;
}

function csvCell(v: unknown): string {
  const s = Array.isArray(v) ? v.join(' ') : v === undefined || v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function printRows(rows: readonly Record<string, unknown>[], columns: readonly string[], format: string): void {
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

function formatOpt(values: Opts, allowed: readonly string[]): string {
  const f = str(values, 'format') ?? allowed[0] ?? 'table';
  if (!allowed.includes(f)) throw new DyadError('usage', `--format: expected ${allowed.join(', ')}, got "${f}"`, '--format');
  return f;
}

/** `dyad events`: real-world events with their mention and source counts. */
export async function cmdEvents(values: Opts): Promise<number> {
  const format = formatOpt(values, ['table', 'jsonl', 'csv']);
  const type = str(values, 'type')?.toUpperCase();
  if (type !== undefined && !isEventType(type)) throw new DyadError('usage', `--type: not a PLOVER event type: "${type}"`, '--type');
  const lang = str(values, 'lang');
  if (lang !== undefined && !isLang(lang)) throw new DyadError('bad_lang', `--lang: expected en, tr, ru or kk, got "${lang}"`, '--lang');
  const dyadText = str(values, 'dyad');
  let dyad: [string, string] | undefined;
  if (dyadText !== undefined) {
    const parts = dyadText.split(',');
    if (parts.length !== 2) throw new DyadError('usage', `--dyad: expected two codes such as KAZ,TUR, got "${dyadText}"`, '--dyad');
    dyad = [codeOpt(parts[0] ?? '', 'dyad'), codeOpt(parts[1] ?? '', 'dyad')];
  }
  const actor = str(values, 'actor');
  const from = dateOpt(values, 'from');
  const to = dateOpt(values, 'to');
  const rows = await withStore(values, (store) => store.events({
    ...(actor !== undefined ? { actor: codeOpt(actor, 'actor') } : {}),
    ...(dyad ? { dyad } : {}),
    ...(type !== undefined ? { type: type as EventType } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(lang !== undefined ? { lang: lang as Lang } : {}),
    limit: intOpt(values, 'limit', 100),
    offset: intOpt(values, 'offset', 0),
  }));
  printRows(rows as unknown as Record<string, unknown>[], ['id', 'date', 'type', 'mode', 'actors', 'recipients', 'mentions', 'sources', 'languages'], format);
  return 0;
}

/** `dyad articles`: archived articles. */
export async function cmdArticles(values: Opts): Promise<number> {
  const format = formatOpt(values, ['table', 'jsonl', 'csv']);
  const lang = str(values, 'lang');
  if (lang !== undefined && !isLang(lang)) throw new DyadError('bad_lang', `--lang: expected en, tr, ru or kk, got "${lang}"`, '--lang');
  const from = dateOpt(values, 'from');
  const to = dateOpt(values, 'to');
  const q = str(values, 'q');
  const rows = await withStore(values, (store) => store.articles({
    ...(lang !== undefined ? { lang: lang as Lang } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(q !== undefined ? { q } : {}),
    limit: intOpt(values, 'limit', 100),
    offset: intOpt(values, 'offset', 0),
  }));
  printRows(rows as unknown as Record<string, unknown>[], ['id', 'published', 'lang', 'title', 'address'], format);
  return 0;
}

/** A PLOVER interchange record (field names of the PLOVER JSON format) for one event. */
function ploverRecord(e: EventRow, first: { text: string; address?: string; lang: string } | undefined): Record<string, unknown> {
  return {
    id: `dyad-${e.id}`,
    date: e.date,
    event_type: e.type,
    mode: e.mode ?? '',
    actor: e.actors.join(';'),
    recipient: e.recipients.join(';'),
    quad_code: undefined,
    num_mentions: e.mentions,
    num_sources: e.sources,
    languages: e.languages,
    source_text: first?.text ?? '',
    source_url: first?.address ?? '',
  };
}

/** `dyad export --format jsonl|csv|plover`: every event with its mentions. */
export async function cmdExport(values: Opts): Promise<number> {
  const format = formatOpt(values, ['jsonl', 'csv', 'plover']);
  const out = process.stdout;
  await withStore(values, async (store) => {
    if (format === 'csv') out.write('id,date,type,mode,actors,recipients,mentions,sources,languages,evidence\n');
    for await (const { event, mentions } of store.export()) {
      const first = mentions[0];
      if (format === 'jsonl') out.write(`${JSON.stringify({ ...event, mentions })}\n`);
      else if (format === 'plover') {
        const rec = ploverRecord(event, first ? { text: first.evidence.text, ...(first.article.address ? { address: first.article.address } : {}), lang: first.lang } : undefined);
        out.write(`${JSON.stringify({ ...rec, quad_code: first?.record.quad, goldstein: first?.record.score })}\n`);
      } else {
        out.write(`${[event.id, event.date, event.type, event.mode, event.actors, event.recipients, event.mentions, event.sources, event.languages, first?.evidence.text].map(csvCell).join(',')}\n`);
      }
    }
  });
  return 0;
}
