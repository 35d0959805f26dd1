/** `dyad export`: every archived event with its mentions. */
import type { EventRow } from '../../store/index.ts';
import { defineCommand } from '../options.ts';
import { csvCell } from '../rows.ts';
import { ARCHIVE_OPTIONS, withStore } from '../shared.ts';

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

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'Export every archived event with its mentions',
  args: [],
  options: {
    format: { type: 'string', value: 'F', choices: ['jsonl', 'csv', 'plover'], default: 'jsonl', description: 'JSON lines with mentions, CSV, or PLOVER interchange records' },
    ...ARCHIVE_OPTIONS,
  },
  async run({ values }) {
    const { format } = values;
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
  },
});
