/** `dyad worker`: take fetch, article and recode jobs from the archive's queue and run them. */
import { DyadError, LANGS } from '../../model/index.ts';
import { hasQueue, openQueue, startWorker, type JobEvent } from '../../queue/index.ts';
import { openStore, resolveLocation } from '../../store/index.ts';
import { defineCommand } from '../options.ts';
import { ARCHIVE_OPTIONS, FETCH_OPTIONS, fetchLimits, LEXICON_OPTIONS, loadLexicons, wholeNumber } from '../shared.ts';

/** One line per job finished or failed (and, with --verbose, taken). */
function jobLine(e: JobEvent): string {
  if (e.phase === 'failed') return `failed ${e.kind} ${e.id}: ${e.error ?? ''}`;
  const r = e.result;
  return `${e.phase} ${e.kind} ${e.id}${r ? ` ${r.subject}: ${r.status}${r.events !== undefined ? ` (${r.events} events)` : ''}` : ''}`;
}

export const workerCommand = defineCommand({
  name: 'worker',
  summary: 'Run jobs from the queue of a PostgreSQL archive: fetch, code and store, recode',
  about: [
    'Start as many workers as you like, on any machine that reaches the database; the archive is the same whatever their number.',
    'A job that fails is retried with a growing delay, then parked with its reason (dyad status; dyad status --rerun).',
    'SIGTERM or Ctrl-C: no new job is taken, the jobs in hand finish within --grace seconds or go back to the queue.',
    'A worker killed outright: its job goes to another worker once the job\'s time (--job-timeout of ingest) runs out.',
  ],
  args: [],
  options: {
    batch: { type: 'string', value: 'N', default: '1', description: 'jobs taken at once (more saves round trips on small articles)' },
    grace: { type: 'string', value: 'SECONDS', default: '30', description: 'time the jobs in hand have to finish on SIGTERM' },
    'until-idle': { type: 'boolean', description: 'stop once no job is waiting, retrying or held by any worker (for batch runs)' },
    maintenance: { type: 'string', value: 'SECONDS', default: '30', description: 'how often expired jobs (of killed workers) are handed on' },
    verbose: { type: 'boolean', description: 'also print a line when a job is taken' },
    ...FETCH_OPTIONS,
    ...ARCHIVE_OPTIONS,
    ...LEXICON_OPTIONS,
  },
  async run({ values }) {
    const location = resolveLocation(values.db);
    if (!hasQueue(location)) {
      throw new DyadError('usage', `dyad worker needs a PostgreSQL archive (--db postgres://...); ${location} is SQLite, where ingest, recode and watch do their work in one process`, '--db');
    }
    const batchSize = Math.max(1, wholeNumber('batch', values.batch));
    const graceMs = wholeNumber('grace', values.grace) * 1000;
    const maintenanceSeconds = Math.max(1, wholeNumber('maintenance', values.maintenance));
    const lexicons = loadLexicons(values);
    // Compile every language now, so that the first job of each language is not the slow one.
    for (const lang of LANGS) if (lexicons.has(lang)) lexicons.get(lang);
    const store = await openStore(location);
    try {
      const queue = await openQueue(location, { supervise: true, maintenanceSeconds });
      const out = process.stdout;
      const worker = await startWorker({
        queue, store, lexicons, limits: fetchLimits(values), batchSize,
        onJob: (e) => { if (e.phase !== 'start' || values.verbose) out.write(`${jobLine(e)}\n`); },
      });
      process.stderr.write(`dyad worker: taking jobs from ${queue.location} (queue schema ${queue.schema}); Ctrl-C to stop\n`);
      const stopped = new Promise<string>((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
      });
      const why = await Promise.race([stopped, ...(values['until-idle'] ? [worker.idle().then(() => 'idle')] : [])]);
      process.stderr.write(`dyad worker: stopping (${why}); jobs in hand have ${graceMs / 1000} s\n`);
      await worker.stop(graceMs);
      return 0;
    } finally {
      await store.close();
    }
  },
});
