/** `dyad status`: the queue's depth, throughput and failures, and each watched source's health. */
import { queueStatus, rerunFailed, type QueueStatus } from '../../queue/index.ts';
import { DyadError } from '../../model/index.ts';
import { defineCommand } from '../options.ts';
import { withWorkplace } from '../queue.ts';
import { ARCHIVE_OPTIONS } from '../shared.ts';

function ago(iso: string | undefined): string {
  if (iso === undefined) return 'never';
  const s = Math.round((Date.now() - Date.parse(iso)) / 1000);
  const a = Math.abs(s);
  const span = a < 120 ? `${a} s` : a < 7200 ? `${Math.round(a / 60)} min` : `${Math.round(a / 3600)} h`;
  return s < 0 ? `in ${span}` : `${span} ago`;
}

/** The status as people read it. */
export function statusText(s: QueueStatus): string {
  const lines: string[] = [];
  if (!s.queue) {
    lines.push('queue: none (a SQLite archive: ingest, recode and watch work in one process)');
  } else {
    lines.push('queue     waiting  retrying  active  done(24h)  failed');
    for (const d of s.depth) {
      lines.push(`${d.kind.padEnd(9)} ${String(d.queued).padStart(7)}  ${String(d.retrying).padStart(8)}  ${String(d.active).padStart(6)}  ${String(d.completed).padStart(9)}  ${String(d.failed).padStart(6)}`);
    }
    lines.push(`throughput: ${s.throughput.lastMinute} jobs in the last minute, ${s.throughput.last15Minutes} in 15 minutes (${s.throughput.perMinute}/min)`);
    if (s.failures.length > 0) lines.push('failures (re-run with dyad status --rerun ID, or --rerun all):');
    for (const f of s.failures) lines.push(`  ${f.state === 'failed' ? 'parked  ' : 'retrying'} ${f.kind} ${f.id} ${f.subject} after ${f.attempts} tries: ${f.reason}`);
  }
  lines.push(s.sources.length === 0 ? 'sources: none watched' : 'sources:');
  for (const src of s.sources) {
    const health = src.lastError !== undefined ? `failing (${src.failures} in a row, next try ${ago(src.nextCheck)}): ${src.lastError}` : `ok, next check ${ago(src.nextCheck)}`;
    lines.push(`  ${src.address}  last success ${ago(src.lastSuccess)}, ${src.items} items; ${health}`);
  }
  return `${lines.join('\n')}\n`;
}

export const statusCommand = defineCommand({
  name: 'status',
  summary: 'Show the job queue (depth, throughput, failures with reasons) and the watched sources',
  args: [],
  options: {
    rerun: { type: 'string', value: 'ID|all', multiple: true, description: 're-queue a parked (failed) job by its id, or every one with "all"' },
    format: { type: 'string', value: 'FORMAT', choices: ['table', 'json'], default: 'table', description: 'how to print the status' },
    ...ARCHIVE_OPTIONS,
  },
  async run({ values }) {
    return withWorkplace(values, async ({ store, queue }) => {
      if (values.rerun.length > 0) {
        if (!queue) throw new DyadError('usage', '--rerun: a SQLite archive has no queue, so no parked job', '--rerun');
        const n = await rerunFailed(queue, values.rerun.includes('all') ? [] : values.rerun);
        process.stdout.write(`re-queued ${n} parked job${n === 1 ? '' : 's'}\n`);
        return 0;
      }
      const s = await queueStatus(store, queue);
      process.stdout.write(values.format === 'json' ? `${JSON.stringify(s, null, 2)}\n` : statusText(s));
      return 0;
    }, { create: false });
  },
});
