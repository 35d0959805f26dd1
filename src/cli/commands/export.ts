/**
 * `dyad export`: the archive as tables an analyst opens in a spreadsheet or a data frame (CSV or
 * JSON lines: events, mentions, partnerships, agreements, commitments, articles), as every event
 * with its mentions (JSON lines), or as PLOVER interchange records.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DyadError } from '../../model/index.ts';
import type { EventRow, Store } from '../../store/index.ts';
import { BOM, csvRecord, DELIMITERS, type CsvStyle } from '../csv.ts';
import { TABLE_NAMES, TABLES, type ExportTable, type TableName } from '../export-tables.ts';
import { defineCommand } from '../options.ts';
import { writeFileWhole, writeTo } from '../output.ts';
import { ARCHIVE_OPTIONS, READ_ONLY, withStore } from '../shared.ts';

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

/** Every event with its mentions (`jsonl` without --table), or PLOVER records. */
async function writeEvents(store: Store, out: NodeJS.WritableStream, format: 'jsonl' | 'plover'): Promise<void> {
  for await (const { event, mentions } of store.export()) {
    const first = mentions[0];
    if (format === 'jsonl') {
      await writeTo(out, `${JSON.stringify({ ...event, mentions })}\n`);
    } else {
      const rec = ploverRecord(event, first ? { text: first.evidence.text, ...(first.article.address ? { address: first.article.address } : {}), lang: first.lang } : undefined);
      await writeTo(out, `${JSON.stringify({ ...rec, quad_code: first?.record.quad, goldstein: first?.record.score })}\n`);
    }
  }
}

/** One table as CSV (a header line, then a record per row) or as one JSON object a line. */
async function writeTable(store: Store, table: ExportTable, out: NodeJS.WritableStream, format: 'csv' | 'jsonl', style: CsvStyle): Promise<number> {
  let rows = 0;
  if (format === 'csv') await writeTo(out, `${style.bom ? BOM : ''}${csvRecord(table.headers, style)}`);
  for await (const values of table.lines(store)) {
    await writeTo(out, format === 'csv' ? csvRecord(values, style) : `${JSON.stringify(Object.fromEntries(table.headers.map((h, i) => [h, values[i]])))}\n`);
    rows++;
  }
  return rows;
}

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'Export the archive: events, mentions, facts and articles as CSV or JSON lines, or PLOVER records',
  about: [
    'Without --table or --out: jsonl prints every event with its mentions, csv the events table, plover',
    'one PLOVER interchange record per event. --table NAME prints one table; --out DIR writes every table',
    '(or the one --table names) to DIR/NAME.csv or DIR/NAME.jsonl, each file complete or not there at all.',
    'CSV is UTF-8 with a byte-order mark (--no-bom to leave it out), CRLF line ends, RFC 4180 quoting;',
    'dates are ISO 8601 as precise as the text gives them (YYYY-MM-DD, YYYY-MM or YYYY), with their precision.',
  ],
  args: [],
  options: {
    format: { type: 'string', value: 'F', choices: ['jsonl', 'csv', 'plover'], default: 'jsonl', description: 'JSON lines, CSV, or PLOVER interchange records' },
    table: { type: 'string', value: 'NAME', choices: TABLE_NAMES, description: 'export this table only' },
    out: { type: 'string', value: 'DIR', description: 'write one file per table into DIR (made if missing) instead of standard output' },
    delimiter: { type: 'string', value: 'D', choices: DELIMITERS, default: ',', description: 'the CSV delimiter: ";" for Excel where decimals are written 0,5 (tr, ru, kk)' },
    'no-bom': { type: 'boolean', description: 'leave the UTF-8 byte-order mark out of CSV' },
    ...ARCHIVE_OPTIONS,
  },
  async run({ values }) {
    const { format } = values;
    if (format === 'plover' && (values.table !== undefined || values.out !== undefined)) {
      throw new DyadError('usage', 'export: --format plover writes events to standard output; --table and --out are for csv and jsonl', '--format');
    }
    const style: CsvStyle = { delimiter: values.delimiter, bom: !values['no-bom'] };
    const out = values.out;
    await withStore(values, async (store) => {
      if (out !== undefined) {
        await mkdir(out, { recursive: true });
        const names: readonly TableName[] = values.table !== undefined ? [values.table] : TABLE_NAMES;
        const tabular = format === 'csv' ? 'csv' : 'jsonl';
        for (const name of names) {
          const path = join(out, `${name}.${tabular}`);
          let rows = 0;
          await writeFileWhole(path, async (file) => { rows = await writeTable(store, TABLES[name], file, tabular, style); });
          process.stderr.write(`${path}: ${rows} rows\n`);
        }
      } else if (format === 'csv' || values.table !== undefined) {
        await writeTable(store, TABLES[values.table ?? 'events'], process.stdout, format === 'csv' ? 'csv' : 'jsonl', style);
      } else {
        await writeEvents(store, process.stdout, format);
      }
    }, READ_ONLY);
    return 0;
  },
});
